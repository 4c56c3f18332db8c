// Field positions of a YAML file (src/io/yaml-index.ts), and the build-time index of the built-in calendars
// that lets a run skip parsing and validating them (src/io/precompiled-builtins.ts, written by
// scripts/bundle.js).
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import type * as LoadAlignment from '../../src/io/load-alignment.js';
import type * as LoadCalendars from '../../src/io/load-calendars.js';
import { indexYaml } from '../../src/io/parse-yaml.js';
import { alignmentSchema } from '../../src/schema/alignment.schema.js';
import { calendarSchema } from '../../src/schema/calendar.schema.js';
import { locatorsOf } from '../../src/io/yaml-index.js';
import type * as Precompiled from '../../src/io/precompiled-builtins.js';
import { ROOT } from '../helpers/run-cli.js';

const TEXT = [
  'id: demo', //                       line 1
  'milestones:', //                    line 2
  '  socta:', //                       line 3
  '    history:', //                   line 4
  '      - date: 2025-03-18', //       line 5
  '        source: Europol', //        line 6
  '      - { date: 2021-04-12 }', //   line 7
  'years:', //                         line 8
  '  2029: start', //                  line 9
  'list: [a, b]', //                   line 10
].join('\n');

describe('locatorsOf(indexYaml(…))', () => {
  const { locate, locateExact } = locatorsOf(indexYaml(TEXT, 'demo.yaml'), 'demo.yaml');
  const line = (loc: { line?: number; column?: number } | undefined) => (loc ? [loc.line, loc.column] : undefined);

  test('a mapping key points at the key, a list item at the item', () => {
    expect(line(locateExact(['milestones', 'socta', 'history']))).toEqual([4, 5]);
    expect(line(locateExact(['milestones', 'socta', 'history', 0]))).toEqual([5, 9]);
    expect(line(locateExact(['milestones', 'socta', 'history', 0, 'source']))).toEqual([6, 9]);
    expect(line(locateExact(['milestones', 'socta', 'history', 1, 'date']))).toEqual([7, 11]);
    expect(line(locateExact(['list', 1]))).toEqual([10, 11]);
  });

  test('a number also names a mapping key written as a number', () => {
    expect(line(locateExact(['years', 2029]))).toEqual([9, 3]);
    expect(line(locateExact(['years', '2029']))).toEqual([9, 3]);
  });

  test('a missing path: locate gives its deepest existing part, locateExact nothing', () => {
    expect(line(locate(['milestones', 'socta', 'planned', 0]))).toEqual([3, 3]);
    expect(locateExact(['milestones', 'socta', 'planned'])).toBeUndefined();
    expect(line(locate(['milestones', 'socta', 'history', 7]))).toEqual([4, 5]);
    expect(line(locate(['list', 'a']))).toEqual([10, 1]); // a list is indexed by number only
    expect(line(locate(['nowhere']))).toEqual([1, 1]); // the document's start
    expect(line(locate([]))).toEqual([1, 1]);
    expect(locate(['id'])?.file).toBe('demo.yaml');
  });

  test('a key holding a dot or brackets is one segment, never a path', () => {
    const text = ['a.b: 1', 'a:', '  b: 2', '"[0]": 3', 'c: [x]'].join('\n');
    const own = locatorsOf(indexYaml(text, 'k.yaml'), 'k.yaml');
    expect(line(own.locateExact(['a.b']))).toEqual([1, 1]);
    expect(line(own.locateExact(['a', 'b']))).toEqual([3, 3]);
    expect(line(own.locateExact(['[0]']))).toEqual([4, 1]);
    expect(line(own.locateExact(['c', 0]))).toEqual([5, 5]);
  });

  test('an empty document locates nothing', () => {
    const empty = locatorsOf(indexYaml('# nothing\n', 'e.yaml'), 'e.yaml');
    expect(empty.locate(['id'])).toBeUndefined();
    expect(empty.locateExact([])).toBeUndefined();
  });
});

