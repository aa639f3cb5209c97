import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { UnitOfWorkModule } from '../common/unit-of-work/unit-of-work.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [AuditModule, UnitOfWorkModule, OrganisationsModule], controllers: [UsersController], providers: [UsersService], exports: [UsersService] })
export class UsersModule {}
