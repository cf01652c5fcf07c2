/**
 * *Helpdesk* in a real browser: Hilde (helpdesk group) logs in with eID, goes from the organisation list
 * to the helpdesk, looks up Boekhouding Test NV with a ticket number, sees its local administrator,
 * legal representatives and persons, opens Tom read only and checks his access; Marc then finds her
 * reads, with the ticket, in the organisation's history. Screenshots with an axe-core check.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/ui.ts';

describe('the helpdesk in the browser', () => {
  const ui = useBrowserSession();
  const { screen, h1, open } = ui;

  it('Hilde looks up an enterprise for a ticket, reads a person and the access check; all of it logged', async () => {
    await open('/', /Hilde Peeters/);
    await ui.page.getByRole('link', { name: 'Naar de helpdesk' }).click();
    await expect.poll(() => h1().textContent()).toBe('Helpdesk');
    await ui.page.getByLabel('Ondernemingsnummer').fill('0812.345.603');
    await ui.page.getByLabel('Ticketnummer').fill('INC-2026-0042');
    await ui.page.getByRole('button', { name: 'Zoek', exact: true }).click();
    await ui.page.getByRole('heading', { name: /Boekhouding Test NV/ }).waitFor();
    expect(await ui.page.locator('main').textContent()).toContain('Marc Peeters');
    const persons = ui.page.getByRole('table', { name: 'Personen' });
    expect(await persons.textContent()).toContain('77.09.15-***.**');
    expect(await persons.textContent()).not.toContain('77091503135');
    await screen('helpdesk-organisation');

    await ui.page.getByRole('button', { name: 'Bekijk Tom Wouters' }).click();
    await ui.page.getByRole('heading', { name: /alleen lezen/ }).waitFor();
    // Read only: no button that changes anything.
    for (const action of ['Bewerk', 'Pauzeer', 'Verwijder', 'Ken gebruikersrecht toe'])
      expect(await ui.page.getByRole('button', { name: action }).count(), action).toBe(0);
    await ui.page.getByRole('button', { name: 'Controleer toegang' }).click();
    await ui.page.getByText('Toegang: het recht en het profiel gelden vandaag.').waitFor();
    await ui.page.getByLabel('Profiel').fill('Gebruiker');
    await ui.page.getByRole('button', { name: 'Controleer toegang' }).click();
    await ui.page.getByText('Geen toegang: de persoon heeft het recht, maar niet met dit profiel.').waitFor();
    await screen('helpdesk-person');

    // Marc, local administrator of Boekhouding, sees who from the helpdesk looked and for which ticket.
    const token = await ui.stack.token('68012307786');
    const res = await fetch(`${ui.stack.url}/api/organisations/0812345603/audit?action=helpdesk`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const items = (await res.json()).items as { actor: { name: string }; reason: string }[];
    expect(items).toHaveLength(4);
    for (const e of items)
      expect(e).toMatchObject({
        actor: { name: 'Hilde Peeters (helpdesk)' },
        reason: 'Ticket INC-2026-0042',
      });
  });

  it('raised no console errors and no Content-Security-Policy violations', () => {
    expect(ui.problems).toEqual([]);
  });
});
