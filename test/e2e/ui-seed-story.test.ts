/**
 * The seed story in a real browser (Debian's Chromium) against the local stack serving the built UI:
 * Sofie logs in through ACM's eID stand-in, picks her organisation, adds Emma, links her for 10 years
 * and grants *VLAIO Inkom Gebruiker Nieuw* with *Dienstverlener kmo-portefeuille*; Emma then logs in
 * on the portal page and has access. On the way: the field errors of a bad national number and of a
 * period one day too long, a person without access who asks for it, a screenshot of each main screen
 * (test-results/ui-*.png) and an axe-core check without serious or critical violations on each.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type TestBrowser } from '../support/browser.ts';
import { startTestStack } from '../support/stack.ts';
import {
  ensureWebBuilt,
  focusedClass,
  horizontalOverflow,
  loginViaEid,
  seriousViolations,
  tabTo,
  watchConsole,
} from '../support/ui.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

/** Calendar arithmetic as the UI does it (Brussels days), for the expected defaults. */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(new Date());
const dmy = (iso: string) => iso.split('-').reverse().join('/');
const plusYears = (iso: string, years: number, days = 0) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  const date = new Date(Date.UTC(y + years, m - 1, Math.min(d, last) + days));
  return date.toISOString().slice(0, 10);
};

