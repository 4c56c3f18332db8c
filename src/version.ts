// The package's version, read from package.json when the program is built: esbuild inlines the JSON into each
// bundle, so an installed copy never reads a package.json at run time (a bundle's working folder may hold
// anyone's), and the version lives in one place.
import packageJson from '../package.json' with { type: 'json' };

export const VERSION: string = packageJson.version;
