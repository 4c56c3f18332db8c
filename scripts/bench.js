#!/usr/bin/env node
// `npm run bench`: the performance budget of issue 7, as RATIOS measured side by side in one run on this
// machine (absolute times depend on the machine; ratios much less). Never used by tests.
//
// Every measured task runs in its own child process (`node scripts/bench.js --child <task> <json>`) so its
// peak memory (maxRSS) is its own. A part whose code has not landed prints `skipped: <why>`, never a number.
// Options: --quick (fewer repetitions, for a smoke run), --json FILE (also write the figures as JSON).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = path.join(ROOT, 'dist');
/** The installed command: the launcher that runs the bundle through V8's code cache. */
const BIN = path.join(ROOT, 'bin', 'cyclesync.cjs');
/** tsc's output, unbundled ES modules: what the bin ran before the bundle, kept as a comparison. */
const TSC_ENTRY = path.join(DIST, 'cli', 'entry.js');
const withCache = dir => ({ ...process.env, NO_COLOR: '1', CYCLESYNC_COMPILE_CACHE: dir });
const TODAY = '2026-11-29';
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

const distModule = rel => path.join(DIST, rel);
const hasDist = rel => existsSync(distModule(rel));
const load = rel => import(pathToFileURL(distModule(rel)).href);
const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = () => Number(process.hrtime.bigint()) / 1e6;
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/**
 * Median CPU time (user + system) of `fn` over `n` runs after one warm-up run (JIT, caches), in ms. CPU
 * time, not wall time: on a shared machine it does not count the time other processes held the cores.
 */
async function timeIt(fn, n) {
  await fn();
  const times = [];
  // Up to n runs, but stop after ~1.5 s of CPU so the big rows keep the whole run short.
  for (let i = 0; i < n && times.reduce((a, b) => a + b, 0) < 1500; i++) {
    const t = cpuMs();
    await fn();
    times.push(cpuMs() - t);
  }
  return median(times);
}

// ---------------------------------------------------------------------------------------------- child side

/** Synthetic cycles: copies of the built-in IDEAL calendar under new ids (same rules, same history). */
function writeSyntheticCalendars(count) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cyclesync-bench-cycles-'));
  const ideal = readFileSync(path.join(ROOT, 'calendars', 'ideal.yaml'), 'utf8').replace(
    /^# yaml-language-server.*\n/m,
    ''
  );
  for (let i = 1; i <= count; i++) {
    const id = `syn${String(i).padStart(2, '0')}`;
    writeFileSync(path.join(dir, `${id}.yaml`), ideal.replace(/^id: ideal$/m, `id: ${id}`));
  }
  return dir;
}

/** `years` from 2000-01-01, or the default horizon (the instance of today, the one before and after). */
async function horizonCtx(years, cycles) {
  const { Temporal } = await import('temporal-polyfill');
  const from = years ? Temporal.PlainDate.from('2000-01-01') : undefined;
  const calendars = cycles ? [writeSyntheticCalendars(cycles)] : [];
  return {
    Temporal,
    from,
    to: from?.add({ years }).subtract({ days: 1 }),
    today: Temporal.PlainDate.from(TODAY),
    calendars,
    cleanup: () => calendars.forEach(d => rmSync(d, { recursive: true, force: true })),
  };
}

