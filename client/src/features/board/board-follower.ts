// Follows session boards over the shared socket and keeps each one in the react-query cache
// (keys.boardLive), so screens read the live board like any other server state.
//
// The protocol: board:join with the last sequence number applied answers with a snapshot or a
// replay of what was missed; board:event pushes carry consecutive sequence numbers, applied
// through orderBoardEvents; a gap, or any reconnection, joins again from the last one applied.
// What each answer and push does to the board is decided in board-catch-up.ts.
import type { QueryClient } from '@tanstack/react-query';
import type { BoardEvent, BoardJoinResult, BoardTotalsUpdate, ListingConfidentialUpdate, ListingView, MatchSession } from '@duijie/shared';
import { ApiFailure } from '../../api/client';
import { keys } from '../../api/keys';
import { getSocket, onSocketChange, reconnectSocket } from '../../api/socket';
import type { DuijieSocket } from '../../api/socket';
import { applyHeldBack, applyPushed, applyReplay, newerTotals } from './board-catch-up';
import { fromSavedBoard, loadBoard, saveBoard, toSavedBoard } from './board-store';
import { liveFromSnapshot, withLiveTotals } from './live-board';
import type { LiveBoard } from './live-board';

/** How long to wait for a board:join answer before asking again. */
const JOIN_TIMEOUT_MS = 15_000;
/** How often at most the board followed is kept on the device for reading offline. */
const SAVE_EVERY_MS = 1_000;

export type BoardSync = {
  /** A board:join is waiting for its answer. */
  joining: boolean;
  /** The board may be behind: nothing has been applied since the last (re)connection. */
  stale: boolean;
  /** Why the server would not let us follow this board, as an API failure for the usual messages. */
  error: ApiFailure | null;
  /**
   * Until when the board held was known to be current (ms since epoch), once it is no longer
   * live: the moment the connection dropped, or when a board kept on the device was last live.
   */
  syncedAt: number | null;
};

const INITIAL_SYNC: BoardSync = { joining: false, stale: true, error: null, syncedAt: null };
const syncs = new Map<string, BoardSync>();
/** When each board left while not live was last current, for when it is followed again. */
const leftAt = new Map<string, number>();
const syncListeners = new Set<() => void>();

function setSync(sessionId: string, patch: Partial<BoardSync>): void {
  const before = syncs.get(sessionId) ?? INITIAL_SYNC;
  const next = { ...before, ...patch };
  if (next.joining === before.joining && next.stale === before.stale && next.error === before.error && next.syncedAt === before.syncedAt) return;
  syncs.set(sessionId, next);
  for (const listener of syncListeners) listener();
}

export function getBoardSync(sessionId: string): BoardSync {
  return syncs.get(sessionId) ?? INITIAL_SYNC;
}

export function subscribeBoardSync(listener: () => void): () => void {
  syncListeners.add(listener);
  return () => {
    syncListeners.delete(listener);
  };
}

const STATUS_BY_CODE = { not_found: 404, forbidden: 403, invalid: 400 } as const;

class BoardFollower {
  refs = 0;
  private readonly queryClient: QueryClient;
  private readonly sessionId: string;
  private socket: DuijieSocket | null = null;
  private detachSocket: (() => void) | null = null;
  private unwatchSocket: (() => void) | null = null;
  /** Identifies the join whose answer is awaited; answers to older ones are ignored. */
  private joinId = 0;
  private joining = false;
  /** Events that arrived while a join was in flight, applied after its answer. */
  private buffer: BoardEvent[] = [];
  private pendingTotals: BoardTotalsUpdate | null = null;
  /** Whose board this is, to keep it on the device for them; null: not kept. */
  private readonly userId: string | null;
  /** Reading the board kept on the device: joins wait for it, so they ask from its seq. */
  private loadingKept = false;
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(queryClient: QueryClient, sessionId: string, userId: string | null) {
    this.queryClient = queryClient;
    this.sessionId = sessionId;
    this.userId = userId;
  }

  start(): void {
    this.unwatchSocket = onSocketChange(() => this.attach());
    const held = this.read();
    const lastCurrent = leftAt.get(this.sessionId);
    if (held && lastCurrent !== undefined) setSync(this.sessionId, { syncedAt: lastCurrent });
    if (this.userId !== null && !held) this.loadKept(this.userId);
    this.attach();
  }

