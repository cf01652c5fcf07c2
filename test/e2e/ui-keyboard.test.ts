/**
 * The seed story's flows with the keyboard only (Tab, Enter, Space, the arrow keys), in Debian's Chromium
 * against the local stack: logging in through the ACM-style screens, Emma asking access on the portal
 * page, Sofie approving it in Mijn taken with the work relationship, Lotte (legal representative)
 * appointing Lucas as local administrator, and logging out. Adding, linking and granting with the keyboard
 * is in ui-seed-story.test.ts. Opening an address is the only thing not done by key: it is what a link in
 * an e-mail or a bookmark does.
 */
import { describe, expect, it } from 'vitest';
import { focusedName, tabTo, useBrowserSession } from '../support/ui.ts';

describe('the seed story with the keyboard only', () => {
  const ui = useBrowserSession();
  const { screen, h1 } = ui;
  const press = (key: string) => ui.page.keyboard.press(key);
  const type = (text: string) => ui.page.keyboard.type(text);
  const focusedType = () => ui.page.evaluate('document.activeElement?.type ?? ""') as Promise<string>;

  /** From a page with an Aanmelden button: the eID stand-in, the person chosen with the arrow keys. */
  async function login(person: RegExp, button: RegExp = /^Aanmelden$/) {
    const origin = new URL(ui.page.url()).origin;
    await tabTo(ui.page, button);
    await press('Enter');
    await ui.page.waitForURL((url) => url.pathname.startsWith('/idp/'));
    await tabTo(ui.page, /eID en aangesloten kaartlezer$/);
    await press('Enter');
    await ui.page.getByRole('radio').first().waitFor();
    // Tab into the group of persons, then the arrows move the choice, as in any radio group.
    for (let i = 0; i < 40 && (await focusedType()) !== 'radio'; i++) await press('Tab');
    expect(await focusedType()).toBe('radio');
    for (let i = 0; i < 20 && !person.test(await focusedName(ui.page)); i++) await press('ArrowDown');
    expect(await focusedName(ui.page)).toMatch(person);
    if (!(await ui.page.evaluate('document.activeElement.checked'))) await press('Space');
    await tabTo(ui.page, /^Aanmelden$/);
    await press('Enter');
    await ui.page.waitForURL(
      (url) => url.origin === origin && !url.pathname.startsWith('/idp') && url.pathname !== '/auth/callback',
    );
  }

  async function logout() {
    await h1().focus();
    await tabTo(ui.page, /^Afmelden$/);
    await press('Enter');
    // The identity provider asks to confirm, on its own page.
    await ui.page.getByRole('button', { name: 'Ja, afmelden' }).waitFor();
    await tabTo(ui.page, /^Ja, afmelden$/, 10);
    await press('Enter');
    await expect.poll(() => h1().textContent()).toBe('Welkom bij Gebruikersbeheer');
  }

  it('Emma logs in and asks access to 0795.012.394 on the portal page', async () => {
    await ui.page.goto(`${ui.stack.url}/portaal/toegang?onderneming=0795012394`);
    await login(/Emma Willems/);
    await expect.poll(() => h1().textContent()).toBe('Uw toegang tot het platform');
    await ui.page.getByText('U heeft nog geen toegang voor Adviesbureau Voorbeeld BV').waitFor();
    await tabTo(ui.page, /^Reden van uw aanvraag/);
    await type('Ik dien de kmo-portefeuille in voor klanten.');
    await tabTo(ui.page, /^Vraag toegang aan$/);
    await press('Enter');
    await ui.page.getByText('Uw aanvraag is verstuurd').waitFor();
    await screen('keyboard-portal-request');
    await logout();
  });

  it('Sofie approves the request in Mijn taken, giving the work relationship', async () => {
    await login(/Sofie Janssens/);
    await tabTo(ui.page, /Adviesbureau Voorbeeld BV/);
    await press('Enter');
    await ui.page.getByRole('heading', { name: /^Mijn taken$/i }).waitFor();
    await ui.page.locator('.task').filter({ hasText: 'Emma Willems' }).waitFor();
    await tabTo(ui.page, /^Keur goed/);
    await press('Enter');
    const dialog = ui.page.getByRole('dialog');
    await dialog.getByRole('heading', { name: 'Keur de aanvraag van Emma Willems goed' }).waitFor();
    await tabTo(ui.page, /Categorie/, 20);
    await press('Enter');
    await ui.page.getByRole('option', { name: /^Vaste medewerker$/i }).waitFor();
    await press('Enter');
    await expect
      .poll(() => dialog.getByRole('button', { name: /Categorie/ }).textContent())
      .toMatch(/Vaste medewerker/i);
    await tabTo(ui.page, /^Telefoonnummer/, 20);
    await type('+32 12 34 56 78');
    await tabTo(ui.page, /^E-mailadres/, 20);
    await type('emma.willems@example.be');
    await tabTo(ui.page, /^Reden/, 20);
    await type('Nieuwe dienstverlener kmo-portefeuille');
    await screen('keyboard-task-approve');
    await tabTo(ui.page, /^Keur goed$/, 20);
    await press('Enter');
    await ui.page.getByText('De aanvraag van Emma Willems is goedgekeurd.').waitFor();
    await ui.stack.workflows.idle();
    await logout();
  });

  it('Lotte appoints Lucas as local administrator of 1001.234.592', async () => {
    await login(/Lotte Maes/);
    await tabTo(ui.page, /Consultancy Nieuw BV/);
    await press('Enter');
    await expect.poll(() => h1().textContent()).toBe('Lokale beheerders');
    await tabTo(ui.page, /^Rijksregisternummer \/ BIS/);
    await type('01073003339');
    await tabTo(ui.page, /^Duid aan als lokale beheerder$/);
    await press('Enter');
    await ui.page.getByText('Lucas De Smet is nu lokale beheerder.').waitFor();
    await ui.page.getByRole('row', { name: /Lucas De Smet/ }).waitFor();
    await screen('keyboard-local-admin');
    await logout();
  });

  it('raised no console errors and no Content-Security-Policy violations', () => {
    expect(ui.problems).toEqual([]);
  });
});
