// The clauses the report quotes are whole: each runs from the clause's first words to its last in every language
// (a cut at either end, or in the middle where MODEL.md names the words that must stay, fails here), and every
// language says the translation is ours and unofficial.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from '@jest/globals';
import { declarationMessages } from '../../src/i18n/messages/declaration.js';
import { ROOT } from '../helpers/run-cli.js';

type Lang = 'en' | 'es' | 'pt';

/** Per clause and language: its first words, words inside it that a shortened quotation used to drop, its last words. */
const WHOLE: Record<string, Record<Lang, [string, string[], string]>> = {
  'clause.15': {
    en: ['highlighting the adoption', ['and working method'], 'measures in the region'],
    es: ['destacando la adopción', ['y del método de trabajo'], 'operativas en la región'],
    pt: ['salientando a adoção', ['e do método de trabalho'], 'operacionais na região'],
  },
  'clause.18': {
    en: ['we undertake to work with', ['adapted to EMPACT where relevant'], 'a monitoring mechanism through CLASI'],
    es: ['nos comprometemos a trabajar', ['adaptado al EMPACT cuando proceda'], 'a través del CLASI'],
    pt: ['comprometemo-nos a trabalhar', ['adaptado à EMPACT quando pertinente'], 'através do CLASI'],
  },
  'clause.19': {
    en: ['we undertake to increase', ['which remain independent', 'responsible stakeholders'], 'where relevant'],
    es: ['nos comprometemos a aumentar', ['que siguen siendo independientes', 'partes interesadas'], 'cuando proceda'],
    pt: ['comprometemo-nos a aumentar', ['que continuam independentes', 'partes interessadas'], 'quando pertinente'],
  },
  'clause.20': {
    en: ['we undertake to coordinate', ['(IDEAL) in Latin America', 'already established'], 'security cycles'],
    es: ['nos comprometemos a coordinar', ['(IDEAL) en América Latina', 'ya establecida'], 'ciclos de seguridad'],
    pt: ['comprometemo-nos a coordenar', ['(IDEAL) na América Latina', 'já estabelecida'], 'ciclos de segurança'],
  },
  'clause.22': {
    en: ['we welcome the creation', ['October 2022 in Buenos Aires', 'results of SOCTA and IDEAL'], 'take part in it'],
    es: [
      'acogemos con satisfacción',
      ['octubre de 2022 en Buenos Aires', 'del SOCTA y del IDEAL'],
      'participar en ella',
    ],
    pt: ['congratulamo-nos com', ['outubro de 2022 em Buenos Aires', 'da SOCTA e do IDEAL'], 'participar nela'],
  },
  'clause.25': {
    en: ['we call for regular meetings', ['creation of CLASI', 'technical and operational'], 'for our citizens'],
    es: ['pedimos reuniones periódicas', ['creación del CLASI', 'técnico y operativo'], 'para nuestros ciudadanos'],
    pt: ['apelamos a reuniões regulares', ['criação do CLASI', 'técnico e operacional'], 'para os nossos cidadãos'],
  },
  'clause.26': {
    en: ['we, the interior ministers', ['in the same composition'], 'on a date to be fixed'],
    es: ['nosotros, los ministros', ['en la misma composición'], 'en una fecha por determinar'],
    pt: ['nós, os ministros', ['na mesma composição'], 'numa data a fixar'],
  },
};

describe.each(['en', 'es', 'pt'] as const)('clauses quoted in %s', lang => {
  test.each(Object.keys(WHOLE))('%s runs from its first words to its last', key => {
    const quote = (declarationMessages[lang] as Record<string, string>)[key]!;
    const [first, inner, last] = WHOLE[key]![lang];
    expect(quote.startsWith(first)).toBe(true);
    for (const words of inner) expect(quote).toContain(words);
    expect(quote.endsWith(last)).toBe(true);
  });

  test('says the translation is ours and unofficial', () => {
    const mark = { en: 'unofficial translation', es: 'traducción no oficial', pt: 'tradução não oficial' }[lang];
    expect(declarationMessages[lang].attribution).toContain(mark);
  });
});

test('every clause a built-in rule cites is quoted', () => {
  const rules = readFileSync(`${ROOT}calendars/alignment.yaml`, 'utf8');
  const cited = new Set([...rules.matchAll(/clauses: \[([\d, ]+)\]/g)].flatMap(m => m[1]!.split(/,\s*/)));
  expect([...cited].sort()).toEqual(Object.keys(WHOLE).map(k => k.slice('clause.'.length)));
});
