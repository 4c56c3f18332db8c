// The findings renderers, keyed by `check --format`.
import { renderFindingsGithub } from './github.js';
import { renderFindingsJson } from './json.js';
import { renderFindingsJunit } from './junit.js';
import { renderFindingsMarkdown } from './markdown.js';
import { renderFindingsSarif } from './sarif.js';
import { renderFindingsText } from './text.js';
import type { FindingsFormat, FindingsInput, RenderOptions } from './types.js';

export type { FindingsFormat, FindingsInput, RenderOptions };

const FINDINGS_RENDERERS: Record<FindingsFormat, (input: FindingsInput, opts: RenderOptions) => string> = {
  text: renderFindingsText,
  json: renderFindingsJson,
  markdown: renderFindingsMarkdown,
  junit: renderFindingsJunit,
  github: renderFindingsGithub,
  sarif: renderFindingsSarif,
};

export const renderFindings = (format: FindingsFormat, input: FindingsInput, opts: RenderOptions): string =>
  FINDINGS_RENDERERS[format](input, opts);
