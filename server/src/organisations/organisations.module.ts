import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';

@Module({
  imports: [AuditModule, UnitOfWorkModule],
  controllers: [OrganisationsController],
  providers: [OrganisationsService],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
