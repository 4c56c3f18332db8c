// Each output format validated: JUnit and SARIF against their structure, github annotations pointing at real
// lines of the calendar files, Markdown within a PR comment's limit, text colour only when asked, JSON shape.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { DOMParser } from '@xmldom/xmldom';
import type { Element } from '@xmldom/xmldom';
import * as z from '../../../src/schema/zod.js';
import { renderFindings } from '../../../src/render/findings/index.js';
import type { Evaluation } from '../../../src/core/alignment/index.js';
import type { FindingsInput } from '../../../src/render/findings/index.js';
import { MAX_MARKDOWN } from '../../../src/render/findings/markdown.js';
import { ROOT } from '../../helpers/run-cli.js';
import { LATE, P3Y, findingsInput } from './input.js';

const en = { lang: 'en' as const, color: false };
let builtin: FindingsInput;
let late: FindingsInput;
let p3y: FindingsInput;
beforeAll(async () => {
  [builtin, late, p3y] = await Promise.all([findingsInput(), findingsInput(LATE), findingsInput(P3Y)]);
});

/** The input with one finding changed (in findings and evaluations alike); Temporal dates survive, unlike structuredClone. */
function withFinding(
  input: FindingsInput,
  pick: (e: Evaluation) => boolean,
  patch: Partial<Evaluation>
): FindingsInput {
  const target = input.result.findings.find(pick)!;
  const changed = { ...target, ...patch };
  const swap = (list: Evaluation[]) => list.map(e => (e === target ? changed : e));
  return {
    ...input,
    result: { ...input.result, findings: swap(input.result.findings), evaluations: swap(input.result.evaluations) },
  };
}

const lineOf = (file: string, line: number): string =>
  readFileSync(path.isAbsolute(file) ? file : path.join(ROOT, file), 'utf8').split('\n')[line - 1] ?? '';

function parseXml(text: string) {
  const errors: string[] = [];
  const doc = new DOMParser({ onError: (level, msg) => void errors.push(`${level}: ${msg}`) }).parseFromString(
    text,
    'text/xml'
  );
  expect(errors).toEqual([]);
  return doc.documentElement!;
}
const children = (el: Element, name: string): Element[] =>
  Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (n as Element).tagName === name);

describe('junit', () => {
  test('valid XML: one testcase per rule × instance, failures for findings that fail the check', () => {
    const root = parseXml(renderFindings('junit', late, en));
    expect(root.tagName).toBe('testsuites');
    const suites = children(root, 'testsuite');
    expect(suites.map(s => s.getAttribute('name'))).toEqual([
      'clause-20 alignment 2022-2025',
      'clause-20 alignment 2026-2029',
      'clause-20 alignment 2030-2033',
    ]);
    const cases = suites.flatMap(s => children(s, 'testcase'));
    expect(cases).toHaveLength(18);
    expect(Number(root.getAttribute('tests'))).toBe(18);
    for (const s of suites) {
      const mine = children(s, 'testcase');
      expect(Number(s.getAttribute('tests'))).toBe(mine.length);
      expect(Number(s.getAttribute('failures'))).toBe(mine.filter(c => children(c, 'failure').length > 0).length);
    }
    const failed = cases.filter(c => children(c, 'failure').length > 0);
    expect(failed.map(c => `${c.getAttribute('classname')} ${c.getAttribute('name')}`)).toEqual([
      'cyclesync.2030-2033 ideal-follows-socta',
    ]);
    expect(Number(root.getAttribute('failures'))).toBe(1);
    const failure = children(failed[0]!, 'failure')[0]!;
    expect(failure.getAttribute('type')).toBe('error');
    expect(failure.getAttribute('message')).toBe(
      'ideal.publication on 1 Dec 2029 is 256 days after socta.publication on 20 Mar 2029; allowed: 0 … 184 days'
    );
    // A history finding passes, its message kept for the dashboard.
    const history = cases.find(
      c => c.getAttribute('classname') === 'cyclesync.2026-2029' && c.getAttribute('name') === 'ideal-follows-socta'
    )!;
    expect(children(history, 'failure')).toEqual([]);
    expect(children(history, 'system-out')[0]!.textContent).toContain('none on record or planned from');
  });

  test('escapes what XML cannot carry raw', () => {
    const f = late.result.findings.find(e => e.gates)!;
    const hostile = withFinding(late, e => e === f, { params: { ...f.params, to: 'x<&>"\'\u0001]]>' } });
    const root = parseXml(renderFindings('junit', hostile, en));
    const failures = Array.from(root.getElementsByTagName('failure'));
    expect(failures[0]!.getAttribute('message')).toContain('x<&>"\']]> on 1 Dec 2029');
  });
});