  stop(): void {
    this.stopped = true;
    this.unwatchSocket?.();
    this.unwatchSocket = null;
    if (this.socket?.connected) this.socket.emit('board:leave', { sessionId: this.sessionId });
    this.detach();
    if (this.saveTimer !== null) this.save();
    leftAt.set(this.sessionId, this.currentUntil());
    syncs.delete(this.sessionId);
    for (const listener of syncListeners) listener();
  }

  /** Shows the board kept on the device until the server answers, and joins from its seq. */
  private loadKept(userId: string): void {
    this.loadingKept = true;
    void loadBoard(userId, this.sessionId)
      .then((saved) => {
        if (this.stopped || !saved || this.read()) return;
        this.queryClient.setQueryData<LiveBoard>(keys.boardLive(this.sessionId), fromSavedBoard(saved));
        setSync(this.sessionId, { syncedAt: saved.syncedAt });
      })
      .finally(() => {
        this.loadingKept = false;
        if (!this.stopped && !this.joining) this.join(false);
      });
  }

  /** Until when the board held is known to be current: now while live, else when it last was. */
  private currentUntil(): number {
    const sync = getBoardSync(this.sessionId);
    return (sync.stale ? sync.syncedAt : null) ?? Date.now();
  }

  /** Keeps the board on the device, at most once a second while it changes. */
  private scheduleSave(): void {
    if (this.userId === null || this.saveTimer !== null) return;
    this.saveTimer = setTimeout(() => this.save(), SAVE_EVERY_MS);
  }

  private save(): void {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const board = this.read();
    if (this.userId === null || !board) return;
    saveBoard(toSavedBoard(board, this.userId, this.currentUntil())).catch(() => undefined);
  }

  /** Starts again from a snapshot (the refresh button), reconnecting first if the socket gave up. */
  resync(): void {
    reconnectSocket();
    if (this.socket === null) this.attach();
    else this.join(true);
  }

  private attach(): void {
    this.detach();
    const socket = getSocket();
    this.socket = socket;
    if (socket === null) {
      setSync(this.sessionId, { joining: false, stale: true });
      return;
    }
    const onEvent = (event: BoardEvent) => {
      if (event.sessionId === this.sessionId) this.receive(event);
    };
    const onTotals = (update: BoardTotalsUpdate) => {
      if (update.sessionId === this.sessionId) this.receiveTotals(update);
    };
    const onConfidential = (update: ListingConfidentialUpdate) => {
      if (update.sessionId === this.sessionId) this.receiveConfidential(update);
    };
    // Every (re)connection joins again from the last sequence number applied.
    const onConnect = () => this.join(false);
    const onDisconnect = (reason: string) => {
      this.forgetJoin();
      // Live until now: what is shown is as of this moment.
      if (!getBoardSync(this.sessionId).stale) setSync(this.sessionId, { syncedAt: Date.now() });
      setSync(this.sessionId, { joining: false, stale: true });
      // Kept as of now for reading offline; not when the app closed the socket (a logout).
      if (reason !== 'io client disconnect') this.save();
    };
    socket.on('board:event', onEvent);
    socket.on('board:totals', onTotals);
    socket.on('listing:confidential', onConfidential);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    this.detachSocket = () => {
      socket.off('board:event', onEvent);
      socket.off('board:totals', onTotals);
      socket.off('listing:confidential', onConfidential);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
    };
    setSync(this.sessionId, { stale: true });
    if (socket.connected) this.join(false);
  }

  private detach(): void {
    this.detachSocket?.();
    this.detachSocket = null;
    this.socket = null;
    this.forgetJoin();
  }

  private forgetJoin(): void {
    this.joinId += 1;
    this.joining = false;
    this.buffer = [];
    this.pendingTotals = null;
  }

  private join(fresh: boolean): void {
    const socket = this.socket;
    if (!socket?.connected || (this.loadingKept && !fresh)) return;
    const lastSeq = fresh ? null : (this.read()?.seq ?? null);
    this.joinId += 1;
    const id = this.joinId;
    this.joining = true;
    setSync(this.sessionId, { joining: true });
    socket.timeout(JOIN_TIMEOUT_MS).emit('board:join', { sessionId: this.sessionId, lastSeq }, (error, result) => {
      if (id !== this.joinId) return;
      this.joining = false;
      if (error) {
        // No answer in time: ask again while connected (a reconnection joins on its own).
        setSync(this.sessionId, { joining: false });
        if (socket.connected) this.join(fresh);
        return;
      }
      this.acknowledge(result);
    });
  }

