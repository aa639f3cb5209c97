// readFilesInWorker(): the uploaded files inflated and parsed in a worker thread, so that a
// large or hostile file never blocks the server's event loop (health checks, sockets and
// other requests carry on) and cannot take more than the worker's memory. The worker is the
// compiled read-files.worker.js next to this file; when running from the TypeScript sources
// (Jest) it loads read-files.worker.ts through the @swc/core hook in src/testing/register-ts.js.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ReadFile, WorkerFile, WorkerInput } from './read-files.worker';

/** The worker's heap: ample for the largest legal workbook, a bound for everything else. */
export const READ_WORKER_MEMORY_MB = Number(process.env.IMPORT_WORKER_MEMORY_MB ?? 512);
/** A file that takes longer than this to read is refused. */
export const READ_WORKER_TIMEOUT_MS = Number(process.env.IMPORT_READ_TIMEOUT_MS ?? 30_000);

/** Why the worker gave up: out of memory or time. */
export class ReadAborted extends Error {}

function startWorker(workerData: WorkerInput): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: READ_WORKER_MEMORY_MB, maxYoungGenerationSizeMb: 32 };
  // The bytes are moved, not cloned: cloning a 10 MB file into workerData held the event loop
  // ~30 ms. The uploads' buffers are empty afterwards.
  const transferList = workerData.files.map((file) => file.bytes.buffer as ArrayBuffer);
  const options = { workerData, resourceLimits, transferList };
  const compiled = join(__dirname, 'read-files.worker.js');
  if (existsSync(compiled)) return new Worker(compiled, options);
  const register = join(__dirname, '..', 'testing', 'register-ts.js');
  const source = join(__dirname, 'read-files.worker.ts');
  return new Worker(`require(${JSON.stringify(register)}); require(${JSON.stringify(source)});`, { ...options, eval: true });
}

/**
 * Bytes that can be moved to the worker: an upload's buffer when it owns its whole ArrayBuffer
 * (multer's are, past 4 KB), else a copy. A small Buffer shares Node's pool, which must never
 * be moved away; copying a large one costs ~3 ms per MB here, on the event loop.
 */
function movable(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes;
  return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
}

/** Reads the files in a worker; it takes their bytes over (the callers' buffers are left empty). */
export function readFilesInWorker(files: WorkerFile[], maxRows: number): Promise<ReadFile[]> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ files: files.map((file) => ({ ...file, bytes: movable(file.bytes) })), maxRows });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(() => {
      settle(() => reject(new ReadAborted(`reading took longer than ${Math.round(READ_WORKER_TIMEOUT_MS / 1000)} s`)));
      void worker.terminate();
    }, READ_WORKER_TIMEOUT_MS);
    worker.on('message', (results: ReadFile[]) => settle(() => resolve(results)));
    worker.on('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ReadAborted(`reading needed more than ${READ_WORKER_MEMORY_MB} MB of memory`) : error),
      ),
    );
    worker.on('exit', (code) => settle(() => reject(new Error(`the file reader stopped (exit code ${code}) without a result`))));
  });
}
