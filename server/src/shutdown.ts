import type { ApiError } from '@duijie/shared';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';

/** The 503 a request gets when it arrives (on a kept-alive connection) during a shutdown. */
const STOPPING: ApiError = { statusCode: 503, code: 'server_stopping', message: 'The server is restarting; try again in a moment' };
const STOPPING_BODY = JSON.stringify(STOPPING);

/**
 * The HTTP side of a shutdown. Built once the app's request and upgrade listeners are attached
 * (after app.init(), before listen), it stands in front of them: it counts the requests
 * running and, once `stopAccepting` is called, closes the listening socket (new connections are
 * refused) and answers a request that still arrives on a kept-alive connection with a 503
 * (a load balancer retries it elsewhere). `finish` then waits for the running ones.
 */
export class HttpDrain {
  private readonly running = new Map<ServerResponse, string>();
  private readonly connections = new Set<Socket>();
  private stopping = false;
  private idle: (() => void) | null = null;

  constructor(
    private readonly server: Server,
    /** Requests not waited for (socket.io's long polls: their sockets are closed on their own). */
    ignore: (req: IncomingMessage) => boolean = () => false,
  ) {
    server.on('connection', (socket: Socket) => {
      this.connections.add(socket);
      socket.once('close', () => this.connections.delete(socket));
    });
    const requestHandlers = server.listeners('request');
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (this.stopping) return refuse(res);
      if (!ignore(req)) this.track(req, res);
      for (const handler of requestHandlers) Reflect.apply(handler, server, [req, res]);
    });
    // Without an 'upgrade' listener Node answers upgrades itself: only guard one that exists.
    const upgradeHandlers = server.listeners('upgrade');
    if (upgradeHandlers.length === 0) return;
    server.removeAllListeners('upgrade');
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (this.stopping) return void socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      for (const handler of upgradeHandlers) Reflect.apply(handler, server, [req, socket, head]);
    });
  }

  /** Stops taking connections and requests; the running ones go on, each closing its connection when answered. */
  stopAccepting(): void {
    if (this.stopping) return;
    this.stopping = true;
    this.server.close();
    this.server.closeIdleConnections();
    for (const res of this.running.keys()) if (!res.headersSent) res.setHeader('Connection', 'close');
  }

  /**
   * Waits up to `ms` for the running requests, then closes every connection left (what was
   * still running is cut off). Answers the requests cut short, as "METHOD /path".
   */
  async finish(ms: number): Promise<string[]> {
    this.stopAccepting();
    if (this.running.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        this.idle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.idle = null;
    }
    const cut = [...this.running.values()];
    this.server.closeAllConnections();
    for (const socket of this.connections) socket.destroy();
    return cut;
  }

  private track(req: IncomingMessage, res: ServerResponse): void {
    // The path only: a query string may carry a token.
    this.running.set(res, `${req.method ?? '?'} ${(req.url ?? '').split('?')[0]}`);
    if (this.stopping) res.setHeader('Connection', 'close');
    res.once('close', () => {
      this.running.delete(res);
      if (this.running.size === 0) this.idle?.();
    });
  }
}

function refuse(res: ServerResponse): void {
  res.writeHead(503, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(STOPPING_BODY),
    'Retry-After': '1',
    Connection: 'close',
  });
  res.end(STOPPING_BODY);
}

/** The least time the application gets to close (module hooks, pools), even when the requests took the whole budget. */
export const CLOSE_FLOOR_MS = 2000;

export type ShutdownSteps = {
  /** How long running requests and background jobs get to finish (SHUTDOWN_DRAIN_MS). */
  drainMs: number;
  http: Pick<HttpDrain, 'stopAccepting' | 'finish'>;
  /**
   * The job queue (JobQueue.stop): stops taking work at once, lets running jobs finish within
   * the budget, then releases the others for another process to retry; answers those released.
   */
  jobs: { stop: (ms: number) => Promise<string[]> };
  /** Closes the sockets as a lost transport, so that clients reconnect. */
  closeSockets: () => void;
  /** Nest's close: module destroy hooks (timers, background jobs awaited), the socket adapter's connections, the TypeORM pool. */
  closeApp: () => Promise<void>;
  stopDatabase: () => Promise<void>;
  log: (line: string) => void;
  warn: (line: string) => void;
};

