// The built-in calendars as runs read them: from the module generated from calendars/*.yaml
// (scripts/gen-builtin-calendars.ts), which must be fresh and must load exactly what a parse of the YAML gives.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { builtinCalendarsModuleText, GENERATED_MODULE } from '../../scripts/gen-builtin-calendars.js';
import { readBuiltin } from '../../src/io/builtin-calendars.js';
import { loadAlignment } from '../../src/io/load-alignment.js';
import { loadCalendarFile } from '../../src/io/load-calendars.js';
import { ROOT } from '../helpers/run-cli.js';

const builtins = readdirSync(path.join(ROOT, 'calendars')).filter(f => f.endsWith('.yaml'));

describe('src/io/builtin-calendars.generated.ts', () => {
  test('is fresh: regenerate it with `npm run gen:builtins` (or `npm run build`) after editing calendars/', async () => {
    expect(readFileSync(GENERATED_MODULE, 'utf8')).toBe(await builtinCalendarsModuleText());
  });

  test('a built-in loads to the same cycle and rules as the same text parsed and validated afresh', async () => {
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
    await expect(loadCalendarFile(path.join(ROOT, 'calendars', 'alignment.yaml'), ROOT)).rejects.toMatchObject({
      code: 'SCHEMA',
    });
  });

  test('only a file of the built-in folder is read from the module', () => {
    const socta = readBuiltin(path.join(ROOT, 'calendars', 'socta.yaml'), 'calendars/socta.yaml');
    expect(socta?.validatedAs).toBe('calendar');
    expect(socta?.locate(['milestones', 'publication'])).toMatchObject({ file: 'calendars/socta.yaml' });
    expect(readBuiltin(path.join(ROOT, 'fixtures', 'socta.yaml'), 'x')).toBeUndefined();
    expect(readBuiltin(path.join(ROOT, 'calendars', 'other.yaml'), 'x')).toBeUndefined();
    expect(readBuiltin(path.join(ROOT, 'calendars', '__proto__'), 'x')).toBeUndefined();
  });
});
