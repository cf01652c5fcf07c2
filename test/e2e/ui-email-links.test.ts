/**
 * Every link of every e-mail template opens a page the UI has, in Chromium: logged out (the page asks
 * to log in, or is public) and, after logging in from there, logged in (the page itself). The links are
 * built as the services build them (lib/services/links.ts), on the running stack's address.
 */

import { describe, expect, it } from 'vitest';
import { DEMO } from '#lib/services/demo-seed';
import { uiLinks } from '#lib/services/links';
import * as messages from '#lib/services/messages';
import { loginViaEid, useBrowserSession } from '../support/ui.ts';

const en = DEMO.boekhouding;

describe('e-mail links open existing pages', () => {
  const ui = useBrowserSession({ today: '2029-11-01' });
  let links: string[] = [];

  /** Every template, filled as the workflows fill it; returns each link it carries, with its template. */
  async function allLinks(): Promise<{ template: string; url: string }[]> {
    const token = await ui.stack.token(DEMO.marc);
    const persons = await fetch(`${ui.stack.url}/api/organisations/${en}/persons`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.json() as Promise<{ items: { personId: string; firstName: string }[] }>);
    const tom = persons.items.find((p) => p.firstName === 'Tom')!.personId;
    const link = uiLinks(ui.stack.url);
    const base = { organisationName: 'Boekhouding Test NV', right: 'VLAIO Inkom Gebruiker Nieuw' };
    const templates: Record<string, messages.EmailContent> = {
      requestReceived: messages.requestReceived({
        ...base,
        requesterName: 'Emma Willems',
        profiles: ['Gebruiker'],
        tasksUrl: link.tasks(en),
      }),
      requestApproved: messages.requestApproved({
        ...base,
        profiles: ['Gebruiker'],
        validUntil: '2031-10-31',
        portalUrl: link.portal(),
      }),
      requestRejected: messages.requestRejected({ ...base, reason: 'Nee' }),
      requestFailed: messages.requestFailed({ ...base, portalUrl: link.portal() }),
      requestExpired: messages.requestExpired(base),
      expiryWarning: messages.expiryWarning({
        ...base,
        personName: 'Tom Wouters',
        item: 'grant',
        endDate: '2029-12-31',
        daysLeft: 60,
        tasksUrl: link.tasks(en),
        personUrl: link.person(en, tom),
      }),
      itemExpired: messages.itemExpired({
        ...base,
        personName: 'Tom Wouters',
        item: 'grant',
        endDate: '2029-12-31',
        personUrl: link.person(en, tom),
      }),
    };
    return Object.entries(templates).flatMap(([template, email]) => {
      const inHtml = [...email.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
      const inText = [...email.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
      // The plain text and the HTML carry the same links.
      expect(new Set(inText), template).toEqual(new Set(inHtml));
      return inHtml.map((url) => ({ template, url }));
    });
  }

  const notFound = () => ui.page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' });

  it('every template links only to the stack’s own pages', async () => {
    const found = await allLinks();
    expect(found.map((f) => f.template).sort()).toEqual(
      [
        'expiryWarning',
        'expiryWarning',
        'itemExpired',
        'requestApproved',
        'requestFailed',
        'requestReceived',
      ].sort(),
    );
    for (const { url } of found) expect(url.startsWith(`${ui.stack.url}/`), url).toBe(true);
    links = [...new Set(found.map((f) => f.url))];
    expect(links).toHaveLength(3);
  });

  it('logged out: each link opens its page, which asks to log in or is public, never Pagina niet gevonden', async () => {
    for (const url of links) {
      await ui.page.goto(url);
      const h1 = await ui.h1().textContent();
      expect(h1, url).not.toBe('Pagina niet gevonden');
      if (new URL(url).pathname.startsWith('/o/')) expect(h1, url).toBe('Meld u aan');
      expect(await notFound().count()).toBe(0);
    }
  });

  it('logging in from a link lands on that page; logged in, every link opens its page', async () => {
    const tasks = links.find((u) => u.endsWith('/taken'))!;
    await ui.page.goto(tasks);
    await loginViaEid(ui.page, /Marc Peeters/);
    expect(new URL(ui.page.url()).pathname).toBe(new URL(tasks).pathname);
    await expect.poll(() => ui.h1().textContent()).toBe('Mijn taken');
    await ui.screen('email-link-tasks');

    for (const url of links) {
      await ui.page.goto(url);
      expect(new URL(ui.page.url()).pathname, url).toBe(new URL(url).pathname);
      const expected = url.endsWith('/taken')
        ? /^Mijn taken$/
        : url.includes('/personen/')
          ? /^Gegevens van gebruiker$/
          : /kmo-portefeuille/;
      await expect.poll(() => ui.h1().textContent(), { message: url }).toMatch(expected);
      if (url.includes('/personen/')) await ui.page.getByText('Tom', { exact: true }).first().waitFor();
      expect(await notFound().count()).toBe(0);
    }
  });
});
