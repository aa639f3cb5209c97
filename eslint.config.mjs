// Lint rules that catch real bugs: floating promises, non-exhaustive switches, loose equality.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** The server's capability folders: one NestJS module each, above the infrastructure layer. */
const SERVER_CAPABILITIES = [
  'agreements',
  'audit',
  'auth',
  'ceremony',
  'database',
  'demo',
  'events',
  'health',
  'import',
  'listings',
  'matching',
  'meetings',
  'organisations',
  'participation',
  'realtime',
  'security',
  'seed',
  'supermarket',
  'testing',
  'users',
];

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'test/artifacts/**', '**/*.mjs', '**/*.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    // Layers: the server's infrastructure (common, access, config, rate-limits) sits under every
    // capability and never imports one; capabilities build on it. Tests may reach anywhere.
    files: ['server/src/{common,access,config,rate-limits}/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: SERVER_CAPABILITIES.map((name) => `**/${name}/*`),
              message:
                'Infrastructure (common, access, config, rate-limits) must not import a capability: let the capability subscribe to a domain event or register with it instead.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['client/**/*.tsx', 'client/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
