/**
 * Builds the UI into web/dist when it is missing or older than its sources (web/, lib/contracts,
 * lib/domain, package-lock.json). `npm start` and `npm test` run it first (prestart, pretest), and the
 * browser tests call `ensureWebBuilt()` themselves, so a single test file also finds a current UI.
 * A lock directory keeps parallel callers from building at once; the build goes to a temporary
 * directory that replaces web/dist at the end, so a running stack never serves half a build.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const WEB = resolve(import.meta.dirname, '..');
const ROOT = resolve(WEB, '..');
const DIST = join(WEB, 'dist');
const SOURCES = [
  join(WEB, 'index.html'),
  join(WEB, 'vite.config.ts'),
  join(WEB, 'tsconfig.json'),
  join(WEB, 'src'),
  join(WEB, 'public'),
  join(ROOT, 'lib/contracts'),
  join(ROOT, 'lib/domain'),
  join(ROOT, 'package-lock.json'),
];

async function newest(path: string): Promise<number> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const entry of await readdir(path)) latest = Math.max(latest, await newest(join(path, entry)));
  return latest;
}

/** Is web/dist missing or older than any source? */
export async function webBuildNeeded(): Promise<boolean> {
  let built: number;
  try {
    built = (await stat(join(DIST, 'index.html'))).mtimeMs;
  } catch {
    return true;
  }
  for (const source of SOURCES) if ((await newest(source)) > built) return true;
  return false;
}

const LOCK = join(
  tmpdir(),
  `gebruikersbeheer-web-build-${createHash('sha256').update(ROOT).digest('hex').slice(0, 12)}`,
);
const STALE_LOCK_MS = 120_000;

async function withLock<T>(fn: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch {
      const since = await stat(LOCK).then(
        (s) => Date.now() - s.mtimeMs,
        () => 0,
      );
      if (since > STALE_LOCK_MS || Date.now() - started > STALE_LOCK_MS)
        await rm(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

/** Builds web/dist when needed; returns whether it built. */
export async function ensureWebBuilt(options: { quiet?: boolean } = {}): Promise<boolean> {
  if (!(await webBuildNeeded())) return false;
  return withLock(async () => {
    if (!(await webBuildNeeded())) return false;
    const { build } = await import('vite');
    const out = `${DIST}.bouw-${process.pid}`;
    if (!options.quiet) console.log('Gebruikersinterface bouwen (web/dist)…');
    const startedAt = Date.now();
    try {
      await build({
        configFile: join(WEB, 'vite.config.ts'),
        logLevel: 'warn',
        build: { outDir: out, emptyOutDir: true },
      });
    } catch (error) {
      await rm(out, { recursive: true, force: true });
      throw error;
    }
    await rm(DIST, { recursive: true, force: true });
    await rename(out, DIST);
    if (!options.quiet)
      console.log(`Gebruikersinterface gebouwd in ${((Date.now() - startedAt) / 1000).toFixed(1)} s.`);
    return true;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const built = await ensureWebBuilt();
    if (!built) console.log('Gebruikersinterface is up-to-date (web/dist).');
  } catch (error) {
    console.error(
      'De gebruikersinterface kon niet gebouwd worden:',
      error instanceof Error ? error.message : error,
    );
    process.exit(1);
  }
}
