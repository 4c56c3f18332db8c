// Every message catalog has the same keys and the same {placeholders} in English, Spanish and Portuguese.
// (A missing key is already a compile error through defineMessages; this catches empty strings and
// placeholders that a translation dropped or misspelt.)
import { readdirSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { ROOT } from '../helpers/run-cli.js';

const dir = `${ROOT}src/i18n/messages/`;
const files = readdirSync(dir).filter(f => f.endsWith('.ts'));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map(m => m[1]).sort();

describe.each(files)('src/i18n/messages/%s', file => {
  test('es and pt have every key of en, non-empty, with the same placeholders', async () => {
    const mod = (await import(`${dir}${file}`)) as Record<string, Record<'en' | 'es' | 'pt', Record<string, string>>>;
    const catalogs = Object.values(mod).filter(v => typeof v === 'object' && v !== null && 'en' in v);
    expect(catalogs.length).toBeGreaterThan(0);
    for (const catalog of catalogs) {
      const keys = Object.keys(catalog.en).sort();
      for (const lang of ['es', 'pt'] as const) {
        expect(Object.keys(catalog[lang]).sort()).toEqual(keys);
        for (const key of keys) {
          const text = catalog[lang][key] ?? '';
          expect({ key, lang, empty: text.trim() === '' }).toEqual({ key, lang, empty: false });
          expect({ key, lang, placeholders: placeholders(text) }).toEqual({
            key,
            lang,
            placeholders: placeholders(catalog.en[key] ?? ''),
          });
        }
      }
    }
  });
});

test('the check catalog has a text for every message key the engine emits, in every language', async () => {
  const { ENGINE_MESSAGE_KEYS } = await import('../../src/core/alignment/message.js');
  const { checkMessages } = await import('../../src/i18n/messages/check.js');
  for (const lang of ['en', 'es', 'pt'] as const)
    for (const key of ENGINE_MESSAGE_KEYS)
      expect({ lang, key, text: typeof checkMessages[lang][key] }).toEqual({ lang, key, text: 'string' });
});
