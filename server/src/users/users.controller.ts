import { ID } from '../common/validation';
import { Body, Controller, Param } from '@nestjs/common';
import { routes, type InvitationCreated, type OrganiserDepartmentCreated, type User } from '@duijie/shared';
import { Endpoint } from '../common/endpoint';
import { CurrentUser, Roles } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { InvitationDto, OrganiserDepartmentDto, UserUpdateDto } from './dto/user.dto';
import { UsersService } from './users.service';

@Controller()
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Endpoint(routes.users.list)
  list(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<User[]> {
    return this.users.list(principal, id);
  }

  /** Another organiser department and an invitation for its first organiser user. */
  @Endpoint(routes.users.createOrganiserDepartment)
  @Roles('organiser')
  createOrganiserDepartment(@CurrentUser() principal: Principal, @Body() dto: OrganiserDepartmentDto): Promise<OrganiserDepartmentCreated> {
    return this.users.createOrganiserDepartment(principal, dto);
  }

  @Endpoint(routes.users.invite)
  invite(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: InvitationDto): Promise<InvitationCreated> {
    return this.users.invite(principal, id, dto);
  }

  @Endpoint(routes.users.update)
  update(@CurrentUser() principal: Principal, @Param('id', ID) id: string, @Body() dto: UserUpdateDto): Promise<User> {
    return this.users.update(principal, id, dto);
  }
}
