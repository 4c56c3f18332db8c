// Two kinds of test, one runner: `unit` runs in-process on src/ and needs no build (`npm run test:unit`);
// `e2e` spawns the installed command (bin/cyclesync.js running the built bundle), so `npm run test:e2e` and
// `npm test` (both kinds) build first. The time zone is pinned by the scripts (TZ=America/Santiago).
const shared = {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        // src/version.ts imports package.json `with { type: 'json' }`.
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022', experimental: { keepImportAttributes: true } },
        module: { type: 'es6' },
      },
    ],
  },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
};

/** @type {import('jest').Config} */
export default {
  projects: [
    {
      ...shared,
      displayName: 'unit',
      roots: ['<rootDir>/__tests__'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/__tests__/e2e/', '/__tests__/api/', '/__tests__/action/', '/__tests__/package/'],
    },
    {
      ...shared,
      displayName: 'e2e',
      roots: [
        '<rootDir>/__tests__/e2e',
        '<rootDir>/__tests__/api',
        '<rootDir>/__tests__/action',
        '<rootDir>/__tests__/package',
      ],
      testMatch: ['**/*.test.ts'],
    },
  ],
};
