export default async function globalTeardown() {
  await globalThis.__DUIJIE_PG__?.stop();
}
