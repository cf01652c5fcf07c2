/**
 * Every link of every e-mail template opens a page the UI has, in Chromium: logged out (the page asks
 * to log in, or is public) and, after logging in from there, logged in (the page itself). The links are
 * built as the services build them (lib/services/links.ts), on the running stack's address, and include
 * the footer's *Meldingen* and the `List-Unsubscribe` header. Every template that lib/services/messages.ts
 * exports must be here: the type below does not compile without it, and the first test fails for one
 * that is not.
 */

import { describe, expect, it } from 'vitest';
import { DEMO } from '#lib/services/demo-seed';
import { uiLinks } from '#lib/services/links';
import * as messages from '#lib/services/messages';
import { loginViaEid, useBrowserSession } from '../support/ui.ts';

const en = DEMO.boekhouding;

/** What messages.ts exports besides its templates. */
const HELPERS = new Set(['formatDateNl', 'escapeHtml', 'redactNationalNumbers', 'listNl']);

/** The exported templates: the functions of messages.ts that return an e-mail. */
type TemplateName = {
  [K in keyof typeof messages]: (typeof messages)[K] extends (input: never) => messages.EmailContent
    ? K
    : never;
}[keyof typeof messages];

/** The page each link opens, by its path: the heading it shows to a logged-in Marc. */
function expectedHeading(url: string): RegExp {
  const path = new URL(url).pathname;
  if (path.endsWith('/taken')) return /^Mijn Taken$/;
  if (/\/personen\/[^/]+$/.test(path)) return /^Gegevens van gebruiker$/;
  if (path.endsWith('/personen')) return /^Alle personen$/;
  if (path.endsWith('/lokale-beheerders')) return /^Lokale beheerders$/;
  if (path.endsWith('/toegangsreview')) return /^Toegangsreview$/;
  if (path === '/meldingen') return /^Meldingen$/;
  if (path === '/portaal') return /kmo-portefeuille/;
  throw new Error(`A link to a page this test does not know: ${path}`);
}

