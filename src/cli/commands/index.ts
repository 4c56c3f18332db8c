// Every command, in the order `--help` lists them. Each module is small and loads its use-case lazily.
import type { CommandModule } from 'yargs';
import * as plan from './plan.js';
import * as explain from './explain.js';
import * as validate from './validate.js';

export const commands = [plan, explain, validate] as unknown as CommandModule[];
