/**
 * Removing local administrators in a real browser against the local stack: Pieter, legal
 * representative of 0795.012.394, appoints Lucas next to Sofie, removes Sofie with a reason after the
 * confirmation, and is warned before he removes Lucas, the last one; the page then says that nobody
 * manages the organisation. Screenshots to test-results/ui-*.png and an axe-core check on each new
 * screen.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/ui.ts';

describe('a legal representative removes local administrators in the browser', () => {
  const ui = useBrowserSession();
  const { screen, h1, dialog, open, chooseOrganisation } = ui;
  const names = () =>
    ui.page.getByRole('table', { name: 'Lokale beheerders' }).locator('tbody td:first-child');

  it('Pieter appoints Lucas next to Sofie', async () => {
    await open('/', /Pieter Claes/);
    await chooseOrganisation(/Adviesbureau Voorbeeld BV/);
    await expect.poll(() => h1().textContent()).toBe('Lokale beheerders');
    await expect.poll(() => names().allTextContents()).toEqual(['Sofie Janssens']);
    await ui.page.getByLabel('Rijksregisternummer / BIS-nummer').fill('01073003339');
    await ui.page.getByRole('button', { name: 'Duid aan als lokale beheerder' }).click();
    await ui.page.getByText('Lucas De Smet is nu lokale beheerder.').waitFor();
    await expect.poll(() => names().allTextContents()).toEqual(['Sofie Janssens', 'Lucas De Smet']);
  });

  it('removes Sofie with a reason, after the confirmation, without a last-administrator warning', async () => {
    await ui.page.getByRole('button', { name: 'Verwijder Sofie Janssens als lokale beheerder' }).click();
    await dialog().getByRole('heading', { name: 'Verwijder Sofie Janssens als lokale beheerder' }).waitFor();
    expect(await dialog().textContent()).toContain('Sofie Janssens kan daarna geen personen of rechten meer');
    expect(await dialog().getByText('Dit is de laatste lokale beheerder').count()).toBe(0);
    // Cancelling changes nothing.
    await dialog().getByRole('button', { name: 'Annuleer' }).click();
    await expect.poll(() => dialog().count()).toBe(0);
    expect(await names().allTextContents()).toEqual(['Sofie Janssens', 'Lucas De Smet']);

    await ui.page.getByRole('button', { name: 'Verwijder Sofie Janssens als lokale beheerder' }).click();
    await dialog().getByLabel('Reden (niet verplicht)').fill('Sofie werkt niet meer voor ons.');
    await screen('local-admin-remove');
    await dialog().getByRole('button', { name: 'Ja, verwijder' }).click();
    await ui.page
      .getByRole('status')
      .getByText('Sofie Janssens is geen lokale beheerder meer.', { exact: true })
      .waitFor();
    await expect.poll(() => names().allTextContents()).toEqual(['Lucas De Smet']);
  });

  it('warns before removing Lucas, the last one, and says so after', async () => {
    await ui.page.getByRole('button', { name: 'Verwijder Lucas De Smet als lokale beheerder' }).click();
    const warning = dialog().locator('.notice').filter({ hasText: 'Dit is de laatste lokale beheerder' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain(
      'Lucas De Smet is de enige lokale beheerder van Adviesbureau Voorbeeld BV.',
    );
    await dialog().getByLabel('Reden (niet verplicht)').fill('Lucas vertrekt; een opvolger volgt.');
    await screen('local-admin-remove-last');
    await dialog().getByRole('button', { name: 'Ja, verwijder' }).click();
    const status = ui.page.getByRole('status');
    await expect
      .poll(() => status.textContent())
      .toContain('Deze organisatie heeft nu geen lokale beheerder meer.');
    await ui.page.getByText('Er is nog geen lokale beheerder aangesteld.').waitFor();
    await screen('local-admins-none-left');
  });

  it('raised no console errors and no Content-Security-Policy violations', () => {
    expect(ui.problems).toEqual([]);
  });
});
