import type { Page } from '../api';
import type { Notification, NotificationCount, NotificationListQuery } from '../notifications';
import { route } from './route';

export const notifications = {
  mine: route<{ query: NotificationListQuery; output: Page<Notification> }>()('GET', '/me/notifications', {
    summary: "The caller's notifications, newest first (`unread`: only those not read yet)",
  }),
  count: route<{ output: NotificationCount }>()('GET', '/me/notifications/count', {
    summary: "How many of the caller's notifications are unread (the bell's figure)",
  }),
  read: route<{ output: Notification }>()('POST', '/me/notifications/:id/read', {
    summary: "Marks one of the caller's notifications read (again: no change)",
    status: 200,
    idempotent: true,
  }),
  readAll: route<{ output: NotificationCount }>()('POST', '/me/notifications/read-all', {
    summary: "Marks all the caller's notifications read",
    status: 200,
    idempotent: true,
  }),
};
