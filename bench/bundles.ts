/**
 * Bundle size of every function, built as the CDK construct builds it (infra/constructs/api-function.ts):
 * esbuild, ESM, node22, `mainFields: ['module', 'main']`, minified, the AWS SDK bundled, the createRequire
 * banner. Sizes come from esbuild's metafile; the biggest contributors are grouped by package.
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { BUNDLE_ALIASES, ESM_REQUIRE_BANNER, LAMBDA_ESBUILD } from '#infra/bundling';
import { ROOT } from './support.ts';

/** The floor: the same DynamoDB client and one GetItem, nothing else. */
export const BARE_ENTRY = 'bench/bare-get-item.ts';

export interface BundleRow {
  fn: string;
  bytes: number;
  /** Bytes above the floor (the bare one-GetItem function). */
  aboveFloor: number;
  limit: number;
  met: boolean;
  top: { name: string; bytes: number }[];
}

export interface BundleResults {
  floor: { bytes: number; top: { name: string; bytes: number }[] };
  rows: BundleRow[];
  /** The access check ≤ 250 KB, others ≤ 600 KB, none over 1 MB (KB = 1024 bytes). */
  limits: { accessCheck: number; others: number; max: number };
  overMax: string[];
  /**
   * Bundle contents that must (not) be there: e-mail only where `mail: true`, idempotency, the expiry
   * and the logins stores only where used.
   */
  wiring: string[];
}

const KB = 1024;
export const LIMITS = { accessCheck: 250 * KB, others: 600 * KB, max: 1024 * KB };

export async function bundle(
  entry: string,
  outfile?: string,
  /** Packages left to the runtime (the Lambda runtime's own AWS SDK), as CDK's `externalModules`. */
  external: string[] = [],
): Promise<{ bytes: number; metafile: Metafile }> {
  const result = await build({
    external,
    entryPoints: [join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    ...LAMBDA_ESBUILD,
    mainFields: [...LAMBDA_ESBUILD.mainFields],
    banner: { js: ESM_REQUIRE_BANNER },
    alias: BUNDLE_ALIASES,
    metafile: true,
    tsconfig: join(ROOT, 'tsconfig.json'),
    logLevel: 'error',
    ...(outfile
      ? { outfile, write: true }
      : { outdir: join(ROOT, 'cdk.out', 'bench-bundles'), write: false }),
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint);
  if (!output) throw new Error(`no output for ${entry}`);
  return { bytes: output.bytes, metafile: result.metafile };
}

/** Output bytes grouped by npm package (or by file for our own code). */
export function contributors(metafile: Metafile, count = 6): { name: string; bytes: number }[] {
  const output = Object.values(metafile.outputs).find((o) => o.entryPoint)!;
  const by = new Map<string, number>();
  for (const [file, info] of Object.entries(output.inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
    const name = match ? match[1]! : file.replace(/\/[^/]+$/, '/');
    by.set(name, (by.get(name) ?? 0) + info.bytesInOutput);
  }
  return [...by]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, bytes]) => ({ name, bytes }));
}

export async function functionNames(): Promise<string[]> {
  const entries = await readdir(join(ROOT, 'functions'), { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

export async function runBundles(): Promise<BundleResults> {
  await mkdir(join(ROOT, 'cdk.out'), { recursive: true });
  const { workflowFunctions } = await import('#functions/workflows');
  const mailers = new Set(workflowFunctions.filter((f) => f.mail).map((f) => f.fn));
  const { routes } = await import('#functions/routes');
  // Who asks a registry: `registries: true` in the route and workflow tables (CDK gives them MAGDA's settings).
  const askers = new Set([...routes, ...workflowFunctions].filter((f) => f.registries).map((f) => f.fn));
  const floor = await bundle(BARE_ENTRY);
  const rows: BundleRow[] = [];
  const wiring: string[] = [];
  for (const fn of await functionNames()) {
    const entry = `functions/${fn}/handler.ts`;
    const { bytes, metafile } = await bundle(entry);
    const limit = fn === 'check-access' ? LIMITS.accessCheck : LIMITS.others;
    rows.push({
      fn,
      bytes,
      aboveFloor: bytes - floor.bytes,
      limit,
      met: bytes <= limit,
      top: contributors(metafile),
    });
    // Adapters plugged in by the modules that use them must be in exactly the bundles that need them.
    const inputs = Object.keys(metafile.inputs);
    const hasMail = inputs.some((i) => i.includes('node_modules/nodemailer/'));
    if (mailers.has(fn) !== hasMail) {
      wiring.push(
        `${fn}: ${hasMail ? 'bundles e-mail but is not mail: true' : 'mail: true but no mail adapter'}`,
      );
    }
    const source = await readFile(join(ROOT, entry), 'utf8');
    const idempotent = /idempotent:/.test(source);
    const hasIdempotency = inputs.some((i) => i.includes('@aws-lambda-powertools/idempotency/'));
    if (idempotent !== hasIdempotency)
      wiring.push(`${fn}: idempotency ${idempotent ? 'missing' : 'not used but bundled'}`);
    // MAGDA's adapters (XML, signatures): in exactly the functions the tables say ask a registry.
    const asksRegistry = inputs.some((i) => i.endsWith('lib/runtime/registries-adapter.ts'));
    if (askers.has(fn) !== asksRegistry) {
      wiring.push(
        `${fn}: ${asksRegistry ? 'bundles the registries but is not registries: true' : 'registries: true but no registries adapter'}`,
      );
    }
    // The sweep's, the logins' and the KBO follow's stores: only where their adapter module is plugged in.
    for (const store of ['expiry', 'logins', 'kbo', 'audit', 'reviews'] as const) {
      const plugged = inputs.some((i) => i.endsWith(`lib/runtime/${store}-adapter.ts`));
      const bundled = inputs.some((i) => i.endsWith(`lib/adapters/dynamodb/${store}-store.ts`));
      if (plugged !== bundled)
        wiring.push(`${fn}: ${store} store ${plugged ? 'plugged but missing' : 'bundled without its plug'}`);
    }
    // The digests' store comes with the sweep's plug.
    {
      const plugged = inputs.some((i) => i.endsWith('lib/runtime/expiry-adapter.ts'));
      const bundled = inputs.some((i) => i.endsWith('lib/adapters/dynamodb/digests-store.ts'));
      if (plugged !== bundled)
        wiring.push(`${fn}: digests store ${plugged ? 'plugged but missing' : 'bundled without its plug'}`);
    }
  }
  return {
    floor: { bytes: floor.bytes, top: contributors(floor.metafile) },
    rows,
    limits: LIMITS,
    overMax: rows.filter((r) => r.bytes > LIMITS.max).map((r) => r.fn),
    wiring,
  };
}
