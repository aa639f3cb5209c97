import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { closeSockets, createApp } from './bootstrap';
import { loadConfig } from './config/config';
import { openDatabase } from './database/database';
import { runMigrations } from './database/migrate';
import { loadDemo } from './demo/load-demo';
import { DEMO_PASSWORD } from './demo/demo-data';
import { OrganisationsService } from './organisations/organisations.service';
import { ensureAdmin } from './seed/admin';
import { UsersService } from './users/users.service';
import { JobQueue } from './jobs/job-queue';
import { HttpDrain, onShutdownSignals, shutDown, type ShutdownSteps } from './shutdown';

async function main(): Promise<void> {
  const logger = { log: (line: string) => console.log(line) };
  const config = loadConfig();
  // The shutdown stops the embedded PostgreSQL itself, last.
  const db = await openDatabase(config, (line) => logger.log(line), { stopOnSignal: false });
  // A signal during the start is kept: the shutdown runs once the server is up (a second one exits at once).
  let serve: (steps: ShutdownSteps) => void = () => undefined;
  const serving = new Promise<ShutdownSteps>((resolve) => (serve = resolve));
  let up = false;
  const warn = (line: string) => console.warn(line);
  onShutdownSignals(
    async (signal) => {
      if (!up) logger.log(`${signal}: shutting down once the start is done ...`);
      return shutDown(signal, await serving);
    },
    { warn, abandon: db.abandon },
  );
  const app = await createApp(config, db.url, process.env.LOG_LEVEL === 'debug' ? ['error', 'warn', 'log', 'debug'] : ['error', 'warn']);
  const dataSource = app.get(DataSource);
  const applied = await runMigrations(dataSource);
  if (applied.length) logger.log(`Applied migrations: ${applied.join(', ')}`);

  const organisations = app.get(OrganisationsService);
  const users = app.get(UsersService);
  const adminSeed = await ensureAdmin(dataSource, organisations, users, config);
  if (config.demo) {
    const started = Date.now();
    const loaded = await loadDemo(app);
    logger.log(loaded ? `Demo event loaded (${((Date.now() - started) / 1000).toFixed(1)} s)` : 'Demo event already present');
  }

  // The drain stands in front of the request and upgrade listeners that init attaches (Express, socket.io).
  await app.init();
  const http = new HttpDrain(app.getHttpServer(), (req) => req.url?.startsWith('/socket.io/') === true);
  await app.listen(config.port, config.host);
  // Queued and scheduled jobs run once the server is up (where JOBS_ENABLED).
  const jobs = app.get(JobQueue);
  await jobs.start();
  up = true;
  serve({
    drainMs: config.shutdownDrainMs,
    http,
    jobs,
    closeSockets: () => closeSockets(app),
    closeApp: () => app.close(),
    stopDatabase: db.stop,
    log: logger.log,
    warn,
  });

  const lines = [
    '',
    `  Duijie is running at ${config.publicUrl}`,
    `  API: ${config.publicUrl}/api  ·  OpenAPI: ${config.publicUrl}/api/docs`,
    `  Database: ${db.embedded ? `embedded PostgreSQL, data in ${config.dataDir}/pg` : 'DATABASE_URL'}`,
    `  Live updates between server processes: ${config.redisUrl ? 'Redis pub/sub (REDIS_URL)' : 'PostgreSQL LISTEN/NOTIFY'}`,
    `  Jobs: ${config.jobsEnabled ? 'run here and in every other process with JOBS_ENABLED, each job once' : 'not run in this process (JOBS_ENABLED=false)'}`,
    `  Log in as the organiser: ${config.adminEmail}` +
      (adminSeed.created && adminSeed.generatedPassword
        ? ` / ${adminSeed.generatedPassword} (generated now and shown only this once: keep it safe)`
        : adminSeed.created
          ? ' / the ADMIN_PASSWORD you set (created now)'
          : ' (the account already exists)'),
    ...(config.demo ? [`  Demo users: admin@<org>.demo.duijie.cn, password ${DEMO_PASSWORD} (e.g. admin@xntg.demo.duijie.cn)`] : []),
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
