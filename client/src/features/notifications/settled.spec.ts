import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { Notification, Page } from '@duijie/shared';
import { keys } from '../../api/keys';
import { applySettled } from './settled';

const notice = (id: string, readAt: string | null): Notification => ({
  id,
  kind: 'participation.applied',
  eventId: null,
  params: { organisation: '西宁钢铁', title: '银企专场' },
  link: null,
  timeZone: null,
  readAt,
  settledAt: null,
  createdAt: '2026-12-07T01:00:00.000Z',
});

describe('a live notification:settled', () => {
  it('drops the bell’s figure by the unread ones and shows them read and settled on every cached page', () => {
    const client = new QueryClient();
    const all = keys.notificationList({ unread: false, page: 1, pageSize: 20 });
    const unread = keys.notificationList({ unread: true, page: 1, pageSize: 8 });
    const page = (items: Notification[]): Page<Notification> => ({ items, total: items.length, page: 1, pageSize: 20 });
    client.setQueryData(keys.notificationCount, { unread: 5 });
    client.setQueryData(all, page([notice('a', null), notice('b', '2026-12-07T02:00:00.000Z'), notice('c', null)]));
    client.setQueryData(unread, page([notice('a', null), notice('c', null)]));

    applySettled(client, { ids: ['a', 'b'], unread: 1 }, '2026-12-07T03:00:00.000Z');

    expect(client.getQueryData(keys.notificationCount)).toEqual({ unread: 4 });
    const after = client.getQueryData<Page<Notification>>(all)!.items;
    expect(after.map((n) => [n.id, n.readAt, n.settledAt])).toEqual([
      ['a', '2026-12-07T03:00:00.000Z', '2026-12-07T03:00:00.000Z'],
      // Read before: it keeps when it was read.
      ['b', '2026-12-07T02:00:00.000Z', '2026-12-07T03:00:00.000Z'],
      ['c', null, null],
    ]);
    expect(client.getQueryData<Page<Notification>>(unread)!.items.map((n) => n.settledAt)).toEqual(['2026-12-07T03:00:00.000Z', null]);
  });

  it('never takes the figure below zero', () => {
    const client = new QueryClient();
    client.setQueryData(keys.notificationCount, { unread: 1 });
    applySettled(client, { ids: ['x', 'y'], unread: 2 }, '2026-12-07T03:00:00.000Z');
    expect(client.getQueryData(keys.notificationCount)).toEqual({ unread: 0 });
  });
});
