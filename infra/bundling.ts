/**
 * The esbuild settings of every Lambda bundle, in one place: the CDK construct (infra/constructs/
 * api-function.ts) deploys with them and `npm run bench` measures with them.
 */

/** Some bundled CommonJS dependencies call require(); ESM output has no require of its own. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module';const require = createRequire(import.meta.url);";

/** Package → replacement (relative to the repository root, which is esbuild's working directory). */
export const BUNDLE_ALIASES: Record<string, string> = {
  '@aws-sdk/credential-provider-node': './infra/lambda/credentials.ts',
};

export const LAMBDA_ESBUILD = {
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // Prefer the ESM build of dependencies, so esbuild can tree-shake them.
  mainFields: ['module', 'main'],
  minify: true,
} as const;