describe('the precompiled built-in calendars (dist/bundle/builtin-calendars.json)', () => {
  // From tsc's output, which finds dist/bundle/builtin-calendars.json (from src/ there is none to find).
  const fromDist = async <T>(file: string) => (await import(pathToFileURL(path.join(ROOT, 'dist', file)).href)) as T;
  const load = () => fromDist<typeof Precompiled>('io/precompiled-builtins.js');
  const builtins = readdirSync(path.join(ROOT, 'calendars')).filter(f => f.endsWith('.yaml'));

  test('hold every built-in, indexed from its current text exactly as a run would index it', async () => {
    const { PRECOMPILED_FILE } = await load();
    const shipped = JSON.parse(readFileSync(PRECOMPILED_FILE, 'utf8')) as Precompiled.PrecompiledBuiltins;
    expect(Object.keys(shipped.files).sort()).toEqual([...builtins].sort());
    for (const name of builtins) {
      const text = readFileSync(path.join(ROOT, 'calendars', name), 'utf8');
      expect(shipped.files[name]?.text).toBe(text);
      const index = indexYaml(text, name);
      expect(shipped.files[name]?.index).toEqual(JSON.parse(JSON.stringify(index)));
      expect(shipped.files[name]?.validated).toEqual(
        name === 'alignment.yaml'
          ? { schema: 'alignment', data: alignmentSchema.parse(index.data) }
          : { schema: 'calendar', data: calendarSchema.parse(index.data) }
      );
    }
  });

  test('a built-in loads to the same cycle and rules as the same text parsed and validated afresh', async () => {
    const { loadCalendarFile } = await fromDist<typeof LoadCalendars>('io/load-calendars.js');
    const { loadAlignment } = await fromDist<typeof LoadAlignment>('io/load-alignment.js');
    // The copy sits in a folder named calendars/ too, so that both show their files as calendars/<name>.
    const tmp = mkdtempSync(path.join(tmpdir(), 'cyclesync-builtins-'));
    const copy = path.join(tmp, 'calendars');
    mkdirSync(copy);
    try {
      for (const name of builtins) copyFileSync(path.join(ROOT, 'calendars', name), path.join(copy, name));
      const shown = (v: { files: readonly string[] }) => ({ ...v, files: v.files.map(f => path.basename(f)) });
      for (const name of builtins.filter(n => n !== 'alignment.yaml')) {
        const builtin = await loadCalendarFile(path.join(ROOT, 'calendars', name), ROOT);
        const fresh = await loadCalendarFile(path.join(copy, name), tmp);
        expect(shown(builtin)).toEqual(shown(fresh));
      }
      const rules = await loadAlignment(path.join(ROOT, 'calendars', 'alignment.yaml'), ROOT);
      expect(shown(rules)).toEqual(shown(await loadAlignment(path.join(copy, 'alignment.yaml'), tmp)));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  test('the rules file read as a calendar is validated as a calendar, and refused', async () => {
    const { loadCalendarFile } = await fromDist<typeof LoadCalendars>('io/load-calendars.js');
    await expect(loadCalendarFile(path.join(ROOT, 'calendars', 'alignment.yaml'), ROOT)).rejects.toMatchObject({
      code: 'SCHEMA',
    });
  });

  test('an entry is used only for the built-in folder and for the very text it indexed', async () => {
    const { precompiledEntry } = await load();
    const socta = path.join(ROOT, 'calendars', 'socta.yaml');
    const text = readFileSync(socta, 'utf8');
    expect(precompiledEntry(socta, text)?.index.data).toEqual(indexYaml(text, 'socta.yaml').data);
    expect(precompiledEntry(socta, `${text}\n# edited`)).toBeUndefined();
    expect(precompiledEntry(path.join(ROOT, 'fixtures', 'socta.yaml'), text)).toBeUndefined();
    expect(precompiledEntry(path.join(ROOT, 'calendars', 'other.yaml'), text)).toBeUndefined();
    expect(precompiledEntry(path.join(ROOT, 'calendars', '__proto__'), text)).toBeUndefined();
  });
});
