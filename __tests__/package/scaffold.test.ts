// A planner's repository as `cyclesync init` scaffolds it, run as written, from the packed package with no
// network: init pins the tarball, `npm install` installs it, the $schema paths resolve, `npx --no-install
// cyclesync check` runs the local copy; the GitLab check job's lines pass findings through the JUnit step and
// fail on a broken file; the Pages job's lines, run twice against a site served on loopback (the second run
// restoring the state the first published), publish the same bytes at another clock; the CalDAV job's lines
// keep a calendar on a real Radicale in step, the second run writing nothing.
import { afterAll, beforeAll, describe, expect, jest, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ALICE_ENV, requestAs, requestsOf, viewCollection } from '../helpers/caldav-view.js';
import { installTarball, packTarball, run } from '../helpers/packed.js';
import { radicaleAvailable, startRadicale } from '../helpers/radicale.js';
import type { Radicale } from '../helpers/radicale.js';
import { ROOT } from '../helpers/run-cli.js';

jest.setTimeout(300_000);

const work = mkdtempSync(path.join(tmpdir(), 'cyclesync-package-scaffold-'));
const app = path.join(work, 'app');
let tarball = '';
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(() => {
  tarball = packTarball(work);
  installTarball(app, tarball);
});

/** Where a planner works: no compile cache, CI's variables only where a test sets them. */
const ENV = { PATH: process.env['PATH'] ?? '', HOME: work, CYCLESYNC_COMPILE_CACHE: 'off', NO_COLOR: '1', TZ: 'UTC' };

const npx = (args: string[], cwd: string, allow: number[] = []) =>
  run('npx', ['--no-install', 'cyclesync', ...args], { cwd, env: ENV, allow });

/** A job's script lines but `npm ci` (the test installed the tarball instead), as GitLab runs them: sh -e. */
function jobScript(repo: string, job: string): string {
  const gitlab = parse(readFileSync(path.join(repo, '.gitlab-ci.yml'), 'utf8')) as Record<string, { script: string[] }>;
  return gitlab[job]!.script.filter(line => line !== 'npm ci').join('\n');
}

const runJob = (repo: string, job: string) =>
  spawnSync('sh', ['-e', '-c', jobScript(repo, job)], { cwd: repo, env: ENV, encoding: 'utf8' });

