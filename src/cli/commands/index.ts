// Every command, in the order `--help` lists them. Each module is small and loads its use-case lazily.
import type { CommandModule } from 'yargs';
import * as plan from './plan.js';
import * as explain from './explain.js';
import * as backtest from './backtest.js';
import * as validate from './validate.js';
import * as check from './check.js';
import * as init from './init.js';
import * as serve from './serve.js';
import * as feeds from './feeds.js';
import * as publish from './publish.js';
import * as report from './report.js';
import * as lintIcs from './lint-ics.js';

export const commands = [
  plan,
  check,
  explain,
  backtest,
  validate,
  init,
  feeds,
  publish,
  report,
  serve,
  lintIcs,
] as unknown as CommandModule[];
