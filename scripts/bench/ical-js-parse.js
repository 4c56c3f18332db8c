// The anchor of the bench's `lint-ics` row: ical.js parsing the same file. `node scripts/bench/ical-js-parse.js FILE`
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';

const [, , components] = ICAL.parse(readFileSync(process.argv[2], 'utf8'));
process.stdout.write(`${components.length} components\n`);
