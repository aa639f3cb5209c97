import { Module } from '@nestjs/common';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [OrganisationsModule], controllers: [UsersController], providers: [UsersService], exports: [UsersService] })
export class UsersModule {}
