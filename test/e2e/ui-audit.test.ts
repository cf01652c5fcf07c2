/**
 * *Historiek organisatie* in a real browser: Sofie adds Emma (a change in the organisation), opens the
 * page from the home page, filters by kind of action, and downloads the CSV for Excel. Screenshot to
 * test-results/ui-audit.png with an axe-core check.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { addDays } from '#lib/domain/period';
import { todayInBrussels, useBrowserSession } from '../support/ui.ts';

describe('the organisation’s audit trail in the browser', () => {
  const ui = useBrowserSession();
  const { screen, h1, open, chooseOrganisation } = ui;

  it('Sofie sees every change, filters it and downloads it as CSV', async () => {
    // A change first: Emma added through the API as Sofie.
    const token = await ui.stack.token('82110524249');
    const added = await fetch(`${ui.stack.url}/api/organisations/0795012394/persons`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ nationalNumber: '90041812490', reason: 'Nieuwe medewerker' }),
    });
    expect(added.status).toBe(201);

    await open('/', /Sofie Janssens/);
    await chooseOrganisation(/Adviesbureau Voorbeeld BV/);
    await ui.page.getByRole('link', { name: 'Historiek organisatie' }).click();
    await expect.poll(() => h1().textContent()).toBe('Historiek organisatie');
    await ui.page.getByRole('button', { name: 'Toon', exact: true }).click();
    const table = ui.page.getByRole('table', { name: 'Historiek organisatie' });
    await table.getByText('Persoon toegevoegd').first().waitFor();
    expect(await table.textContent()).toContain('Emma Willems (90.04.18-***.**)');
    expect(await table.textContent()).not.toContain('90041812490');
    await screen('audit');

    await ui.page.getByLabel('Soort wijziging').selectOption('local-admin');
    await ui.page.getByRole('button', { name: 'Toon', exact: true }).click();
    await ui.page.getByText('Geen wijzigingen in deze selectie.').waitFor();

    await ui.page.getByLabel('Soort wijziging').selectOption('');
    const [download] = await Promise.all([
      ui.page.waitForEvent('download'),
      ui.page.getByRole('button', { name: 'Download als CSV (Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('historiek-0795012394.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFDatum;Tijd;Door;Actie;')).toBe(true);
    expect(csv).toContain(';Persoon toegevoegd;person.added;Emma Willems;90.04.18-***.**;');
  });

  it('Sofie sees beside the catalogue who holds a right today, and nobody the day before it was granted', async () => {
    const token = await ui.stack.token('82110524249');
    const api = (path: string, body: unknown) =>
      fetch(`${ui.stack.url}/api/organisations/0795012394${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const list = await fetch(`${ui.stack.url}/api/organisations/0795012394/persons?search=emma`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const emmaId = (await list.json()).items[0].personId;
    const today = todayInBrussels();
    const linked = await api(`/persons/${emmaId}/work-relationship`, {
      category: 'Vaste medewerker',
      startDate: today,
      endDate: addDays(today, 365),
      phone: '+3212345678',
      email: 'emma@example.be',
    });
    expect(linked.status).toBe(201);
    const granted = await api(`/persons/${emmaId}/rights`, {
      right: 'VLAIO Inkom Gebruiker Nieuw',
      profiles: ['Gebruiker'],
      startDate: today,
      endDate: addDays(today, 200),
    });
    expect(granted.status).toBe(201);

    await open('/o/0795012394/rechten');
    await expect.poll(() => h1().textContent()).toBe('Gebruikersrechten');
    await ui.page.getByRole('button', { name: 'Toon houders' }).click();
    const holders = ui.page.getByRole('table', { name: /Houders van VLAIO Inkom Gebruiker Nieuw/ });
    await holders.getByText('Emma Willems').waitFor();
    expect(await holders.textContent()).toContain('90.04.18-***.**');
    expect(await holders.textContent()).toContain('Gebruiker');
    await ui.page.getByText('1 persoon had VLAIO Inkom Gebruiker Nieuw').waitFor();
    await screen('right-holders');

    await ui.page.getByLabel('Op dag (leeg: vandaag)').fill(addDays(today, -1));
    await ui.page.getByRole('button', { name: 'Toon houders' }).click();
    await ui.page.getByText(/Niemand had VLAIO Inkom Gebruiker Nieuw op/).waitFor();
  });

  it('raised no console errors and no Content-Security-Policy violations', () => {
    expect(ui.problems).toEqual([]);
  });
});
