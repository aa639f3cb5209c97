// Lint rules that catch real bugs: floating promises, non-exhaustive switches, loose equality.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import layers from './server/layers.json' with { type: 'json' };

/**
 * The server's folders, bottom to top (server/layers.json). A folder may import the folders of the layers below its
 * own, never a folder of its own layer or above: so the folders form no cycle, and an upward
 * import fails `npm run check`. Infrastructure first (config, access, common, rate-limits, the
 * realtime delivery), then the capabilities in the order they build on each other, then what
 * composes them (demo data, seeding, the database's entity list and migrations, the test harness).
 */
const SERVER_LAYERS = layers;

/** One lint config per folder: the folders it must not import. */
const layerRules = SERVER_LAYERS.slice(0, -1).flatMap((layer, rank) =>
  layer.map((folder) => ({
    files: [`server/src/${folder}/**/*.ts`],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: SERVER_LAYERS.slice(rank)
                .flat()
                .filter((name) => name !== folder)
                .map((name) => `**/${name}/*`),
              message: `server/src/${folder} may import only the folders of the layers below it (SERVER_LAYERS in eslint.config.mjs): let the other module subscribe to a domain event or register with this one instead.`,
            },
          ],
        },
      ],
    },
  })),
);

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
  ...layerRules,
  {
    // Functions stay short enough to read at once: a component or service method past this splits
    // into named pieces. A warning, which `npm run check` (--max-warnings 0) turns into a failure.
    files: ['client/src/**/*.{ts,tsx}', 'server/src/**/*.ts', 'shared/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/*.int-spec.ts'],
    rules: { 'max-lines-per-function': ['warn', { max: 150, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['client/**/*.tsx', 'client/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
);
