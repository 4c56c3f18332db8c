import { CycleSyncError } from '../errors.js';

/**
 * `--instance 2030-2033` (or just its first year, `2030`) → 2030. Whether it is a real instance of the
 * cycle is for the caller to say, with the cycle at hand.
 */
export function parseInstanceOption(value: string): number {
  const m = /^(\d{4})(-\d{4})?$/.exec(value);
  if (!m)
    throw new CycleSyncError({
      code: 'USAGE',
      message: `--instance ${JSON.stringify(value)} is not an instance`,
      expected: 'an instance label like 2030-2033, or its first year 2030',
    });
  return Number(m[1]);
}
