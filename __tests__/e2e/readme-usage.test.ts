import { readFileSync } from 'node:fs';
import { expect, test } from '@jest/globals';
import { ROOT } from '../helpers/run-cli.js';

test('the README shows every command’s --help as it is (regenerate: node scripts/readme-usage.js --write)', async () => {
  // @ts-expect-error -- a plain JS script without types
  const { replaceUsage } = (await import('../../scripts/readme-usage.js')) as { replaceUsage: (t: string) => string };
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  expect(replaceUsage(readme)).toBe(readme);
});
