// What `cyclesync init` writes: a planner's repository that works as written. package.json pins the running
// cyclesync as a devDependency, so `npm install` installs it and every command below runs that copy
// (`npx --no-install`, never a download of whatever a name holds at the time). Each file is one entry of
// scaffoldFiles, in the order they are listed; a job for another host is one more entry.
import { GITHUB_REPOSITORY, VERSION } from '../version.js';

export interface ScaffoldOptions {
  /** The devDependency's spec: a version (the default, the running one), a `file:` tarball or a git URL. */
  package: string;
}

/** Editor completion and checks for the calendar files, once `npm install` has put cyclesync in node_modules. */
const SCHEMA = (name: string): string =>
  `# yaml-language-server: $schema=../node_modules/cyclesync/schema/${name}.schema.json`;

const HEADER = (what: string, builtin: string): string => `${SCHEMA('calendar')}
# ${what}
# It extends cyclesync's built-in calendar (${builtin}): write here only what differs from it.
#   npx --no-install cyclesync plan --calendars calendars    shows the merged calendar
#   npx --no-install cyclesync check --calendars calendars   checks clause-20 alignment (exit 1 on a plan finding)
# A \`planned\` date replaces the projected one, and milestones placed from it (\`from: publication\`) move
# with it. Actual dates go under \`history\`. Instances are named by their first year: 2030 = 2030-2033.
`;

/** The calendars and the rules. Commented examples are valid YAML once uncommented (a test does so). */
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
#   npx --no-install cyclesync check --calendars calendars --format text
extends: builtin:alignment

# Example: relax a rule, switch one off, or say which cycle fixes move (uncomment to use):
# movable: ideal
# rules:
#   ideal-follows-socta: { max: P8M }
#   plans-nest: { severity: 'off' }
#   priorities-in-step: { severity: error }
`,
};

const packageJson = (opts: ScaffoldOptions): string =>
  `${JSON.stringify(
    {
      private: true,
      description: 'Planning calendars kept in step by cyclesync (EU–CLASI declaration, clause 20)',
      scripts: {
        check: 'cyclesync check --calendars calendars',
        plan: 'cyclesync plan --calendars calendars',
      },
      devDependencies: { cyclesync: opts.package },
    },
    null,
    2
  )}\n`;

/** GitHub Actions: the check, with cyclesync's own action at the version that scaffolded this repository. */
const githubCheck =
  (): string => `# Checks clause-20 alignment on every push and pull request with the cyclesync action (the version pinned
# below; keep it the same as package.json's): annotations on the offending lines of the calendar files, and
# the verdict and counts as the step's outputs (steps.cyclesync.outputs.verdict, .errors, .warnings).
# Fails on a plan finding at or above fail-on; a calendar file that does not load fails it too.
name: cyclesync
on:
  push:
  pull_request:
permissions:
  contents: read
  # security-events: write  # for the code-scanning upload below
jobs:
  alignment:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v6
      - id: cyclesync
        uses: ${GITHUB_REPOSITORY}@v${VERSION}
        with:
          calendars: calendars
          fail-on: error
          # sarif: cyclesync.sarif
      # The findings in the Security tab: uncomment this step, \`sarif:\` above and the permission above.
      # - if: \${{ !cancelled() }}
      #   uses: github/codeql-action/upload-sarif@v4
      #   with:
      #     sarif_file: cyclesync.sarif
      #     category: cyclesync
`;

const SITE_HELP = `# The feed state is restored from the last publication (ci/restore-feed-state.sh) and published again beside the
# feeds, so UIDs, SEQUENCE and DTSTAMP continue from what subscribers have: an unchanged event keeps its bytes,
# a moved one gets SEQUENCE+1. Set the variable CYCLESYNC_DOMAIN once to a domain you control (event UIDs end
# in @<it>; never change it, or every subscriber sees each event twice).`;

/** The publishing commands both hosts run: feeds and the report into public/, the state beside them. */
const publishCommands = (site: string): string[] => [
  `npx --no-install cyclesync feeds --calendars calendars --out public --lang en,es,pt --base-url "${site}/" --domain "$CYCLESYNC_DOMAIN"`,
  'npx --no-install cyclesync report --calendars calendars --out public/index.html',
  'cp public/.cyclesync-state.json public/cyclesync-state.json',
];

const NEED_DOMAIN = ': "${CYCLESYNC_DOMAIN:?set the variable CYCLESYNC_DOMAIN to a domain you control, once}"';

