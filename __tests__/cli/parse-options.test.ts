// Option texts to typed values (src/cli/parse-options.ts, src/app/what-ifs.ts): what each accepts, and the usage error it gives.
import { describe, expect, test } from '@jest/globals';
import { parseInstance, parseSet, parseShift } from '../../src/app/what-ifs.js';
import { parseDateOption, parseLangs, parsePort } from '../../src/cli/parse-options.js';
import type { CycleSyncError } from '../../src/errors.js';

const failure = (parse: () => unknown) => {
  try {
    parse();
  } catch (e) {
    return {
      message: (e as CycleSyncError).message,
      hint: (e as CycleSyncError).hint,
      exitCode: (e as CycleSyncError).exitCode,
    };
  }
  return undefined;
};

describe('what-if options', () => {
  test.each([
    ['ideal.publication=+P3W', { kind: 'shift-milestone', cycle: 'ideal', key: 'publication', by: '+P3W' }],
    ['ideal=-P1M', { kind: 'shift-cycle', cycle: 'ideal', by: '-P1M' }],
    ['ideal@2030-2033=-P72D', { kind: 'shift-cycle', cycle: 'ideal', by: '-P72D', instance: 2030 }],
    ['ideal.pao@2030=P10D', { kind: 'shift-milestone', cycle: 'ideal', key: 'pao', by: 'P10D', instance: 2030 }],
  ])('--shift %s', (text, expected) => {
    expect(parseShift(text)).toEqual({ ...expected, text });
  });

  test.each(['ideal', 'ideal=3 weeks', 'ideal=PT3H', 'IDEAL=P1D', 'ideal.publication.end=P1D'])(
    '--shift %s is refused',
    text => {
      expect(() => parseShift(text)).toThrow('is not a what-if I understand');
    }
  );

  test('--set takes a period in whole years', () => {
    expect(parseSet('ideal.period=P3Y')).toEqual({
      kind: 'set-period',
      cycle: 'ideal',
      years: 3,
      text: 'ideal.period=P3Y',
    });
    const hint = (text: string) => {
      try {
        parseSet(text);
      } catch (e) {
        return { message: (e as CycleSyncError).message, hint: (e as CycleSyncError).hint };
      }
      return undefined;
    };
    expect(hint('ideal.period=P36M')).toEqual({
      message: '--set "ideal.period=P36M" is not a what-if I understand',
      hint: 'only the period can be set, in whole years',
    });
    expect(hint('ideal.period=P0Y')?.message).toBe('--set "ideal.period=P0Y" is not a what-if I understand');
    expect(hint('ideal.period=3')?.hint).toBe('did you mean "ideal.period=P3Y"?');
    expect(hint('ideal.period=3y')?.hint).toBe('did you mean "ideal.period=P3Y"?');
  });
});

describe('other options', () => {
  test('dates: a real day as YYYY-MM-DD, else a usage error that says which is wrong', () => {
    expect(parseDateOption('from', '2029-02-28')?.toString()).toBe('2029-02-28');
    expect(parseDateOption('from', undefined)).toBeUndefined();
    expect(failure(() => parseDateOption('to', '2029-02-29'))).toEqual({
      message: '--to "2029-02-29" is not a valid date',
      hint: 'this day does not exist in the calendar',
      exitCode: 2,
    });
    expect(failure(() => parseDateOption('today', '29/11/2026'))?.hint).toBe('write the date as YYYY-MM-DD');
  });

  test('instances by label or first year; languages as a list; ports in range', () => {
    expect([parseInstance('2030-2033'), parseInstance('2030')]).toEqual([2030, 2030]);
    expect(failure(() => parseInstance('2030/33'))?.message).toBe('--instance "2030/33" is not an instance');
    expect(parseLangs('es, en,es')).toEqual(['es', 'en']);
    expect(failure(() => parseLangs('es,fr'))?.message).toBe('--lang "es,fr" names an unknown language ("fr")');
    expect(parsePort(0)).toBe(0);
    expect(failure(() => parsePort(65536))?.exitCode).toBe(2);
  });
});
