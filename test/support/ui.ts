/**
 * Helpers for browser tests of the UI (test/e2e/ui-*.test.ts): `useBrowserSession()` (a current build
 * of web/dist, the local stack, Debian's Chromium with one page, and the helpers every screen test
 * uses), logging in through the UI and the local provider's eID stand-in, an axe-core accessibility
 * check, a watch on console errors and Content-Security-Policy violations, and Brussels calendar dates.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { ensureWebBuilt } from '../../web/scripts/ensure-built.ts';
import { launchChromium, type TestBrowser } from './browser.ts';
import { startTestStack } from './stack.ts';

export { ensureWebBuilt };

export type TestStack = Awaited<ReturnType<typeof startTestStack>>;

/**
 * For a `describe` block: builds the UI when needed and starts the local stack before its tests
 * (`today` fixes the handlers' day), and stops it after them.
 */
export function useUiStack(options: { today?: string } = {}): { readonly stack: TestStack } {
  const session = {} as { stack: TestStack };
  beforeAll(async () => {
    await ensureWebBuilt({ quiet: true });
    session.stack = await startTestStack(options.today ? { today: options.today } : {});
  }, 180_000);
  afterAll(async () => {
    await session.stack?.stop();
  });
  return session;
}

export interface BrowserSession {
  readonly stack: TestStack;
  readonly browser: TestBrowser;
  /** The one page the tests of the block share, as a person would use one tab. */
  readonly page: Page;
  /** Console errors and CSP violations of the page since it opened. */
  readonly problems: string[];
  /** Screenshot test-results/ui-<name>.png and the accessibility check of the screen as it is. */
  screen(name: string): Promise<void>;
  h1(): Locator;
  dialog(): Locator;
  /** The error summary of a form. */
  summary(): Locator;
  /** The error shown under the field with id `veld-<id>`. */
  fieldError(id: string): Locator;
  /** Opens `path` of the stack; when `as` is given, logs in through the eID stand-in from there. */
  open(path: string, as?: RegExp): Promise<void>;
  /** Picks the organisation (a name) on the organisation list after login. */
  chooseOrganisation(name: RegExp | string): Promise<void>;
  /** Afmelden, confirmed; back on the start page. */
  logout(): Promise<void>;
  /** Runs `fn` with the window `width` px wide (800 high), then returns to 1280 × 900. */
  atWidth(width: number, fn: () => Promise<void>): Promise<void>;
  /** Nothing on the page scrolls sideways (tables scroll within their own box). */
  fitsWidth(): Promise<void>;
}

/**
 * For a `describe` block of browser tests: the stack (`useUiStack`), Chromium with one page watched
 * for console problems, and the shared helpers. Fields are there from the block's first test on.
 */
