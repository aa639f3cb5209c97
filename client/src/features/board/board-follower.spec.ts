import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BoardEvent, BoardJoinResult } from '@duijie/shared';
import { keys } from '../../api/keys';
import { created, listing, snapshot, totals } from '../../test/fixtures';
import { followBoard, getBoardSync } from './board-follower';
import type { LiveBoard } from './live-board';

type Join = { lastSeq: number | null; answer: (result: BoardJoinResult) => void };

/** Just enough of a socket.io client: handlers by event name, and the joins awaiting an answer. */
class FakeSocket {
  connected = true;
  joins: Join[] = [];
  private handlers = new Map<string, Set<(payload: unknown) => void>>();

  on(name: string, handler: (payload: unknown) => void): void {
    const set = this.handlers.get(name) ?? new Set();
    set.add(handler);
    this.handlers.set(name, set);
  }

  off(name: string, handler: (payload: unknown) => void): void {
    this.handlers.get(name)?.delete(handler);
  }

  emit(): void {}

  timeout() {
    return {
      emit: (_name: string, request: { lastSeq: number | null }, ack: (error: Error | null, result: BoardJoinResult) => void) => {
        this.joins.push({ lastSeq: request.lastSeq, answer: (result) => ack(null, result) });
      },
    };
  }

  push(event: BoardEvent): void {
    for (const handler of this.handlers.get('board:event') ?? []) handler(event);
  }
}

const fake = vi.hoisted(() => {
  const holder: { socket: FakeSocket | null } = { socket: null };
  return holder;
});

vi.mock('../../api/socket', () => ({
  getSocket: () => fake.socket,
  onSocketChange: () => () => {},
  reconnectSocket: () => {},
}));

let socket: FakeSocket;
let queryClient: QueryClient;
let stop: () => void;

const board = () => queryClient.getQueryData<LiveBoard>(keys.boardLive('s1'));
const ids = () => [...(board()?.listings.keys() ?? [])].sort();
const lastJoin = (): Join => {
  const join = socket.joins.at(-1);
  if (!join) throw new Error('no board:join was sent');
  return join;
};
const answerSnapshot = (seq: number, listings = [listing({ id: 'a' })]) =>
  lastJoin().answer({ ok: true, mode: 'snapshot', seq, snapshot: snapshot(seq, listings) });

beforeEach(() => {
  socket = new FakeSocket();
  fake.socket = socket;
  queryClient = new QueryClient();
  stop = followBoard(queryClient, 's1');
});

afterEach(() => stop());

describe('board follower', () => {
  it('joins from nothing and holds the snapshot it is answered with', () => {
    expect(socket.joins.map((j) => j.lastSeq)).toEqual([null]);
    expect(getBoardSync('s1')).toMatchObject({ joining: true, stale: true });
    answerSnapshot(5);
    expect(board()?.seq).toBe(5);
    expect(ids()).toEqual(['a']);
    expect(getBoardSync('s1')).toEqual({ joining: false, stale: false, error: null, syncedAt: null });
  });

  it('holds back events pushed during a join and applies them after the answer', () => {
    socket.push(created(6, listing({ id: 'b' })));
    socket.push(created(5, listing({ id: 'in-snapshot' })));
    socket.push(created(7, listing({ id: 'c' })));
    expect(board()).toBeUndefined();
    answerSnapshot(5);
    expect(board()?.seq).toBe(7);
    expect(ids()).toEqual(['a', 'b', 'c']);
    expect(socket.joins).toHaveLength(1);
  });

  it('on a gap in the pushes, joins again from the last event applied and catches up from the replay', () => {
    answerSnapshot(5);
    socket.push(created(6, listing({ id: 'b' })));
    socket.push(created(8, listing({ id: 'd' })));
    expect(board()?.seq).toBe(6);
    expect(socket.joins.map((j) => j.lastSeq)).toEqual([null, 6]);
    lastJoin().answer({ ok: true, mode: 'replay', seq: 8, events: [created(7, listing({ id: 'c' }))], totals: totals({ listingsOpen: 4 }) });
    // The replay stops at 7 while the server is at 8: it does not line up, so a snapshot is asked for.
    expect(board()?.seq).toBe(7);
    expect(socket.joins.map((j) => j.lastSeq)).toEqual([null, 6, null]);
    answerSnapshot(8, [listing({ id: 'a' }), listing({ id: 'b' }), listing({ id: 'c' }), listing({ id: 'd' })]);
    expect(board()?.seq).toBe(8);
    expect(ids()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('applies a replay that lines up, then the event that revealed the gap', () => {
    answerSnapshot(5);
    socket.push(created(7, listing({ id: 'c' })));
    expect(socket.joins.map((j) => j.lastSeq)).toEqual([null, 5]);
    lastJoin().answer({ ok: true, mode: 'replay', seq: 6, events: [created(6, listing({ id: 'b' }))], totals: totals({ listingsOpen: 2 }) });
    expect(board()?.seq).toBe(7);
    expect(ids()).toEqual(['a', 'b', 'c']);
    expect(board()?.totals.listingsOpen).toBe(2);
    expect(socket.joins).toHaveLength(2);
  });

  it('reports a refused join as an API failure with its status', () => {
    lastJoin().answer({ ok: false, code: 'forbidden', message: 'not a participant' });
    expect(getBoardSync('s1').error?.status).toBe(403);
    expect(getBoardSync('s1').error?.body.code).toBe('forbidden');
    expect(board()).toBeUndefined();
  });
});