const CHILD_TASKS = {
  /** Where `check`'s start-up goes: importing its modules, its first run, a warm second run (CPU ms). */
  async checkParts() {
    const { Temporal } = await import('temporal-polyfill');
    const t0 = cpuMs();
    await import('yargs');
    const t1 = cpuMs();
    const { check } = await load('app/check.js');
    const t2 = cpuMs();
    const ctx = { cwd: ROOT, today: Temporal.PlainDate.from(TODAY) };
    const opts = { calendars: [], format: 'text', lang: 'en', color: false, toolVersion: 'bench' };
    await check(ctx, opts);
    const t3 = cpuMs();
    await check(ctx, opts);
    const t4 = cpuMs();
    return { yargs: t1 - t0, imports: t2 - t1, first: t3 - t2, warm: t4 - t3 };
  },

  /** `plan --format json` in-process over a horizon of `years`, optionally with `cycles` synthetic cycles. */
  async plan({ years, cycles, reps }) {
    const { plan } = await load('app/plan.js');
    const h = await horizonCtx(years, cycles);
    try {
      let out = '';
      const t = await timeIt(async () => {
        out = await plan(
          { cwd: ROOT, today: h.today },
          { calendars: h.calendars, cycles: [], from: h.from, to: h.to, format: 'json', lang: 'en', color: false }
        );
      }, reps);
      return { ms: t, occurrences: JSON.parse(out).milestones?.length };
    } finally {
      h.cleanup();
    }
  },

  /** All feeds in memory (buildFeeds) over a horizon; the same clock for every run. */
  async feeds({ years, cycles, reps }) {
    const { buildFeeds } = await load('app/feeds.js');
    const h = await horizonCtx(years, cycles);
    try {
      let files = [];
      const now = h.Temporal.Instant.from('2026-11-29T12:00:00Z');
      const t = await timeIt(async () => {
        ({ files } = await buildFeeds(
          { cwd: ROOT, today: h.today, now },
          { calendars: h.calendars, langs: ['en'], ...(h.from ? { from: h.from, to: h.to } : {}) }
        ));
      }, reps);
      return { ms: t, files: files.length, bytes: files.reduce((n, f) => n + f.bytes.length, 0) };
    } finally {
      // Also when buildFeeds refuses (a feed over 1 MB): the synthetic calendars must not outlive the run.
      h.cleanup();
    }
  },

  /** ical-generator alone building one all-day event per occurrence (the floor under our feed builder). */
  async icalgen({ years, cycles, reps }) {
    const { default: ical } = await import('ical-generator');
    const { loadCalendars } = await load('io/load-calendars.js');
    const { expandCycle, sortOccurrences } = await load('core/model/expand.js');
    const h = await horizonCtx(years, cycles);
    const all = await loadCalendars({ cwd: ROOT, calendars: h.calendars });
    const occ = sortOccurrences(all.flatMap(c => expandCycle(c, { from: h.from, to: h.to })));
    const stamp = new Date('2026-11-29T12:00:00Z');
    const buildOne = events => {
      const cal = ical({ name: 'bench', prodId: '//cyclesync//bench//EN' });
      for (const o of events)
        cal.createEvent({
          id: `${o.id}.${o.instance}.${o.start}@cyclesync.example`,
          start: new Date(`${o.start}T00:00:00Z`),
          end: new Date(`${o.end.add({ days: 1 })}T00:00:00Z`),
          allDay: true,
          stamp,
          summary: o.title.en,
          description: `${o.status}, ${o.basis}. ${o.source ?? ''}`,
          categories: [{ name: o.region }, { name: o.cycle }],
        });
      return cal.toString();
    };
    // The three feeds ours builds: EU, Latin America, and joint (everything).
    const feeds = [occ.filter(o => o.region === 'eu'), occ.filter(o => o.region === 'latam'), occ];
    let bytes = 0;
    const t = await timeIt(async () => {
      bytes = 0;
      for (const events of feeds) bytes += Buffer.byteLength(buildOne(events));
    }, reps);
    h.cleanup();
    return { ms: t, events: feeds.map(f => f.length), bytes };
  },

  /** Throughput of our linter and of ical.js parsing on the same bytes. */
  async lint({ file, reps, which }) {
    const bytes = readFileSync(file);
    if (which === 'ours') {
      const { lintIcs } = await load('core/ics-lint/index.js');
      let findings = [];
      const t = await timeIt(() => {
        findings = lintIcs(bytes);
      }, reps);
      return { ms: t, mb: bytes.length / 1e6, findings: [...new Set(findings.map(f => `${f.rule}:${f.severity}`))] };
    }
    const { default: ICAL } = await import('ical.js');
    const t = await timeIt(() => ICAL.parse(bytes.toString('utf8')), reps);
    return { ms: t, mb: bytes.length / 1e6 };
  },
};