describe('e-mail links open existing pages', () => {
  const ui = useBrowserSession({ today: '2029-11-01' });
  let links: string[] = [];

  /** Every template, filled as the workflows fill it (every variant); each link it carries, with its template. */
  async function allLinks(): Promise<{ template: string; url: string }[]> {
    const token = await ui.stack.token(DEMO.marc);
    const persons = await fetch(`${ui.stack.url}/api/organisations/${en}/persons`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.json() as Promise<{ items: { personId: string; firstName: string }[] }>);
    const tom = persons.items.find((p) => p.firstName === 'Tom')!.personId;
    const link = uiLinks(ui.stack.url);
    const base = {
      organisationName: 'Boekhouding Test NV',
      right: 'VLAIO Inkom Gebruiker Nieuw',
      preferencesUrl: link.preferences(),
    };
    const templates: Record<TemplateName, messages.EmailContent[]> = {
      requestReceived: [
        messages.requestReceived({
          ...base,
          requesterName: 'Emma Willems',
          profiles: ['Gebruiker'],
          tasksUrl: link.tasks(en),
        }),
      ],
      requestApproved: [
        messages.requestApproved({
          ...base,
          profiles: ['Gebruiker'],
          validUntil: '2031-10-31',
          portalUrl: link.portal(),
        }),
      ],
      requestRejected: [messages.requestRejected({ ...base, reason: 'Nee' })],
      requestFailed: [messages.requestFailed({ ...base, portalUrl: link.portal() })],
      requestExpired: [messages.requestExpired(base)],
      expiryWarning: [
        messages.expiryWarning({
          ...base,
          personName: 'Tom Wouters',
          item: 'grant',
          endDate: '2029-12-31',
          daysLeft: 60,
          tasksUrl: link.tasks(en),
          personUrl: link.person(en, tom),
        }),
      ],
      itemExpired: [
        messages.itemExpired({
          ...base,
          personName: 'Tom Wouters',
          item: 'grant',
          endDate: '2029-12-31',
          personUrl: link.person(en, tom),
        }),
      ],
      expiryDigest: [
        messages.expiryDigest({
          ...base,
          recipientName: 'Marc Peeters',
          date: '2029-11-01',
          frequency: 'daily',
          tasksUrl: link.tasks(en),
          lines: [
            {
              personName: 'Tom Wouters',
              item: 'grant',
              right: base.right,
              endDate: '2029-12-31',
              notice: 'warning',
              personUrl: link.person(en, tom),
            },
            {
              personName: 'Tom Wouters',
              item: 'relationship',
              endDate: '2029-10-31',
              notice: 'expired',
              personUrl: link.person(en, tom),
            },
          ],
        }),
      ],
      enterpriseStopped: [
        messages.enterpriseStopped({
          ...base,
          recipientName: 'Marc Peeters',
          stoppedOn: '2029-10-31',
          paused: 2,
          url: link.persons(en),
          forAdministrator: true,
        }),
        messages.enterpriseStopped({
          ...base,
          recipientName: 'Tom Wouters',
          stoppedOn: '2029-10-31',
          url: link.portal(),
          forAdministrator: false,
        }),
      ],
      enterpriseActiveAgain: [
        messages.enterpriseActiveAgain({ ...base, paused: 2, tasksUrl: link.tasks(en) }),
      ],
      noLocalAdministrator: [
        messages.noLocalAdministrator({
          ...base,
          recipientName: 'Marc Peeters',
          localAdminsUrl: link.localAdmins(en),
        }),
      ],
      reviewOpened: [
        messages.reviewOpened({ ...base, lines: 3, closesOn: '2029-11-22', reviewUrl: link.review(en) }),
      ],
      reviewReminder: [
        messages.reviewReminder({
          ...base,
          unanswered: 1,
          closesOn: '2029-11-22',
          reviewUrl: link.review(en),
        }),
      ],
    };

    // Every exported function of messages.ts is a template covered here, or one of its helpers.
    const exported = Object.entries(messages)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name)
      .filter((name) => !HELPERS.has(name));
    expect(Object.keys(templates).sort()).toEqual(exported.sort());

    return Object.entries(templates).flatMap(([template, emails]) =>
      emails.flatMap((email) => {
        const inHtml = [...email.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
        const inText = [...email.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
        // The plain text and the HTML carry the same links.
        expect(new Set(inText), template).toEqual(new Set(inHtml));
        // The List-Unsubscribe header points at a page too, the footer's Meldingen.
        expect(email.listUnsubscribe, template).toBe(link.preferences());
        return [...inHtml, email.listUnsubscribe].map((url) => ({ template, url }));
      }),
    );
  }

  const notFound = () => ui.page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' });

  it('every template links only to the stack’s own pages, each page known', async () => {
    const found = await allLinks();
    for (const { url, template } of found) {
      expect(url.startsWith(`${ui.stack.url}/`), `${template}: ${url}`).toBe(true);
      expect(() => expectedHeading(url), `${template}: ${url}`).not.toThrow();
    }
    links = [...new Set(found.map((f) => f.url))];
    // Mijn taken, Tom's page, the person list, the local administrators, the review, the portal, Meldingen.
    expect(links.map((u) => new URL(u).pathname.replace(/personen\/[^/]+$/, 'personen/{id}')).sort()).toEqual(
      [
        `/o/${en}/lokale-beheerders`,
        `/o/${en}/personen`,
        `/o/${en}/personen/{id}`,
        `/o/${en}/taken`,
        `/o/${en}/toegangsreview`,
        '/meldingen',
        '/portaal',
      ].sort(),
    );
  });

  it('logged out: each link opens its page, which asks to log in or is public, never Pagina niet gevonden', async () => {
    for (const url of links) {
      await ui.page.goto(url);
      const h1 = await ui.h1().textContent();
      expect(h1, url).not.toBe('Pagina niet gevonden');
      const path = new URL(url).pathname;
      if (path.startsWith('/o/') || path === '/meldingen') expect(h1, url).toBe('Meld u aan');
      expect(await notFound().count()).toBe(0);
    }
  });

  it('logging in from a link lands on that page; logged in, every link opens its page', async () => {
    const preferences = links.find((u) => u.endsWith('/meldingen'))!;
    await ui.page.goto(preferences);
    await loginViaEid(ui.page, /Marc Peeters/);
    expect(new URL(ui.page.url()).pathname).toBe('/meldingen');
    await expect.poll(() => ui.h1().textContent()).toBe('Meldingen');
    await ui.page.getByRole('radio', { name: /Dagelijks overzicht/ }).waitFor();
    await ui.screen('email-link-preferences');

    for (const url of links) {
      await ui.page.goto(url);
      expect(new URL(ui.page.url()).pathname, url).toBe(new URL(url).pathname);
      await expect.poll(() => ui.h1().textContent(), { message: url }).toMatch(expectedHeading(url));
      if (/\/personen\/[^/]+$/.test(url)) await ui.page.getByText('Tom', { exact: true }).first().waitFor();
      expect(await notFound().count()).toBe(0);
    }
    await ui.page.goto(links.find((u) => u.endsWith('/taken'))!);
    await expect.poll(() => ui.h1().textContent()).toBe('Mijn Taken');
    await ui.screen('email-link-tasks');
  });
});
