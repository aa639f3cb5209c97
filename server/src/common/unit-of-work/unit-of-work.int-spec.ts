import type { BoardEvent } from '@duijie/shared';
import { TestApp } from '../../testing/test-app';
import type { DomainEvent } from './domain-events';
import { UnitOfWork } from './unit-of-work';

const meetings = (sessionId: string): DomainEvent => ({ type: 'meetings.changed', sessionId, meetings: [] });

describe('unit of work (integration)', () => {
  let t: TestApp;
  let uow: UnitOfWork;
  const seen: { type: string; sessionIds: string[]; committed: number }[] = [];

  beforeAll(async () => {
    t = await TestApp.start();
    uow = t.app.get(UnitOfWork);
    await t.dataSource.query(`CREATE TABLE uow_probe (id text PRIMARY KEY)`);
    // Each subscriber also reads whether the change is visible outside its transaction: it must be.
    uow.on('meetings.changed', async (events) => {
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM uow_probe WHERE id = ANY($1)`, [events.map((e) => e.sessionId)]);
      seen.push({ type: 'meetings.changed', sessionIds: events.map((e) => e.sessionId), committed: n });
    });
  });
  afterAll(async () => {
    await t.dataSource.query(`DROP TABLE IF EXISTS uow_probe`);
    await t.close();
  });

  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('tells subscribers of a change only after it has committed, all events of a type at once and in order', async () => {
    const answer = await uow.run(async (tx) => {
      await tx.manager.query(`INSERT INTO uow_probe VALUES ('a'), ('b')`);
      tx.emit(meetings('a'));
      // Nothing is dispatched while the transaction is open.
      expect(seen).toEqual([]);
      tx.emit(meetings('b'));
      return 'the answer';
    });
    expect(answer).toBe('the answer');
    await settle();
    expect(seen).toEqual([{ type: 'meetings.changed', sessionIds: ['a', 'b'], committed: 2 }]);
  });

  it('tells nobody of a change that rolls back', async () => {
    seen.length = 0;
    await expect(
      uow.run(async (tx) => {
        await tx.manager.query(`INSERT INTO uow_probe VALUES ('c')`);
        tx.emit(meetings('c'));
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    await settle();
    expect(seen).toEqual([]);
    expect(await t.dataSource.query(`SELECT id FROM uow_probe WHERE id = 'c'`)).toEqual([]);
  });

  it('keeps a committed change and its answer when a subscriber fails', async () => {
    uow.on('board.appended', () => {
      throw new Error('a broken subscriber');
    });
    const event = { type: 'listing.withdrawn', sessionId: 'd', seq: 1, at: new Date().toISOString(), listingId: 'x' } as unknown as BoardEvent;
    const answer = await uow.run(async (tx) => {
      await tx.manager.query(`INSERT INTO uow_probe VALUES ('d')`);
      tx.emit({ type: 'board.appended', event });
      return 42;
    });
    expect(answer).toBe(42);
    expect(await t.dataSource.query(`SELECT id FROM uow_probe WHERE id = 'd'`)).toEqual([{ id: 'd' }]);
  });
});