if (args[0] === '--child') {
  let result;
  try {
    result = await CHILD_TASKS[args[1]](JSON.parse(args[2]));
  } catch (e) {
    // A refusal by the code under test (e.g. a feed over 1 MB) is a result to print, not a crash.
    result = { error: `${e.code ? `${e.code}: ` : ''}${e.message}` };
  }
  // maxRSS is in kilobytes.
  process.stdout.write(JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
  process.exit(0);
}

// --------------------------------------------------------------------------------------------- parent side

const results = {};
const out = line => process.stdout.write(line + '\n');
const f1 = x => (Number.isFinite(x) ? x.toFixed(1) : 'n/a'); // n/a: not measurable here (no /usr/bin/time, no /proc)
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const skip = (what, why) => {
  out(`  ${what}: skipped: ${why}`);
  results[what] = { skipped: why };
};

function child(task, params) {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', task, JSON.stringify(params)], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 16 << 20,
  });
  if (r.status !== 0)
    throw new Error(`child ${task} failed (${r.status}): ${r.stderr.trim().split('\n').slice(-5).join('\n')}`);
  const result = JSON.parse(r.stdout.trim().split('\n').pop());
  if (result.error) throw new Error(result.error);
  return result;
}

/** Whether this build registers `name` (its --help starts with `cyclesync name`, not the general usage). */
const isCommand = name =>
  spawnSync(process.execPath, [BIN, name, '--help'], { encoding: 'utf8', env: withCache('off') }).stdout.startsWith(
    `cyclesync ${name}`
  );

const hasTime = existsSync('/usr/bin/time');
/** Wall ms (timed here) and peak RSS (from GNU time, when installed) of one process run. */
function runOnce(argv, env) {
  const cmd = hasTime ? '/usr/bin/time' : argv[0];
  const full = hasTime ? ['-f', '%M', ...argv] : argv.slice(1);
  const t = ms();
  const r = spawnSync(cmd, full, { cwd: ROOT, encoding: 'utf8', env });
  const wall = ms() - t;
  const rss = hasTime ? Number(r.stderr.trim().split('\n').pop()) / 1024 : NaN;
  return { wall, rss, status: r.status, stderr: r.stderr };
}

/**
 * Runs the commands interleaved (so machine load hits all alike) and returns median wall and peak RSS. The
 * first, unmeasured round warms the file cache and writes the compile cache of the commands that use one.
 */
function startupRace(commands, n) {
  const walls = commands.map(() => []);
  const rss = commands.map(() => 0);
  for (const c of commands) runOnce(c.argv, c.env);
  for (let i = 0; i < n; i++)
    commands.forEach((c, k) => {
      const r = runOnce(c.argv, c.env);
      if (r.status !== c.expectStatus)
        throw new Error(`${c.label} exited ${r.status}, expected ${c.expectStatus}: ${r.stderr.slice(0, 500)}`);
      walls[k].push(r.wall);
      rss[k] = Math.max(rss[k], r.rss);
    });
  return commands.map((c, k) => ({ label: c.label, ms: median(walls[k]), rssMb: rss[k] }));
}

/**
 * `check` on the built-in calendars, as a planner's CI runs it: without --today, so it reads the clock and
 * the local time zone. It exits 1 when it reports findings: a normal run; 2 or 3 is not.
 */
function checkCommand(label, entry, env, extra = []) {
  const argv = [process.execPath, entry, 'check', ...extra];
  const probe = spawnSync(argv[0], argv.slice(1), { cwd: ROOT, encoding: 'utf8', env: withCache('off') });
  if (probe.status !== 0 && probe.status !== 1)
    throw new Error(`${label} failed (exit ${probe.status}): ${probe.stderr.slice(0, 300)}`);
  return { label, argv, env, expectStatus: probe.status };
}

