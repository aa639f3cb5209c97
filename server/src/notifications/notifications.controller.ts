import { Controller, Param, Query } from '@nestjs/common';
import { routes, type Notification, type NotificationCount, type Page } from '@duijie/shared';
import { CurrentUser } from '../access/access.decorators';
import type { Principal } from '../access/principal';
import { Endpoint } from '../common/endpoint';
import { ID } from '../common/validation';
import { NotificationListQueryDto } from './dto/notification.dto';
import { NotificationsService } from './notifications.service';

/** Every signed-in user's own notifications; nobody reads or marks another's. */
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Endpoint(routes.notifications.mine)
  mine(@CurrentUser() principal: Principal, @Query() query: NotificationListQueryDto): Promise<Page<Notification>> {
    return this.notifications.list(principal, query);
  }

  @Endpoint(routes.notifications.count)
  count(@CurrentUser() principal: Principal): Promise<NotificationCount> {
    return this.notifications.count(principal);
  }

  @Endpoint(routes.notifications.read)
  read(@CurrentUser() principal: Principal, @Param('id', ID) id: string): Promise<Notification> {
    return this.notifications.read(principal, id);
  }

  @Endpoint(routes.notifications.readAll)
  readAll(@CurrentUser() principal: Principal): Promise<NotificationCount> {
    return this.notifications.readAll(principal);
  }
}
