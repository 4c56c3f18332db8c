// The package's version and repository, read from package.json when the program is built: esbuild inlines the
// JSON into each bundle, so an installed copy never reads a package.json at run time (a bundle's working
// folder may hold anyone's), and each fact lives in one place.
import packageJson from '../package.json' with { type: 'json' };

export const VERSION: string = packageJson.version;

/** `owner/name` of the GitHub repository: where the GitHub Action is, as `uses:` names it (with `@v<VERSION>`). */
export const GITHUB_REPOSITORY: string = /github\.com\/([^/]+\/[^/.]+)/.exec(packageJson.repository.url)?.[1] ?? '';