async function benchStartup() {
  out('\n## Start-up (median wall time of interleaved runs, peak RSS)');
  const n = QUICK ? 5 : 21;
  const warm = withCache(CACHE_DIR);
  const commands = [{ label: 'node -e 0', argv: [process.execPath, '-e', '0'], env: warm, expectStatus: 0 }];
  const checkRuns = isCommand('check');
  if (checkRuns) {
    commands.push(checkCommand('cyclesync check', BIN, warm));
    // A fresh machine (a CI runner): an empty cache folder, so the cache shipped in the package stands in. It
    // covers check, so no run writes here, and every run stays a first run (checked below).
    commands.push(checkCommand('check, fresh machine', BIN, withCache(FRESH_CACHE_DIR)));
    commands.push(checkCommand('check, no compile cache', BIN, withCache('off')));
    commands.push(checkCommand('check, unbundled (tsc)', TSC_ENTRY, warm));
    // What a planner's CI runs: `check --calendars calendars` in a repository scaffolded by `cyclesync init`
    // (four files extending the built-ins), which also parses YAML and loads zod. Not the target's case.
    const planning = path.join(tmp, 'planning');
    execFileSync(process.execPath, [BIN, 'init', planning], { env: withCache('off'), stdio: 'ignore' });
    commands.push(
      checkCommand("check, a planner's calendars", BIN, withCache(FRESH_CACHE_DIR), [
        '--calendars',
        path.join(planning, 'calendars'),
      ])
    );
  }
  commands.push({
    label: 'cyclesync --version',
    argv: [process.execPath, BIN, '--version'],
    env: warm,
    expectStatus: 0,
  });
  const rows = startupRace(commands, n);
  const base = rows[0].ms;
  for (const r of rows)
    out(
      `  ${r.label.padEnd(29)} ${f1(r.ms).padStart(7)} ms  ${ratio(r.ms, base).padStart(7)} of node -e 0   peak ${f1(r.rssMb)} MB`
    );
  if (!checkRuns) skip('startup check', '`cyclesync check` is not registered in this build');
  else {
    const check = rows.find(r => r.label === 'cyclesync check');
    out(`  ratio check / node -e 0 = ${ratio(check.ms, base)} (target ≤ 1.50×; the installed bin, warm compile cache)`);
    if (readdirSync(FRESH_CACHE_DIR).length > 0)
      out('  (the fresh-machine row is not one: a run wrote its own cache, so the shipped cache was not used)');
    const p = child('checkParts', {});
    out(
      `  where check's time goes (CPU, in one process, unbundled): yargs import ${f1(p.yargs)} ms, check's modules ${f1(p.imports)} ms, ` +
        `first run ${f1(p.first)} ms, a warm second run ${f1(p.warm)} ms`
    );
    results.checkParts = p;
  }
  results.startup = { runs: n, rows };
}

function benchScale() {
  out('\n## Scale (in-process CPU time, median of repeated runs after a warm-up; one child process per row)');
  out('  ("default" = the default horizon around today: the instance of today, the one before and the one after)');
  const reps = QUICK ? 1 : 3;
  const rows = [];
  const row = (task, label, params) => {
    const r = child(task, { reps, ...params });
    rows.push({ task, label, ...r });
    const extra =
      r.occurrences !== undefined ? `${r.occurrences} occurrences` : `${r.files} files, ${f1(r.bytes / 1024)} KB`;
    out(
      `  ${task.padEnd(6)} ${label.padEnd(33)} ${f1(r.ms).padStart(8)} ms CPU  ${extra.padEnd(26)} peak ${f1(r.maxRssMb)} MB`
    );
    return r;
  };
  for (const task of ['plan', 'feeds']) {
    if (task === 'feeds' && !hasDist('app/feeds.js')) {
      skip('feeds scale', 'src/app/feeds.ts (buildFeeds) has not landed in this build');
      continue;
    }
    // Each row runs on its own: a refusal (feeds refuses a feed over 1 MB) is printed and the rest go on.
    const attempt = (label, params) => {
      try {
        return row(task, label, params);
      } catch (e) {
        out(`  ${task.padEnd(6)} ${label.padEnd(33)} refused: ${e.message.split('\n')[0]}`);
        results[`${task} ${label}`] = { refused: e.message.split('\n')[0] };
        return undefined;
      }
    };
    const years = [25, 50, 100, 200];
    const byYears = years.map(y => attempt(`3 built-in cycles, ${y} years`, { years: y }));
    attempt('53 cycles (50 synthetic), default', { cycles: 50 });
    // feeds refuses 53 cycles even over the default horizon (over 1 MB); 200 years would only cost time.
    if (task === 'plan') attempt('53 cycles (50 synthetic), 200 y', { years: 200, cycles: 50, reps: 1 });
    const growth = years
      .slice(1)
      .map((y, i) =>
        byYears[i] && byYears[i + 1]
          ? `×${(byYears[i + 1].ms / byYears[i].ms).toFixed(2)} ${years[i]}→${y} y`
          : undefined
      )
      .filter(Boolean);
    out(`  ${task}: CPU time when the horizon doubles: ${growth.join(', ') || 'not measurable'} (linear = ×2.00)`);
  }
  results.scale = rows;
  return rows;
}

