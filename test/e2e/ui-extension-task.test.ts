/**
 * The extension task (*Verlengen?*) in a real browser against the local stack, on 1 November 2029:
 * Tom's right *VLAIO Inkom Gebruiker Nieuw* at Boekhouding Test NV ends on 31/12/2029, so the expiry
 * sweep of that day (60 days before) opens a task. Marc, its local administrator, finds it in *Mijn
 * taken*, is told what is missing and what is too long, extends with a new end date for the work
 * relationship, and sees the task go and the new dates on Tom's page. Screenshots to
 * test-results/ui-*.png and an axe-core check on each new screen.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserSession } from '../support/ui.ts';

const TODAY = '2029-11-01';

describe('the extension task in the browser', () => {
  const ui = useBrowserSession({ today: TODAY });
  const { screen, h1, dialog, summary, fieldError, open, chooseOrganisation } = ui;
  const task = () => ui.page.locator('.task').filter({ hasText: 'Tom Wouters' });

  it('the sweep of 01/11/2029 opens Verlengen? for Tom’s right; Marc sees it in Mijn taken', async () => {
    await ui.stack.workflows.runExpiry({ date: TODAY });
    await open('/', /Marc Peeters/);
    await chooseOrganisation(/Boekhouding Test NV/);
    await ui.page.getByRole('heading', { name: 'Mijn Taken' }).waitFor();
    await expect
      .poll(() => task().getByRole('heading').textContent())
      .toBe('Verlengen? Gebruikersrecht VLAIO Inkom Gebruiker Nieuw van Tom Wouters loopt af op 31/12/2029');
    expect(await task().textContent()).toContain('Dienstverlener kmo-portefeuille');
    await screen('task-extension');
  });

  it('asks a reason and refuses a relationship longer than 10 years, on the field', async () => {
    await task()
      .getByRole('button', { name: /^Verleng: Verlengen\?/ })
      .click();
    await dialog().getByRole('heading', { name: 'Verleng voor Tom Wouters' }).waitFor();
    const end = dialog().getByLabel('Nieuwe einddatum van de werkrelatie (dd/mm/jjjj)');
    expect(await end.inputValue()).toBe('');
    await dialog().getByRole('button', { name: 'Verleng' }).click();
    await expect
      .poll(() => summary().textContent())
      .toContain('Reden: Geef een reden op voor uw beslissing.');

    // Ten years from today end on 31/10/2039 (both days count): one day more is refused by the API, next to the field.
    await end.fill('01/11/2039');
    await dialog().getByLabel('Reden').fill('Tom blijft de dossiers kmo-portefeuille opvolgen.');
    await dialog().getByRole('button', { name: 'Verleng' }).click();
    await expect.poll(() => fieldError('endDate').textContent()).toContain('10 jaar');
    expect(await summary().textContent()).toContain('Nieuwe einddatum van de werkrelatie:');
    expect(await end.getAttribute('aria-invalid')).toBe('true');
    await screen('task-extension-error');
  });

  it('extends to 31/12/2036: the task goes, Tom’s page shows the new end dates', async () => {
    const end = dialog().getByLabel('Nieuwe einddatum van de werkrelatie (dd/mm/jjjj)');
    await end.fill('31/12/2036');
    await dialog().getByRole('button', { name: 'Verleng' }).click();
    await ui.page
      .getByText('De werkrelatie en de gebruikersrechten van Tom Wouters zijn verlengd.')
      .waitFor();
    await ui.page.getByText('U heeft momenteel geen openstaande taken').waitFor();
    await screen('task-extension-done');

    await open('/o/0812345603/personen?zoek=tom');
    await ui.page.getByRole('link', { name: 'Wouters Tom' }).click();
    await expect.poll(() => h1().textContent()).toBe('Gegevens van gebruiker');
    // The right runs 5 years from today at most (to 31/10/2034), inside the relationship (31/12/2036).
    const row = ui.page.getByRole('row', { name: /VLAIO Inkom Gebruiker Nieuw/ });
    await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toBe('31/10/2034');
    expect(await row.textContent()).toContain('Actief');
    await expect.poll(() => ui.page.locator('.relationship-card').textContent()).toContain('tot 31/12/2036');
    await screen('task-extension-person');

    await ui.page.getByRole('tab', { name: 'Historiek' }).click();
    const history = ui.page.getByRole('list', { name: 'Historiek' });
    await expect.poll(() => history.textContent()).toContain('door Marc Peeters');
    expect(await history.textContent()).toContain('Reden: Tom blijft de dossiers kmo-portefeuille opvolgen.');
  });

  it('raised no console errors and no Content-Security-Policy violations', () => {
    // The one 422 is the API refusing the period of more than 10 years: expected.
    expect(ui.problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
    expect(ui.problems.length).toBeLessThanOrEqual(1);
  });
});
