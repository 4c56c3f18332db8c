// `cyclesync init [DIR]`: the scaffold validates, `check` runs on it (examples commented and uncommented),
// the CI files are what they say, and init never overwrites a file.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from '@jest/globals';
import { parse } from 'yaml';
import { runCli } from '../helpers/run-cli.js';

const made: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cyclesync-init-'));
  made.push(dir);
  return dir;
};
afterAll(() => made.forEach(d => rmSync(d, { recursive: true, force: true })));

const FILES = [
  '.github/workflows/cyclesync.yml',
  '.gitlab-ci.yml',
  'calendars/alignment.yaml',
  'calendars/ideal.yaml',
  'calendars/joint.yaml',
  'calendars/socta.yaml',
];

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
    expect(r.stdout).toContain('Created 6 files in');
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

  test('the CI jobs run check with --format github and keep a JUnit report', () => {
    const gh = parse(readFileSync(path.join(target, '.github/workflows/cyclesync.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    const runs = Object.values(gh.jobs).flatMap(j => j.steps.map(s => s.run ?? ''));
    expect(runs).toContain('npx --yes cyclesync check --calendars calendars --format github');
    expect(runs.some(s => s.includes('--format junit > cyclesync-junit.xml'))).toBe(true);
    const gl = parse(readFileSync(path.join(target, '.gitlab-ci.yml'), 'utf8')) as {
      cyclesync: { script: string[]; artifacts: { reports: { junit: string } } };
    };
    expect(gl.cyclesync.artifacts.reports.junit).toBe('cyclesync-junit.xml');
    expect(gl.cyclesync.script.some(s => s.startsWith('npx --yes cyclesync check --calendars calendars'))).toBe(true);
  });

  test('refuses to overwrite: exit 2 and nothing written when one file exists', () => {
    const again = runCli(['init', target]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('init would overwrite 6 existing files');
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
