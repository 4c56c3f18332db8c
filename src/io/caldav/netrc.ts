// A netrc file (the format of curl, git and Python's netrc): `machine HOST login USER password SECRET`,
// tokens separated by any white space, a `default` entry for every other host, `macdef NAME` macros (skipped
// up to the next empty line). Quoted tokens ("a b") as curl reads them; `#` starts a comment at a token's start.

export interface NetrcEntry {
  login: string | undefined;
  password: string | undefined;
  /** 1-based line of the entry's `machine` or `default` token. */
  line: number;
}

interface Token {
  text: string;
  line: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    // A macro's body runs to the next empty line; it holds no entries.
    if (tokens.at(-2)?.text === 'macdef') {
      let j = i;
      while (j < lines.length && lines[j]!.trim() !== '') j++;
      tokens.splice(-2, 2);
      i = j;
      continue;
    }
    const re = /"((?:[^"\\]|\\.)*)"|(\S+)/g;
    for (let m = re.exec(line); m !== null; m = re.exec(line)) {
      if (m[2]?.startsWith('#')) break;
      tokens.push({ text: m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2]!, line: i + 1 });
    }
  }
  return tokens;
}

/** The entry for `host`: its `machine` entry, else the `default` one, else undefined. */
export function netrcEntry(text: string, host: string): NetrcEntry | undefined {
  const tokens = tokenize(text);
  let found: NetrcEntry | undefined;
  let fallback: NetrcEntry | undefined;
  let current: NetrcEntry | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const { text: word, line } = tokens[i]!;
    const value = tokens[i + 1]?.text;
    if (word === 'machine') {
      current = { login: undefined, password: undefined, line };
      if (value?.toLowerCase() === host.toLowerCase() && !found) found = current;
      i++;
    } else if (word === 'default') {
      current = { login: undefined, password: undefined, line };
      fallback ??= current;
    } else if (word === 'login' && current) {
      current.login = value;
      i++;
    } else if (word === 'password' && current) {
      current.password = value;
      i++;
    } else if (word === 'account' && current) i++;
  }
  return found ?? fallback;
}