describe('the seed story in the browser', () => {
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

  /** Screenshot test-results/ui-<name>.png and the accessibility check of the screen as it is. */
  const screen = async (name: string) => {
    await browser.screenshot(page, `ui-${name}`);
    expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  };
  const h1 = () => page.getByRole('heading', { level: 1 });
  const fieldError = (id: string) =>
    page.locator('.field', { has: page.locator(`#veld-${id}`) }).locator('.field-error');
  const summary = () => page.locator('.error-summary');

  it('Sofie logs in with the eID stand-in, picks 0795.012.394 and sees the home page', async () => {
    await page.goto(`${stack.url}/`);
    await expect.poll(() => h1().textContent()).toBe('Welkom bij Gebruikersbeheer');
    await screen('start');

    await loginViaEid(page, /Sofie Janssens/);
    await page.getByText('Hieronder moet u kiezen voor welke organisatie u precies wilt werken.').waitFor();
    const choice = page.getByRole('button', { name: /Adviesbureau Voorbeeld BV/ });
    expect(await choice.textContent()).toContain('Ondernemingsnummer 0795.012.394');
    await screen('organisations');

    await choice.click();
    await page.getByRole('heading', { name: 'Mijn taken' }).waitFor();
    await page.getByText('U heeft momenteel geen openstaande taken').waitFor();
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    for (const item of ['Organisatie', 'Gebruiker', 'Gebruikersrechten', 'Help']) {
      expect(await nav.getByRole('link', { name: item, exact: true }).count()).toBe(1);
    }
    for (const link of [
      'Nieuw recht toekennen',
      'Nieuwe persoon toevoegen',
      'Toon alle personen',
      'Vergelijk meerdere personen',
    ]) {
      expect(await page.getByRole('link', { name: link }).count()).toBeGreaterThan(0);
    }
    expect(page.url()).toBe(`${stack.url}/o/0795012394`);
    await screen('home');

    // The choice is remembered: UW LAATSTE KEUZE on the organisation list.
    await nav.getByRole('link', { name: 'Organisatie', exact: true }).click();
    await expect
      .poll(() => page.getByRole('button', { name: /Adviesbureau Voorbeeld BV/ }).textContent())
      .toContain('UW LAATSTE KEUZE');
    await page.getByRole('button', { name: /Adviesbureau Voorbeeld BV/ }).click();
    await page.getByRole('heading', { name: 'Mijn taken' }).waitFor();
  });

  it('shows the check-digit error of 85073003329 next to the field and in the summary', async () => {
    await page.getByRole('link', { name: 'Nieuwe persoon toevoegen' }).first().click();
    await expect.poll(() => h1().textContent()).toBe('Voeg gebruiker toe');
    await page.getByRole('heading', { name: /^Stap 1 van 3/ }).waitFor();

    const number = page.getByLabel('Rijksregisternummer / BIS-nummer');
    await number.fill('85073003329');
    // Live: judged as soon as the eleventh digit is there.
    await expect.poll(() => fieldError('nationalNumber').textContent()).toContain('De controlecijfers');
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Verder' }).click();
    await expect
      .poll(() => summary().textContent())
      .toContain(
        'Rijksregisternummer / BIS-nummer: De controlecijfers van het rijksregisternummer kloppen niet.',
      );
    await expect.poll(() => focusedClass(page)).toContain('error-summary');
    await screen('add-person-error');
  });

  it('adds Emma Willems from the national register', async () => {
    const number = page.getByLabel('Rijksregisternummer / BIS-nummer');
    await number.fill('90041812490');
    await page.getByText('Geldig rijksregisternummer').waitFor();
    expect(await fieldError('nationalNumber').count()).toBe(0);
    await page.getByRole('button', { name: 'Verder' }).click();

    await page.getByRole('heading', { name: 'Stap 2 van 3: Geef details' }).waitFor();
    const register = page.getByRole('region', { name: 'Gegevens uit het rijksregister' });
    const text = await register.textContent();
    for (const expected of ['Emma', 'Willems', '18/04/1990', 'V', 'VKBP', '90.04.18-***.**'])
      expect(text).toContain(expected);
    await register.getByRole('button', { name: 'toon' }).click();
    expect(await register.textContent()).toContain('90.04.18-124.90');
    await page.getByLabel('Roepnaam').fill('Emma');
    await page.getByLabel('Reden').fill('Nieuwe dienstverlener kmo-portefeuille');
    await screen('add-person-details');
    await page.getByRole('button', { name: 'Verder' }).click();

    await page.getByRole('heading', { name: 'Stap 3 van 3: Bevestig' }).waitFor();
    await page.getByRole('button', { name: 'Bevestig' }).click();
    await expect.poll(() => h1().textContent()).toBe('Gegevens van gebruiker');
    await page.getByText('Emma Willems is toegevoegd. Bepaal nu de werkrelatie').waitFor();
    await expect.poll(() => page.locator('.person-block').textContent()).toContain('In afwachting');
    await screen('person-pending');
  });

  it('links Emma as Vaste medewerker for 10 years, refusing one day more', async () => {
    await page.getByRole('link', { name: 'Koppel gebruiker aan organisatie' }).first().click();
    await expect.poll(() => h1().textContent()).toBe('Koppel gebruiker aan organisatie');
    await page.getByRole('heading', { name: /^Stap 1 van 3/ }).waitFor();
    await page.getByRole('button', { name: /Categorie/ }).click();
    await page.getByRole('option', { name: 'Vaste medewerker' }).click();
    await page.getByRole('button', { name: 'Verder' }).click();

    await page.getByRole('heading', { name: 'Stap 2 van 3: Werkrelatie details' }).waitFor();
    const start = page.getByLabel('Begindatum (dd/mm/jjjj)');
    const end = page.getByLabel('Einddatum (dd/mm/jjjj)');
    expect(await start.inputValue()).toBe(dmy(today));
    expect(await end.inputValue()).toBe(dmy(plusYears(today, 10)));
    await page.getByText('Maximumperiode = 10 jaar; je kan dit aanpassen.').waitFor();

    await end.fill(dmy(plusYears(today, 10, 1)));
    await page.getByLabel('Telefoonnummer (bv. +3212345678)').fill('+32 12 34 56 78');
    await page.getByLabel('E-mailadres').fill('emma.willems@example.be');
    await page.getByRole('button', { name: 'Verder' }).click();
    await expect
      .poll(() => fieldError('endDate').textContent())
      .toContain('De periode is te lang. Maximumperiode = 10 jaar.');
    expect(await summary().textContent()).toContain(
      'Einddatum: De periode is te lang. Maximumperiode = 10 jaar.',
    );
    await screen('relationship-error');

    await end.fill(dmy(plusYears(today, 10)));
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByRole('heading', { name: 'Stap 3 van 3: Bevestig' }).waitFor();
    await page.getByRole('button', { name: 'Bevestig' }).click();

    await page.getByText('Ken nu het gebruikersrecht toe.').waitFor();
    await expect.poll(() => page.locator('.person-block').textContent()).toContain('Actief');
    const relationship = await page.locator('.relationship-card').textContent();
    expect(relationship).toContain('Vaste medewerker');
    expect(relationship).toContain(`Geldig van ${dmy(today)} tot ${dmy(plusYears(today, 10))}`);
    await page.getByText('Geen gebruikersrechten toegekend').waitFor();
    await screen('person-active');
  });

  it('grants VLAIO Inkom Gebruiker Nieuw with Dienstverlener kmo-portefeuille; the person page shows it', async () => {
    await page.getByRole('link', { name: 'Ken gebruikersrecht toe' }).click();
    await expect.poll(() => h1().textContent()).toBe('Ken gebruikersrecht toe');
    await page.getByRole('button', { name: /Gebruikersrecht/ }).click();
    await page.getByRole('option', { name: 'VLAIO Inkom Gebruiker Nieuw' }).click();
    await page
      .getByText('Dit gebruikersrecht geeft toegang tot de digitale steunmaatregelen')
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Verder' }).click();

    await page.getByRole('heading', { name: 'Stap 2 van 3: Details gebruikersrecht' }).waitFor();
    expect(await page.getByLabel('Begindatum (dd/mm/jjjj)').inputValue()).toBe(dmy(today));
    expect(await page.getByLabel('Einddatum (dd/mm/jjjj)').inputValue()).toBe(dmy(plusYears(today, 5)));
    await page.getByText(/Maximumperiode = 5 jaar; je kan dit aanpassen/).waitFor();
    await page.getByText('selecteer dan ook het profiel ‘Gebruiker’').waitFor();

    // Without a profile the contract says so.
    await page.getByRole('button', { name: 'Verder' }).click();
    await expect.poll(() => summary().textContent()).toContain('Kies minstens één profiel.');

    const available = page.getByRole('listbox', { name: 'Beschikbaar' });
    await available.getByRole('option', { name: 'Dienstverlener kmo-portefeuille' }).click();
    await page.getByRole('button', { name: 'Toevoegen aan lijst' }).click();
    const selected = page.getByRole('listbox', { name: 'Geselecteerd' });
    await selected.getByRole('option', { name: 'Dienstverlener kmo-portefeuille' }).waitFor();
    expect(await available.getByRole('option').allTextContents()).toEqual(['Gebruiker']);
    await screen('grant-details');
    await page.getByRole('button', { name: 'Verder' }).click();

    await page.getByRole('heading', { name: 'Stap 3 van 3: Bevestig' }).waitFor();
    await page.getByRole('button', { name: 'Bevestig' }).click();
    await page.getByText('Het gebruikersrecht is toegekend.').waitFor();
    const row = page.getByRole('row', { name: /VLAIO Inkom Gebruiker Nieuw/ });
    await row.waitFor();
    const cells = await row.getByRole('cell').allTextContents();
    expect(cells.slice(0, 5)).toEqual([
      'VLAIO Inkom Gebruiker Nieuw',
      'Dienstverlener kmo-portefeuille',
      dmy(today),
      dmy(plusYears(today, 5)),
      'Actief',
    ]);
    await screen('person-granted');

    await page.getByRole('tab', { name: 'Historiek' }).click();
    const history = page.getByRole('list', { name: 'Historiek' });
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
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('button', { name: 'Ja, afmelden' }).click();
    await expect.poll(() => h1().textContent()).toBe('Welkom bij Gebruikersbeheer');

    await page.goto(`${stack.url}/portaal`);
    await expect.poll(() => h1().textContent()).toBe('Dienstverlener voor de kmo-portefeuille');
    // Anyone may look up the legal representatives of an enterprise.
    const lookup = page.getByRole('form', { name: /wettelijke vertegenwoordigers/ });
    await lookup.getByLabel('Ondernemingsnummer').fill('0795.012.395');
    await lookup.getByRole('button', { name: 'Zoek op' }).click();
    await expect
      .poll(() => fieldError('enterpriseNumber').textContent())
      .toBe('De controlecijfers van het ondernemingsnummer kloppen niet.');
    await lookup.getByLabel('Ondernemingsnummer').fill('0795.012.394');
    await lookup.getByRole('button', { name: 'Zoek op' }).click();
    await page.getByText('Pieter Claes').waitFor();
    await screen('portal');
    await loginViaEid(page, /Emma Willems/, 'Login dienstverleners');
    await expect.poll(() => h1().textContent()).toBe('Uw toegang tot het platform');
    expect(new URL(page.url()).pathname).toBe('/portaal/toegang');

    await page.getByLabel('Ondernemingsnummer').fill('0795.012.394');
    await page.getByRole('button', { name: 'Controleer mijn toegang' }).click();
    const granted = page.getByRole('status').filter({ hasText: 'U heeft toegang' });
    await granted.waitFor();
    expect(await granted.textContent()).toContain(`geldig tot ${dmy(plusYears(today, 5))}`);
    await screen('portal-access');
  });

  it('Lucas has no access yet: he sees who can grant it and asks for it', async () => {
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('button', { name: 'Ja, afmelden' }).click();
    await expect.poll(() => h1().textContent()).toBe('Welkom bij Gebruikersbeheer');
    await page.goto(`${stack.url}/portaal/toegang?onderneming=0795012394`);
    await loginViaEid(page, /Lucas De Smet/);
    await expect.poll(() => h1().textContent()).toBe('Uw toegang tot het platform');

    await page.getByText('U heeft nog geen toegang voor Adviesbureau Voorbeeld BV').waitFor();
    const steps = await page.locator('.personal-steps').textContent();
    expect(steps).toContain('Sofie Janssens');
    expect(steps).toContain('Pieter Claes');
    await page.getByRole('button', { name: 'Vraag toegang aan' }).click();
    await expect.poll(() => summary().textContent()).toContain('Geef een reden op voor uw aanvraag.');
    await page.getByLabel('Reden van uw aanvraag').fill('Ik dien de aanvragen in voor onze klanten.');
    await page.getByRole('button', { name: 'Vraag toegang aan' }).click();
    await page.getByText('Uw aanvraag is verstuurd').waitFor();
    await page.getByRole('heading', { name: 'Uw aanvragen' }).waitFor();
    await screen('portal-request');
  });

  it('shows the help page and works at 360 px wide', async () => {
    await page.goto(`${stack.url}/help`);
    await expect.poll(() => h1().textContent()).toBe('Hulp nodig of heeft u een vraag?');
    const contact = await page.locator('.contact').textContent();
    expect(contact).toContain('1700');
    expect(contact).toContain('+32 2 553 1700');
    await screen('help');

    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${stack.url}/portaal/toegang?onderneming=0795012394`);
    await page.getByText('Uw aanvraag is verstuurd').waitFor();
    const overflow = await horizontalOverflow(page);
    expect(overflow).toBeLessThanOrEqual(0);
    await screen('portal-request-360');
  });

  it('lets Sofie add, link and grant Jonas (BIS number) with the keyboard only', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Afmelden' }).click();
    await page.getByRole('button', { name: 'Ja, afmelden' }).click();
    await expect.poll(() => h1().textContent()).toBe('Welkom bij Gebruikersbeheer');
    await loginViaEid(page, /Sofie Janssens/);
    await page.getByText('Hieronder moet u kiezen').waitFor();
    const press = (key: string) => page.keyboard.press(key);

    await tabTo(page, /Adviesbureau Voorbeeld BV/);
    await press('Enter');
    await page.getByRole('heading', { name: 'Mijn taken' }).waitFor();
    // Lucas's request waits in Mijn taken.
    await page.locator('.task').filter({ hasText: 'Lucas De Smet' }).waitFor();
    await screen('home-task');
    await tabTo(page, /^Nieuwe persoon toevoegen$/);
    await press('Enter');
    await expect.poll(() => h1().textContent()).toBe('Voeg gebruiker toe');

    await tabTo(page, /^Rijksregisternummer \/ BIS-nummer/);
    await page.keyboard.type('85.49.02-011.20');
    await page.getByText('Geldig BIS-nummer').waitFor();
    await press('Enter');
    await page.getByRole('heading', { name: 'Stap 2 van 3: Geef details' }).waitFor();
    await tabTo(page, /^Roepnaam/);
    await page.keyboard.type('Jonas');
    await press('Enter');
    await page.getByRole('heading', { name: 'Stap 3 van 3: Bevestig' }).waitFor();
    await tabTo(page, /^Bevestig$/);
    await press('Enter');
    await page.getByText('Jonas Bakker is toegevoegd.').waitFor();

    await tabTo(page, /^Koppel gebruiker aan organisatie$/);
    await press('Enter');
    await expect.poll(() => h1().textContent()).toBe('Koppel gebruiker aan organisatie');
    await tabTo(page, /Categorie \*/);
    await press('Enter');
    await page.getByRole('option', { name: 'Vaste medewerker' }).waitFor();
    await press('ArrowDown');
    await press('Enter');
    await expect
      .poll(() => page.getByRole('button', { name: /Categorie/ }).textContent())
      .toContain('Tijdelijke medewerker');
    await tabTo(page, /^Verder$/);
    await press('Enter');
    await page.getByRole('heading', { name: 'Stap 2 van 3: Werkrelatie details' }).waitFor();
    await tabTo(page, /^Telefoonnummer/);
    await page.keyboard.type('+32477123456');
    await tabTo(page, /^E-mailadres/);
    await page.keyboard.type('jonas.bakker@example.be');
    await press('Enter');
    await page.getByRole('heading', { name: 'Stap 3 van 3: Bevestig' }).waitFor();
    await tabTo(page, /^Bevestig$/);
    await press('Enter');
    await page.getByText('Ken nu het gebruikersrecht toe.').waitFor();
    await expect
      .poll(() => page.locator('.relationship-card').textContent())
      .toContain('Tijdelijke medewerker');

    await tabTo(page, /^Ken gebruikersrecht toe$/);
    await press('Enter');
    await expect.poll(() => h1().textContent()).toBe('Ken gebruikersrecht toe');
    await tabTo(page, /Gebruikersrecht \*/);
    await press('Enter');
    await page.getByRole('option', { name: 'VLAIO Inkom Gebruiker Nieuw' }).waitFor();
    await press('Enter');
    await tabTo(page, /^Verder$/);
    await press('Enter');
    await page.getByRole('heading', { name: 'Stap 2 van 3: Details gebruikersrecht' }).waitFor();
    await tabTo(page, /^Dienstverlener kmo-portefeuille$/);
    await press('Space');
    await tabTo(page, /^Toevoegen aan lijst$/);
    await press('Enter');
    await page
      .getByRole('listbox', { name: 'Geselecteerd' })
      .getByRole('option', { name: 'Dienstverlener kmo-portefeuille' })
      .waitFor();
    await tabTo(page, /^Verder$/);
    await press('Enter');
    await page.getByRole('heading', { name: 'Stap 3 van 3: Bevestig' }).waitFor();
    await tabTo(page, /^Bevestig$/);
    await press('Enter');
    await page.getByText('Het gebruikersrecht is toegekend.').waitFor();
    await page.getByRole('row', { name: /VLAIO Inkom Gebruiker Nieuw/ }).waitFor();
    expect(await page.getByRole('row', { name: /VLAIO Inkom Gebruiker Nieuw/ }).textContent()).toContain(
      'Dienstverlener kmo-portefeuille',
    );
  });

  it('lists the persons of the organisation and finds one by name', async () => {
    const nav = page.getByRole('navigation', { name: 'Hoofdnavigatie' });
    await nav.getByRole('link', { name: 'Gebruiker', exact: true }).click();
    await expect.poll(() => h1().textContent()).toBe('Alle personen');
    const names = page.locator('tbody tr td:first-child');
    await expect
      .poll(() => names.allTextContents())
      .toEqual(expect.arrayContaining(['Willems Emma', 'Bakker Jonas', 'Janssens Sofie']));
    expect((await page.locator('tbody').textContent()) ?? '').not.toMatch(/\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}/);
    await screen('persons');

    await page.getByLabel('Persoon zoeken (naam of roepnaam)').fill('emma');
    await page.getByRole('main').getByRole('button', { name: 'Zoek' }).click();
    await expect.poll(() => h1().textContent()).toBe('Zoekresultaten');
    await expect.poll(() => names.allTextContents()).toEqual(['Willems Emma']);
    await page.getByLabel('Persoon zoeken (naam of roepnaam)').fill('niemand');
    await page.getByRole('main').getByRole('button', { name: 'Zoek' }).click();
    await page.getByText('Geen personen gevonden voor “niemand”.').waitFor();

    // From 360 px wide: nothing scrolls sideways (tables scroll within their own box).
    await page.setViewportSize({ width: 360, height: 800 });
    await page.getByLabel('Persoon zoeken (naam of roepnaam)').fill('emma');
    await page.getByRole('main').getByRole('button', { name: 'Zoek' }).click();
    await page.getByRole('link', { name: 'Willems Emma' }).click();
    await page.getByRole('row', { name: /VLAIO Inkom Gebruiker Nieuw/ }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screen('person-360');
    await page.getByRole('link', { name: 'Ken gebruikersrecht toe' }).click();
    await page.getByRole('button', { name: /Gebruikersrecht/ }).click();
    await page.getByRole('option', { name: 'VLAIO Inkom Gebruiker Nieuw' }).click();
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByRole('listbox', { name: 'Beschikbaar' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screen('grant-details-360');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('raised no console errors and no Content-Security-Policy violations', () => {
    expect(problems).toEqual([]);
  });
});
