// Control characters: which ones, how a terminal or CI log line shows them, and that no workflow command can
// start inside text that was escaped for one.
import { describe, expect, test } from '@jest/globals';
import {
  describeControl,
  escapeTerminal,
  escapeTerminalLines,
  firstControl,
  PLAIN_TEXT,
  showControls,
} from '../src/plain-text.js';
import { escapeHtml, escapeMarkdown, escapeXml } from '../src/render/escape.js';

const HOSTILE = 'a\u001b]0;owned\u0007b\u001b[2Jc\r\n::error::forged\u202efdp.exe\u009b31m\u007f';

/** How the GitHub Actions runner finds a command in a log line (actions/runner ActionCommand.TryParseV2/TryParse). */
const startsCommand = (line: string): boolean => line.trimStart().startsWith('::') || line.includes('##[');

describe('control characters', () => {
  test('C0 but tab, DEL, C1 and the bidirectional overrides and isolates; nothing else', () => {
    const controls = [
      ...Array.from({ length: 0x20 }, (_, i) => i).filter(i => i !== 0x09),
      ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
      0x202a,
      0x202b,
      0x202c,
      0x202d,
      0x202e,
      0x2066,
      0x2067,
      0x2068,
      0x2069,
    ];
    for (const code of controls) expect(PLAIN_TEXT.test(`x${String.fromCharCode(code)}`)).toBe(false);
    for (const text of ['\t', 'Publicação do SOCTA', '“quoted” — €', 'עברית', '\u200b', '\u2028', '😀'])
      expect(PLAIN_TEXT.test(text)).toBe(true);
  });

  test('the first one is named with its position', () => {
    expect(firstControl('IDEAL\u001b[2J')).toEqual({ char: '\u001b', position: 6 });
    expect(firstControl('plain')).toBeUndefined();
    expect(describeControl('\u001b')).toBe('U+001B (an escape)');
    expect(describeControl('\n')).toBe('U+000A (a line break)');
    expect(describeControl('\u202e')).toBe('U+202E (a bidirectional override or isolate)');
    expect(describeControl('\u0085')).toBe('U+0085 (a control character)');
  });

  test('are written out, so that the text stays readable', () => {
    expect(showControls(HOSTILE)).toBe(
      'a\\x1b]0;owned\\x07b\\x1b[2Jc\\x0d\\x0a::error::forged\\u202efdp.exe\\x9b31m\\x7f'
    );
  });
});

describe('escapeTerminal', () => {
  test('leaves no control character and no line break', () => {
    const out = escapeTerminal(HOSTILE);
    expect(firstControl(out)).toBeUndefined();
    expect(out.split('\n')).toHaveLength(1);
  });

  test('a tab becomes a space (it would break the columns of a table)', () => {
    expect(escapeTerminal('a\tb')).toBe('a b');
  });

  test.each([
    '::error::forged',
    '  ::add-mask::secret',
    '::stop-commands::token',
    'title ##[error]forged',
    'title ##[add-mask]secret',
    '###[warning]x',
  ])('no workflow command can start in %j', text => {
    const out = escapeTerminal(text);
    expect(startsCommand(out)).toBe(false);
    expect(startsCommand(`    ${out}`)).toBe(false);
  });

  test('text that is plain and starts no command is left as it is', () => {
    for (const text of ['IDEAL launched', 'C:\\planning', 'a :: b', '#1 [draft]', 'socta.publication'])
      expect(escapeTerminal(text)).toBe(text);
  });

  test('each line of a longer text is escaped as one', () => {
    const out = escapeTerminalLines('ok\n::error::x\n  \u001b[2J');
    expect(out.split('\n')).toEqual(['ok', '\\x3a:error::x', '  \\x1b[2J']);
  });
});

describe('the other output languages', () => {
  test('Markdown shows control characters and keeps to one line', () => {
    const out = escapeMarkdown(HOSTILE);
    expect(firstControl(out)).toBeUndefined();
    expect(out).toContain('\\\\x1b');
  });

  test.each([
    ['XML', escapeXml],
    ['HTML', escapeHtml],
  ])('%s drops them (it cannot show them as text)', (_, escape) => {
    const out = escape(HOSTILE);
    // eslint-disable-next-line no-control-regex -- the characters that must be gone.
    expect(out).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(out).toContain('owned');
  });
});
