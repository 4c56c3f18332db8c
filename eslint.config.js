// Lint rules that hold the architecture in place: imports run {cli, api, action} → app → {core, render, io,
// schema, i18n}, and src/core is pure (no file system, console, process, environment or clock). The three
// entry layers are the command line, the programmatic API and the GitHub Action; none imports another.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const impureModules = ['fs', 'fs/promises', 'path', 'process', 'child_process', 'http', 'net', 'os'].flatMap(m => [
  m,
  `node:${m}`,
]);
const layer = (dir, forbidden) => ({
  files: [`src/${dir}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: forbidden.map(f => ({
          group: [`**/${f}/**`, `**/${f}/*`],
          message: `src/${dir} may not import from src/${f} (imports run cli/api/action → app → core/render/io/schema/i18n).`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'artifacts/', 'schema/', 'action/lib/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  layer('cli', ['api', 'action']),
  layer('api', ['cli', 'action']),
  layer('action', ['cli', 'api']),
  layer('app', ['cli', 'api', 'action']),
  layer('render', ['cli', 'api', 'action', 'app', 'io']),
  layer('io', ['cli', 'api', 'action', 'app', 'render']),
  layer('schema', ['cli', 'api', 'action', 'app', 'render', 'io', 'core']),
  layer('i18n', ['cli', 'api', 'action', 'app', 'render', 'io']),
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: impureModules.map(name => ({ name, message: 'src/core is pure: pass data in, return values.' })),
          patterns: [
            {
              group: ['**/cli/**', '**/api/**', '**/action/**', '**/app/**', '**/io/**', '**/render/**'],
              message: 'src/core imports nothing above it.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/core is pure: no process.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/core is pure: the clock ("today") is passed in.' },
        { object: 'Temporal', property: 'Now', message: 'src/core is pure: the clock ("today") is passed in.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/core is pure: no clock.' },
      ],
    },
  },
  { files: ['src/cli/**/*.ts', 'scripts/**/*.js', 'scripts/**/*.ts'], rules: { 'no-console': 'off' } },
  { files: ['__tests__/**/*.ts'], rules: { '@typescript-eslint/no-non-null-assertion': 'off' } },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // The installed command's launcher: CommonJS, because it must start fast and load the bundle by vm.Script;
    // and the probe tests preload into it with `node --require`.
    files: ['bin/**/*.cjs', '__tests__/helpers/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  }
);
