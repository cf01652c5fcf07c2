/**
 * Debian's Chromium driven by playwright-core, for browser tests against the local stack. Never
 * downloads a browser: it uses /usr/bin/chromium (CHROMIUM_PATH overrides), which test/support/chromium.ts
 * installs before the run when it is missing, and fails at once, with the fix in the message, without it. Each launch gets a fresh, empty profile.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { DEFAULT_CHROMIUM } from './chromium.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM;

/** Where screenshots go: test-results/ at the repository root (ignored by git and Biome). */
export const RESULTS_DIR = resolve(import.meta.dirname, '../../test-results');

/** Flags for a headless Chromium in a sandbox without network: no first-run, sync or update traffic. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class ChromiumMissingError extends Error {
  constructor(path: string) {
    super(
      `Chromium not found at ${path}. Browser tests use Debian's Chromium and never download one: ` +
        '`npm test` installs it when run as root with apt (test/support/chromium.ts); otherwise ' +
        '`apt-get install -y chromium`, or point CHROMIUM_PATH at a Chromium binary.',
    );
    this.name = 'ChromiumMissingError';
  }
}

export interface TestBrowser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  /** Saves a full-page screenshot as test-results/<name>.png and returns its path. */
  screenshot(page: Page, name: string): Promise<string>;
  close(): Promise<void>;
}

export async function launchChromium(options: { executablePath?: string } = {}): Promise<TestBrowser> {
  const executablePath = options.executablePath ?? CHROMIUM_PATH;
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  const userDataDir = await mkdtemp(join(tmpdir(), 'gb-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      locale: 'nl-BE',
      viewport: { width: 1280, height: 900 },
    });
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    context,
    newPage: () => context.newPage(),
    async screenshot(page, name) {
      await mkdir(RESULTS_DIR, { recursive: true });
      const path = join(RESULTS_DIR, `${name}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