/**
 * The order of a shutdown: stop taking requests, sockets and queued jobs, close the sockets, let
 * the running requests and jobs finish (at most `drainMs`; jobs still running then are released
 * to the other processes), close the application (background work gets what is left of the
 * budget, at least CLOSE_FLOOR_MS), and only then stop the database, so that no connection of
 * this process sees it go. Answers the exit code: 0, or 1 when a step failed.
 */
export async function shutDown(signal: string, steps: ShutdownSteps): Promise<number> {
  const started = Date.now();
  let code = 0;
  const failed = (what: string) => (error: unknown) => {
    steps.warn(`Shutdown: ${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    code = 1;
  };
  steps.log(`${signal}: shutting down (running requests get up to ${steps.drainMs} ms to finish) ...`);
  steps.http.stopAccepting();
  // The queue stops taking jobs now; the running ones share the requests' budget.
  const jobs = steps.jobs.stop(steps.drainMs).catch((error: unknown) => {
    failed('stopping the job queue')(error);
    return [] as string[];
  });
  try {
    steps.closeSockets();
  } catch (error) {
    failed('closing the sockets')(error);
  }
  const cut = await steps.http.finish(steps.drainMs);
  if (cut.length > 0) steps.warn(`Shutdown: after ${steps.drainMs} ms, cut short ${cut.length} request(s) still running: ${cut.join(', ')}`);
  const released = await jobs;
  if (released.length > 0) {
    steps.warn(`Shutdown: after ${steps.drainMs} ms, released ${released.length} running job(s) for another process to retry: ${released.join(', ')}`);
  }

  const closeMs = Math.max(started + steps.drainMs - Date.now(), CLOSE_FLOOR_MS);
  let timer: NodeJS.Timeout | undefined;
  const closed = await Promise.race([
    steps.closeApp().then(() => true, failed('closing the application')),
    new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), closeMs))),
  ]);
  clearTimeout(timer);
  if (closed === false) {
    steps.warn(
      `Shutdown: background work (an import, a scheduler run) still running after ${closeMs} ms more; stopping the database under it (its transaction rolls back)`,
    );
  }
  await steps.stopDatabase().catch(failed('stopping the database'));
  steps.log(`Stopped in ${Date.now() - started} ms`);
  return code;
}

/** A repeat this soon after the first signal is the same request: a terminal's Ctrl-C reaches the whole process group, and npm forwards it again. */
export const REPEAT_WINDOW_MS = 1000;

/**
 * Runs `stop` on the first SIGINT or SIGTERM and exits with its code. A second signal during
 * the shutdown (after REPEAT_WINDOW_MS) is an operator who will not wait: `abandon` (the
 * database's fast shutdown, asked for without waiting) and exit 1 at once.
 */
export function onShutdownSignals(
  stop: (signal: NodeJS.Signals) => Promise<number>,
  opts: {
    warn: (line: string) => void;
    abandon: () => void;
    exit?: (code: number) => void;
    target?: Pick<NodeJS.EventEmitter, 'on'>;
    now?: () => number;
  },
): void {
  const { warn, abandon, exit = (code: number) => process.exit(code), target = process, now = Date.now } = opts;
  let firstAt: number | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (firstAt === null) {
      firstAt = now();
      stop(signal).then(exit, (error: unknown) => {
        warn(`Shutdown failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        exit(1);
      });
      return;
    }
    if (now() - firstAt < REPEAT_WINDOW_MS) return;
    warn(`${signal} again during the shutdown: exiting now (code 1); requests still running are cut off, and PostgreSQL is told to stop without waiting`);
    abandon();
    exit(1);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) target.on(signal, () => onSignal(signal));
}
