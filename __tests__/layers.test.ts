// The import boundaries of src/ (.dependency-cruiser.cjs, run by `npm run lint`) catch what they forbid,
// static and dynamic: probe files are written into src/core, cruised, and removed.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, expect, test } from '@jest/globals';
import { ROOT } from './helpers/run-cli.js';

const PROBES = {
  'static-io': "import { acquireLock } from '../io/write-output.js';\nexport const probe = acquireLock;\n",
  'dynamic-io': "export const probe = async () => (await import('../io/write-output.js')).acquireLock;\n",
  'dynamic-catalog': "export const probe = async () => (await import('../i18n/messages/check.js')).checkMessages;\n",
  node: "import { createHash } from 'node:crypto';\nexport const probe = createHash;\n",
  zod: "import { calendarSchema } from '../schema/calendar.schema.js';\nexport const probe = calendarSchema;\n",
  // Allowed: a schema's type, which builds nothing at run time.
  'schema-type':
    "import type { CalendarFile } from '../schema/calendar.schema.js';\nexport type Probe = CalendarFile;\n",
};
const file = (name: string) => path.join(ROOT, 'src', 'core', `layers-probe-${process.pid}-${name}.ts`);
afterAll(() => {
  for (const name of Object.keys(PROBES)) rmSync(file(name), { force: true });
});

test('a forbidden import from src/core fails the lint, a dynamic import() too; a type from a schema does not', () => {
  for (const [name, text] of Object.entries(PROBES)) writeFileSync(file(name), text);
  const r = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'),
      '--config',
      '.dependency-cruiser.cjs',
      ...Object.keys(PROBES).map(file),
    ],
    { cwd: ROOT, encoding: 'utf8' }
  );
  expect(r.status).not.toBe(0);
  const violated = (name: string) =>
    r.stdout
      .split('\n')
      .filter(line => line.includes(`layers-probe-${process.pid}-${name}.ts →`))
      .map(line => /error ([a-z-]+):/.exec(line)?.[1]);
  expect(violated('static-io')).toEqual(['core-layer']);
  expect(violated('dynamic-io')).toEqual(['core-layer']);
  expect(violated('dynamic-catalog')).toEqual(['core-layer']);
  expect(violated('node')).toEqual(['core-without-node']);
  expect(violated('zod')).toEqual(['core-without-zod']);
  expect(violated('schema-type')).toEqual([]);
});
