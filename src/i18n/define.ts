// Message catalogs: one file per area (src/i18n/messages/<area>.ts). English defines the keys; the type of
// `defineMessages` makes a key missing in Spanish or Portuguese a compile error, and a test checks that the
// {placeholders} agree across languages.
import type { Lang } from '../schema/primitives.js';

export type { Lang };
export type Catalog<K extends string> = Record<Lang, Record<K, string>>;

export function defineMessages<K extends string>(catalog: {
  en: Record<K, string>;
  es: Record<K, string>;
  pt: Record<K, string>;
}): Catalog<K> {
  return catalog;
}

/** Fills `{name}` placeholders; an unknown placeholder is left visible rather than silently dropped. */
export function fill(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** A translator bound to one catalog and language. */
export const translator =
  <K extends string>(catalog: Catalog<K>, lang: Lang) =>
  (key: K, params?: Record<string, string | number>): string =>
    fill(catalog[lang][key], params);
