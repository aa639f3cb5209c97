// End-to-end tests: the built server as a real process on a fresh embedded PostgreSQL,
// driven over HTTP and through Chromium (playwright-core, /usr/bin/chromium).
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  moduleNameMapper: { '^@duijie/shared$': '<rootDir>/../shared/src/index.ts' },
  testTimeout: 180000,
};
