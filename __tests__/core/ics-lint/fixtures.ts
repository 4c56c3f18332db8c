// Loads the linter fixtures. The expected rule id comes from the file name (`R15-…ics` → R15), and
// `….publish.ics` is linted with the publish profile, so adding a fixture file adds a test.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LintProfile } from '../../../src/core/ics-lint/index.js';

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/ics-lint/', import.meta.url));

export interface Fixture {
  name: string;
  path: string;
  bytes: Uint8Array;
  profile: LintProfile;
  expectedRule: string;
}

export function loadFixtures(kind: 'valid' | 'invalid'): Fixture[] {
  const dir = `${FIXTURES}${kind}/`;
  return readdirSync(dir)
    .filter(f => f.endsWith('.ics'))
    .sort()
    .map(name => ({
      name,
      path: dir + name,
      bytes: new Uint8Array(readFileSync(dir + name)),
      profile: name.endsWith('.publish.ics') ? 'publish' : 'snapshot',
      expectedRule: name.slice(0, name.indexOf('-')),
    }));
}
