/**
 * *Meldingen* in a real browser: Marc finds it on the organisation list (and in the header), sees the
 * default (a daily digest), chooses the weekly one and saves it; a change made meanwhile elsewhere (the
 * API with the version it read) gets the page's 412 message and the choice saved there, after which his
 * own choice is saved. Screenshots with an axe-core check, and the page at 360 px.
 */
import { describe, expect, it } from 'vitest';
import { DEMO } from '#lib/services/demo-seed';
import { useBrowserSession } from '../support/ui.ts';

describe('Meldingen in the browser', () => {
  const ui = useBrowserSession();
  const { screen, h1, open } = ui;

  it('Marc chooses a weekly digest, and a change made elsewhere meanwhile is not overwritten', async () => {
    const token = await ui.stack.token(DEMO.marc);
    const preferences = async (init?: { frequency: string; ifMatch: string }) => {
      const res = await fetch(`${ui.stack.url}/api/me/preferences`, {
        method: init ? 'PUT' : 'GET',
        headers: {
          authorization: `Bearer ${token}`,
          ...(init ? { 'content-type': 'application/json', 'if-match': init.ifMatch } : {}),
        },
        ...(init ? { body: JSON.stringify({ notifications: { frequency: init.frequency } }) } : {}),
      });
      return { status: res.status, body: await res.json() };
    };

    await open('/', /Marc Peeters/);
    await expect.poll(() => h1().textContent()).toBe('Kies uw organisatie');
    await ui.page.getByRole('main').getByRole('link', { name: 'Meldingen' }).click();
    await expect.poll(() => h1().textContent()).toBe('Meldingen');
    const daily = ui.page.getByRole('radio', { name: /Dagelijks overzicht/ });
    const weekly = ui.page.getByRole('radio', { name: /Wekelijks overzicht/ });
    const each = ui.page.getByRole('radio', { name: /Elke melding apart/ });
    // The default surprises nobody: a daily digest.
    await expect.poll(() => daily.isChecked()).toBe(true);
    await screen('notifications');

    await weekly.check();
    await ui.page.getByRole('button', { name: 'Bewaar' }).click();
    await ui.page.getByRole('status').getByText('Bewaard: wekelijks overzicht.').waitFor();
    expect(await preferences()).toEqual({
      status: 200,
      body: { lastOrganisation: null, notifications: { frequency: 'weekly' }, language: 'nl', version: 1 },
    });

    // Elsewhere (another tab), with the version read there: every item separately.
    expect((await preferences({ frequency: 'each', ifMatch: '"1"' })).status).toBe(200);
    // Here, still at version 1: back to daily. Refused, and the page shows what was saved elsewhere.
    await daily.check();
    await ui.page.getByRole('button', { name: 'Bewaar' }).click();
    await ui.page.getByText('Uw keuze werd intussen elders gewijzigd.', { exact: false }).waitFor();
    await expect.poll(() => each.isChecked()).toBe(true);
    expect((await preferences()).body.notifications).toEqual({ frequency: 'each' });
    await screen('notifications-conflict');

    // Chosen again, now on the latest version: saved.
    await daily.check();
    await ui.page.getByRole('button', { name: 'Bewaar' }).click();
    await ui.page.getByRole('status').getByText('Bewaard: dagelijks overzicht.').waitFor();
    expect((await preferences()).body).toMatchObject({ notifications: { frequency: 'daily' }, version: 3 });

    // From any page, the header leads here too; and the page reads on a phone.
    await ui.page.getByRole('link', { name: 'Help' }).first().click();
    await expect.poll(() => h1().textContent()).toBe('Hulp nodig of heeft u een vraag?');
    await ui.page.getByRole('banner').getByRole('link', { name: 'Meldingen' }).click();
    await expect.poll(() => h1().textContent()).toBe('Meldingen');
    await expect.poll(() => daily.isChecked()).toBe(true);
    await ui.atWidth(360, async () => {
      await ui.fitsWidth();
      await screen('notifications-360');
    });
  });
});