function benchFeedsVsIcalGenerator(scaleRows) {
  out('\n## feeds against ical-generator alone (3 built-in cycles, 100 years: the longest under the 1 MB limit)');
  if (!hasDist('app/feeds.js'))
    return skip('feeds vs ical-generator', 'src/app/feeds.ts (buildFeeds) has not landed in this build');
  const reps = QUICK ? 1 : 3;
  try {
    // The same measurement as the scale row of that horizon: reuse it rather than spend the time twice.
    const ours =
      scaleRows.find(r => r.task === 'feeds' && r.label === '3 built-in cycles, 100 years') ??
      child('feeds', { years: 100, reps });
    const gen = child('icalgen', { years: 100, reps });
    const line = (label, r) =>
      out(
        `  ${label.padEnd(48)} ${f1(r.ms).padStart(8)} ms CPU  ${f1(r.bytes / 1024).padStart(7)} KB  peak ${f1(r.maxRssMb)} MB`
      );
    line('cyclesync buildFeeds: eu, latam, joint, feeds.json', ours);
    line(`ical-generator alone: 3 feeds of ${gen.events.join('/')} events`, gen);
    out(
      `  ratio buildFeeds / ical-generator = ${ratio(ours.ms, gen.ms)}; per KB of output ` +
        `${ratio(ours.ms / ours.bytes, gen.ms / gen.bytes)} (ours writes ${ratio(ours.bytes, gen.bytes)} the bytes)`
    );
    out(
      '  (ours adds the lifecycle state, long descriptions in the feed language, start/end markers for long windows)'
    );
    results.feedsVsIcalGenerator = { ours, icalGenerator: gen };
  } catch (e) {
    skip('feeds vs ical-generator', e.message.split('\n')[0]);
  }
}

/** A ~1 MB valid feed from ical-generator (deterministic UIDs and DTSTAMP), for the linter comparison. */
async function makeMegabyteFeed(dir) {
  const { default: ical } = await import('ical-generator');
  const cal = ical({ name: 'bench', prodId: '//cyclesync//bench//EN' });
  const stamp = new Date('2026-11-29T12:00:00Z');
  // Stop just past 1,000,000 bytes: a "1 MB" feed that stays under the 1 MiB limit the linter enforces.
  for (let i = 0; Buffer.byteLength(cal.toString()) < 1_000_000;)
    for (let k = 0; k < 10; k++, i++) {
      const day = new Date(Date.UTC(2000, 0, 1 + i));
      cal.createEvent({
        id: `bench-${i}@cyclesync.example`,
        start: day,
        end: new Date(day.getTime() + 86_400_000),
        allDay: true,
        stamp,
        summary: `Publicación del IDEAL nº ${i}, reunión de planificación; coordinación UE–CLASI`,
        description: `Evento ${i}: proyectado (patrón). Fuente: calendario integrado, cláusula 20 de la declaración UE–CLASI.`,
        categories: [{ name: 'LATAM' }, { name: 'IDEAL' }],
      });
    }
  const file = path.join(dir, 'megabyte.ics');
  writeFileSync(file, cal.toString() + '\r\n'); // ical-generator 10 omits the final CRLF
  return file;
}

