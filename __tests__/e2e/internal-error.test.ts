// An error the program does not expect (a bug) exits 3 with one line and a hint; `--debug` adds the stack,
// whose frames in the installed bundle Node maps back to src/*.ts lines through the bundle's source map.
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { ROOT, runCli } from '../helpers/run-cli.js';

const refuseStdout = { NODE_OPTIONS: `--require ${path.join(ROOT, '__tests__/helpers/refuse-stdout.cjs')}` };

describe('an internal error', () => {
  test('is one line and a hint, exit 3, no stack', () => {
    const r = runCli(['check', '--today', '2026-11-29'], { env: refuseStdout });
    expect(r.status).toBe(3);
    expect(r.stderr).toBe(
      'cyclesync: internal error: probe: stdout refused\n' +
        'This is a bug. Run again with --debug to see the stack, and report it.\n'
    );
  });

  test('with --debug shows the stack in source lines, not bundle columns', () => {
    const r = runCli(['check', '--today', '2026-11-29', '--debug'], { env: refuseStdout });
    expect(r.status).toBe(3);
    const lines = r.stderr.split('\n');
    expect(lines[0]).toBe('cyclesync: internal error: probe: stdout refused');
    expect(lines[1]).toBe('TypeError: probe: stdout refused');
    expect(r.stderr).toMatch(/^ {4}at .*\(\/.*\/src\/cli\/commands\/check\.ts:\d+:\d+\)$/m);
    expect(r.stderr).not.toContain('cyclesync.js:');
  });
});
