// The version lives in package.json alone: the built CLI's --version and SARIF's tool version read it at
// build time, and CHANGELOG.md has a section for it (a release updates both).
import { readFileSync } from 'node:fs';
import { expect, test } from '@jest/globals';
import { VERSION } from '../../src/version.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const packageVersion = (JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string }).version;

test('the version yargs prints and SARIF names is the package version', () => {
  expect(VERSION).toBe(packageVersion);
  expect(runCli(['--version']).stdout).toBe(`${packageVersion}\n`);
  const sarif = JSON.parse(runCli(['check', '--today', '2026-11-29', '--format', 'sarif']).stdout) as {
    runs: { tool: { driver: { version: string } } }[];
  };
  expect(sarif.runs[0]!.tool.driver.version).toBe(packageVersion);
});

test('CHANGELOG.md has a section for the package version', () => {
  const changelog = readFileSync(`${ROOT}CHANGELOG.md`, 'utf8');
  expect(changelog).toMatch(new RegExp(`^## \\[${packageVersion.replaceAll('.', '\\.')}\\] - `, 'm'));
});
