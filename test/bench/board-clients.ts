// The clients' side of bench:board, in its own process: N socket.io clients on one
// session. Records when each client receives each board event, keyed by the write it
// came from, and reports delays against the write acknowledgement times it is sent.
import { io, type Socket } from 'socket.io-client';

type Start = { kind: 'start'; url: string; auth: Record<string, string>; sessionId: string | null; clients: number; writes: number };
/** [index of the write, acknowledgement time] */
type Acks = { kind: 'acks'; acks: [number, number][] };
type Report = { kind: 'report' };
type Stop = { kind: 'stop' };
type Message = Start | Acks | Report | Stop;

const now = () => performance.timeOrigin + performance.now();

// Receipts live in typed arrays indexed by write, not in maps: a thousand clients' worth
// of map entries makes this process's garbage collector pause, which would be measured as
// delivery delay of whichever server is being measured.
type Client = { socket: Socket; received: Float64Array; seen: Uint8Array; duplicates: number };
let clients: Client[] = [];
let ackTimes = new Float64Array(0);

type Pushed = { seq?: number; type?: string; listing?: { title: string }; index?: number };

/** Which write an event came from: the index is in the bench's listing titles, or in the baseline's message. */
function indexOf(event: Pushed): number {
  if (typeof event.index === 'number') return event.index;
  if (event.type === 'listing.created' && event.listing) {
    const match = /^基准(\d+)$/.exec(event.listing.title);
    if (match) return Number(match[1]);
  }
  return -1;
}

async function start(msg: Start): Promise<void> {
  for (const c of clients) c.socket.disconnect();
  clients = [];
  ackTimes = new Float64Array(msg.writes);
  const batch = 100;
  for (let i = 0; i < msg.clients; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, msg.clients - i) }, async () => {
        const socket = io(msg.url, { auth: msg.auth, transports: ['websocket'], forceNew: true, reconnection: false });
        const client: Client = { socket, received: new Float64Array(msg.writes), seen: new Uint8Array(msg.writes * 2 + 1000), duplicates: 0 };
        socket.on('board:event', (event: Pushed) => {
          const at = now();
          if (typeof event.seq === 'number' && event.seq < client.seen.length) {
            if (client.seen[event.seq]) client.duplicates += 1;
            client.seen[event.seq] = 1;
          }
          const i = indexOf(event);
          if (i >= 0 && i < client.received.length && client.received[i] === 0) client.received[i] = at;
        });
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        if (msg.sessionId) {
          const result = (await socket.timeout(30_000).emitWithAck('board:join', { sessionId: msg.sessionId, lastSeq: null })) as { ok: boolean };
          if (!result.ok) throw new Error('join refused');
        }
        clients.push(client);
      }),
    );
  }
  process.send?.({ kind: 'ready', clients: clients.length });
}

function report(): void {
  const delays: number[] = [];
  let delivered = 0;
  let duplicates = 0;
  let updates = 0;
  for (const ack of ackTimes) if (ack > 0) updates += 1;
  for (const c of clients) {
    duplicates += c.duplicates;
    for (let i = 0; i < ackTimes.length; i++) {
      const at = c.received[i];
      if (ackTimes[i] === 0 || at === 0) continue;
      delivered += 1;
      // A push can land before the HTTP answer does; that is a delay of zero, not less.
      delays.push(Math.max(0, at - ackTimes[i]));
    }
  }
  delays.sort((a, b) => a - b);
  const pct = (p: number) => (delays.length ? delays[Math.min(delays.length - 1, Math.floor((p / 100) * delays.length))] : NaN);
  process.send?.({ kind: 'report', clients: clients.length, updates, delivered, duplicates, p50: pct(50), p99: pct(99), max: delays.at(-1) ?? NaN });
}

process.on('message', (msg: Message) => {
  switch (msg.kind) {
    case 'start':
      start(msg).catch((error: unknown) => process.send?.({ kind: 'error', message: String(error) }));
      break;
    case 'acks':
      for (const [i, at] of msg.acks) ackTimes[i] = at;
      break;
    case 'report':
      report();
      break;
    case 'stop':
      for (const c of clients) c.socket.disconnect();
      process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
