import { ID } from '../common/validation';
import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { InvitationCreated, OrganiserDepartmentCreated, User } from '@duijie/shared';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { InvitationDto, OrganiserDepartmentDto, UserUpdateDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('organisations/:id/users')
  list(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<User[]> {
    return this.users.list(principal, id);
  }

  /** Another organiser department and an invitation for its first organiser user. */
  @Post('organiser-departments')
  @Roles('organiser')
  createOrganiserDepartment(@CurrentUser() principal: Principal, @Body() dto: OrganiserDepartmentDto): Promise<OrganiserDepartmentCreated> {
    return this.users.createOrganiserDepartment(principal, dto);
  }

  @Post('organisations/:id/invitations')
  invite(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: InvitationDto): Promise<InvitationCreated> {
    return this.users.invite(principal, id, dto);
  }

  @Patch('users/:id')
  update(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: UserUpdateDto): Promise<User> {
    return this.users.update(principal, id, dto);
  }
}
