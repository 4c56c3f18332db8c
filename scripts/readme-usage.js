// Generates the README's Usage section from the real `--help` of every command, so the README cannot drift
// from the CLI. `node scripts/readme-usage.js --write` rewrites README.md; without it, prints the block.
// A test fails when the README's block is stale.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = `${root}bin/cyclesync.js`;
const help = args =>
  execFileSync(process.execPath, [bin, ...args, '--help'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, NO_COLOR: '1' },
  }).trimEnd();

export function usageBlock() {
  const top = help([]);
  const names = [...top.matchAll(/^ {2}cyclesync ([a-z-]+)/gm)].map(m => m[1]);
  const parts = ['## Usage', '', '```console', '$ cyclesync --help', top, '```'];
  for (const name of names)
    parts.push('', `### cyclesync ${name}`, '', '```console', `$ cyclesync ${name} --help`, help([name]), '```');
  return `<!-- usage:start -->\n${parts.join('\n')}\n<!-- usage:end -->`;
}

export const replaceUsage = text => text.replace(/<!-- usage:start -->[\s\S]*<!-- usage:end -->/, usageBlock());

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--write')) {
    const readme = `${root}README.md`;
    writeFileSync(readme, replaceUsage(readFileSync(readme, 'utf8')));
    console.log('README.md: usage section updated');
  } else console.log(usageBlock());
}
