// One escaper per output language: text from calendars, rules and catalogs placed into HTML, XML (the JUnit
// report, the SVG timeline) or Markdown (findings and report for pull requests), so that it can neither break
// the document's structure nor inject markup. The terminal's and CI logs' escaper is src/plain-text.ts (errors
// use it too); iCalendar's is render/ics/text.ts. Calendars and rules carry no control characters (the schema
// refuses them), but paths and option texts may: each escaper shows them or drops them.
import { showControls } from '../plain-text.js';

/* eslint-disable no-control-regex -- these are the control characters XML 1.0 cannot carry at all. */
const XML_FORBIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/* eslint-enable no-control-regex */
/** What XML and HTML allow but that acts instead of showing: DEL, C1 controls, bidirectional overrides and isolates. */
const ACTING = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** The text of both markup languages: what they cannot carry or would act on dropped, `& < > "` as entities. */
const markupText = (s: string): string =>
  s
    .replace(XML_FORBIDDEN, '')
    .replace(ACTING, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

/**
 * Text for HTML content or a quoted attribute: control characters dropped (tabs and line breaks are white space
 * there), the five markup characters as entities.
 */
export const escapeHtml = (s: string): string => markupText(s).replace(/'/g, '&#39;');

/**
 * Text for XML content or a quoted attribute: characters XML 1.0 forbids dropped, and those it allows but that act
 * instead of showing (ACTING), markup characters as entities, and tabs and line breaks as references (an
 * attribute would otherwise turn them into spaces).
 */
export const escapeXml = (s: string): string =>
  markupText(s).replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

/**
 * Text for a Markdown paragraph or table cell: one line, control characters written out (`\x1b`), Markdown's
 * markup characters escaped, no HTML, and nobody @mentioned. Text from calendars and rules ends up in
 * pull-request comments, where GitHub notifies every user and team named with @ (`@octocat`, `@org/team`): the
 * @ of a name is followed by a zero-width space, written as an entity, so the comment still shows "@octocat"
 * (e-mail addresses are left alone).
 */
export const escapeMarkdown = (s: string): string =>
  showControls(s.replace(/\r\n|\r|\n/g, ' '))
    .replace(/([\\`*_[\]|])/g, '\\$1')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/(^|[^A-Za-z0-9._%+-])@(?=[A-Za-z0-9])/g, '$1@&#8203;');
