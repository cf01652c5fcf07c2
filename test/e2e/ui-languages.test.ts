/**
 * The UI in another language, in a real browser against the local stack: the header's switch (by
 * keyboard) turns the UI French with `<html lang>`, the choice survives a reload, is saved in the
 * person's preferences at login (so it comes back on a device that never chose), and the seed story
 * runs entirely in French: adding Emma (the contracts' field messages and the API's problems in
 * French), linking her and granting the right; the person's history in French; and back to Dutch.
 */
import { describe, expect, it } from 'vitest';
import {
  dmy,
  focusedName,
  loginViaEid,
  plusYears,
  tabTo,
  todayInBrussels,
  useBrowserSession,
} from '../support/ui.ts';

const today = todayInBrussels();
/** A valid national number the register does not know. */
const UNKNOWN_TO_REGISTER = '75010100196';

describe('the UI in French', () => {
  const ui = useBrowserSession();
  const { screen, h1, fieldError, summary, open } = ui;
  const lang = () => ui.page.evaluate('document.documentElement.lang') as Promise<string>;
  const pending = () => ui.page.evaluate("localStorage.getItem('gb.taal.nieuw')") as Promise<string | null>;

  it('switches to French with the keyboard in the header; the choice survives a reload', async () => {
    await open('/');
    await expect.poll(() => h1().textContent()).toBe('Welkom bij Gebruikersbeheer');
    expect(await lang()).toBe('nl-BE');
    const languages = ui.page.getByRole('group', { name: 'Taal' });
    expect(await languages.getByRole('button').allTextContents()).toEqual([
      'NL Nederlands',
      'FR Français',
      'EN English',
      'DE Deutsch',
    ]);
    expect(await languages.getByRole('button', { name: 'NL Nederlands' }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    await tabTo(ui.page, /^FR Français$/);
    expect(await focusedName(ui.page)).toBe('FR Français');
    await ui.page.keyboard.press('Enter');
    await expect.poll(() => h1().textContent()).toBe('Bienvenue dans Gebruikersbeheer');
    expect(await lang()).toBe('fr-BE');
    expect(await ui.page.title()).toBe('Bienvenue – Gebruikersbeheer');
    const french = ui.page.getByRole('group', { name: 'Langue' });
    expect(await french.getByRole('button', { name: 'FR Français' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
    expect(await ui.page.getByRole('button', { name: 'Se connecter' }).count()).toBeGreaterThan(0);
    await screen('start-fr');

    await ui.page.reload();
    await expect.poll(() => h1().textContent()).toBe('Bienvenue dans Gebruikersbeheer');
    expect(await lang()).toBe('fr-BE');
    // Chosen before logging in: still to be saved in the preferences.
    expect(await pending()).toBe('1');
  });

  it('keeps the choice in the preferences at login: a device that never chose shows French too', async () => {
    await loginViaEid(ui.page, /Sofie Janssens/, 'Se connecter');
    await ui.page
      .getByText('Choisissez ci-dessous pour quelle organisation vous souhaitez travailler.')
      .waitFor();
    await expect.poll(pending).toBeNull();

    // Forget the device's choice: the preferences bring French back.
    await ui.page.evaluate('localStorage.clear()');
    await ui.page.reload();
    await expect.poll(lang).toBe('fr-BE');
    await expect.poll(() => h1().textContent()).toBe('Choisissez votre organisation');
    expect(await ui.page.title()).toBe('Choisissez votre organisation – Gebruikersbeheer');
    const choice = ui.page.getByRole('button', { name: /Adviesbureau Voorbeeld BV/ });
    expect(await choice.textContent()).toContain('Numéro d’entreprise 0795.012.394');
    await screen('organisations-fr');
    await choice.click();
    await ui.page.getByRole('heading', { name: 'Mes tâches' }).waitFor();
    await ui.page.getByText('Vous n’avez actuellement aucune tâche en cours').waitFor();
    const nav = ui.page.getByRole('navigation', { name: 'Navigation principale' });
    for (const item of ['Organisation', 'Utilisateur', 'Droits d’utilisateur', 'Aide'])
      expect(await nav.getByRole('link', { name: item, exact: true }).count()).toBe(1);
    await screen('home-fr');
  });

  it('adds Emma in French: the field messages and the register’s answer in French', async () => {
    await ui.page.getByRole('link', { name: 'Ajouter une nouvelle personne' }).first().click();
    await expect.poll(() => h1().textContent()).toBe('Ajouter un utilisateur');
    await ui.page
      .getByRole('heading', { name: /^Étape 1 sur 3 : Indiquer le numéro d’identification/ })
      .waitFor();
    const number = ui.page.getByLabel('Numéro de registre national / numéro BIS');

    // The contract judges in French, as the API would.
    await number.fill('85073003329');
    await expect
      .poll(() => fieldError('nationalNumber').textContent())
      .toBe('Les chiffres de contrôle du numéro de registre national ne sont pas corrects.');
    // A number the register does not know: the API's problem, in French.
    await number.fill(UNKNOWN_TO_REGISTER);
    await ui.page.getByText('Numéro de registre national valable').waitFor();
    await ui.page.getByRole('button', { name: 'Suivant' }).click();
    await expect
      .poll(() => summary().textContent())
      .toContain('Ce numéro de registre national ou numéro BIS n’est pas connu au Registre national.');
    await screen('add-person-error-fr');

    await number.fill('90041812490');
    await ui.page.getByRole('button', { name: 'Suivant' }).click();
    await ui.page.getByRole('heading', { name: 'Étape 2 sur 3 : Compléter les détails' }).waitFor();
    const register = ui.page.getByRole('region', { name: 'Données du Registre national' });
    const text = await register.textContent();
    for (const expected of ['Prénom', 'Emma', 'Willems', 'Date de naissance', '18/04/1990', 'Sexe', 'F'])
      expect(text).toContain(expected);
    await ui.page.getByLabel('Nom d’usage').fill('Emma');
    await ui.page.getByLabel('Motif').fill('Nouvelle prestataire du portefeuille PME');
    await ui.page.getByRole('button', { name: 'Suivant' }).click();
    await ui.page.getByRole('heading', { name: 'Étape 3 sur 3 : Confirmer' }).waitFor();
    await ui.page.getByRole('button', { name: 'Confirmer' }).click();

    await expect.poll(() => h1().textContent()).toBe('Données de l’utilisateur');
    await ui.page.getByText('Emma Willems a été ajouté(e).').waitFor();
    await expect.poll(() => ui.page.locator('.person-block').textContent()).toContain('En attente');
  });

  it('links Emma as a permanent employee for 10 years, refusing one day more in French', async () => {
    await ui.page.getByRole('link', { name: 'Lier l’utilisateur à l’organisation' }).first().click();
    await expect.poll(() => h1().textContent()).toBe('Lier l’utilisateur à l’organisation');
    await ui.page.getByRole('button', { name: /Catégorie/ }).click();
    await ui.page.getByRole('option', { name: 'Collaborateur permanent' }).click();
    await ui.page.getByRole('button', { name: 'Suivant' }).click();

    await ui.page
      .getByRole('heading', { name: 'Étape 2 sur 3 : Détails de la relation de travail' })
      .waitFor();
    const start = ui.page.getByLabel('Date de début (jj/mm/aaaa)');
    const end = ui.page.getByLabel('Date de fin (jj/mm/aaaa)');
    expect(await start.inputValue()).toBe(dmy(today));
    expect(await end.inputValue()).toBe(dmy(plusYears(today, 10, -1)));
    await end.fill(dmy(plusYears(today, 10)));
    await ui.page.getByLabel('Numéro de téléphone (p. ex. +3212345678)').fill('012 34 56 78');
    await ui.page.getByLabel('Adresse e-mail').fill('emma.willems@example.be');
    await ui.page.getByRole('button', { name: 'Suivant' }).click();
    await expect
      .poll(() => summary().textContent())
      .toContain('Date de fin : La période est trop longue. Période maximale = 10 ans.');

    await end.fill(dmy(plusYears(today, 10, -1)));
    await ui.page.getByRole('button', { name: 'Suivant' }).click();
    await ui.page.getByRole('heading', { name: 'Étape 3 sur 3 : Confirmer' }).waitFor();
    await ui.page.getByRole('button', { name: 'Confirmer' }).click();

    await ui.page.getByText('Attribuez maintenant le droit d’utilisateur.').waitFor();
    await expect.poll(() => ui.page.locator('.person-block').textContent()).toContain('Actif');
    const relationship = await ui.page.locator('.relationship-card').textContent();
    expect(relationship).toContain('Collaborateur permanent');
    expect(relationship).toContain(`Valable du ${dmy(today)} au ${dmy(plusYears(today, 10, -1))}`);
    // The details tab shows the phone as people read it.
    await ui.page.getByRole('tab', { name: 'Détails de la relation de travail' }).click();
    await ui.page.getByText('+32 12 34 56 78').waitFor();
    await ui.page.getByRole('tab', { name: 'Relation de travail', exact: true }).click();
  });

  it('grants VLAIO Inkom Gebruiker Nieuw in French; the history says so in French', async () => {
    await ui.page.getByRole('link', { name: 'Attribuer un droit d’utilisateur' }).click();
    await expect.poll(() => h1().textContent()).toBe('Attribuer un droit d’utilisateur');
    await ui.page.getByRole('button', { name: /Droit d’utilisateur/ }).click();
    await ui.page.getByRole('option', { name: 'VLAIO Inkom Gebruiker Nieuw' }).click();
    await ui.page.getByRole('button', { name: 'Suivant' }).click();
    await ui.page.getByRole('heading', { name: 'Étape 2 sur 3 : Détails du droit d’utilisateur' }).waitFor();
    await ui.page.getByText(/Période maximale = 5 ans ; vous pouvez l’adapter/).waitFor();

    await ui.page.getByRole('button', { name: 'Suivant' }).click();
    await expect.poll(() => summary().textContent()).toContain('Choisissez au moins un profil.');
    const available = ui.page.getByRole('listbox', { name: 'Disponibles' });
    await available.getByRole('option', { name: 'Dienstverlener kmo-portefeuille' }).click();
    await ui.page.getByRole('button', { name: 'Ajouter à la liste' }).click();
    await ui.page
      .getByRole('listbox', { name: 'Sélectionnés' })
      .getByRole('option', { name: 'Dienstverlener kmo-portefeuille' })
      .waitFor();
    await screen('grant-details-fr');
    await ui.page.getByRole('button', { name: 'Suivant' }).click();
    await ui.page.getByRole('heading', { name: 'Étape 3 sur 3 : Confirmer' }).waitFor();
    await ui.page.getByRole('button', { name: 'Confirmer' }).click();

    await ui.page.getByText('Le droit d’utilisateur a été attribué.').waitFor();
    const row = ui.page.getByRole('row', { name: /VLAIO Inkom Gebruiker Nieuw/ });
    await row.waitFor();
    expect((await row.getByRole('cell').allTextContents()).slice(0, 5)).toEqual([
      'VLAIO Inkom Gebruiker Nieuw',
      'Dienstverlener kmo-portefeuille',
      dmy(today),
      dmy(plusYears(today, 5, -1)),
      'Actif',
    ]);
    await screen('person-granted-fr');

    await ui.page.getByRole('tab', { name: 'Historique' }).click();
    const timeline = ui.page.getByRole('list', { name: 'Historique' });
    await timeline.getByText('Droit d’utilisateur attribué').waitFor();
    await timeline.getByText('Liée à l’organisation (relation de travail créée)').waitFor();
    await timeline.getByText('Personne ajoutée').waitFor();
  });

  it('switches back to Dutch, saved at once in the preferences', async () => {
    await ui.page.getByRole('button', { name: 'NL Nederlands' }).click();
    await expect.poll(() => h1().textContent()).toBe('Gegevens van gebruiker');
    expect(await lang()).toBe('nl-BE');
    expect(await pending()).toBeNull();
    await ui.page.evaluate('localStorage.clear()');
    await ui.page.reload();
    await expect.poll(() => h1().textContent()).toBe('Gegevens van gebruiker');
    // Let the preferences be read: still Dutch.
    await ui.page.getByRole('tab', { name: 'Werkrelatie', exact: true }).waitFor();
    expect(await lang()).toBe('nl-BE');
  });

  it('raised no console errors and no Content-Security-Policy violations', () => {
    // But the one 404 asked for: the register's answer for a number it does not know.
    const notFound = ui.problems.filter((p) => /status of 404/.test(p));
    expect(notFound).toHaveLength(1);
    expect(ui.problems.filter((p) => !notFound.includes(p))).toEqual([]);
  });
});
