import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repository root, so entries resolve the same from `cdk synth`, tests and any cwd. */
export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export const fromRoot = (relative: string): string => join(repoRoot, relative);
