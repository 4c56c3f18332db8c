// The package's one bundle (scripts/bundle.js): the programmatic API, which `import … from 'cyclesync'` gets,
// and the command line, which bin/cyclesync.js runs. The command line is imported on call only, so that a
// program using the API never evaluates yargs and the commands.
export * from './api/index.js';

/** Runs `cyclesync` on this process's arguments (bin/cyclesync.js); not part of the API. */
export const runCli = async (): Promise<void> => (await import('./cli/entry.js')).runCli();