/** runJob without blocking this process, which serves the published site to the job. */
function runJobAsync(repo: string, job: string, env: Record<string, string>) {
  const child = spawn('sh', ['-e', '-c', jobScript(repo, job)], { cwd: repo, env: { ...ENV, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise<{ status: number | null; stdout: string; stderr: string }>(resolve =>
    child.on('close', status => resolve({ status, stdout, stderr }))
  );
}

describe('the scaffold, from the packed package', () => {
  const repo = path.join(app, 'p');

  test('init pins the tarball; npm install, then npx --no-install cyclesync check: exit 0', () => {
    const made = npx(['init', 'p', '--package', path.relative(app, tarball)], app);
    expect(made.stdout).toMatch(/^Created 10 files in p:/);
    expect(JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).devDependencies).toEqual({
      cyclesync: `file:../../${path.basename(tarball)}`,
    });
    run('npm', ['install', '--offline', '--no-audit', '--no-fund'], { cwd: repo, env: ENV });
    expect(existsSync(path.join(repo, 'package-lock.json'))).toBe(true);
    expect(npx(['check'], repo).stdout).toMatch(/^✓ Aligned/);
    expect(npx(['check', '--calendars', 'calendars'], repo).status).toBe(0);
    // Every `$schema` comment names a file that is there now.
    for (const name of readdirSync(path.join(repo, 'calendars'))) {
      const schema = /\$schema=(\S+)/.exec(readFileSync(path.join(repo, 'calendars', name), 'utf8'))![1]!;
      expect([name, existsSync(path.resolve(repo, 'calendars', schema))]).toEqual([name, true]);
    }
  });

  test('the default pin, then `npm install <tarball>`: the same, no registry needed', () => {
    npx(['init', 'q'], app);
    const q = path.join(app, 'q');
    run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: q, env: ENV });
    expect(npx(['check'], q).status).toBe(0);
  });

  test('the GitLab check job: findings pass through the JUnit step and fail the job; a broken file fails it first', () => {
    const ok = runJob(repo, 'cyclesync');
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    const junit = () => readFileSync(path.join(repo, 'cyclesync-junit.xml'), 'utf8');
    expect(junit()).toMatch(/^<\?xml[\s\S]*failures="0"/);

    const ideal = path.join(repo, 'calendars', 'ideal.yaml');
    const scaffolded = readFileSync(ideal, 'utf8');
    cpSync(path.join(ROOT, 'fixtures', 'alignment', 'late-ideal', 'calendars', 'ideal.yaml'), ideal);
    const late = runJob(repo, 'cyclesync');
    expect(late.status).toBe(1);
    expect(late.stdout).toMatch(/^✗ Not aligned/); // the text line ran: the JUnit line passed exit 1 through
    expect(junit()).toMatch(/<failure /);

    writeFileSync(ideal, 'extends: builtin:ideal\nmilestones: [unclosed\n');
    const broken = runJob(repo, 'cyclesync');
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toMatch(/^calendars\/ideal\.yaml:\d+:\d+: error: /m);
    expect(broken.stdout).toBe(''); // stopped at the JUnit line: the text line never ran
    writeFileSync(ideal, scaffolded);
  });

  describe('the Pages job, twice against the published site', () => {
    const site = path.join(work, 'site');
    let server: Server;
    let origin = '';
    beforeAll(async () => {
      mkdirSync(site);
      server = createServer((req, res) => {
        const file = path.join(site, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
        if (!file.startsWith(site) || !existsSync(file) || !file.match(/\.(ics|json|html)$/)) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200).end(readFileSync(file));
      });
      await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
      origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    });
    afterAll(() => new Promise<void>(r => server.close(() => r())));

    const publish = async (epoch: string) => {
      rmSync(path.join(repo, 'public'), { recursive: true, force: true });
      const env = {
        CI_PAGES_URL: `${origin}/planning`,
        CYCLESYNC_DOMAIN: 'planning.example.org',
        SOURCE_DATE_EPOCH: epoch,
      };
      const r = await runJobAsync(repo, 'pages', env);
      if (r.status === 0) cpSync(path.join(repo, 'public'), path.join(site, 'planning'), { recursive: true });
      return r;
    };
    const feeds = () =>
      Object.fromEntries(
        readdirSync(path.join(repo, 'public'))
          .filter(f => f.endsWith('.ics'))
          .map(f => [f, readFileSync(path.join(repo, 'public', f), 'utf8')])
      );

    test('the second run, a day later, restores the state and publishes the same bytes', async () => {
      const first = await publish('1790000000');
      expect([first.status, first.stderr]).toEqual([0, 'report: wrote public/index.html\n']);
      expect(first.stdout).toContain('this is the first publication');
      const published = feeds();
      expect(Object.keys(published).sort()).toEqual(
        ['eu', 'latam', 'joint'].flatMap(s => [`${s}.ics`, `${s}.es.ics`, `${s}.pt.ics`]).sort()
      );
      expect(published['joint.ics']).toMatch(/^UID:[^\r]*@planning\.example\.org\r$/m);
      expect(existsSync(path.join(site, 'planning', 'cyclesync-state.json'))).toBe(true);
      expect(existsSync(path.join(site, 'planning', 'index.html'))).toBe(true);

      const second = await publish('1790086400');
      expect([second.status, second.stderr]).toEqual([0, 'report: wrote public/index.html\n']);
      expect(second.stdout).toContain('restored the feed state of');
      expect(second.stdout).toMatch(/events: 0 new, 0 changed, 0 cancelled, 0 dropped, \d+ unchanged/);
      expect(feeds()).toEqual(published);
    });

    test('published feeds without their state, or no CYCLESYNC_DOMAIN, stop the job before it publishes', async () => {
      rmSync(path.join(site, 'planning', 'cyclesync-state.json'));
      const lost = await publish('1790172800');
      expect(lost.status).toBe(1);
      expect(lost.stderr).toMatch(/feeds\.json answers 200 but .*cyclesync-state\.json is missing/);
      const env = { CI_PAGES_URL: `${origin}/other`, SOURCE_DATE_EPOCH: '1790000000' };
      const noDomain = await runJobAsync(repo, 'pages', env);
      expect(noDomain.status).not.toBe(0);
      expect(noDomain.stderr).toMatch(/CYCLESYNC_DOMAIN: set the variable CYCLESYNC_DOMAIN/);
    });
  });
  (radicaleAvailable ? describe : describe.skip)('the CalDAV job, against Radicale', () => {
    let radicale: Radicale;
    beforeAll(async () => {
      radicale = await startRadicale();
    });
    afterAll(async () => {
      await radicale?.stop();
    });

    test('publishes the joint feed into the calendar the variable names; a second run writes nothing', async () => {
      const calendar = `${radicale.origin}/alice/team/`;
      expect(await requestAs('MKCALENDAR', calendar)).toBe(201);
      const env = {
        ...ALICE_ENV,
        CYCLESYNC_CALDAV_URL: calendar,
        CYCLESYNC_DOMAIN: 'planning.example.org',
        SOURCE_DATE_EPOCH: '1790000000',
      };
      const first = await runJobAsync(repo, 'caldav', env);
      expect([first.status, first.stderr]).toEqual([0, '']);
      const events = (await viewCollection(calendar)).length;
      expect(first.stdout).toContain(`${events} created, 0 updated`);
      expect((await viewCollection(calendar)).every(e => e.uid.endsWith('@planning.example.org'))).toBe(true);
      const second = await runJobAsync(repo, 'caldav', { ...env, SOURCE_DATE_EPOCH: '1790003600' });
      expect(second.status).toBe(0);
      expect(requestsOf(second.stdout)).toEqual({ PROPFIND: 1, REPORT: 1 });
    });
  });
});
