/**
 * Helpers for browser tests of the UI (test/e2e/ui-*.test.ts): a current build of web/dist, logging
 * in through the UI and the local provider's eID stand-in, an axe-core accessibility check, and a
 * watch on console errors and Content-Security-Policy violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { ensureWebBuilt } from '../../web/scripts/ensure-built.ts';

export { ensureWebBuilt };

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