export function useBrowserSession(options: { today?: string } = {}): BrowserSession {
  const base = useUiStack(options);
  let browser: TestBrowser;
  let page: Page;
  let problems: string[];
  beforeAll(async () => {
    browser = await launchChromium();
    page = await browser.newPage();
    problems = watchConsole(page);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  const h1 = () => page.getByRole('heading', { level: 1 });
  return {
    get stack() {
      return base.stack;
    },
    get browser() {
      return browser;
    },
    get page() {
      return page;
    },
    get problems() {
      return problems;
    },
    async screen(name) {
      await browser.screenshot(page, `ui-${name}`);
      expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
    },
    h1,
    dialog: () => page.getByRole('dialog'),
    summary: () => page.locator('.error-summary'),
    fieldError: (id) => page.locator('.field', { has: page.locator(`#veld-${id}`) }).locator('.field-error'),
    async open(path, as) {
      await page.goto(`${base.stack.url}${path}`);
      if (as) await loginViaEid(page, as);
    },
    async chooseOrganisation(name) {
      await page.getByRole('button', { name }).click();
    },
    async logout() {
      await page.getByRole('button', { name: 'Afmelden' }).click();
      await page.getByRole('button', { name: 'Ja, afmelden' }).click();
      await expect.poll(() => h1().textContent()).toBe('Welkom bij Gebruikersbeheer');
    },
    async fitsWidth() {
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    },
    async atWidth(width, fn) {
      await page.setViewportSize({ width, height: 800 });
      try {
        await fn();
      } finally {
        await page.setViewportSize({ width: 1280, height: 900 });
      }
    },
  };
}

/** Today in Brussels (YYYY-MM-DD), as the UI computes its defaults. */
export function todayInBrussels(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
}

/** YYYY-MM-DD as the UI shows it: dd/mm/jjjj. */
export const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** `years` later (the last day of the month when that day does not exist), then `days` more. */
export function plusYears(iso: string, years: number, days = 0): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  const date = new Date(Date.UTC(y + years, m - 1, Math.min(d, last) + days));
  return date.toISOString().slice(0, 10);
}

const require = createRequire(import.meta.url);
/** axe-core's source, evaluated through the DevTools protocol: the UI's CSP rightly forbids inline scripts. */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * From any UI page with an *Aanmelden*-like button (`button`), through ACM's choice page and the eID
 * stand-in as `person` (a label such as /Sofie Janssens/), back in the UI.
 */
export async function loginViaEid(page: Page, person: RegExp, button: RegExp | string = 'Aanmelden') {
  const origin = new URL(page.url()).origin;
  await page
    .getByRole('button', { name: button, exact: typeof button === 'string' })
    .first()
    .click();
  await page.waitForURL((url) => url.pathname.startsWith('/idp/'));
  await page.getByRole('link', { name: 'eID en aangesloten kaartlezer' }).click();
  await page.getByLabel(person).check();
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.waitForURL(
    (url) => url.origin === origin && !url.pathname.startsWith('/idp') && url.pathname !== '/auth/callback',
  );
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

// Browser-side code is passed as source text: the root tsconfig has no DOM types, on purpose.
const AXE_RUN = `(() => axe.run(
  // react-aria's live announcer refers to elements of the previous page by id once they are gone;
  // it is the library's screen-reader channel, not content of ours.
  { exclude: [['[data-live-announcer]']] },
  {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  },
))()`;

/** Runs axe-core on the page; returns the serious and critical violations (WCAG 2.x A/AA and best practice). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate('typeof window.axe !== "undefined"');
  if (!loaded) await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(AXE_RUN)) as { violations: AxeViolation[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 200) })),
    }));
}

/** Collects console errors and CSP violations of a page from now on. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

const FOCUSED_NAME = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return '';
  const byIds = (el.getAttribute('aria-labelledby') || '')
    .split(/\\s+/)
    .filter(Boolean)
    .map((id) => (document.getElementById(id) || {}).textContent || '')
    .join(' ');
  const labels = el.labels && el.labels.length > 0 ? [...el.labels].map((l) => l.textContent).join(' ') : '';
  const text = byIds || labels || el.getAttribute('aria-label') || el.textContent || '';
  return text.replace(/\\s+/g, ' ').trim();
})()`;

/** The accessible name of the focused element, roughly: aria-labelledby, label, aria-label, text. */
export function focusedName(page: Page): Promise<string> {
  return page.evaluate(FOCUSED_NAME) as Promise<string>;
}

/** The class of the focused element. */
export function focusedClass(page: Page): Promise<string> {
  return page.evaluate(
    "document.activeElement ? String(document.activeElement.className) : ''",
  ) as Promise<string>;
}

/** How far the page is wider than the window (0 or less: no horizontal scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth - window.innerWidth') as Promise<number>;
}

/** Presses Tab until the focused element's name matches (keyboard-only use), at most `max` times. */
export async function tabTo(page: Page, name: RegExp, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (name.test(await focusedName(page))) return;
  }
  throw new Error(`Tab never reached ${name}`);
}
