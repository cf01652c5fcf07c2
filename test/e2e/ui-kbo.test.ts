/**
 * What the KBO changed, in a real browser against the local stack on 2 April 2031, after that day's KBO
 * follow: Adviesbureau's legal representative is now Emma (Pieter left on 31 December 2030), so she is
 * asked to confirm Sofie, whom Pieter appointed, and keeps her; Boekhouding stopped on 1 April 2031, so
 * Marc sees the banner (why the relationships are paused) and the KBO history. Screenshots to
 * test-results/ui-kbo-*.png and an axe-core check on each.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/ui.ts';

describe('the KBO’s changes in the browser', () => {
  const ui = useBrowserSession({ today: '2031-04-02' });
  const { screen, h1, dialog, open, chooseOrganisation } = ui;

  beforeAll(async () => {
    await ui.stack.workflows.runKbo({});
  }, 60_000);

  it('Emma, the new legal representative, is asked to confirm Sofie and keeps her', async () => {
    await open('/', /Emma Willems/);
    await chooseOrganisation(/Adviesbureau Voorbeeld BV/);
    await expect.poll(() => h1().textContent()).toBe('Lokale beheerders');
    const tasks = ui.page.getByRole('region', { name: 'Taken voor de wettelijk vertegenwoordigers' });
    await tasks.getByText(/Bevestig lokale beheerder: Sofie Janssens/).waitFor();
    await screen('kbo-confirm-task');
    await tasks.getByRole('button', { name: /^Behouden: Bevestig lokale beheerder/ }).click();
    await dialog().getByRole('heading', { name: 'Behoud Sofie Janssens als lokale beheerder' }).waitFor();
    // The reason is asked, with the contract's own message.
    await dialog().getByRole('button', { name: 'Behouden' }).click();
    await dialog().locator('.error-summary').waitFor();
    await dialog().getByLabel('Reden').fill('Sofie blijft onze lokale beheerder.');
    await dialog().getByRole('button', { name: 'Behouden' }).click();
    await ui.page.getByRole('status').getByText('Sofie Janssens blijft lokale beheerder.').waitFor();
    await expect.poll(() => tasks.count()).toBe(0);
    const row = ui.page
      .getByRole('table', { name: 'Lokale beheerders' })
      .getByRole('row', { name: /Sofie Janssens/ });
    expect(await row.textContent()).toContain('Emma Willems');
    await ui.logout();
  });

  it('Marc sees that Boekhouding is stopped, with the reason its relationships are paused, and the KBO history', async () => {
    await open('/', /Marc Peeters/);
    await chooseOrganisation(/Boekhouding Test NV/);
    await ui.page.getByRole('link', { name: 'Lokale beheerders' }).first().click();
    await expect.poll(() => h1().textContent()).toBe('Lokale beheerders');
    const banner = ui.page.locator('.notice').filter({ hasText: 'Stopgezet in de KBO' }).first();
    await banner.waitFor();
    expect(await banner.textContent()).toContain('sinds 01/04/2031');
    await ui.page.getByRole('heading', { name: 'Wijzigingen in de KBO' }).waitFor();
    await screen('kbo-stopped');
  });

  it('raised no console errors and no Content-Security-Policy violations', () => {
    expect(ui.problems).toEqual([]);
  });
});
