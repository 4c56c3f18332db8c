// The languages of every catalog and output. Kept free of zod so that the CLI can name them at start-up
// without loading the schema library.
export const LANGS = ['en', 'es', 'pt'] as const;
export type Lang = (typeof LANGS)[number];
