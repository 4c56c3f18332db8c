// The programmatic API as a planner's tool gets it: the packed tarball installed into an empty folder, the
// README's API examples run from an .mjs there as they are written, and the declarations compile under tsc's
// strict defaults with no other package's types (the package installs none).
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { installTarball, packTarball, run } from '../helpers/packed.js';
import { ROOT } from '../helpers/run-cli.js';

jest.setTimeout(180_000);

const work = mkdtempSync(path.join(tmpdir(), 'cyclesync-package-api-'));
const app = path.join(work, 'app');
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(() => {
  installTarball(app, packTarball(work, { apiTypes: true }));
});

/** The README's API examples: every ```js block between its api markers, in order, as one module. */
function readmeExamples(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = /<!-- api:start -->([\s\S]*?)<!-- api:end -->/.exec(readme)?.[1] ?? '';
  return [...section.matchAll(/```js\n([\s\S]*?)```/g)].map(m => m[1]).join('\n');
}

describe('the packed package', () => {
  test('holds the CLI, the API and its declarations, the built-ins and schemas; not the GitHub Action', () => {
    const pkg = path.join(app, 'node_modules', 'cyclesync');
    for (const file of ['bin/cyclesync.js', 'dist/bundle/api.d.ts', 'LICENSE', 'CHANGELOG.md'])
      expect([file, existsSync(path.join(pkg, file))]).toEqual([file, true]);
    expect(readdirSync(path.join(pkg, 'schema')).sort()).toEqual(['alignment.schema.json', 'calendar.schema.json']);
    expect(readdirSync(pkg).filter(f => /^(action|src|__tests__|scripts)/.test(f))).toEqual([]);
    // Nothing else was installed: the bundle carries every dependency.
    expect(readdirSync(path.join(app, 'node_modules')).filter(f => !f.startsWith('.'))).toEqual(['cyclesync']);
  });

  test("README's API examples run from an .mjs, one per function", () => {
    const code = readmeExamples();
    for (const fn of ['loadCalendars', 'plan', 'check', 'buildFeeds', 'renderReport', 'lintIcs'])
      expect(code).toMatch(new RegExp(`await ${fn}\\(`));
    writeFileSync(path.join(app, 'example.mjs'), code);
    const r = run(process.execPath, ['example.mjs'], { cwd: app });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/ideal: .*IDEAL.*, every 4 years/);
    expect(r.stdout).toMatch(/^(aligned|misaligned)$/m);
    expect(r.stdout).toMatch(/joint\.ics: \d+ events/);
    expect(r.stdout).toMatch(/^inline\.ics:\d+ error R\w+/m);
    expect(r.stdout).toMatch(/^FILE_NOT_FOUND no-such-folder\/ideal\.yaml: /m);
    expect(readFileSync(path.join(app, 'joint.es.ics'), 'utf8')).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(readFileSync(path.join(app, 'relatorio.md'), 'utf8')).toMatch(/^# /);
    // A second run continues from the state the first one kept: no event is new.
    expect(run(process.execPath, ['example.mjs'], { cwd: app }).stdout).toMatch(/added: 0,/);
  });

  test('the declarations type a caller’s code and refuse a misspelt option (tsc, strict, no other types)', () => {
    writeFileSync(
      path.join(app, 'tool.mts'),
      `import { check, plan, CycleSyncError, ERROR_CODES } from 'cyclesync';
import type { CheckData, ErrorCode, PlanData } from 'cyclesync';
const result: CheckData = await check({ today: '2026-11-29', failOn: 'warning', lang: 'es' });
const severity: 'error' | 'warning' | undefined = result.findings[0]?.severity;
const line: number | null | undefined = result.findings[0]?.line;
const milestones: PlanData['milestones'] = (await plan({ cycles: ['socta'] })).milestones;
const codes: readonly ErrorCode[] = ERROR_CODES;
try {
  // @ts-expect-error: no such option
  await plan({ todya: '2026-11-29' });
} catch (e) {
  if (e instanceof CycleSyncError) console.log(e.code, e.at?.file, e.at?.line, e.path, e.hint);
}
console.log(severity, line, milestones.length, codes.length);
`
    );
    writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', types: [] },
        files: ['tool.mts'],
      })
    );
    const tsc = run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], {
      cwd: app,
      allow: [1, 2],
    });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  });
});
