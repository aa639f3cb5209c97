// Modules that client/vite.config.ts makes up at build time.
declare module 'virtual:duijie-core-strings' {
  /** The groups of locales/zh-CN.json that the login page and the app's frame use. */
  const strings: Record<string, unknown>;
  export default strings;
}
