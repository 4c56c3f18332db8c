// What to say about text that JSON.parse refused. V8's own message quotes the text ("Unexpected token 'r',
// "root:x:0:0"… is not valid JSON"), and the text may be any file a path named: only where it stops being
// JSON is kept.

/**
 * A description of a JSON.parse SyntaxError that quotes nothing of `text`.
 * @example describeJsonError(new SyntaxError('… at position 5'), '{"a"\n 1}') //=> 'not valid JSON (line 2, column 1)'
 */
export function describeJsonError(e: unknown, text: string): string {
  const position = /at position (\d+)/.exec(e instanceof Error ? e.message : '');
  if (!position) return 'not valid JSON';
  const offset = Math.min(Number(position[1]), text.length);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `not valid JSON (line ${line}, column ${column})`;
}
