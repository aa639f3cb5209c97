import { rmSync } from 'node:fs';

export default async function globalTeardown() {
  await globalThis.__DUIJIE_PG__?.stop();
  if (globalThis.__DUIJIE_PG_DIR__) rmSync(globalThis.__DUIJIE_PG_DIR__, { recursive: true, force: true });
}
