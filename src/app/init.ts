// `cyclesync init [DIR]`: scaffolds a planner's repository: calendar files that extend the built-ins (with
// commented examples of moving a planned date), the rules file, and CI jobs for GitHub Actions and GitLab CI.
// Refuses to overwrite anything: when one target exists, nothing is written.
import { lstat, rm } from 'node:fs/promises';
import path from 'node:path';
import { CycleSyncError } from '../errors.js';
import { shownPath } from '../io/load-calendars.js';
import { writeNewFile } from '../io/write-new-file.js';

export interface InitOptions {
  dir: string;
}

/** Editor completion and checks, when cyclesync is installed in the planner's repository. */
const SCHEMA = (name: string): string =>
  `# yaml-language-server: $schema=../node_modules/cyclesync/schema/${name}.schema.json`;

const HEADER = (what: string, builtin: string): string => `${SCHEMA('calendar')}
# ${what}
# It extends cyclesync's built-in calendar (${builtin}): write here only what differs from it.
#   npx cyclesync plan --calendars calendars      shows the merged calendar
#   npx cyclesync check --calendars calendars     checks clause-20 alignment (exit 1 on a plan finding)
# A \`planned\` date replaces the projected one, and milestones placed from it (\`from: publication\`) move
# with it. Actual dates go under \`history\`. Instances are named by their first year: 2030 = 2030-2033.
`;

/** The files `init` writes, relative to DIR. Commented examples are valid YAML once uncommented (a test does so). */
export const INIT_FILES: Record<string, string> = {
  'calendars/ideal.yaml': `${HEADER('Your IDEAL → CLASI calendar (cycle `ideal`).', 'builtin:ideal')}
extends: builtin:ideal

# Example: fix the launch of the next IDEAL (uncomment to use):
# milestones:
#   publication:
#     planned:
#       - instance: 2030
#         date: '2029-06-12'
#         source: 'Decision of the CLASI Support Group (replace with yours)'
#   support-group:
#     planned:
#       - { year: 2028, date: '2027-10-20', source: 'Yearly milestones are keyed by the occurrence year n' }

# Example: add national holidays to the working-day rolls (uncomment to use):
# holidays:
#   - { name: Independence Day (Panama), fixed: '11-03' }
`,
  'calendars/socta.yaml': `${HEADER('Your copy of the EU SOCTA → EMPACT calendar (cycle `socta`).', 'builtin:socta')}
# SOCTA is the established reference of clause 20: the fixes \`check\` suggests move IDEAL, not SOCTA.
extends: builtin:socta

# Example: record the next SOCTA's publication once it is announced (uncomment to use):
# milestones:
#   publication:
#     planned:
#       - { instance: 2030, date: '2029-03-20', source: 'Europol announcement (replace with yours)' }
`,
  'calendars/joint.yaml': `${HEADER('Your EU–CLASI bi-regional milestones (cycle `joint`).', 'builtin:joint')}
extends: builtin:joint

# Example: plan the next EU–CLASI ministerial meetings (clause 26). Rule monitoring-cadence wants one in
# every two years (uncomment to use):
# milestones:
#   ministerial:
#     planned:
#       - { date: '2027-03-10', source: 'Agreed at the senior officials meeting (replace with yours)' }
#       - { date: '2029-09-27', source: 'Agreed at the senior officials meeting (replace with yours)' }
`,
  'calendars/alignment.yaml': `${SCHEMA('alignment')}
# The clause-20 alignment rules \`check\` applies. It extends the built-in rules (builtin:alignment): rules
# merge by id, so name only what you change. A rule written with \`kind\` replaces the built-in one whole.
#   npx cyclesync check --calendars calendars --format text
extends: builtin:alignment

# Example: relax a rule, switch one off, or say which cycle fixes move (uncomment to use):
# movable: ideal
# rules:
#   ideal-follows-socta: { max: P8M }
#   plans-nest: { severity: 'off' }
#   priorities-in-step: { severity: error }
`,
  '.github/workflows/cyclesync.yml': `# Checks clause-20 alignment on every push and pull request: annotates the offending lines of the calendar
# files (--format github), and keeps a JUnit report for the test dashboard. Fails on a plan finding.
name: cyclesync
on:
  push:
  pull_request:
jobs:
  alignment:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: JUnit report
        run: npx --yes cyclesync check --calendars calendars --format junit > cyclesync-junit.xml || true
      - uses: actions/upload-artifact@v4
        with:
          name: cyclesync-junit
          path: cyclesync-junit.xml
      - name: Check clause-20 alignment
        run: npx --yes cyclesync check --calendars calendars --format github
`,
  '.gitlab-ci.yml': `# Checks clause-20 alignment: the JUnit report shows each rule × instance in the merge request; the job
# fails (exit 1) on a plan finding at or above --fail-on.
cyclesync:
  image: node:20
  script:
    - npx --yes cyclesync check --calendars calendars --format junit > cyclesync-junit.xml || true
    - npx --yes cyclesync check --calendars calendars --format text
  artifacts:
    when: always
    reports:
      junit: cyclesync-junit.xml
`,
};

const exists = (abs: string): Promise<boolean> =>
  lstat(abs).then(
    () => true,
    () => false
  );

export async function init(ctx: { cwd: string }, opts: InitOptions): Promise<string> {
  const root = path.resolve(ctx.cwd, opts.dir);
  const targets = Object.keys(INIT_FILES).map(rel => ({ rel, abs: path.join(root, ...rel.split('/')) }));
  const taken = [];
  for (const t of targets) if (await exists(t.abs)) taken.push(shownPath(ctx.cwd, t.abs));
  if (taken.length > 0)
    throw new CycleSyncError({
      code: 'USAGE',
      message: `init would overwrite ${taken.length === 1 ? 'an existing file' : `${taken.length} existing files`}: ${taken.join(', ')}`,
      at: { file: taken[0]! },
      hint: 'nothing was written; move those files away, or run init in an empty folder',
    });
  const written: string[] = [];
  try {
    for (const t of targets) {
      await writeNewFile(t.abs, INIT_FILES[t.rel]!);
      written.push(t.abs);
    }
  } catch (e) {
    // A file appeared while we wrote: leave the folder as it was.
    await Promise.all(written.map(f => rm(f, { force: true })));
    throw e;
  }
  const shown = shownPath(ctx.cwd, root) || '.';
  return [
    `Created ${targets.length} files in ${shown}:`,
    ...targets.map(t => `  ${t.rel}`),
    '',
    'Next:',
    `  cd ${shown}`,
    '  npx cyclesync plan --calendars calendars',
    '  npx cyclesync check --calendars calendars',
    '',
  ].join('\n');
}
