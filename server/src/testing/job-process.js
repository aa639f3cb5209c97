// A second (and third) server process for jobs/jobs.int-spec.ts: the whole app (createApp) on the
// test database, running the probe queues of job-probes.ts as a deployment's other servers would.
// Plain Node with the @swc/core hook: `node src/testing/job-process.js`, with DATABASE_URL and
// JOB_PROBE (the probe table, also the prefix of the probe queues' names) in the environment.
// Prints "ready <pid>" once its jobs run; SIGTERM stops it as main.ts does (jobs first, then the app).
require('./register-ts');
const Module = require('node:module');
const { join } = require('node:path');

// '@duijie/shared' from its sources, as Jest maps it (its build may be older than they are).
const shared = join(__dirname, '..', '..', '..', 'shared', 'src', 'index.ts');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === '@duijie/shared' ? shared : request, ...rest);
};

require('reflect-metadata');
const { DataSource } = require('typeorm');
const { createApp } = require('../bootstrap');
const { loadConfig } = require('../config/config');
const { JobQueue } = require('../jobs/job-queue');
const { registerProbes } = require('./job-probes');

async function main() {
  const probe = process.env.JOB_PROBE;
  const config = { ...loadConfig([]), clientDist: null, jobsEnabled: true, jobsPollIntervalMs: 500, jobsMaintenanceSeconds: 1 };
  const app = await createApp(config, process.env.DATABASE_URL, ['error', 'warn']);
  const jobs = app.get(JobQueue);
  registerProbes(jobs, app.get(DataSource), probe);
  await app.listen(0, '127.0.0.1');
  await jobs.start();
  process.on('SIGTERM', () => {
    jobs
      .stop(2000)
      .then(() => app.close())
      .then(
        () => process.exit(0),
        (error) => {
          console.error(error);
          process.exit(1);
        },
      );
  });
  process.stdout.write(`ready ${process.pid}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
