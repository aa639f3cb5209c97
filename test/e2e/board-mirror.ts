// A board client as the browser runs it, over a real socket.io connection: join with the
// last applied sequence number, buffer pushes while a join is in flight, apply in order,
// re-join on a gap or a reconnect. It also counts what a user would notice.
import {
  applyBoardEvent,
  applyBoardTotals,
  boardFromSnapshot,
  orderBoardEvents,
  type BoardEvent,
  type BoardState,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@duijie/shared';
import { Client } from 'pg';
import { io, type Socket } from 'socket.io-client';

export class BoardMirror {
  readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  state: BoardState | null = null;
  /** Pushed events that were already applied (duplicates the mirror dropped). */
  duplicatesDropped = 0;
  /** Events applied, and joins answered, over the mirror's life. */
  applied = 0;
  joins = 0;
  /** Receipt time of each applied sequence number (for latency measurements). */
  readonly receivedAt = new Map<number, number>();
  private buffer: BoardEvent[] = [];
  private joining: Promise<void> | null = null;

  constructor(
    url: string,
    auth: Record<string, string>,
    readonly sessionId: string,
  ) {
    this.socket = io(url, { auth, transports: ['websocket'], reconnectionDelay: 100, reconnectionDelayMax: 1000 });
    this.socket.on('connect', () => void this.join());
    this.socket.on('board:event', (event) => {
      if (event.sessionId !== this.sessionId) return;
      this.buffer.push(event);
      if (!this.joining) this.drain();
    });
    this.socket.on('board:totals', (update) => {
      if (this.state && update.sessionId === this.sessionId) this.state = applyBoardTotals(this.state, update.seq, update.totals);
    });
  }

  get seq(): number {
    return this.state?.seq ?? -1;
  }

  close(): void {
    this.socket.disconnect();
  }

  private join(): Promise<void> {
    if (this.joining) return this.joining;
    this.joining = (async () => {
      try {
        const result = await this.socket.timeout(15_000).emitWithAck('board:join', { sessionId: this.sessionId, lastSeq: this.state?.seq ?? null });
        if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
        this.joins += 1;
        if (result.mode === 'snapshot') {
          this.state = boardFromSnapshot(result.snapshot);
        } else {
          this.applyInOrder(result.events);
          if (this.state) this.state = applyBoardTotals(this.state, result.seq, result.totals);
        }
      } catch {
        // Disconnected mid-join: the next connect joins again.
      } finally {
        this.joining = null;
      }
      this.drain();
    })();
    return this.joining;
  }

  private drain(): void {
    const pending = this.buffer;
    this.buffer = [];
    if (!this.state) return;
    const { gap } = this.applyInOrder(pending);
    if (gap) {
      // Keep what is ahead of the gap; the replay fills the hole and the rest follows.
      this.buffer = pending.filter((e) => e.seq > this.seq);
      void this.join();
    }
  }

  private applyInOrder(events: BoardEvent[]): { gap: boolean } {
    if (!this.state) return { gap: false };
    const before = this.state.seq;
    const { apply, gap } = orderBoardEvents(before, events);
    this.duplicatesDropped += events.filter((e) => e.seq <= before).length;
    for (const event of apply) {
      this.state = applyBoardEvent(this.state, event);
      this.receivedAt.set(event.seq, Date.now());
      this.applied += 1;
    }
    return { gap };
  }
}

/** The board as the database has it: open listings by id with their versions, and the sequence number. */
export async function boardTruth(databaseUrl: string, sessionId: string): Promise<{ seq: number; versions: Map<string, number> }> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const listings = await client.query<{ id: string; version: number }>(`SELECT id, version FROM listing WHERE "sessionId" = $1 AND status = 'open'`, [
      sessionId,
    ]);
    const session = await client.query<{ seq: number }>(`SELECT COALESCE(MAX(seq), 0) AS seq FROM board_sequence WHERE "sessionId" = $1`, [sessionId]);
    return { seq: session.rows[0].seq, versions: new Map(listings.rows.map((r) => [r.id, r.version])) };
  } finally {
    await client.end();
  }
}

export function mirrorVersions(mirror: BoardMirror): Map<string, number> {
  return new Map([...(mirror.state?.listings.values() ?? [])].map((l) => [l.id, l.version]));
}

export async function waitFor(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
