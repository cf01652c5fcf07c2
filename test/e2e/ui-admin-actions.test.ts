/**
 * The administrators' actions in a real browser (Debian's Chromium) against the local stack: Emma asks
 * access on the portal page; Sofie approves the task in *Mijn Taken*, giving the work relationship; the
 * workflow grants the right; Sofie pauses Emma's work relationship (the rights show as suspended) and
 * resumes it; Emma's portal page shows access. Then Lotte, legal representative of 1001.234.592,
 * appoints Lucas as local administrator. Each new screen: a screenshot (test-results/ui-*.png) and an
 * axe-core check without serious or critical violations.
 */
import { describe, expect, it } from 'vitest';
import { loginViaEid, tabTo, useBrowserSession } from '../support/ui.ts';

describe('administrators act in the browser', () => {
  const ui = useBrowserSession();
  const { screen, h1, dialog, summary, logout, open, chooseOrganisation, atWidth, fitsWidth } = ui;

  it('Emma asks access to 0795.012.394 on the portal page', async () => {
    await open('/portaal/toegang?onderneming=0795012394', /Emma Willems/);
    await expect.poll(() => h1().textContent()).toBe('Uw toegang tot het platform');
    await ui.page.getByText('U heeft nog geen toegang voor Adviesbureau Voorbeeld BV').waitFor();
    await ui.page.getByLabel('Reden van uw aanvraag').fill('Ik dien de kmo-portefeuille in voor klanten.');
    await ui.page.getByRole('button', { name: 'Vraag toegang aan' }).click();
    await ui.page.getByText('Uw aanvraag is verstuurd').waitFor();
    await logout();
  });

  it('Sofie approves the task in Mijn Taken, giving the work relationship', async () => {
    await loginViaEid(ui.page, /Sofie Janssens/);
    await chooseOrganisation(/Adviesbureau Voorbeeld BV/);
    await ui.page.getByRole('heading', { name: 'Mijn Taken' }).waitFor();
    const task = ui.page.locator('.task').filter({ hasText: 'Emma Willems' });
    await task.waitFor();
    await task.getByRole('button', { name: /^Keur goed/ }).click();
    await dialog().getByRole('heading', { name: 'Keur de aanvraag van Emma Willems goed' }).waitFor();
    // Without the relationship and the reason, the contracts say what is missing.
    await dialog().getByRole('button', { name: 'Keur goed' }).click();
    await expect
      .poll(() => summary().textContent())
      .toContain('Reden: Geef een reden op voor uw beslissing.');
    await screen('task-approve-error');

    await dialog()
      .getByRole('button', { name: /Categorie/ })
      .click();
    await ui.page.getByRole('option', { name: 'Vaste Medewerker' }).click();
    await dialog().getByLabel('Telefoonnummer (bv. +3212345678)').fill('+32 12 34 56 78');
    await dialog().getByLabel('E-mailadres').fill('emma.willems@example.be');
    await dialog().getByLabel('Reden').fill('Nieuwe dienstverlener kmo-portefeuille');
    await dialog().getByRole('button', { name: 'Keur goed' }).click();
    await ui.page.getByText('De aanvraag van Emma Willems is goedgekeurd.').waitFor();
    await ui.stack.workflows.idle();
    await open('/o/0795012394/taken');
    await expect.poll(() => h1().textContent()).toBe('Mijn Taken');
    await ui.page.getByText('U heeft momenteel geen openstaande taken').waitFor();
    await screen('tasks');
  });

  it('pauses Emma’s work relationship (rights suspended) and resumes it', async () => {
    await open('/o/0795012394/personen?zoek=emma');
    await ui.page.getByRole('link', { name: 'Willems Emma' }).click();
    const row = ui.page.getByRole('row', { name: /VLAIO Inkom Gebruiker Nieuw/ });
    await expect.poll(() => row.textContent()).toContain('Actief');

    await ui.page.getByRole('button', { name: 'Pauzeer werkrelatie' }).click();
    await dialog().getByRole('button', { name: 'Pauzeer' }).click();
    await expect.poll(() => summary().textContent()).toContain('Geef een reden op voor de pauze.');
    await dialog().getByLabel('Reden').fill('Ouderschapsverlof');
    await screen('person-pause');
    await dialog().getByRole('button', { name: 'Pauzeer' }).click();
    await ui.page.getByText('De werkrelatie van Emma Willems is gepauzeerd').waitFor();
    await expect.poll(() => row.textContent()).toContain('Gepauzeerd');
    await expect.poll(() => ui.page.locator('.relationship-card').textContent()).toContain('Gepauzeerd');
    await screen('person-paused');

    // Resuming with the keyboard only: Tab to the button, Enter; focus is kept inside the dialog.
    await ui.page.getByRole('heading', { level: 1 }).focus();
    await tabTo(ui.page, /^Hervat werkrelatie$/);
    await ui.page.keyboard.press('Enter');
    await dialog().waitFor();
    await tabTo(ui.page, /^Hervat$/, 10);
    await ui.page.keyboard.press('Enter');
    await ui.page.getByText('De werkrelatie van Emma Willems is hervat').waitFor();
    await expect.poll(() => row.textContent()).toContain('Actief');
    await ui.page.getByRole('button', { name: 'Pauzeer werkrelatie' }).waitFor();

    // The delete dialog names the rights it will revoke, and acts only after a reason.
    await ui.page.getByRole('button', { name: 'Verwijder werkrelatie' }).click();
    expect(await dialog().textContent()).toContain('VLAIO Inkom Gebruiker Nieuw');
    await screen('person-delete-confirm');
    await dialog().getByRole('button', { name: 'Annuleer' }).click();
    await expect.poll(() => dialog().count()).toBe(0);

    await atWidth(360, async () => {
      await ui.page.getByRole('button', { name: 'Bewerk werkrelatie' }).click();
      await dialog().getByLabel('E-mailadres').waitFor();
      await fitsWidth();
      await screen('person-edit-360');
      await ui.page.keyboard.press('Escape');
    });
    await logout();
  });

  it('Emma’s portal page shows access', async () => {
    await open('/portaal/toegang?onderneming=0795012394', /Emma Willems/);
    await expect.poll(() => h1().textContent()).toBe('Uw toegang tot het platform');
    await ui.page.getByLabel('Ondernemingsnummer').fill('0795.012.394');
    await ui.page.getByRole('button', { name: 'Controleer mijn toegang' }).click();
    await ui.page.getByRole('status').filter({ hasText: 'U heeft toegang' }).waitFor();
    await logout();
  });

  it('Lotte, legal representative of 1001.234.592, appoints Lucas as local administrator', async () => {
    await open('/', /Lotte Maes/);
    await chooseOrganisation(/Consultancy Nieuw BV/);
    await expect.poll(() => h1().textContent()).toBe('Lokale beheerders');
    await ui.page.getByText('Er is nog geen lokale beheerder aangesteld.').waitFor();
    await screen('local-admins-empty');

    const number = ui.page.getByLabel('Rijksregisternummer / BIS-nummer');
    await number.fill('01073003338');
    await ui.page.getByText('De controlecijfers van het rijksregisternummer kloppen niet.').waitFor();
    await ui.page.getByRole('button', { name: 'Duid aan als lokale beheerder' }).click();
    await expect.poll(() => summary().textContent()).toContain('Rijksregisternummer / BIS-nummer:');
    await number.fill('01073003339');
    await ui.page.getByRole('button', { name: 'Duid aan als lokale beheerder' }).click();
    await ui.page.getByText('Lucas De Smet is nu lokale beheerder.').waitFor();
    await ui.page.getByRole('row', { name: /Lucas De Smet/ }).waitFor();
    await screen('local-admins');
  });

  it('raised no console errors and no Content-Security-Policy violations', () => {
    expect(ui.problems).toEqual([]);
  });
});
