// End-to-end tests: the built server as a real process on a fresh embedded PostgreSQL,
// driven over HTTP and through Chromium (playwright-core, /usr/bin/chromium). merkle/: the independent
// RFC 9162 verifier that checks the audit log's proofs, with its spec.
module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/e2e/**/*.e2e-spec.ts', '<rootDir>/merkle/**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }] },
  moduleNameMapper: { '^@duijie/shared$': '<rootDir>/../shared/src/index.ts' },
  testTimeout: 180000,
};
