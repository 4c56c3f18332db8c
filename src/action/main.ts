// The GitHub Action (action.yml at the repository root runs this, bundled by scripts/build-action.js):
// `cyclesync check` on the planner's repository. The findings go to the log in `format` (default: annotations
// on the lines of the calendar files), SARIF to a file on request (for code scanning), the verdict and counts
// to the step's outputs ($GITHUB_OUTPUT) and a Markdown summary to the run's page ($GITHUB_STEP_SUMMARY).
// Exit codes as the CLI's: 0 aligned, 1 a plan finding at or above fail-on, 2 bad input, 3 a bug.
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { exitCodeOf, findingsInput, runCheck } from '../app/check.js';
import { localToday } from '../app/today.js';
import { parseInstance } from '../app/what-ifs.js';
import { EXIT, formatError, isCycleSyncError } from '../errors.js';
import { escapeTerminalLines } from '../plain-text.js';
import { writeFileAtomic } from '../io/write-output.js';
import { countFindings } from '../render/findings/common.js';
import { errorAnnotation } from '../render/findings/github.js';
import { renderFindings } from '../render/findings/index.js';
import { VERSION } from '../version.js';
import { readInputs } from './inputs.js';

export interface ActionIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** `name=value` lines for $GITHUB_OUTPUT (values are numbers and words here, never a newline). */
const outputLines = (outputs: Record<string, string | number>): string =>
  Object.entries(outputs)
    .map(([k, v]) => `${k}=${v}\n`)
    .join('');

/** Appends to a file the runner named in `variable`, when it named one. */
function appendTo(env: NodeJS.ProcessEnv, variable: string, text: string): void {
  const file = env[variable];
  if (file) appendFileSync(file, text);
}

export async function runAction(env: NodeJS.ProcessEnv, cwd: string, io: ActionIo): Promise<number> {
  try {
    const inputs = readInputs(env);
    const run = await runCheck(
      { cwd, today: inputs.today ?? localToday() },
      {
        calendars: inputs.calendars,
        rules: inputs.rules,
        failOn: inputs.failOn,
        instances: inputs.instances.map(parseInstance),
      }
    );
    const findings = findingsInput(run, VERSION);
    const render = (format: typeof inputs.format) => renderFindings(format, findings, { lang: 'en', color: false });
    io.stdout(render(inputs.format));
    if (inputs.sarif) await writeFileAtomic(path.resolve(cwd, inputs.sarif), render('sarif'));
    const counts = countFindings(findings);
    appendTo(
      env,
      'GITHUB_OUTPUT',
      outputLines({
        verdict: run.result.ok ? 'aligned' : 'misaligned',
        errors: counts.planErrors,
        warnings: counts.planWarnings,
        history: counts.history,
      })
    );
    appendTo(env, 'GITHUB_STEP_SUMMARY', render('markdown'));
    return exitCodeOf(run);
  } catch (e) {
    appendTo(env, 'GITHUB_OUTPUT', outputLines({ verdict: 'error' }));
    if (isCycleSyncError(e)) {
      io.stdout(errorAnnotation(e.message, e.at));
      io.stderr(`${formatError(e)}\n`);
      return e.exitCode;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stdout(errorAnnotation(`internal error: ${message}`));
    io.stderr(
      // The stack's first line is the message, which may quote a path: no line of it may act in the log.
      `cyclesync: internal error (a bug; please report it): ${escapeTerminalLines((e instanceof Error ? e.stack : undefined) ?? message)}\n`
    );
    return EXIT.internal;
  }
}
