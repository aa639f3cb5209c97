import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardJoinResult } from '@duijie/shared';
import { keys } from '../../api/keys';
import { created, listing, snapshot, totals } from '../../test/fixtures';
import { followBoard, getBoardSync } from './board-follower';
import { fromSavedBoard, isSavedBoard, toSavedBoard, type SavedBoard } from './board-store';
import { liveFromSnapshot, type LiveBoard } from './live-board';

type Join = { lastSeq: number | null; answer: (result: BoardJoinResult) => void };

/** Just enough of a socket.io client for joins: the joins sent, each answered by the test. */
class FakeSocket {
  connected = true;
  joins: Join[] = [];
  on(): void {}
  off(): void {}
  emit(): void {}
  timeout() {
    return {
      emit: (_name: string, request: { lastSeq: number | null }, ack: (error: Error | null, result: BoardJoinResult) => void) => {
        this.joins.push({ lastSeq: request.lastSeq, answer: (result) => ack(null, result) });
      },
    };
  }
}

const fake = vi.hoisted(() => ({ socket: null as FakeSocket | null, kept: null as SavedBoard | null, saved: [] as SavedBoard[] }));

vi.mock('../../api/socket', () => ({
  getSocket: () => fake.socket,
  onSocketChange: () => () => {},
  reconnectSocket: () => {},
}));

vi.mock('./board-store', async (importOriginal) => ({
  ...(await importOriginal<typeof import('./board-store')>()),
  loadBoard: (userId: string, sessionId: string) => Promise.resolve(fake.kept?.userId === userId && fake.kept.sessionId === sessionId ? fake.kept : null),
  saveBoard: (saved: SavedBoard) => {
    fake.saved.push(saved);
    return Promise.resolve();
  },
}));

const SYNCED_AT = Date.parse('2026-12-17T02:30:00Z');
const keptBoard = (seq: number, ids: string[]): SavedBoard =>
  toSavedBoard(
    liveFromSnapshot(
      snapshot(
        seq,
        ids.map((id) => listing({ id })),
      ),
      undefined,
      0,
    ),
    'u1',
    SYNCED_AT,
  );

let stop: (() => void) | null = null;
afterEach(() => {
  stop?.();
  stop = null;
  fake.kept = null;
  fake.saved = [];
});

describe('the board kept on the device', () => {
  it('reads back as the board it was, listings in their order', () => {
    const board = liveFromSnapshot(snapshot(9, [listing({ id: 'b' }), listing({ id: 'a' })]), undefined, 0);
    const saved = toSavedBoard(board, 'u1', SYNCED_AT);
    const back = fromSavedBoard(JSON.parse(JSON.stringify(saved)) as SavedBoard);
    expect(back.seq).toBe(9);
    expect([...back.listings.keys()]).toEqual(['b', 'a']);
    expect(back.session).toEqual(board.session);
    expect(back.totals).toEqual(board.totals);
    expect(back.changedAt).toEqual({});
  });

  it('is read back only for its own user and session', () => {
    const saved = keptBoard(3, ['a']);
    expect(isSavedBoard(saved, 'u1', 's1')).toBe(true);
    expect(isSavedBoard(saved, 'u2', 's1')).toBe(false);
    expect(isSavedBoard(saved, 'u1', 's2')).toBe(false);
    expect(isSavedBoard({ ...saved, listings: 'nope' }, 'u1', 's1')).toBe(false);
    expect(isSavedBoard(null, 'u1', 's1')).toBe(false);
  });

  it('is shown at once, says until when it was current, and the join asks only for what came after it', async () => {
    fake.socket = new FakeSocket();
    fake.kept = keptBoard(12, ['a', 'b']);
    const queryClient = new QueryClient();
    stop = followBoard(queryClient, 's1', 'u1');
    // No join before the kept board is read: it would ask for a whole snapshot.
    expect(fake.socket.joins).toHaveLength(0);
    await vi.waitFor(() => expect(fake.socket?.joins).toHaveLength(1));
    const board = queryClient.getQueryData<LiveBoard>(keys.boardLive('s1'));
    expect(board?.seq).toBe(12);
    expect([...(board?.listings.keys() ?? [])]).toEqual(['a', 'b']);
    expect(getBoardSync('s1')).toMatchObject({ stale: true, syncedAt: SYNCED_AT });
    expect(fake.socket.joins[0].lastSeq).toBe(12);

    // The server replays what was missed; the board is live again and kept as it is now.
    fake.socket.joins[0].answer({ ok: true, mode: 'replay', seq: 13, events: [created(13, listing({ id: 'c' }))], totals: totals({ listingsOpen: 3 }) });
    const caughtUp = queryClient.getQueryData<LiveBoard>(keys.boardLive('s1'));
    expect(caughtUp?.seq).toBe(13);
    expect([...(caughtUp?.listings.keys() ?? [])].sort()).toEqual(['a', 'b', 'c']);
    expect(getBoardSync('s1')).toMatchObject({ stale: false, syncedAt: null });
    await vi.waitFor(() => expect(fake.saved.at(-1)?.seq).toBe(13), { timeout: 3000 });
    expect(fake.saved.at(-1)?.userId).toBe('u1');
  });

  it('is not shown to another user: that user starts from a snapshot', async () => {
    fake.socket = new FakeSocket();
    fake.kept = keptBoard(12, ['a']);
    const queryClient = new QueryClient();
    stop = followBoard(queryClient, 's1', 'u2');
    await vi.waitFor(() => expect(fake.socket?.joins).toHaveLength(1));
    expect(fake.socket.joins[0].lastSeq).toBeNull();
    expect(queryClient.getQueryData(keys.boardLive('s1'))).toBeUndefined();
  });
});
