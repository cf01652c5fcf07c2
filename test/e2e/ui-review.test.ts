/**
 * *Toegangsreview* in a real browser: Sofie links Emma and grants her the right (through the API), then
 * starts a review from the home page, finds Emma's line with her last login, revokes it with a reason,
 * sees the task in Mijn taken pointing at the page, and changes the settings (a wrong interval gets the
 * API's message). Screenshots with an axe-core check.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '#lib/domain/period';
import { todayInBrussels, useBrowserSession } from '../support/ui.ts';

describe('the access review in the browser', () => {
  const ui = useBrowserSession();
  const { screen, h1, open, chooseOrganisation } = ui;

  it('Sofie starts a review, revokes a right with a reason and sets the interval', async () => {
    const token = await ui.stack.token('82110524249');
    const api = async (path: string, body: unknown) => {
      const res = await fetch(`${ui.stack.url}/api/organisations/0795012394${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    };
    const today = todayInBrussels();
    const added = await api('/persons', { nationalNumber: '90041812490' });
    expect(added.status).toBe(201);
    const emmaId = added.body.personId;
    expect(
      (
        await api(`/persons/${emmaId}/work-relationship`, {
          category: 'Vaste medewerker',
          startDate: today,
          endDate: addDays(today, 365),
          phone: '+3212345678',
          email: 'emma@example.be',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await api(`/persons/${emmaId}/rights`, {
          right: 'VLAIO Inkom Gebruiker Nieuw',
          profiles: ['Gebruiker'],
          startDate: today,
          endDate: addDays(today, 200),
        })
      ).status,
    ).toBe(201);

    await open('/', /Sofie Janssens/);
    await chooseOrganisation(/Adviesbureau Voorbeeld BV/);
    await ui.page.getByRole('link', { name: 'Toegangsreview' }).click();
    await expect.poll(() => h1().textContent()).toBe('Toegangsreview');
    await ui.page.getByRole('button', { name: 'Start een toegangsreview' }).click();
    await ui.page.getByRole('button', { name: 'Ja, start de toegangsreview' }).click();
    const table = ui.page.getByRole('table', { name: 'Gebruikersrechten in de toegangsreview' });
    await table.getByText('Emma Willems (90.04.18-***.**)').waitFor();
    expect(await table.textContent()).toContain('Nooit');
    await screen('review');

    // Revoking needs a reason: without one, the API's message; with one, the line is answered.
    await ui.page.getByRole('button', { name: 'Intrekken: Emma Willems' }).click();
    await ui.page.getByRole('dialog').getByRole('button', { name: 'Trek in' }).click();
    await ui.page.getByText('Geef een reden op om in te trekken.').waitFor();
    await ui.page.getByLabel('Reden').fill('Werkt niet meer met de kmo-portefeuille');
    await ui.page.getByRole('dialog').getByRole('button', { name: 'Trek in' }).click();
    await table.getByText(/Ingetrokken door Sofie Janssens: Werkt niet meer/).waitFor();
    await ui.page.getByText('Emma Willems: ingetrokken.').waitFor();
    await screen('review-answered');

    // The settings: a wrong interval gets the API's message, a right one is saved.
    await ui.page.getByLabel('Interval in maanden (3 tot 24)').fill('2');
    await ui.page.getByRole('button', { name: 'Bewaar' }).click();
    await ui.page.getByText('Minstens 3 maanden.').waitFor();
    await ui.page.getByLabel('Interval in maanden (3 tot 24)').fill('6');
    await ui.page.getByLabel('Onbeantwoorde rechten bij de sluiting').selectOption('revoke');
    await ui.page.getByRole('button', { name: 'Bewaar' }).click();
    await ui.page.getByText(/Bewaard. De volgende toegangsreview start op/).waitFor();

    // Mijn taken: the task points at the page.
    await open('/o/0795012394/taken');
    await ui.page.getByText(/Toegangsreview: bevestig of de gebruikersrechten/).waitFor();
    await ui.page.getByRole('link', { name: 'Naar de toegangsreview' }).click();
    await expect.poll(() => h1().textContent()).toBe('Toegangsreview');
  });

  it('raised no console errors and no Content-Security-Policy violations but the two refusals asked for', () => {
    // The browser logs every 4xx answer: the revoke without a reason and the interval of 2, both 400.
    const unexpected = ui.problems.filter((p) => !p.includes('status of 400'));
    expect(unexpected).toEqual([]);
    expect(ui.problems).toHaveLength(2);
  });
});
