/**
 * The administrators' actions in a real browser (Debian's Chromium) against the local stack: Emma asks
 * access on the portal page; Sofie approves the task in *Mijn taken*, giving the work relationship; the
 * workflow grants the right; Sofie pauses Emma's work relationship (the rights show as suspended) and
 * resumes it; Emma's portal page shows access. Then Lotte, legal representative of 1001.234.592,
 * appoints Lucas as local administrator. Each new screen: a screenshot (test-results/ui-*.png) and an
 * axe-core check without serious or critical violations.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type TestBrowser } from '../support/browser.ts';
import { startTestStack } from '../support/stack.ts';
import {
  ensureWebBuilt,
  horizontalOverflow,
  loginViaEid,
  seriousViolations,
  tabTo,
  watchConsole,
} from '../support/ui.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

describe('administrators act in the browser', () => {
  let stack: Stack;
  let browser: TestBrowser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    await ensureWebBuilt({ quiet: true });
    stack = await startTestStack();
    browser = await launchChromium();
    page = await browser.newPage();
    problems = watchConsole(page);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const screen = async (name: string) => {
    await browser.screenshot(page, `ui-${name}`);
    expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  };
  const h1 = () => page.getByRole('heading', { level: 1 });
  const dialog = () => page.getByRole('dialog');
  const summary = () => page.locator('.error-summary');
  const logout = async () => {
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('button', { name: 'Ja, afmelden' }).click();
    await expect.poll(() => h1().textContent()).toBe('Welkom bij Gebruikersbeheer');
  };

  it('Emma asks access to 0795.012.394 on the portal page', async () => {
    await page.goto(`${stack.url}/portaal/toegang?onderneming=0795012394`);
    await loginViaEid(page, /Emma Willems/);
    await expect.poll(() => h1().textContent()).toBe('Uw toegang tot het platform');
    await page.getByText('U heeft nog geen toegang voor Adviesbureau Voorbeeld BV').waitFor();
    await page.getByLabel('Reden van uw aanvraag').fill('Ik dien de kmo-portefeuille in voor klanten.');
    await page.getByRole('button', { name: 'Vraag toegang aan' }).click();
    await page.getByText('Uw aanvraag is verstuurd').waitFor();
    await logout();
  });

  it('Sofie approves the task in Mijn taken, giving the work relationship', async () => {
    await loginViaEid(page, /Sofie Janssens/);
    await page.getByRole('button', { name: /Adviesbureau Voorbeeld BV/ }).click();
    await page.getByRole('heading', { name: 'Mijn taken' }).waitFor();
    const task = page.locator('.task').filter({ hasText: 'Emma Willems' });
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
    await page.getByRole('option', { name: 'Vaste medewerker' }).click();
    await dialog().getByLabel('Telefoonnummer (bv. +3212345678)').fill('+32 12 34 56 78');
    await dialog().getByLabel('E-mailadres').fill('emma.willems@example.be');
    await dialog().getByLabel('Reden').fill('Nieuwe dienstverlener kmo-portefeuille');
    await dialog().getByRole('button', { name: 'Keur goed' }).click();
    await page.getByText('De aanvraag van Emma Willems is goedgekeurd.').waitFor();
    await stack.workflows.idle();
    await page.goto(`${stack.url}/o/0795012394/taken`);
    await expect.poll(() => h1().textContent()).toBe('Mijn taken');
    await page.getByText('U heeft momenteel geen openstaande taken').waitFor();
    await screen('tasks');
  });

  it('pauses Emma’s work relationship (rights suspended) and resumes it', async () => {
    await page.goto(`${stack.url}/o/0795012394/personen?zoek=emma`);
    await page.getByRole('link', { name: 'Willems Emma' }).click();
    const row = page.getByRole('row', { name: /VLAIO Inkom Gebruiker Nieuw/ });
    await expect.poll(() => row.textContent()).toContain('Actief');

    await page.getByRole('button', { name: 'Pauzeer werkrelatie' }).click();
    await dialog().getByRole('button', { name: 'Pauzeer' }).click();
    await expect.poll(() => summary().textContent()).toContain('Geef een reden op voor de pauze.');
    await dialog().getByLabel('Reden').fill('Ouderschapsverlof');
    await screen('person-pause');
    await dialog().getByRole('button', { name: 'Pauzeer' }).click();
    await page.getByText('De werkrelatie van Emma Willems is gepauzeerd').waitFor();
    await expect.poll(() => row.textContent()).toContain('Gepauzeerd');
    await expect.poll(() => page.locator('.relationship-card').textContent()).toContain('Gepauzeerd');
    await screen('person-paused');

    // Resuming with the keyboard only: Tab to the button, Enter; focus is kept inside the dialog.
    await page.getByRole('heading', { level: 1 }).focus();
    await tabTo(page, /^Hervat werkrelatie$/);
    await page.keyboard.press('Enter');
    await dialog().waitFor();
    await tabTo(page, /^Hervat$/, 10);
    await page.keyboard.press('Enter');
    await page.getByText('De werkrelatie van Emma Willems is hervat').waitFor();
    await expect.poll(() => row.textContent()).toContain('Actief');
    await page.getByRole('button', { name: 'Pauzeer werkrelatie' }).waitFor();

    // The delete dialog names the rights it will revoke, and acts only after a reason.
    await page.getByRole('button', { name: 'Verwijder werkrelatie' }).click();
    expect(await dialog().textContent()).toContain('VLAIO Inkom Gebruiker Nieuw');
    await screen('person-delete-confirm');
    await dialog().getByRole('button', { name: 'Annuleer' }).click();
    await expect.poll(() => dialog().count()).toBe(0);

    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByRole('button', { name: 'Bewerk werkrelatie' }).click();
    await dialog().getByLabel('E-mailadres').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screen('person-edit-360');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 900 });
    await logout();
  });

  it('Emma’s portal page shows access', async () => {
    await page.goto(`${stack.url}/portaal/toegang?onderneming=0795012394`);
    await loginViaEid(page, /Emma Willems/);
    await expect.poll(() => h1().textContent()).toBe('Uw toegang tot het platform');
    await page.getByLabel('Ondernemingsnummer').fill('0795.012.394');
    await page.getByRole('button', { name: 'Controleer mijn toegang' }).click();
    await page.getByRole('status').filter({ hasText: 'U heeft toegang' }).waitFor();
    await logout();
  });

  it('Lotte, legal representative of 1001.234.592, appoints Lucas as local administrator', async () => {
    await page.goto(`${stack.url}/`);
    await loginViaEid(page, /Lotte Maes/);
    await page.getByRole('button', { name: /Consultancy Nieuw BV/ }).click();
    await expect.poll(() => h1().textContent()).toBe('Lokale beheerders');
    await page.getByText('Er is nog geen lokale beheerder aangesteld.').waitFor();
    await screen('local-admins-empty');

    const number = page.getByLabel('Rijksregisternummer / BIS-nummer');
    await number.fill('01073003338');
    await page.getByText('De controlecijfers van het rijksregisternummer kloppen niet.').waitFor();
    await page.getByRole('button', { name: 'Duid aan als lokale beheerder' }).click();
    await expect.poll(() => summary().textContent()).toContain('Rijksregisternummer / BIS-nummer:');
    await number.fill('01073003339');
    await page.getByRole('button', { name: 'Duid aan als lokale beheerder' }).click();
    await page.getByText('Lucas De Smet is nu lokale beheerder.').waitFor();
    await page.getByRole('row', { name: /Lucas De Smet/ }).waitFor();
    await screen('local-admins');
  });

  it('raised no console errors and no Content-Security-Policy violations', () => {
    expect(problems).toEqual([]);
  });
});
