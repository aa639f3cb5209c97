// Unit specs (*.spec.ts) and integration specs (*.int-spec.ts) against a real
// PostgreSQL started once for the run by test/global-setup.mjs.
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  // Nest 12 ships ES modules; swc turns them into CommonJS for Jest.
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs)/)'],
  moduleNameMapper: { '^@duijie/shared$': '<rootDir>/../shared/src/index.ts' },
  setupFiles: ['reflect-metadata'],
  // One database for the run, and the audit spec tampers with the global audit chain for
  // a moment: spec files run one after another.
  maxWorkers: 1,
  testTimeout: 30000,
};
