import { EventEmitter } from 'node:events';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { CLOSE_FLOOR_MS, HttpDrain, onShutdownSignals, REPEAT_WINDOW_MS, shutDown, type ShutdownSteps } from './shutdown';

type Answer = { status: number; body: string; connection: string | undefined };

/** A server whose /slow requests wait for `release`, behind an HttpDrain. */
async function slowServer(ignore?: (req: IncomingMessage) => boolean) {
  const waiting: ServerResponse[] = [];
  const server: Server = createServer((req, res) => {
    if (req.url?.startsWith('/stream')) res.writeHead(200, { 'Content-Type': 'text/plain' }).write('part ');
    if (/^\/(slow|poll|stream)/.test(req.url ?? '')) waiting.push(res);
    else res.end('fast');
  });
  const drain = new HttpDrain(server, ignore);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const get = (path: string) =>
    new Promise<Answer>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
      });
      req.on('error', reject);
      req.end();
    });
  const arrived = async (count: number) => {
    while (waiting.length < count) await new Promise((r) => setTimeout(r, 5));
  };
  const release = () => waiting.splice(0).forEach((res) => res.end('done'));
  return { server, drain, port, get, arrived, release };
}

describe('HttpDrain', () => {
  it('refuses new connections, lets a running request finish with Connection: close, and waits for it', async () => {
    const s = await slowServer();
    const running = s.get('/slow');
    await s.arrived(1);
    s.drain.stopAccepting();
    await expect(s.get('/')).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    const finished = s.drain.finish(10_000);
    setTimeout(s.release, 50);
    const started = Date.now();
    expect(await finished).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(await running).toEqual({ status: 200, body: 'done', connection: 'close' });
  });

  it('answers 503 server_stopping to a request that still arrives on a kept-alive connection', async () => {
    const s = await slowServer();
    // A response that sent its headers (keep-alive) before the stop keeps its connection open,
    // and the client sends its next request on it.
    const socket = connect(s.port, '127.0.0.1');
    let text = '';
    socket.on('data', (d: Buffer) => (text += d.toString()));
    socket.write('GET /stream HTTP/1.1\r\nHost: x\r\n\r\n');
    await s.arrived(1);
    s.drain.stopAccepting();
    s.release();
    while (!text.includes('done')) await new Promise((r) => setTimeout(r, 5));
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await new Promise((resolve) => socket.once('close', resolve));
    const [first, second] = text.split(/(?=HTTP\/1\.1 )/);
    expect(first).toMatch(/^HTTP\/1\.1 200 OK[\s\S]*part [\s\S]*done/);
    expect(second).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\n[\s\S]*Retry-After: 1\r\n[\s\S]*Connection: close\r\n/);
    expect(JSON.parse(second.split('\r\n\r\n')[1])).toEqual({
      statusCode: 503,
      code: 'server_stopping',
      message: 'The server is restarting; try again in a moment',
    });
    await s.drain.finish(0);
  });

  it('cuts short what outlives the budget and names it (path without query)', async () => {
    const s = await slowServer();
    const stuck = s.get('/slow?token=secret');
    await s.arrived(1);
    const started = Date.now();
    expect(await s.drain.finish(200)).toEqual(['GET /slow']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    await expect(stuck).rejects.toThrow(/socket hang up|ECONNRESET/);
  });

  it('does not wait for requests it is told to ignore (socket.io long polls)', async () => {
    const s = await slowServer((req) => req.url?.startsWith('/poll') === true);
    const poll = s.get('/poll');
    await s.arrived(1);
    const started = Date.now();
    expect(await s.drain.finish(5000)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(poll).rejects.toThrow(/socket hang up|ECONNRESET/);
  });
});

/** Steps that record their order; closeApp and stopDatabase take the given times. */
function recordingSteps(opts: { drainMs: number; cut?: string[]; closeMs?: number; closeFails?: boolean; jobsMs?: number; released?: string[] }) {
  const order: string[] = [];
  const warnings: string[] = [];
  const steps: ShutdownSteps = {
    drainMs: opts.drainMs,
    http: {
      stopAccepting: () => order.push('stop accepting'),
      finish: async (ms) => {
        order.push(`drain ${ms}`);
        return opts.cut ?? [];
      },
    },
    jobs: {
      stop: async (ms) => {
        order.push(`stop jobs ${ms}`);
        await new Promise((r) => setTimeout(r, opts.jobsMs ?? 0));
        order.push('jobs stopped');
        return opts.released ?? [];
      },
    },
    closeSockets: () => order.push('close sockets'),
    closeApp: async () => {
      order.push('close app');
      await new Promise((r) => setTimeout(r, opts.closeMs ?? 0));
      if (opts.closeFails) throw new Error('pool would not end');
      order.push('app closed');
    },
    stopDatabase: async () => {
      order.push('stop database');
    },
    log: () => undefined,
    warn: (line) => warnings.push(line),
  };
  return { steps, order, warnings };
}

describe('shutDown', () => {
  it('stops taking work, closes sockets, drains, closes the app and only then stops the database', async () => {
    const { steps, order, warnings } = recordingSteps({ drainMs: 5000 });
    expect(await shutDown('SIGTERM', steps)).toBe(0);
    expect(order).toEqual(['stop accepting', 'stop jobs 5000', 'close sockets', 'drain 5000', 'jobs stopped', 'close app', 'app closed', 'stop database']);
    expect(warnings).toEqual([]);
  });

  it('lets running jobs finish or be released before the app closes, and names the released ones', async () => {
    const { steps, order, warnings } = recordingSteps({ drainMs: 100, jobsMs: 150, released: ['followup.remind 5f0c…'] });
    expect(await shutDown('SIGTERM', steps)).toBe(0);
    expect(order).toEqual(['stop accepting', 'stop jobs 100', 'close sockets', 'drain 100', 'jobs stopped', 'close app', 'app closed', 'stop database']);
    expect(warnings).toEqual(['Shutdown: after 100 ms, released 1 running job(s) for another process to retry: followup.remind 5f0c…']);
  });

  it('says which requests were cut short', async () => {
    const { steps, warnings } = recordingSteps({ drainMs: 100, cut: ['POST /api/import', 'GET /api/events'] });
    expect(await shutDown('SIGINT', steps)).toBe(0);
    expect(warnings).toEqual(['Shutdown: after 100 ms, cut short 2 request(s) still running: POST /api/import, GET /api/events']);
  });

  it('stops the database under an app that does not close within the budget (at least the floor)', async () => {
    const { steps, order, warnings } = recordingSteps({ drainMs: 0, closeMs: CLOSE_FLOOR_MS + 1000 });
    const started = Date.now();
    expect(await shutDown('SIGTERM', steps)).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(CLOSE_FLOOR_MS - 10);
    expect(Date.now() - started).toBeLessThan(CLOSE_FLOOR_MS + 900);
    expect(order).toEqual(['stop accepting', 'stop jobs 0', 'close sockets', 'drain 0', 'jobs stopped', 'close app', 'stop database']);
    expect(warnings).toEqual([expect.stringMatching(/still running after 2000 ms more; stopping the database under it/)]);
  });

  it('still stops the database when closing the app fails, and exits 1', async () => {
    const { steps, order, warnings } = recordingSteps({ drainMs: 0, closeFails: true });
    expect(await shutDown('SIGTERM', steps)).toBe(1);
    expect(order.at(-1)).toBe('stop database');
    expect(warnings).toEqual([expect.stringMatching(/closing the application failed: Error: pool would not end/)]);
  });
});

describe('onShutdownSignals', () => {
  function setup() {
    const target = new EventEmitter();
    let clock = 0;
    const exits: number[] = [];
    const warnings: string[] = [];
    let abandoned = 0;
    let finishStop: (code: number) => void = () => undefined;
    const stops: string[] = [];
    onShutdownSignals(
      (signal) => {
        stops.push(signal);
        return new Promise<number>((resolve) => (finishStop = resolve));
      },
      { warn: (l) => warnings.push(l), abandon: () => abandoned++, exit: (code) => exits.push(code), target, now: () => clock },
    );
    return {
      signal: (name: NodeJS.Signals, at: number) => {
        clock = at;
        target.emit(name);
      },
      finish: (code: number) => finishStop(code),
      stops,
      exits,
      warnings,
      abandoned: () => abandoned,
    };
  }

  it('shuts down once on the first SIGTERM or SIGINT and exits with the shutdown’s code', async () => {
    const s = setup();
    s.signal('SIGTERM', 0);
    expect(s.stops).toEqual(['SIGTERM']);
    s.finish(0);
    await new Promise((r) => setImmediate(r));
    expect(s.exits).toEqual([0]);
  });

  it('takes a repeat within the window for the same Ctrl-C (terminal and npm both deliver it)', () => {
    const s = setup();
    s.signal('SIGINT', 0);
    s.signal('SIGINT', 10);
    s.signal('SIGINT', REPEAT_WINDOW_MS - 1);
    expect(s.stops).toEqual(['SIGINT']);
    expect(s.exits).toEqual([]);
  });

  it('exits 1 at once on a second signal later in the shutdown, asking PostgreSQL to stop', () => {
    const s = setup();
    s.signal('SIGTERM', 0);
    s.signal('SIGINT', REPEAT_WINDOW_MS + 500);
    expect(s.stops).toEqual(['SIGTERM']);
    expect(s.exits).toEqual([1]);
    expect(s.abandoned()).toBe(1);
    expect(s.warnings).toEqual([expect.stringMatching(/^SIGINT again during the shutdown: exiting now/)]);
  });
});