async function benchLint(tmp) {
  out('\n## lint-ics throughput on a ~1 MB feed, against ical.js parsing the same bytes');
  if (!hasDist('core/ics-lint/index.js'))
    return skip('lint-ics throughput', 'src/core/ics-lint/index.ts (lintIcs) has not landed in this build');
  const file = await makeMegabyteFeed(tmp);
  const reps = QUICK ? 3 : 7;
  try {
    const ours = child('lint', { file, reps, which: 'ours' });
    const icaljs = child('lint', { file, reps, which: 'ical.js' });
    out(
      `  lintIcs     ${f1(ours.mb / (ours.ms / 1000)).padStart(6)} MB/s  (${f1(ours.ms)} ms CPU for ${ours.mb.toFixed(2)} MB; findings: ${ours.findings.join(' ') || 'none'})  peak ${f1(ours.maxRssMb)} MB`
    );
    out(
      `  ical.js     ${f1(icaljs.mb / (icaljs.ms / 1000)).padStart(6)} MB/s  (${f1(icaljs.ms)} ms CPU)  peak ${f1(icaljs.maxRssMb)} MB`
    );
    out(`  ratio lintIcs / ical.js throughput = ${ratio(icaljs.ms, ours.ms)}`);
    results.lint = { ours, icaljs };
  } catch (e) {
    skip('lint-ics throughput', e.message.split('\n')[0]);
  }
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function waitForHttp(url, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const r = await fetch(url);
      await r.arrayBuffer();
      if (r.ok) return r;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise(r => setTimeout(r, 50));
  }
}

const peakRssMb = pid => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
};

async function hammer(url, headers, seconds) {
  const { default: autocannon } = await import('autocannon');
  const r = await autocannon({ url, connections: 10, duration: seconds, headers });
  const codes = Object.entries(r.statusCodeStats ?? {})
    .map(([c, s]) => `${c}×${s.count}`)
    .join(' ');
  return { rps: r.requests.average, p99: r.latency.p99, codes, errors: r.errors + r.non2xx };
}

