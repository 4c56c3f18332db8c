// The version and the repository live in package.json alone: the built CLI's --version, SARIF's tool version
// and the action `init` names read them at build time; CHANGELOG.md has a section for the version, and the
// README's install commands name both (a release updates them, or this fails).
import { readFileSync } from 'node:fs';
import { expect, test } from '@jest/globals';
import { GITHUB_REPOSITORY, VERSION } from '../../src/version.js';
import { ROOT, runCli } from '../helpers/run-cli.js';

const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as { version: string; repository: { url: string } };
const packageVersion = pkg.version;

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

test("README's install commands and action example name this version and repository", () => {
  expect(GITHUB_REPOSITORY).toMatch(/^[\w.-]+\/[\w.-]+$/);
  expect(pkg.repository.url).toBe(`git+https://github.com/${GITHUB_REPOSITORY}.git`);
  const readme = readFileSync(`${ROOT}README.md`, 'utf8');
  const install = readme.slice(readme.indexOf('## Install'), readme.indexOf('## Set-up'));
  expect(install).toContain(`npx cyclesync@${packageVersion} init`);
  expect(install).toContain(`"${pkg.repository.url}#v${packageVersion}"`);
  expect(readme).toContain(`uses: ${GITHUB_REPOSITORY}@v${packageVersion}`);
});
