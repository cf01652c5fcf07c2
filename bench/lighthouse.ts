/**
 * Lighthouse (the npm package, Debian's Chromium) on the home page, a person's page and the portal's
 * page of the local stack with the demo world: accessibility and best practices, each against 95.
 * The person's page needs a session: we log in as Sofie through the real login screens in the same tab
 * Lighthouse then audits, and keep its storage (the session lives in sessionStorage).
 * Performance is not scored here: on a shared 2-core machine it measures the machine (npm run bench's
 * http and start-up sections measure ours).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import puppeteer, { type Page } from 'puppeteer-core';
import { type MagdaConnection, startLocalStack } from '#infra/local/stack';
import { DEMO } from '#lib/services/demo-seed';
import { ensureWebBuilt } from '../web/scripts/ensure-built.ts';
import { log } from './support.ts';

export const LIGHTHOUSE_TARGET = 95;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** As the browser tests start it: headless, no sandbox (root), none of the background traffic. */
const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LighthousePage {
  name: string;
  path: string;
  accessibility: number;
  bestPractices: number;
  /** The audits that cost points in either category (id: title). */
  failing: string[];
}

export interface LighthouseResults {
  target: number;
  lighthouse: string;
  pages: LighthousePage[];
}

async function login(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/`, { waitUntil: 'networkidle0' });
  await page.locator('button::-p-text(Aanmelden)').click();
  await page.waitForFunction(() => location.pathname.startsWith('/idp/'));
  await page.locator('a::-p-text(eID en aangesloten kaartlezer)').click();
  await page.locator('label::-p-text(Sofie)').click();
  await page.locator('button::-p-text(Aanmelden)').click();
  await page.waitForFunction(
    () => !location.pathname.startsWith('/idp') && location.pathname !== '/auth/callback',
    { timeout: 30_000 },
  );
}

/** The first person of Adviesbureau in its list, through the API with a development token. */
async function aPersonId(origin: string): Promise<string> {
  const token = await fetch(`${origin}/idp/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ nationalNumber: DEMO.sofie }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const list = await fetch(`${origin}/api/organisations/${DEMO.adviesbureau}/persons`, {
    headers: { authorization: `Bearer ${token.access_token}` },
  }).then((r) => r.json() as Promise<{ items: { personId: string }[] }>);
  const first = list.items[0];
  if (!first) throw new Error('lighthouse: the demo world has no person at Adviesbureau');
  return first.personId;
}

export async function runLighthouse(
  dynamoEndpoint: string,
  magda: MagdaConnection,
): Promise<LighthouseResults> {
  await ensureWebBuilt({ quiet: true });
  const logLevel = process.env.POWERTOOLS_LOG_LEVEL;
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  const stack = await startLocalStack({
    port: 0,
    dynamoEndpoint,
    magda,
    tableName: `bench-lighthouse-${randomUUID()}`,
    schedule: false,
    events: false,
    accessLog: false,
  });
  const profile = await mkdtemp(join(tmpdir(), 'gb-lighthouse-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    userDataDir: profile,
    defaultViewport: null,
  });
  try {
    const origin = stack.url;
    const personId = await aPersonId(origin);
    const page = await browser.newPage();
    const pages: LighthousePage[] = [];
    let version = '';
    const targets = [
      { name: 'home page', path: '/', session: false },
      { name: 'portal page', path: '/portaal', session: false },
      { name: "a person's page", path: `/o/${DEMO.adviesbureau}/personen/${personId}`, session: true },
    ];
    for (const target of targets) {
      if (target.session) await login(page, origin);
      log(`lighthouse: ${target.name}`);
      const result = await lighthouse(
        `${origin}${target.path}`,
        {
          logLevel: 'error',
          output: 'json',
          onlyCategories: ['accessibility', 'best-practices'],
          // Keeps the tab's session (and our login) between the audits.
          disableStorageReset: true,
          formFactor: 'desktop',
          screenEmulation: { mobile: false, width: 1280, height: 800, deviceScaleFactor: 1, disabled: false },
          throttlingMethod: 'provided',
        },
        undefined,
        page,
      );
      if (!result) throw new Error(`lighthouse: no result for ${target.path}`);
      const { lhr } = result;
      version = lhr.lighthouseVersion;
      if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} on ${target.path}`);
      // A lost session would audit the login page instead: the page must be the one asked for, with content.
      const shown = new URL(lhr.finalDisplayedUrl).pathname;
      const heading = await page.$eval('h1', (h) => h.textContent ?? '').catch(() => '');
      if (shown !== target.path || heading === '' || /Pagina niet gevonden/.test(heading))
        throw new Error(`lighthouse: ${target.path} showed ${shown} (“${heading}”)`);
      const category = (id: string) => lhr.categories[id]!;
      const failing = ['accessibility', 'best-practices'].flatMap((id) =>
        category(id)
          .auditRefs.filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id]!)
          .filter((audit) => audit.score !== null && audit.score < 1)
          .map((audit) => `${audit.id}: ${audit.title}`),
      );
      pages.push({
        name: target.name,
        path: target.path.replace(personId, '{personId}'),
        accessibility: Math.round((category('accessibility').score ?? 0) * 100),
        bestPractices: Math.round((category('best-practices').score ?? 0) * 100),
        failing,
      });
    }
    return { target: LIGHTHOUSE_TARGET, lighthouse: version, pages };
  } finally {
    await browser.close();
    await rm(profile, { recursive: true, force: true });
    await stack.stop();
    if (logLevel === undefined) delete process.env.POWERTOOLS_LOG_LEVEL;
    else process.env.POWERTOOLS_LOG_LEVEL = logLevel;
  }
}
