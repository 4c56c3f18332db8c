// The layers of src/, checked on every import a module makes, static or dynamic (`await import(…)`), by
// `npm run lint`: imports run {cli, api, action} → app → {core, render, io, schema, i18n}; render → {core,
// i18n}; the three entries (the command line, the programmatic API, the GitHub Action) import none of each
// other and nothing imports them; and src/core is pure: no Node built-in, no i18n catalog, no zod.
const layer = (name, forbidden, comment) => ({
  name: `${name}-layer`,
  severity: 'error',
  comment,
  from: { path: `^src/${name}/` },
  to: { path: `^src/(${forbidden.join('|')})/` },
});

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    layer(
      'core',
      ['cli', 'api', 'action', 'app', 'io', 'render', 'i18n'],
      'src/core imports nothing above it, nor the catalogs: it returns message keys'
    ),
    layer('cli', ['api', 'action'], 'the entries import none of each other'),
    layer('api', ['cli', 'action'], 'the entries import none of each other'),
    layer('action', ['cli', 'api'], 'the entries import none of each other'),
    layer('app', ['cli', 'api', 'action'], 'nothing imports an entry'),
    layer('render', ['cli', 'api', 'action', 'app', 'io'], 'renderers are pure formatters: data in, text out'),
    layer('io', ['cli', 'api', 'action', 'app', 'render'], 'io reads and writes; it does not compute or format'),
    layer(
      'schema',
      ['cli', 'api', 'action', 'app', 'render', 'io', 'core', 'i18n'],
      'the file formats depend on nothing of the program'
    ),
    layer('i18n', ['cli', 'api', 'action', 'app', 'render', 'io'], 'the catalogs are data'),
    {
      name: 'core-without-node',
      severity: 'error',
      comment: 'src/core is pure: no file system, process, network or crypto; pass data (or a function) in',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-without-zod',
      severity: 'error',
      comment: 'src/core takes the schemas’ types, never the modules that build zod schemas',
      from: { path: '^src/core/' },
      to: {
        path: ['^node_modules/zod/', '^src/schema/(zod|primitives|[a-z-]+[.]schema)[.]ts$'],
        dependencyTypesNot: ['type-only'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
