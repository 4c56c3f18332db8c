// Kept in step with package.json by a test; passed to yargs explicitly (a bundle cannot read package.json).
export const VERSION = '0.1.0';
