// The big screens of bench:signing, in their own process so they do not steal the
// driver's event loop: W socket.io clients authenticated with a screen link, each in the
// event's ceremony room, each keeping the latest totals it was pushed.
//
// Each push carries the whole ceremony (its timeline has a point per signed agreement),
// so 300 screens parsing every one would make this process, not the server, the main
// user of the machine's two cores. The screens keep each push's JSON as received and
// parse only the latest when asked for their figures.
import type { CeremonyTotals } from '@duijie/shared';
import { createRequire } from 'node:module';
import { io, type Socket } from 'socket.io-client';

/** socket.io-client's own packet parser, loaded as socket.io-client loads it (it is not a dependency of this package). */
const parser = createRequire(require.resolve('socket.io-client'))('socket.io-parser') as typeof import('socket.io-parser');

/** An event packet of the default namespace, without an acknowledgement id, for ceremony:totals. */
const TOTALS_PACKET = `${parser.PacketType.EVENT}["ceremony:totals",`;

/** Decodes as socket.io does, except that ceremony:totals arrives as its unparsed JSON. */
class RawTotalsDecoder extends parser.Decoder {
  override add(chunk: unknown): void {
    if (typeof chunk === 'string' && chunk.startsWith(TOTALS_PACKET) && chunk.endsWith(']')) {
      this.emitReserved('decoded', { type: parser.PacketType.EVENT, nsp: '/', data: ['ceremony:totals', chunk.slice(TOTALS_PACKET.length, -1)] });
    } else {
      super.add(chunk);
    }
  }
}

type Start = { kind: 'start'; url: string; screenToken: string; eventId: string; watchers: number };
type Report = { kind: 'report'; eventId: string; signedCount: number; signedAmount: number };
type Stop = { kind: 'stop' };
type Message = Start | Report | Stop;

/** The latest totals: as pushed (JSON), or from the answer to ceremony:join. */
type Watcher = { socket: Socket; latest: string | CeremonyTotals | null; pushes: number; disconnects: number; reasons: string[] };
let watchers: Watcher[] = [];

/** The signed count of some totals, read from the start of a push's JSON without parsing the rest. */
function countOf(totals: string | CeremonyTotals | null): number {
  if (totals === null) return -1;
  if (typeof totals !== 'string') return totals.signedCount;
  return Number(/"signedCount":(\d+)/.exec(totals.slice(0, 500))?.[1] ?? -1);
}

/** Keeps the newer figures: during the bench the signed count only grows. */
function keep(watcher: Watcher, totals: string | CeremonyTotals): void {
  if (countOf(totals) >= countOf(watcher.latest)) watcher.latest = totals;
}

async function join(watcher: Watcher, eventId: string): Promise<void> {
  const result = (await watcher.socket.timeout(30_000).emitWithAck('ceremony:join', { eventId })) as
    { ok: true; totals: CeremonyTotals } | { ok: false; message: string };
  if (!result.ok) throw new Error(`ceremony:join refused: ${result.message}`);
  keep(watcher, result.totals);
}

async function start(msg: Start): Promise<void> {
  const batch = 50;
  for (let i = 0; i < msg.watchers; i += batch) {
    const joined = await Promise.all(
      Array.from({ length: Math.min(batch, msg.watchers - i) }, async () => {
        // Like the big-screen page: reconnects when cut off, and joins the room again.
        const socket = io(msg.url, {
          auth: { screenToken: msg.screenToken },
          transports: ['websocket'],
          forceNew: true,
          reconnectionDelay: 500,
          parser: { Encoder: parser.Encoder, Decoder: RawTotalsDecoder },
        });
        const watcher: Watcher = { socket, latest: null, pushes: 0, disconnects: 0, reasons: [] };
        socket.on('ceremony:totals', (json: string) => {
          keep(watcher, json);
          watcher.pushes += 1;
        });
        socket.on('disconnect', (reason) => {
          watcher.disconnects += 1;
          watcher.reasons.push(reason);
        });
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
        await join(watcher, msg.eventId);
        socket.io.on('reconnect', () => {
          join(watcher, msg.eventId).catch((error: unknown) => watcher.reasons.push(`join after reconnecting failed: ${String(error)}`));
        });
        return watcher;
      }),
    );
    watchers.push(...joined);
  }
  process.send?.({ kind: 'ready', watchers: watchers.length });
}

/** How many screens show exactly the given figures (of the event they watch). */
function report(msg: Report): void {
  let equal = 0;
  let pushes = 0;
  let disconnects = 0;
  let lowest = Infinity;
  const reasons = new Set<string>();
  const parsed = new Map<string, CeremonyTotals>();
  for (const w of watchers) {
    const totals =
      typeof w.latest === 'string' ? (parsed.get(w.latest) ?? parsed.set(w.latest, JSON.parse(w.latest) as CeremonyTotals).get(w.latest)) : w.latest;
    if (w.socket.connected && totals?.eventId === msg.eventId && totals.signedCount === msg.signedCount && totals.signedAmount === msg.signedAmount) equal += 1;
    pushes += w.pushes;
    disconnects += w.disconnects;
    for (const r of w.reasons) reasons.add(r);
    lowest = Math.min(lowest, totals?.signedCount ?? -1);
  }
  process.send?.({ kind: 'report', watchers: watchers.length, equal, pushes, disconnects, reasons: [...reasons], lowestCount: lowest });
}

process.on('message', (msg: Message) => {
  switch (msg.kind) {
    case 'start':
      start(msg).catch((error: unknown) => process.send?.({ kind: 'error', message: String(error) }));
      break;
    case 'report':
      report(msg);
      break;
    case 'stop':
      for (const w of watchers) w.socket.disconnect();
      watchers = [];
      process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