const nonEmpty = z.string().check(z.minLength(1));
const level = z.enum(['none', 'note', 'warning', 'error']);
const sarifSchema = z.object({
  $schema: z.url(),
  version: z.literal('2.1.0'),
  runs: z
    .array(
      z.object({
        tool: z.object({
          driver: z.object({
            name: z.literal('cyclesync'),
            version: z.string(),
            rules: z.array(
              z.object({
                id: z.string(),
                shortDescription: z.object({ text: nonEmpty }),
                fullDescription: z.object({ text: nonEmpty }),
                defaultConfiguration: z.object({ level }),
              })
            ),
          }),
        }),
        results: z.array(
          z.object({
            ruleId: z.string(),
            ruleIndex: z.int().check(z.gte(0)),
            level,
            message: z.object({ text: nonEmpty }),
            locations: z
              .array(
                z.object({
                  physicalLocation: z.object({
                    artifactLocation: z.object({ uri: nonEmpty, uriBaseId: z.optional(z.string()) }),
                    region: z.object({ startLine: z.int().check(z.gte(1)) }),
                  }),
                })
              )
              .check(z.length(1)),
          })
        ),
      })
    )
    .check(z.length(1)),
});

describe('sarif', () => {
  test('SARIF 2.1.0: rules with ids, results with ruleId, level and a located line', () => {
    const doc = sarifSchema.parse(JSON.parse(renderFindings('sarif', late, en)));
    const [run] = doc.runs;
    const ids = run!.tool.driver.rules.map(r => r.id);
    expect(ids).toEqual(late.rules.map(r => r.id));
    expect(run!.results).toHaveLength(late.result.findings.length);
    for (const r of run!.results) {
      expect(ids[r.ruleIndex]).toBe(r.ruleId);
      const { uri } = r.locations[0]!.physicalLocation.artifactLocation;
      const file = uri.startsWith('file://')
        ? decodeURIComponent(uri.slice('file://'.length))
        : decodeURIComponent(uri);
      expect(lineOf(file, r.locations[0]!.physicalLocation.region.startLine)).not.toBe('');
    }
    const plan = run!.results.filter(r => r.level === 'error');
    expect(plan.map(r => r.ruleId)).toEqual(['ideal-follows-socta']);
    // History findings are notes: they do not fail the check.
    expect(run!.results.find(r => r.ruleId === 'ideal-follows-socta' && r.level === 'note')).toBeDefined();
  });
});

