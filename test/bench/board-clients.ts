// The clients' side of bench:board, in its own process: N socket.io clients on one
// session. Records when each client receives each board event, keyed by the write it
// came from, and reports delays against the write acknowledgement times it is sent.
import { io, type Socket } from 'socket.io-client';

type Start = { kind: 'start'; url: string; auth: Record<string, string>; sessionId: string | null; clients: number };
type Acks = { kind: 'acks'; acks: [string, number][] };
type Report = { kind: 'report' };
type Stop = { kind: 'stop' };
type Message = Start | Acks | Report | Stop;

const now = () => performance.timeOrigin + performance.now();

type Client = { socket: Socket; received: Map<string, number>; seqs: Set<number>; duplicates: number };
let clients: Client[] = [];
const ackTimes = new Map<string, number>();

/** The key of the write an event came from: listing id and version. */
function keyOf(event: { type?: string; listing?: { id: string; version: number }; key?: string }): string | null {
  if (event.key) return event.key;
  if ((event.type === 'listing.created' || event.type === 'listing.updated') && event.listing) return `${event.listing.id}@${event.listing.version}`;
  return null;
}

async function start(msg: Start): Promise<void> {
  for (const c of clients) c.socket.disconnect();
  clients = [];
  ackTimes.clear();
  const batch = 100;
  for (let i = 0; i < msg.clients; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, msg.clients - i) }, async () => {
        const socket = io(msg.url, { auth: msg.auth, transports: ['websocket'], forceNew: true, reconnection: false });
        const client: Client = { socket, received: new Map(), seqs: new Set(), duplicates: 0 };
        socket.on('board:event', (event: { seq?: number; type?: string; listing?: { id: string; version: number }; key?: string }) => {
          const at = now();
          if (typeof event.seq === 'number') {
            if (client.seqs.has(event.seq)) client.duplicates += 1;
            client.seqs.add(event.seq);
          }
          const key = keyOf(event);
          if (key && !client.received.has(key)) client.received.set(key, at);
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
  for (const c of clients) {
    duplicates += c.duplicates;
    for (const [key, ack] of ackTimes) {
      const at = c.received.get(key);
      if (at === undefined) continue;
      delivered += 1;
      // A push can land before the HTTP answer does; that is a delay of zero, not less.
      delays.push(Math.max(0, at - ack));
    }
  }
  delays.sort((a, b) => a - b);
  const pct = (p: number) => (delays.length ? delays[Math.min(delays.length - 1, Math.floor((p / 100) * delays.length))] : NaN);
  process.send?.({ kind: 'report', clients: clients.length, updates: ackTimes.size, delivered, duplicates, p50: pct(50), p99: pct(99), max: delays.at(-1) ?? NaN });
}

process.on('message', (msg: Message) => {
  switch (msg.kind) {
    case 'start':
      start(msg).catch((error: unknown) => process.send?.({ kind: 'error', message: String(error) }));
      break;
    case 'acks':
      for (const [key, at] of msg.acks) ackTimes.set(key, at);
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