  private acknowledge(result: BoardJoinResult): void {
    if (!result.ok) {
      this.buffer = [];
      this.pendingTotals = null;
      const error = new ApiFailure({ statusCode: STATUS_BY_CODE[result.code], code: result.code, message: result.message });
      setSync(this.sessionId, { joining: false, error });
      return;
    }
    const now = Date.now();
    const held = this.read();
    let board: LiveBoard;
    if (result.mode === 'snapshot') {
      board = liveFromSnapshot(result.snapshot, held, now);
    } else {
      if (!held) {
        this.join(true);
        return;
      }
      const replayed = applyReplay(held, result, now);
      if (!replayed.complete) {
        // The replay does not line up with what we hold: start again from a snapshot.
        this.write(replayed.board);
        this.join(true);
        return;
      }
      board = replayed.board;
    }

    const buffered = this.buffer;
    this.buffer = [];
    const caughtUp = applyHeldBack(board, buffered, this.pendingTotals, now);
    this.pendingTotals = null;
    this.write(caughtUp.board);
    setSync(this.sessionId, { joining: false, stale: false, error: null, syncedAt: null });
    if (caughtUp.gap) {
      this.buffer = caughtUp.keep;
      this.join(false);
    }
  }

  private receive(event: BoardEvent): void {
    if (this.joining) {
      this.buffer.push(event);
      return;
    }
    const board = this.read();
    if (!board) {
      // Nothing to apply it to (the cache was cleared): start again.
      this.buffer.push(event);
      this.join(true);
      return;
    }
    const pushed = applyPushed(board, event, Date.now());
    if (pushed.board !== board) this.write(pushed.board);
    if (pushed.gap) {
      // Missed something: the server replays it, and this event is kept for after the answer.
      this.buffer.push(event);
      this.join(false);
    }
  }

  private receiveTotals(update: BoardTotalsUpdate): void {
    const board = this.read();
    if (this.joining || !board) {
      this.pendingTotals = newerTotals(this.pendingTotals, update);
      return;
    }
    const next = withLiveTotals(board, update.seq, update.totals);
    if (next !== board) this.write(next);
  }

  /** The confidential part of one of my listings (or, for organisers, anyone's) changed. */
  private receiveConfidential(update: ListingConfidentialUpdate): void {
    let behind = false;
    const merge = (listing: ListingView): ListingView => {
      if (listing.id !== update.listingId) return listing;
      if (listing.version < update.version) behind = true;
      return listing.version === update.version ? { ...listing, confidential: update.confidential } : listing;
    };
    this.queryClient.setQueryData<ListingView[]>(keys.myListings, (mine) => mine?.map(merge));
    this.queryClient.setQueryData<ListingView>(keys.listing(update.listingId), (one) => (one ? merge(one) : one));
    // The public part changed too: fetch the new version of my listings.
    if (behind) void this.queryClient.invalidateQueries({ queryKey: keys.myListings });
  }

  private read(): LiveBoard | undefined {
    return this.queryClient.getQueryData<LiveBoard>(keys.boardLive(this.sessionId));
  }

  private write(board: LiveBoard): void {
    const before = this.read();
    this.queryClient.setQueryData<LiveBoard>(keys.boardLive(this.sessionId), board);
    this.scheduleSave();
    if (before?.session.version !== board.session.version) {
      // Keep the REST copy of the session as new as the live one: actions send its version.
      this.queryClient.setQueryData<MatchSession>(keys.session(this.sessionId), (old) => (old && old.version > board.session.version ? old : board.session));
    }
  }
}

const followers = new Map<string, BoardFollower>();

/**
 * Follows a session's board until the returned function is called. Several screens may follow
 * the same session; the board is left when the last one stops. `keepFor`: the user signed in,
 * for whom the board is kept on the device (board-store.ts) and read back on the next visit.
 */
export function followBoard(queryClient: QueryClient, sessionId: string, keepFor: string | null = null): () => void {
  let follower = followers.get(sessionId);
  if (!follower) {
    follower = new BoardFollower(queryClient, sessionId, keepFor);
    followers.set(sessionId, follower);
    follower.start();
  }
  const following = follower;
  following.refs += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    following.refs -= 1;
    if (following.refs === 0) {
      followers.delete(sessionId);
      following.stop();
    }
  };
}

/** Reloads a followed board from a fresh snapshot. */
export function resyncBoard(sessionId: string): void {
  followers.get(sessionId)?.resync();
}