async function benchServe(tmp) {
  out('\n## serve: requests per second on loopback (autocannon, 10 connections), against nginx on the same file');
  const seconds = QUICK ? 1 : 3;
  if (!isCommand('serve')) return skip('serve', '`cyclesync serve` is not registered in this build');
  const port = await freePort();
  const server = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--today', TODAY], {
    cwd: ROOT,
    env: withCache(CACHE_DIR),
    stdio: ['ignore', 'ignore', 'ignore'], // the access log would otherwise fill an unread pipe
  });
  const rows = [];
  let feed;
  try {
    const first = await waitForHttp(`http://127.0.0.1:${port}/joint.ics`);
    feed = Buffer.from(await (await fetch(`http://127.0.0.1:${port}/joint.ics`)).arrayBuffer());
    const etag = first.headers.get('etag');
    const ok = await hammer(`http://127.0.0.1:${port}/joint.ics`, {}, seconds);
    const nm = await hammer(`http://127.0.0.1:${port}/joint.ics`, { 'if-none-match': etag }, seconds);
    rows.push({ server: 'cyclesync serve', ok, nm, rssMb: peakRssMb(server.pid) });
  } catch (e) {
    skip('serve', e.message);
  } finally {
    server.kill('SIGTERM');
    await new Promise(r => server.once('exit', r));
  }
  if (!feed) return;

  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync);
  if (!nginx) out('  nginx: skipped: nginx is not installed (apt-get install nginx-light)');
  else {
    const root = path.join(tmp, 'www');
    execFileSync('mkdir', ['-p', root, path.join(tmp, 'nginx-tmp')]);
    chmodSync(tmp, 0o755); // nginx workers run as an unprivileged user: they must reach the file
    writeFileSync(path.join(root, 'joint.ics'), feed);
    const nport = await freePort();
    const conf = path.join(tmp, 'nginx.conf');
    writeFileSync(
      conf,
      `worker_processes 1;
daemon off;
master_process on;
pid ${tmp}/nginx.pid;
error_log ${tmp}/nginx-error.log;
events { worker_connections 256; }
http {
  access_log ${tmp}/nginx-access.log;
  client_body_temp_path ${tmp}/nginx-tmp; proxy_temp_path ${tmp}/nginx-tmp; fastcgi_temp_path ${tmp}/nginx-tmp;
  uwsgi_temp_path ${tmp}/nginx-tmp; scgi_temp_path ${tmp}/nginx-tmp;
  types { text/calendar ics; }
  charset utf-8; charset_types text/calendar;
  server { listen 127.0.0.1:${nport}; root ${root}; }
}
`
    );
    // One worker, like our one Node process; access log on, like ours.
    const ng = spawn(nginx, ['-c', conf, '-p', tmp], { stdio: 'ignore' });
    try {
      const first = await waitForHttp(`http://127.0.0.1:${nport}/joint.ics`);
      const etag = first.headers.get('etag');
      const ok = await hammer(`http://127.0.0.1:${nport}/joint.ics`, {}, seconds);
      const nm = await hammer(`http://127.0.0.1:${nport}/joint.ics`, { 'if-none-match': etag }, seconds);
      const worker = spawnSync('pgrep', ['-P', String(ng.pid)], { encoding: 'utf8' })
        .stdout.trim()
        .split('\n')[0];
      rows.push({ server: 'nginx (1 worker)', ok, nm, rssMb: peakRssMb(ng.pid) + (worker ? peakRssMb(worker) : 0) });
    } catch (e) {
      const log = path.join(tmp, 'nginx-error.log');
      const last = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').pop() : '';
      out(`  nginx: skipped: ${e.message}${last ? ` (${last})` : ''}`);
    } finally {
      ng.kill('SIGQUIT');
      await new Promise(r => ng.once('exit', r));
    }
  }
  out(`  feed: ${f1(feed.length / 1024)} KB joint.ics; ${seconds} s per run`);
  for (const r of rows)
    out(
      `  ${r.server.padEnd(18)} 200: ${String(Math.round(r.ok.rps)).padStart(6)} req/s (p99 ${r.ok.p99} ms; ${r.ok.codes})   304: ${String(Math.round(r.nm.rps)).padStart(6)} req/s (p99 ${r.nm.p99} ms; ${r.nm.codes})   peak ${f1(r.rssMb)} MB`
    );
  if (rows.length === 2)
    out(
      `  ratio cyclesync / nginx: 200 ${ratio(rows[0].ok.rps, rows[1].ok.rps)}, 304 ${ratio(rows[0].nm.rps, rows[1].nm.rps)}`
    );
  results.serve = rows;
}

if (!existsSync(TSC_ENTRY) || !existsSync(path.join(DIST, 'bundle', 'cyclesync.cjs'))) {
  console.error('dist/ is missing: run `npm run build` first (npm run bench does).');
  process.exit(2);
}
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cyclesync-bench-'));
/** The compile cache every spawned cyclesync uses: private to this run, never the user's own. */
const CACHE_DIR = mkdtempSync(path.join(os.tmpdir(), 'cyclesync-bench-cache-'));
/** A compile-cache folder that stays empty: what a fresh machine has. */
const FRESH_CACHE_DIR = mkdtempSync(path.join(os.tmpdir(), 'cyclesync-bench-fresh-'));

const started = ms();
out(
  `# cyclesync benchmark — node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os
    .loadavg()
    .map(l => l.toFixed(2))
    .join(' ')}`
);
try {
  await benchStartup();
  benchFeedsVsIcalGenerator(benchScale());
  await benchLint(tmp);
  await benchServe(tmp);
} finally {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(CACHE_DIR, { recursive: true, force: true });
  rmSync(FRESH_CACHE_DIR, { recursive: true, force: true });
}
out(`\n(total ${f1((ms() - started) / 1000)} s)`);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2) + '\n');