/** The first steps of the GitHub jobs that run the pinned cyclesync: the repository, Node, `npm ci`. */
const NODE_STEPS = `      - uses: actions/checkout@v6
      - uses: actions/setup-node@v6
        with:
          node-version: 24
      - run: npm ci`;

/** GitHub Actions: the feeds and the report on GitHub Pages, from the default branch and every morning. */
const githubPages =
  (): string => `# Publishes the iCalendar feeds and the report on GitHub Pages (Settings → Pages → Source: GitHub Actions),
# from the default branch and every morning (statuses and the horizon follow today).
${SITE_HELP}
# (Settings → Secrets and variables → Actions → Variables.)
name: cyclesync feeds
on:
  push:
  schedule:
    - cron: '17 5 * * *'
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
concurrency:
  group: pages
  cancel-in-progress: false
jobs:
  publish:
    if: github.event_name != 'push' || github.ref_name == github.event.repository.default_branch
    runs-on: ubuntu-latest
    environment:
      name: github-pages
      url: \${{ steps.deploy.outputs.page_url }}
    env:
      CYCLESYNC_DOMAIN: \${{ vars.CYCLESYNC_DOMAIN }}
    steps:
${NODE_STEPS}
      - id: pages
        uses: actions/configure-pages@v6
      - name: Restore the feed state of the last publication
        run: sh ci/restore-feed-state.sh "$SITE" public
        env:
          SITE: \${{ steps.pages.outputs.base_url }}
      - name: Build the feeds and the report
        run: |
          ${NEED_DOMAIN}
${publishCommands('$SITE')
  .map(c => `          ${c}`)
  .join('\n')}
        env:
          SITE: \${{ steps.pages.outputs.base_url }}
      - uses: actions/upload-pages-artifact@v5
        with:
          path: public
      - id: deploy
        uses: actions/deploy-pages@v5
`;

const CALDAV_HELP = `# Inert until the variable CYCLESYNC_CALDAV_URL is set to the calendar's CalDAV URL, e.g.
# https://cloud.example/remote.php/dav/calendars/USER/CALENDAR/ (Nextcloud) or https://dav.example/USER/CALENDAR/
# (Radicale); create that calendar once (in the server's web interface, or by hand with the same command and
# --create). The user and password (on Nextcloud an app password) are the secrets CYCLESYNC_CALDAV_USER and
# CYCLESYNC_CALDAV_PASSWORD. CYCLESYNC_DOMAIN as for the feeds: set once, never changed.
# Exit 1 lists events someone edited on the server that the feed has a change for: left as they are.`;

/** The command both hosts' CalDAV jobs run: the joint feed in English, into the calendar the variable names. */
const CALDAV_COMMAND =
  'npx --no-install cyclesync publish --caldav "$CYCLESYNC_CALDAV_URL" --calendars calendars --feed joint --lang en --domain "$CYCLESYNC_DOMAIN"';

/** GitHub Actions: a shared CalDAV calendar kept in step with the joint feed, from the default branch and daily. */
const githubCaldav =
  (): string => `# Keeps a shared CalDAV calendar (Nextcloud, Radicale, SOGo, Fastmail, …) holding exactly the events of the
# joint feed: the events appear within seconds of a run, and the team can add notes to them.
${CALDAV_HELP}
# (Settings → Secrets and variables → Actions: Variables for the URL and the domain, Secrets for the rest.)
name: cyclesync caldav
on:
  push:
  schedule:
    - cron: '47 5 * * *'
  workflow_dispatch:
permissions:
  contents: read
concurrency:
  group: cyclesync-caldav
  cancel-in-progress: false
jobs:
  publish:
    if: vars.CYCLESYNC_CALDAV_URL != '' && (github.event_name != 'push' || github.ref_name == github.event.repository.default_branch)
    runs-on: ubuntu-latest
    env:
      CYCLESYNC_CALDAV_URL: \${{ vars.CYCLESYNC_CALDAV_URL }}
      CYCLESYNC_DOMAIN: \${{ vars.CYCLESYNC_DOMAIN }}
    steps:
${NODE_STEPS}
      - name: Publish the joint feed to the CalDAV calendar
        # The secrets reach this step only (not npm ci).
        env:
          CYCLESYNC_CALDAV_USER: \${{ secrets.CYCLESYNC_CALDAV_USER }}
          CYCLESYNC_CALDAV_PASSWORD: \${{ secrets.CYCLESYNC_CALDAV_PASSWORD }}
        run: |
          ${NEED_DOMAIN}
          ${CALDAV_COMMAND}
`;