describe('github', () => {
  const annotations = (text: string) =>
    text
      .split('\n')
      .map(l => /^::(error|warning|notice) file=([^,]*),line=(\d+),title=([^:]*)::(.*)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map(([, level, file, line, title, message]) => ({
        level,
        file: file!,
        line: Number(line),
        title: title ?? '',
        message,
      }));

  test('annotations point at the real line of the milestone or history entry', () => {
    const found = annotations(renderFindings('github', late, en));
    expect(found).toHaveLength(late.result.findings.length);
    const at = (title: string) => found.find(a => a.title === title)!;
    const planned = at('ideal-follows-socta (clause 20%2C 2030-2033)');
    expect(planned.level).toBe('error');
    expect(planned.file).toBe('fixtures/alignment/late-ideal/calendars/ideal.yaml');
    expect(lineOf(planned.file, planned.line)).toBe('      - instance: 2030');
    // No IDEAL launch on record for 2026-2029: the note points where the record (or a planned date) belongs.
    const history = at('ideal-follows-socta (clause 20%2C 2026-2029)');
    expect(history.level).toBe('notice');
    expect(lineOf(history.file, history.line)).toBe('  publication:');
    const cadence = at('monitoring-cadence (clauses 18%2C 25%2C 26%2C 2030-2033)');
    expect(cadence.level).toBe('warning');
    expect(lineOf(cadence.file, cadence.line)).toBe('  ministerial:');
  });

  test('a period finding points at the period line', () => {
    const same = annotations(renderFindings('github', p3y, en)).filter(a => a.title.startsWith('same-cycle-length'));
    expect(same).toHaveLength(3);
    for (const a of same) expect(lineOf(a.file, a.line)).toMatch(/^period: P3Y/);
  });

  test('messages and properties cannot break out of their command', () => {
    const f = late.result.findings.find(e => 'to' in e.params)!;
    const hostile = withFinding(late, e => e === f, {
      at: { file: 'odd, dir:100%/ideal.yaml', line: 3 },
      params: { ...f.params, to: 'a\nb\r::error ::boom' },
    });
    const lines = renderFindings('github', hostile, en).split('\n');
    const line = lines.find(l => l.includes('odd'))!;
    expect(line).toContain('file=odd%2C dir%3A100%25/ideal.yaml,line=3,');
    expect(line).toContain('a%0Ab%0D::error ::boom');
    expect(lines.filter(l => l.startsWith('::error ::boom'))).toEqual([]);
  });
});

describe('markdown', () => {
  test('fits a pull-request comment: verdict, a findings table, fixes', () => {
    const md = renderFindings('markdown', late, en);
    expect(md.startsWith('### ✗ Not aligned: 1 finding(s) at or above error fail the check\n')).toBe(true);
    expect(md).toContain('| Instance | Rule | Clause | Severity | Status | Slack | What |');
    expect(md).toContain('`--shift ideal@2030-2033=-P72D`'.slice(1, -1));
    const rows = md.split('\n').filter(l => l.startsWith('| 20'));
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(7);
    expect(md.length).toBeLessThan(65_536);
  });

  test('a huge result is cut below the limit and says so', () => {
    const many = Array.from({ length: 3000 }, () => late.result.findings).flat();
    const huge = { ...late, result: { ...late.result, findings: many } };
    const md = renderFindings('markdown', huge, en);
    expect(md.length).toBeLessThanOrEqual(MAX_MARKDOWN);
    expect(md).toMatch(/… \d+ more \(see --format json\)/);
  });

  test('many rules, many instances and many suggestions: every list shares the budget, and the cut is said', () => {
    const rules = 3000;
    const evaluations = Array.from({ length: rules }, (_, i) =>
      late.result.evaluations.map(e => ({ ...e, rule: `rule-number-${i}` }))
    ).flat();
    const suggestions = Array.from({ length: 500 }, () => late.result.suggestions).flat();
    const wide = { ...late, result: { ...late.result, evaluations, suggestions } };
    const md = renderFindings('markdown', wide, en);
    expect(md.length).toBeLessThanOrEqual(MAX_MARKDOWN);
    expect(md).toMatch(/… \d+ more \(see --format json\)\n\n<\/details>/);
  });

  test('an @mention in a message does not notify anyone', () => {
    const f = late.result.findings.find(e => 'to' in e.params)!;
    const pinging = withFinding(late, e => e === f, { params: { ...f.params, to: 'ask @octocat or @org/team' } });
    const md = renderFindings('markdown', pinging, en);
    expect(md).toContain('ask @&#8203;octocat or @&#8203;org/team');
    expect(md).not.toMatch(/(^|[^\w.])@(octocat|org)/m);
  });

  test('pipes and HTML in a message stay inside their cell', () => {
    const f = late.result.findings.find(e => 'to' in e.params)!;
    const hostile = withFinding(late, e => e === f, { params: { ...f.params, to: 'a|b<script>' } });
    const md = renderFindings('markdown', hostile, en);
    expect(md).toContain('a\\|b&lt;script&gt;');
  });
});

describe('text and json', () => {
  test('text: the verdict first, findings grouped by instance; colour only when asked', () => {
    const plain = renderFindings('text', late, en);
    expect(plain.split('\n')[0]).toBe('✗ Not aligned: 1 finding(s) at or above error fail the check');
    expect(plain.indexOf('\n2026-2029\n')).toBeLessThan(plain.indexOf('\n2030-2033\n'));
    // eslint-disable-next-line no-control-regex -- looking for the ANSI escape itself.
    const ansi = /\u001b\[/;
    expect(plain).not.toMatch(ansi);
    expect(renderFindings('text', late, { lang: 'en', color: true })).toMatch(ansi);
  });

  test('json: ok, findings with clause, status, slack and milestones, suggestions', () => {
    const doc = JSON.parse(renderFindings('json', late, en)) as Record<string, unknown> & {
      findings: Record<string, unknown>[];
      suggestions: Record<string, unknown>[];
    };
    expect(doc['ok']).toBe(false);
    expect(doc.findings.find(f => f['instance'] === '2030-2033' && f['rule'] === 'ideal-follows-socta')).toMatchObject({
      clause: [20],
      severity: 'error',
      status: 'plan',
      slack_days: -72,
      measured_days: 256,
      allowed: { unit: 'days', min: 0, max: 184, iso: { min: 'P0D', max: 'P6M' } },
      file: 'fixtures/alignment/late-ideal/calendars/ideal.yaml',
      milestones: [
        { id: 'socta.publication', instance: '2030-2033', start: '2029-03-20', end: '2029-03-20', status: 'projected' },
        expect.objectContaining({ id: 'ideal.publication', start: '2029-12-01', status: 'planned' }),
      ],
    });
    expect(doc.suggestions).toEqual([
      expect.objectContaining({ instance: '2030-2033', shift_days: -72, allowed: [{ min: -256, max: -72 }] }),
    ]);
  });
});

describe('golden outputs of the built-in model', () => {
  test.each([
    ['text', 'builtin.en.txt', 'en'],
    ['markdown', 'builtin.es.md', 'es'],
  ] as const)('%s', (format, file, lang) => {
    const out = renderFindings(format, builtin, { lang, color: false });
    const golden = path.join(ROOT, 'fixtures/alignment/golden', file);
    if (process.env['UPDATE_GOLDEN']) writeFileSync(golden, out);
    expect(out).toBe(readFileSync(golden, 'utf8'));
  });
});

describe('milestones named by title', () => {
  const TITLED =
    'IDEAL launched (ideal.publication) on 1 Dec 2029 is 256 days after SOCTA published (socta.publication) on 20 Mar 2029; allowed: 0 … 184 days';
  let titled: FindingsInput;
  beforeAll(async () => {
    titled = await findingsInput(LATE, true);
  });

  test.each(['text', 'markdown', 'github', 'junit', 'sarif', 'json'] as const)(
    '%s: the message names each milestone by title and id',
    format => {
      const out = renderFindings(format, titled, en);
      expect(format === 'junit' ? out.replace(/&apos;/g, "'") : out).toContain(TITLED);
    }
  );

  test('machine fields keep the bare ids', () => {
    const doc = JSON.parse(renderFindings('json', titled, en)) as {
      findings: { rule: string; message: string; milestones: { id: string }[] }[];
    };
    const gap = doc.findings.find(f => f.message === TITLED)!;
    expect(gap.milestones.map(m => m.id)).toEqual(['socta.publication', 'ideal.publication']);
    const sarif = JSON.parse(renderFindings('sarif', titled, en)) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]!.results.map(r => r.ruleId)).toContain('ideal-follows-socta');
    const junit = parseXml(renderFindings('junit', titled, en));
    const failure = Array.from(junit.getElementsByTagName('testcase')).find(
      c => c.getAttribute('name') === 'ideal-follows-socta' && children(c, 'failure').length > 0
    )!;
    expect(failure.getAttribute('classname')).toBe('cyclesync.2030-2033');
  });

  test('a list of milestones names each; an id with no title stays as it is', () => {
    const f = titled.result.findings.find(e => e.params['ids'] !== undefined)!;
    const listed = withFinding(titled, e => e === f, {
      params: { ...f.params, ids: 'ideal.publication, joint.nowhere' },
    });
    expect(renderFindings('text', listed, en)).toContain('IDEAL launched (ideal.publication), joint.nowhere:');
  });
});
