import { readFileSync } from 'node:fs';
import { expect, test } from '@jest/globals';
import { VERSION } from '../../src/cli/version.js';
import { ROOT } from '../helpers/run-cli.js';

test('the version yargs prints is the package version', () => {
  expect(VERSION).toBe((JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version);
});
