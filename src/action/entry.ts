// The program action.yml runs: the action on this process's environment and working folder (the runner's
// workspace), its exit code the step's.
import { runAction } from './main.js';

process.exitCode = await runAction(process.env, process.cwd(), {
  stdout: text => process.stdout.write(text),
  stderr: text => process.stderr.write(text),
});
