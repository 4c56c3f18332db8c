// The installed command's launcher (bin/cyclesync.js): a copy whose bundle was never built says so.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@jest/globals';
import { ROOT, runCli } from '../helpers/run-cli.js';

test('a copy that was never built says so in one line and exits 3, without a stack trace', () => {
  const pkg = mkdtempSync(path.join(tmpdir(), 'cyclesync-unbuilt-'));
  try {
    cpSync(path.join(ROOT, 'bin'), path.join(pkg, 'bin'), { recursive: true });
    const r = runCli(['check'], { cwd: pkg, bin: path.join(pkg, 'bin', 'cyclesync.js') });
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'cyclesync: dist/bundle/cyclesync.js is missing: this copy is not built (run `npm run build`).\n'
    );
  } finally {
    rmSync(pkg, { recursive: true, force: true });
  }
});
