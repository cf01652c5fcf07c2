/**
 * The seed story in a real browser (Debian's Chromium) against the local stack serving the built UI:
 * Sofie logs in through ACM's eID stand-in, picks her organisation, adds Emma, links her for 10 years
 * and grants *VLAIO Inkom Gebruiker Nieuw* with *Dienstverlener kmo-portefeuille*; Emma then logs in
 * on the portal page and has access. On the way: the field errors of a bad national number and of a
 * period one day too long, a person without access who asks for it, a screenshot of each main screen
 * (test-results/ui-*.png) and an axe-core check without serious or critical violations on each.
 */
import { describe, expect, it } from 'vitest';
import {
  dmy,
  focusedClass,
  loginViaEid,
  plusYears,
  tabTo,
  todayInBrussels,
  useBrowserSession,
} from '../support/ui.ts';

/** Brussels days, as the UI computes its defaults. */
const today = todayInBrussels();

describe('the seed story in the browser', () => {
  const ui = useBrowserSession();
  const { screen, h1, fieldError, summary, logout, open, chooseOrganisation, atWidth, fitsWidth } = ui;

  it('Sofie logs in with the eID stand-in, picks 0795.012.394 and sees the home page', async () => {
    await open('/');
    await expect.poll(() => h1().textContent()).toBe('Welkom bij Gebruikersbeheer');
    await screen('start');

    await loginViaEid(ui.page, /Sofie Janssens/);
    await ui.page
      .getByText('Hieronder moet u kiezen voor welke organisatie u precies wilt werken.')
      .waitFor();
    const choice = ui.page.getByRole('button', { name: /Adviesbureau Voorbeeld BV/ });
    expect(await choice.textContent()).toContain('Ondernemingsnummer 0795.012.394');
    await screen('organisations');

    await choice.click();
    await ui.page.getByRole('heading', { name: 'Mijn Taken' }).waitFor();
    await ui.page.getByText('U heeft momenteel geen openstaande taken').waitFor();
    const nav = ui.page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    for (const item of ['Organisatie', 'Gebruiker', 'Gebruikersrechten', 'Help']) {
      expect(await nav.getByRole('link', { name: item, exact: true }).count()).toBe(1);
    }
    for (const link of [
      'Nieuw recht toekennen',
      'Nieuwe persoon toevoegen',
      'Toon alle personen',
      'Vergelijk meerdere personen',
    ]) {
      expect(await ui.page.getByRole('link', { name: link }).count()).toBeGreaterThan(0);
    }
    expect(ui.page.url()).toBe(`${ui.stack.url}/o/0795012394`);
    await screen('home');

    // The choice is remembered: UW LAATSTE KEUZE on the organisation list.
    await nav.getByRole('link', { name: 'Organisatie', exact: true }).click();
    await expect
      .poll(() => ui.page.getByRole('button', { name: /Adviesbureau Voorbeeld BV/ }).textContent())
      .toContain('UW LAATSTE KEUZE');
    await chooseOrganisation(/Adviesbureau Voorbeeld BV/);
    await ui.page.getByRole('heading', { name: 'Mijn Taken' }).waitFor();
  });

  it('shows the check-digit error of 85073003329 next to the field and in the summary', async () => {
    await ui.page.getByRole('link', { name: 'Nieuwe persoon toevoegen' }).first().click();
    await expect.poll(() => h1().textContent()).toBe('Voeg gebruiker toe');
    await ui.page.getByRole('heading', { name: /^Stap 1 van 3/ }).waitFor();

    const number = ui.page.getByLabel('rijksregisternummer / BIS-registernummer');
    await number.fill('85073003329');
    // Live: judged as soon as the eleventh digit is there.
    await expect.poll(() => fieldError('nationalNumber').textContent()).toContain('De controlecijfers');
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    await ui.page.getByRole('button', { name: 'Verder' }).click();
    await expect
      .poll(() => summary().textContent())
      .toContain(
        'rijksregisternummer / BIS-registernummer: De controlecijfers van het rijksregisternummer kloppen niet.',
      );
    await expect.poll(() => focusedClass(ui.page)).toContain('error-summary');
    await screen('add-person-error');
  });

  it('adds Emma Willems from the national register', async () => {
    const number = ui.page.getByLabel('rijksregisternummer / BIS-registernummer');
    await number.fill('90041812490');
    await ui.page.getByText('Geldig rijksregisternummer').waitFor();
    expect(await fieldError('nationalNumber').count()).toBe(0);
    await ui.page.getByRole('button', { name: 'Verder' }).click();

    await ui.page.getByRole('heading', { name: 'Stap 2 van 3: Geef details' }).waitFor();
    const register = ui.page.getByRole('region', { name: 'Gegevens uit het rijksregister' });
    const text = await register.textContent();
    for (const expected of ['Emma', 'Willems', '18/04/1990', 'V', 'VKBP', '90.04.18-***.**'])
      expect(text).toContain(expected);
    await register.getByRole('button', { name: 'toon' }).click();
    expect(await register.textContent()).toContain('90.04.18-124.90');
    await ui.page.getByLabel('Roepnaam').fill('Emma');
    await ui.page.getByLabel('Reden').fill('Nieuwe dienstverlener kmo-portefeuille');
    await screen('add-person-details');
    await ui.page.getByRole('button', { name: 'Verder' }).click();

    await ui.page.getByRole('heading', { name: 'Stap 3 van 3: Bevestig' }).waitFor();
    await ui.page.getByRole('button', { name: 'Bevestig' }).click();
    await expect.poll(() => h1().textContent()).toBe('Gegevens van gebruiker');
    await ui.page.getByText('Emma Willems is toegevoegd. Bepaal nu de werkrelatie').waitFor();
    await expect.poll(() => ui.page.locator('.person-block').textContent()).toContain('In afwachting');
    await screen('person-pending');
  });

  it('links Emma as Vaste Medewerker for 10 years, refusing one day more', async () => {
    await ui.page.getByRole('link', { name: 'Koppel gebruiker aan organisatie' }).first().click();
    await expect.poll(() => h1().textContent()).toBe('Koppel gebruiker aan organisatie');
    await ui.page.getByRole('heading', { name: /^Stap 1 van 3/ }).waitFor();
    await ui.page.getByRole('button', { name: /Categorie/ }).click();
    await ui.page.getByRole('option', { name: 'Vaste Medewerker' }).click();
    await ui.page.getByRole('button', { name: 'Verder' }).click();

    await ui.page.getByRole('heading', { name: 'Stap 2 van 3: Werkrelatie details' }).waitFor();
    const start = ui.page.getByLabel('Begindatum (dd/mm/jjjj)');
    const end = ui.page.getByLabel('Einddatum (dd/mm/jjjj)');
    expect(await start.inputValue()).toBe(dmy(today));
    expect(await end.inputValue()).toBe(dmy(plusYears(today, 10, -1)));
    await ui.page.getByText('Maximumperiode = 10 jaar ; je kan dit aanpassen.').waitFor();

    await end.fill(dmy(plusYears(today, 10)));
    await ui.page.getByLabel('Telefoonnummer (bv. +3212345678)').fill('+32 12 34 56 78');
    await ui.page.getByLabel('E-mailadres').fill('emma.willems@example.be');
    await ui.page.getByRole('button', { name: 'Verder' }).click();
    await expect
      .poll(() => fieldError('endDate').textContent())
      .toContain('De periode is te lang. Maximumperiode = 10 jaar.');
    expect(await summary().textContent()).toContain(
      'Einddatum: De periode is te lang. Maximumperiode = 10 jaar.',
    );
    await screen('relationship-error');

    await end.fill(dmy(plusYears(today, 10, -1)));
    await ui.page.getByRole('button', { name: 'Verder' }).click();
    await ui.page.getByRole('heading', { name: 'Stap 3 van 3: Bevestig' }).waitFor();
    await ui.page.getByRole('button', { name: 'Bevestig' }).click();

    await ui.page.getByText('Ken nu het gebruikersrecht toe.').waitFor();
    await expect.poll(() => ui.page.locator('.person-block').textContent()).toContain('Actief');
    const relationship = await ui.page.locator('.relationship-card').textContent();
    expect(relationship).toContain('Vaste Medewerker');
    expect(relationship).toContain(`Geldig van ${dmy(today)} tot ${dmy(plusYears(today, 10, -1))}`);
    await ui.page.getByText('Geen gebruikersrechten toegekend').waitFor();
    await screen('person-active');
  });

  it('grants VLAIO Inkom Gebruiker Nieuw with Dienstverlener kmo-portefeuille; the person page shows it', async () => {
    await ui.page.getByRole('link', { name: 'Ken gebruikersrecht toe' }).click();
    await expect.poll(() => h1().textContent()).toBe('Ken gebruikersrecht toe');
    await ui.page.getByRole('button', { name: /Gebruikersrecht/ }).click();
    await ui.page.getByRole('option', { name: 'VLAIO Inkom Gebruiker Nieuw' }).click();
    await ui.page
      .getByText('Dit gebruikersrecht geeft toegang tot de digitale steunmaatregelen')
      .first()
      .waitFor();
    await ui.page.getByRole('button', { name: 'Verder' }).click();

    await ui.page.getByRole('heading', { name: 'Stap 2 van 3: Details gebruikersrecht' }).waitFor();
    expect(await ui.page.getByLabel('Begindatum (dd/mm/jjjj)').inputValue()).toBe(dmy(today));
    expect(await ui.page.getByLabel('Einddatum (dd/mm/jjjj)').inputValue()).toBe(
      dmy(plusYears(today, 5, -1)),
    );
    await ui.page.getByText(/Maximumperiode = 5 jaar ; je kan dit aanpassen/).waitFor();
    await ui.page.getByText('selecteer dan ook het profiel ‘Gebruiker’').waitFor();

    // Without a profile the contract says so.
    await ui.page.getByRole('button', { name: 'Verder' }).click();
    await expect.poll(() => summary().textContent()).toContain('Kies minstens één profiel.');

    const available = ui.page.getByRole('listbox', { name: 'Beschikbaar' });
    await available.getByRole('option', { name: 'Dienstverlener kmo-portefeuille' }).click();
    await ui.page.getByRole('button', { name: 'Toevoegen aan lijst' }).click();
    const selected = ui.page.getByRole('listbox', { name: 'Geselecteerd' });
    await selected.getByRole('option', { name: 'Dienstverlener kmo-portefeuille' }).waitFor();
    expect(await available.getByRole('option').allTextContents()).toEqual(['Gebruiker']);
    await screen('grant-details');
    await ui.page.getByRole('button', { name: 'Verder' }).click();

    await ui.page.getByRole('heading', { name: 'Stap 3 van 3: Bevestig' }).waitFor();
    await ui.page.getByRole('button', { name: 'Bevestig' }).click();
    await ui.page.getByText('Het gebruikersrecht is toegekend.').waitFor();
    const row = ui.page.getByRole('row', { name: /VLAIO Inkom Gebruiker Nieuw/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 5)).toEqual([
      'VLAIO Inkom Gebruiker Nieuw',
      'Dienstverlener kmo-portefeuille',
      dmy(today),
      dmy(plusYears(today, 5, -1)),
      'Actief',
    ]);
    await screen('person-granted');

    await ui.page.getByRole('tab', { name: 'Historiek' }).click();
    const history = ui.page.getByRole('list', { name: 'Historiek' });
    await history.waitFor();
    const entries = await history.locator('.timeline-what').allTextContents();
    expect(entries).toHaveLength(3);
    expect(entries.every((e) => e.includes('door Sofie Janssens'))).toBe(true);
    expect(entries.join(' | ')).toContain('Gebruikersrecht toegekend');
    expect(entries.join(' | ')).toContain('Persoon toegevoegd');
    expect(await history.textContent()).toContain('Reden: Nieuwe dienstverlener kmo-portefeuille');
    await screen('person-history');
  });

  it('Sofie logs out; Emma logs in on the portal page and has access', async () => {
    await logout();

    await open('/portaal');
    await expect.poll(() => h1().textContent()).toBe('Dienstverlener voor de kmo-portefeuille');
    // Anyone may look up the legal representatives of an enterprise.
    const lookup = ui.page.getByRole('form', { name: /wettelijke vertegenwoordigers/ });
    await lookup.getByLabel('Ondernemingsnummer').fill('0795.012.395');
    await lookup.getByRole('button', { name: 'Zoek op' }).click();
    await expect
      .poll(() => fieldError('enterpriseNumber').textContent())
      .toBe('De controlecijfers van het ondernemingsnummer kloppen niet.');
    await lookup.getByLabel('Ondernemingsnummer').fill('0795.012.394');
    await lookup.getByRole('button', { name: 'Zoek op' }).click();
    await ui.page.getByText('Pieter Claes').waitFor();
    await screen('portal');
    await loginViaEid(ui.page, /Emma Willems/, 'Login dienstverleners');
    await expect.poll(() => h1().textContent()).toBe('Uw toegang tot het platform');
    expect(new URL(ui.page.url()).pathname).toBe('/portaal/toegang');

    await ui.page.getByLabel('Ondernemingsnummer').fill('0795.012.394');
    await ui.page.getByRole('button', { name: 'Controleer mijn toegang' }).click();
    const granted = ui.page.getByRole('status').filter({ hasText: 'U heeft toegang' });
    await granted.waitFor();
    expect(await granted.textContent()).toContain(`geldig tot ${dmy(plusYears(today, 5, -1))}`);
    await screen('portal-access');
  });

  it('Lucas has no access yet: he sees that there is a local administrator, who the legal representatives are, and asks', async () => {
    await logout();
    await open('/portaal/toegang?onderneming=0795012394', /Lucas De Smet/);
    await expect.poll(() => h1().textContent()).toBe('Uw toegang tot het platform');

    await ui.page.getByText('U heeft nog geen toegang voor Adviesbureau Voorbeeld BV').waitFor();
    const steps = await ui.page.locator('.personal-steps').textContent();
    // Lucas has no relationship with Adviesbureau: its local administrator's name is not his to see.
    expect(steps).not.toContain('Sofie Janssens');
    expect(steps).toContain('Adviesbureau Voorbeeld BV heeft een lokale beheerder.');
    expect(steps).toContain('Pieter Claes');
    await ui.page.getByRole('button', { name: 'Vraag toegang aan' }).click();
    await expect.poll(() => summary().textContent()).toContain('Geef een reden op voor uw aanvraag.');
    await ui.page.getByLabel('Reden van uw aanvraag').fill('Ik dien de aanvragen in voor onze klanten.');
    await ui.page.getByRole('button', { name: 'Vraag toegang aan' }).click();
    await ui.page.getByText('Uw aanvraag is verstuurd').waitFor();
    await ui.page.getByRole('heading', { name: 'Uw aanvragen' }).waitFor();
    await screen('portal-request');
  });

  it('shows the help page and works at 360 px wide', async () => {
    await open('/help');
    await expect.poll(() => h1().textContent()).toBe('Hulp nodig of heeft u een vraag?');
    const contact = await ui.page.locator('.contact').textContent();
    expect(contact).toContain('1700');
    expect(contact).toContain('+32 2 553 1700');
    await screen('help');

    await atWidth(360, async () => {
      await open('/portaal/toegang?onderneming=0795012394');
      await ui.page.getByText('Uw aanvraag is verstuurd').waitFor();
      await fitsWidth();
      await screen('portal-request-360');
    });
  });

  it('lets Sofie add, link and grant Jonas (BIS number) with the keyboard only', async () => {
    await logout();
    await loginViaEid(ui.page, /Sofie Janssens/);
    await ui.page.getByText('Hieronder moet u kiezen').waitFor();
    const press = (key: string) => ui.page.keyboard.press(key);

    await tabTo(ui.page, /Adviesbureau Voorbeeld BV/);
    await press('Enter');
    await ui.page.getByRole('heading', { name: 'Mijn Taken' }).waitFor();
    // Lucas's request waits in Mijn taken.
    await ui.page.locator('.task').filter({ hasText: 'Lucas De Smet' }).waitFor();
    await screen('home-task');
    await tabTo(ui.page, /^Nieuwe persoon toevoegen$/);
    await press('Enter');
    await expect.poll(() => h1().textContent()).toBe('Voeg gebruiker toe');

    await tabTo(ui.page, /^rijksregisternummer \/ BIS-registernummer/);
    await ui.page.keyboard.type('85.49.02-011.20');
    await ui.page.getByText('Geldig BIS-nummer').waitFor();
    await press('Enter');
    await ui.page.getByRole('heading', { name: 'Stap 2 van 3: Geef details' }).waitFor();
    await tabTo(ui.page, /^Roepnaam/);
    await ui.page.keyboard.type('Jonas');
    await press('Enter');
    await ui.page.getByRole('heading', { name: 'Stap 3 van 3: Bevestig' }).waitFor();
    await tabTo(ui.page, /^Bevestig$/);
    await press('Enter');
    await ui.page.getByText('Jonas Bakker is toegevoegd.').waitFor();

    await tabTo(ui.page, /^Koppel gebruiker aan organisatie$/);
    await press('Enter');
    await expect.poll(() => h1().textContent()).toBe('Koppel gebruiker aan organisatie');
    await tabTo(ui.page, /Categorie \*/);
    await press('Enter');
    await ui.page.getByRole('option', { name: 'Vaste Medewerker' }).waitFor();
    await press('ArrowDown');
    await press('Enter');
    await expect
      .poll(() => ui.page.getByRole('button', { name: /Categorie/ }).textContent())
      .toContain('Tijdelijke medewerker');
    await tabTo(ui.page, /^Verder$/);
    await press('Enter');
    await ui.page.getByRole('heading', { name: 'Stap 2 van 3: Werkrelatie details' }).waitFor();
    await tabTo(ui.page, /^Telefoonnummer/);
    await ui.page.keyboard.type('+32477123456');
    await tabTo(ui.page, /^E-mailadres/);
    await ui.page.keyboard.type('jonas.bakker@example.be');
    await press('Enter');
    await ui.page.getByRole('heading', { name: 'Stap 3 van 3: Bevestig' }).waitFor();
    await tabTo(ui.page, /^Bevestig$/);
    await press('Enter');
    await ui.page.getByText('Ken nu het gebruikersrecht toe.').waitFor();
    await expect
      .poll(() => ui.page.locator('.relationship-card').textContent())
      .toContain('Tijdelijke medewerker');

    await tabTo(ui.page, /^Ken gebruikersrecht toe$/);
    await press('Enter');
    await expect.poll(() => h1().textContent()).toBe('Ken gebruikersrecht toe');
    await tabTo(ui.page, /Gebruikersrecht \*/);
    await press('Enter');
    await ui.page.getByRole('option', { name: 'VLAIO Inkom Gebruiker Nieuw' }).waitFor();
    await press('Enter');
    await tabTo(ui.page, /^Verder$/);
    await press('Enter');
    await ui.page.getByRole('heading', { name: 'Stap 2 van 3: Details gebruikersrecht' }).waitFor();
    await tabTo(ui.page, /^Dienstverlener kmo-portefeuille$/);
    await press('Space');
    await tabTo(ui.page, /^Toevoegen aan lijst$/);
    await press('Enter');
    await ui.page
      .getByRole('listbox', { name: 'Geselecteerd' })
      .getByRole('option', { name: 'Dienstverlener kmo-portefeuille' })
      .waitFor();
    await tabTo(ui.page, /^Verder$/);
    await press('Enter');
    await ui.page.getByRole('heading', { name: 'Stap 3 van 3: Bevestig' }).waitFor();
    await tabTo(ui.page, /^Bevestig$/);
    await press('Enter');
    await ui.page.getByText('Het gebruikersrecht is toegekend.').waitFor();
    await ui.page.getByRole('row', { name: /VLAIO Inkom Gebruiker Nieuw/ }).waitFor();
    expect(await ui.page.getByRole('row', { name: /VLAIO Inkom Gebruiker Nieuw/ }).textContent()).toContain(
      'Dienstverlener kmo-portefeuille',
    );
  });

  it('lists the persons of the organisation and finds one by name', async () => {
    const nav = ui.page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await nav.getByRole('link', { name: 'Gebruiker', exact: true }).click();
    await expect.poll(() => h1().textContent()).toBe('Alle personen');
    // The first column holds the checkboxes of Verlengen; the names come after.
    const names = ui.page.locator('tbody tr td:nth-child(2)');
    await expect
      .poll(() => names.allTextContents())
      .toEqual(expect.arrayContaining(['Willems Emma', 'Bakker Jonas', 'Janssens Sofie']));
    expect((await ui.page.locator('tbody').textContent()) ?? '').not.toMatch(
      /\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}/,
    );
    await screen('persons');

    await ui.page.getByLabel('Persoon zoeken (naam of roepnaam)').fill('emma');
    await ui.page.getByRole('main').getByRole('button', { name: 'Zoek' }).click();
    await expect.poll(() => h1().textContent()).toBe('Zoekresultaten');
    await expect.poll(() => names.allTextContents()).toEqual(['Willems Emma']);
    await ui.page.getByLabel('Persoon zoeken (naam of roepnaam)').fill('niemand');
    await ui.page.getByRole('main').getByRole('button', { name: 'Zoek' }).click();
    await ui.page.getByText('Geen personen gevonden voor “niemand”.').waitFor();

    // From 360 px wide: nothing scrolls sideways (tables scroll within their own box).
    await atWidth(360, async () => {
      await ui.page.getByLabel('Persoon zoeken (naam of roepnaam)').fill('emma');
      await ui.page.getByRole('main').getByRole('button', { name: 'Zoek' }).click();
      await ui.page.getByRole('link', { name: 'Willems Emma' }).click();
      await ui.page.getByRole('row', { name: /VLAIO Inkom Gebruiker Nieuw/ }).waitFor();
      await fitsWidth();
      await screen('person-360');
      await ui.page.getByRole('link', { name: 'Ken gebruikersrecht toe' }).click();
      await ui.page.getByRole('button', { name: /Gebruikersrecht/ }).click();
      await ui.page.getByRole('option', { name: 'VLAIO Inkom Gebruiker Nieuw' }).click();
      await ui.page.getByRole('button', { name: 'Verder' }).click();
      await ui.page.getByRole('listbox', { name: 'Beschikbaar' }).waitFor();
      await fitsWidth();
      await screen('grant-details-360');
    });
  });

  it('raised no console errors and no Content-Security-Policy violations', () => {
    expect(ui.problems).toEqual([]);
  });
});
