// Types of npm-deps.mjs for the TypeScript tests that import it.
export function npmInstallNeeded(root: string): string | undefined;
export function nodeModulesIsLink(root: string): boolean;