/** GitLab CI: the check with the pinned cyclesync, and the feeds on GitLab Pages. */
const gitlab =
  (): string => `# Checks clause-20 alignment with the cyclesync pinned in package.json (run \`npm install\` once and commit
# package-lock.json: the jobs install exactly that with \`npm ci\`). The JUnit report shows each rule ×
# instance in the merge request.
cyclesync:
  image: node:24
  script:
    - npm ci
    # Exit 1 means findings: the report holds them, and the next line fails the job on them. Exit 2 or more
    # means cyclesync could not check (a calendar file that does not load): the job fails here.
    - npx --no-install cyclesync check --calendars calendars --format junit > cyclesync-junit.xml || test $? -eq 1
    - npx --no-install cyclesync check --calendars calendars --format text
  artifacts:
    when: always
    reports:
      junit: cyclesync-junit.xml

# Publishes the iCalendar feeds and the report on GitLab Pages ($CI_PAGES_URL) from the default branch; add a
# pipeline schedule (Build → Pipeline schedules) to refresh them every morning.
${SITE_HELP}
# (Settings → CI/CD → Variables.)
pages:
  image: node:24
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
  script:
    - npm ci
    - '${NEED_DOMAIN}'
    - sh ci/restore-feed-state.sh "$CI_PAGES_URL" public
${publishCommands('$CI_PAGES_URL')
  .map(c => `    - ${c}`)
  .join('\n')}
  artifacts:
    paths:
      - public

# Keeps a shared CalDAV calendar (Nextcloud, Radicale, SOGo, Fastmail, …) holding exactly the events of the
# joint feed, from the default branch (add a pipeline schedule to follow today every morning).
${CALDAV_HELP}
# (Settings → CI/CD → Variables; mark the password masked.)
caldav:
  image: node:24
  rules:
    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CYCLESYNC_CALDAV_URL
  resource_group: cyclesync-caldav
  script:
    - npm ci
    - '${NEED_DOMAIN}'
    - ${CALDAV_COMMAND}
`;

/** Shared by both hosts' publish jobs. POSIX sh and curl, as on GitHub's runners and in the node images. */
const restoreFeedState = (): string => `#!/bin/sh
# Restores the feed state of the last publication from the published site, so that this run continues the
# feeds' lifecycle: an unchanged event keeps its SEQUENCE and DTSTAMP (and so its bytes), a moved one gets
# SEQUENCE+1, a removed one stays cancelled for a while. Written by \`cyclesync init\`.
#   sh ci/restore-feed-state.sh SITE_URL OUT_DIR
# - The site has cyclesync-state.json: it becomes OUT_DIR/.cyclesync-state.json, which \`cyclesync feeds\` reads.
# - The site has neither it nor feeds.json: the first publication, nothing to restore.
# - Anything else (feeds published without a state, the site unreachable, another HTTP status) stops the job:
#   starting over would re-stamp every event, and every subscriber would download everything again.
set -eu
site=\${1%/}
out=$2
mkdir -p "$out"
fetch() { curl --silent --show-error --location --output "$2" --write-out '%{http_code}' "$site/$1"; }
status=$(fetch cyclesync-state.json "$out/.cyclesync-state.json")
case $status in
  200)
    echo "restored the feed state of $site"
    ;;
  404)
    rm -f "$out/.cyclesync-state.json"
    feeds=$(fetch feeds.json /dev/null)
    if [ "$feeds" != 404 ]; then
      echo "error: $site/feeds.json answers $feeds but $site/cyclesync-state.json is missing; restore it rather than re-stamp every event" >&2
      exit 1
    fi
    echo "no feeds published at $site yet: this is the first publication"
    ;;
  *)
    echo "error: $site/cyclesync-state.json answers HTTP $status; not publishing without the last state" >&2
    exit 1
    ;;
esac
`;

/** Every file `init` writes, relative to its folder, in the order listed. */
export const scaffoldFiles = (opts: ScaffoldOptions): { path: string; text: string }[] => [
  { path: 'package.json', text: packageJson(opts) },
  ...Object.entries(INIT_FILES).map(([path, text]) => ({ path, text })),
  { path: '.github/workflows/cyclesync.yml', text: githubCheck() },
  { path: '.github/workflows/cyclesync-feeds.yml', text: githubPages() },
  { path: '.github/workflows/cyclesync-caldav.yml', text: githubCaldav() },
  { path: '.gitlab-ci.yml', text: gitlab() },
  { path: 'ci/restore-feed-state.sh', text: restoreFeedState() },
];
