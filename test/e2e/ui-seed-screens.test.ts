/**
 * What the seed's screens show, in a real browser against the local stack: the login page's *? HULP
 * NODIG?* with the seed's words; *Mijn Taken*; *Stap 1 van 3: Geef Identificatienummer op* with the `[?]`
 * beside *rijksregisternummer / BIS-registernummer*; *Organisatie code*, *Vaste Medewerker* and
 * *Maximumperiode = 10 jaar ; je kan dit aanpassen.*; *Koppel gebruiker aan organisatie* still there with
 * a relationship (one per organisation, *Bewerk werkrelatie* offered); the closing message of a grant with
 * the portal's address; *Bewerk ▼* (the person's own details, then the removal from the organisation,
 * listing what ends); and *Help* with its links. Screenshots to test-results/ui-*.png, axe on each screen.
 */
import { describe, expect, it } from 'vitest';
import { dmy, focusedName, plusYears, useBrowserSession } from '../support/ui.ts';

const TODAY = '2026-11-26';
const PORTAL = 'https://inkom.vlaanderen.be/op/mz/initLoginMZ.do';
const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('the seed’s screens in the browser', () => {
  const ui = useBrowserSession({ today: TODAY });
  const { screen, h1, dialog, summary, open, chooseOrganisation } = ui;
  /** The value of a read-only field (forms.tsx ReadOnlyField) with this label, within `scope`. */
  const readOnly = async (label: string, scope = ui.page.locator('main')) =>
    squash(
      await scope
        .locator('.readonly-field', { has: ui.page.locator('.readonly-label', { hasText: label }) })
        .first()
        .locator('.readonly-value')
        .textContent(),
    );
  /** A value of the person block on top of the person page. */
  const personField = async (label: string) =>
    squash(
      await ui.page
        .locator('.person-block div', { has: ui.page.getByText(label, { exact: true }) })
        .locator('dd')
        .textContent(),
    );

  it('the login page has ? HULP NODIG? with the seed’s help text, beside Meer info', async () => {
    await open('/');
    await ui.page.getByRole('button', { name: 'Aanmelden', exact: true }).first().click();
    await ui.page.waitForURL((url) => url.pathname.startsWith('/idp/'));
    expect(squash(await ui.page.locator('.lead').textContent())).toContain(
      'Kies hieronder hoe u wil aanmelden. Klik op "meer info" voor uitleg over die manier van aanmelden. Klik op de knop "hulp nodig?" (rechts) voor veelgestelde vragen over aanmelden of om contact op te nemen met de helpdesk.',
    );
    await ui.page.getByRole('heading', { name: 'Maak een keuze', exact: true }).waitFor();
    await ui.page.locator('.more-info summary').first().waitFor();
    const help = ui.page.locator('details.help-needed');
    expect(squash(await help.locator('summary').textContent())).toBe('? HULP NODIG?');
    expect(await help.getAttribute('open')).toBeNull();
    await help.locator('summary').click();
    await help.getByRole('heading', { name: 'Veelgestelde vragen over aanmelden' }).waitFor();
    expect(await help.getByRole('link', { name: 'mail' }).getAttribute('href')).toMatch(/^mailto:/);
    expect(await help.getByRole('link', { name: '1700', exact: true }).getAttribute('href')).toBe('tel:1700');
    await screen('login-help');

    await ui.page.getByRole('link', { name: 'eID en aangesloten kaartlezer' }).click();
    await ui.page.getByLabel(/Sofie Janssens/).check();
    await ui.page.getByRole('button', { name: 'Aanmelden' }).click();
    await chooseOrganisation(/Adviesbureau Voorbeeld BV/);
    await ui.page.getByRole('heading', { name: 'Mijn Taken', exact: true }).waitFor();
  });

  it('adds Emma: Stap 1 van 3: Geef Identificatienummer op, the [?] explains both numbers', async () => {
    await ui.page.getByRole('link', { name: 'Nieuwe persoon toevoegen' }).click();
    await ui.page
      .getByRole('heading', { name: 'Stap 1 van 3: Geef Identificatienummer op', exact: true })
      .waitFor();
    const tip = ui.page.getByRole('button', {
      name: 'Wat is een rijksregisternummer of BIS-registernummer?',
    });
    await tip.click();
    const explanation = dialog();
    await explanation.waitFor();
    const text = squash(await explanation.textContent());
    expect(text).toContain('Rijksregisternummer: het identificatienummer');
    expect(text).toContain('BIS-registernummer (BIS-nummer)');
    await screen('add-person-help');
    await ui.page.keyboard.press('Escape');
    await explanation.waitFor({ state: 'detached' });
    expect(await focusedName(ui.page)).toBe('Wat is een rijksregisternummer of BIS-registernummer?');

    await ui.page.getByLabel('rijksregisternummer / BIS-registernummer').fill('90041812490');
    await ui.page.getByRole('button', { name: 'Verder' }).click();
    await ui.page.getByRole('heading', { name: 'Stap 2 van 3: Geef details' }).waitFor();
    await ui.page.getByLabel('Roepnaam').fill('Emmy');
    await ui.page.getByLabel('Initialen').fill('EW');
    await ui.page.getByRole('button', { name: 'Verder' }).click();
    await ui.page.getByRole('button', { name: 'Bevestig' }).click();
    await expect.poll(() => h1().textContent()).toBe('Gegevens van gebruiker');
  });

  it('links her: Organisatie code, Vaste Medewerker, Maximumperiode = 10 jaar ; je kan dit aanpassen.', async () => {
    await ui.page.getByRole('link', { name: 'Koppel gebruiker aan organisatie' }).click();
    await expect.poll(() => h1().textContent()).toBe('Koppel gebruiker aan organisatie');
    expect(await readOnly('Organisatie code')).toBe('0795.012.394');
    await ui.page.getByRole('button', { name: /Categorie/ }).click();
    await ui.page.getByRole('option', { name: 'Vaste Medewerker', exact: true }).click();
    await ui.page.getByRole('button', { name: 'Verder' }).click();
    await ui.page.getByRole('heading', { name: 'Stap 2 van 3: Werkrelatie details' }).waitFor();
    expect(await readOnly('Categorie')).toBe('Vaste Medewerker');
    await ui.page.getByText('Maximumperiode = 10 jaar ; je kan dit aanpassen.').waitFor();
    await ui.page.getByLabel('Telefoonnummer (bv. +3212345678)').fill('+3212345678');
    await ui.page.getByLabel('E-mailadres').fill('emma.willems@example.be');
    await screen('link-seed-labels');
    await ui.page.getByRole('button', { name: 'Verder' }).click();
    await ui.page.getByRole('button', { name: 'Bevestig' }).click();
    await ui.page.getByText('Ken nu het gebruikersrecht toe.').waitFor();
    expect(await ui.page.locator('.relationship-card').textContent()).toContain('Vaste Medewerker');
  });

  it('Koppel gebruiker aan organisatie stays: one relationship per organisation, Bewerk werkrelatie offered', async () => {
    await ui.page.getByRole('link', { name: 'Koppel gebruiker aan organisatie' }).click();
    await expect.poll(() => h1().textContent()).toBe('Koppel gebruiker aan organisatie');
    const notice = ui.page.locator('.notice', { hasText: 'is al gekoppeld' });
    expect(squash(await notice.textContent())).toContain(
      `Een persoon heeft per organisatie één werkrelatie: Vaste Medewerker, geldig van ${dmy(TODAY)} tot ${dmy(plusYears(TODAY, 10, -1))}.`,
    );
    await screen('link-already-linked');
    await notice.getByRole('button', { name: 'Bewerk werkrelatie' }).click();
    await dialog().getByLabel('Telefoonnummer (bv. +3212345678)').fill('+32470123456');
    await dialog().getByRole('button', { name: 'Bewaar' }).click();
    await expect.poll(() => h1().textContent()).toBe('Gegevens van gebruiker');
    await ui.page.getByText('De werkrelatie van Emma Willems is gewijzigd.').waitFor();
  });

  it('grants VLAIO Inkom Gebruiker Nieuw: the seed’s closing message links the portal', async () => {
    await ui.page.getByRole('link', { name: 'Ken gebruikersrecht toe' }).click();
    await ui.page.getByRole('button', { name: /Gebruikersrecht/ }).click();
    await ui.page.getByRole('option', { name: 'VLAIO Inkom Gebruiker Nieuw' }).click();
    await ui.page.getByRole('button', { name: 'Verder' }).click();
    await ui.page.getByText(/Maximumperiode = 5 jaar ; je kan dit aanpassen\./).waitFor();
    await ui.page
      .getByRole('listbox', { name: 'Beschikbaar' })
      .getByRole('option', { name: 'Dienstverlener kmo-portefeuille' })
      .click();
    await ui.page.getByRole('button', { name: 'Toevoegen aan lijst' }).click();
    await ui.page.getByRole('button', { name: 'Verder' }).click();
    await ui.page.getByRole('button', { name: 'Bevestig' }).click();
    const message = ui.page.locator('.notice-success');
    await message.getByRole('link', { name: PORTAL }).waitFor();
    expect(squash(await message.textContent())).toBe(
      `Het gebruikersrecht is toegekend. De persoon heeft nu toegang tot de beveiligde pagina's van een dienstverlener kmo-portefeuille : ${PORTAL}`,
    );
    expect(await message.getByRole('link', { name: PORTAL }).getAttribute('href')).toBe(PORTAL);
    await screen('grant-portal-link');
  });

  it('Bewerk ▼ → Bewerk gegevens: nickname and initials with a reason; the register’s details read only', async () => {
    const menuButton = ui.page.getByRole('button', { name: 'Bewerk', exact: true });
    await menuButton.click();
    await ui.page.getByRole('menuitem', { name: 'Bewerk gegevens' }).waitFor();
    await screen('person-menu');
    await ui.page.getByRole('menuitem', { name: 'Bewerk gegevens' }).click();
    const edit = dialog();
    await edit.getByRole('heading', { name: 'Bewerk de gegevens van Emma Willems' }).waitFor();
    expect(await readOnly('Voornaam', edit)).toBe('Emma');
    expect(await readOnly('Bron', edit)).toBe('VKBP');
    // The register's details are shown, not editable: the only inputs are ours.
    expect(await edit.getByRole('textbox').count()).toBe(3);
    expect(await edit.getByLabel('Roepnaam').inputValue()).toBe('Emmy');
    await edit.getByLabel('Roepnaam').fill('Em');
    await edit.getByLabel('Initialen').fill('E.W.');
    await edit.getByLabel(/Reden/).fill('Zo noemt ze zich');
    await screen('person-edit');
    await edit.getByRole('button', { name: 'Bewaar' }).click();
    await ui.page.getByText('De gegevens van Emma Willems zijn gewijzigd.').waitFor();
    await expect.poll(() => personField('Roepnaam')).toBe('Em');
    expect(await personField('Initialen')).toBe('E.W.');

    await ui.page.getByRole('tab', { name: 'Historiek' }).click();
    const entry = ui.page.locator('.timeline-item', { hasText: 'Gegevens van gebruiker gewijzigd' });
    await entry.waitFor();
    expect(squash(await entry.textContent())).toContain('Reden: Zo noemt ze zich');
    await ui.page.getByRole('tab', { name: 'Werkrelatie', exact: true }).click();

    // Escape closes the dialog and gives focus back to Bewerk ▼.
    await menuButton.click();
    await ui.page.getByRole('menuitem', { name: 'Bewerk gegevens' }).click();
    await dialog().waitFor();
    await ui.page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'detached' });
    await expect.poll(() => focusedName(ui.page)).toBe('Bewerk ▼');
  });

  it('Bewerk ▼ → Verwijder uit organisatie lists what ends, asks a reason, and removes her', async () => {
    await ui.page.getByRole('button', { name: 'Bewerk', exact: true }).click();
    await ui.page.getByRole('menuitem', { name: 'Verwijder uit organisatie' }).click();
    const remove = dialog();
    await remove
      .getByRole('heading', { name: 'Verwijder Emma Willems uit Adviesbureau Voorbeeld BV' })
      .waitFor();
    const warning = squash(await remove.locator('.notice').textContent());
    expect(warning).toContain('De historiek blijft bewaard.');
    expect(warning).toContain(
      `de werkrelatie: Vaste Medewerker, geldig van ${dmy(TODAY)} tot ${dmy(plusYears(TODAY, 10, -1))}`,
    );
    expect(warning).toContain('VLAIO Inkom Gebruiker Nieuw (Dienstverlener kmo-portefeuille)');
    await remove.getByRole('button', { name: 'Ja, verwijder uit de organisatie' }).click();
    await expect.poll(() => summary().textContent()).toContain('Geef een reden op voor het verwijderen.');
    await remove.getByLabel(/Reden/).fill('Uit dienst');
    await screen('person-remove');
    await remove.getByRole('button', { name: 'Ja, verwijder uit de organisatie' }).click();

    await ui.page.getByRole('heading', { name: 'Mijn Taken', exact: true }).waitFor();
    await ui.page
      .getByText(
        'Emma Willems is verwijderd uit Adviesbureau Voorbeeld BV. De werkrelatie is beëindigd en het gebruikersrecht is ingetrokken.',
      )
      .waitFor();
    await screen('person-removed');
    // The history stays: the organisation's audit trail has the removal.
    await open('/o/0795012394/historiek');
    await ui.page.getByRole('button', { name: 'Toon' }).click();
    await ui.page.getByText('Verwijderd uit de organisatie').first().waitFor();
    await ui.page.getByText('Werkrelatie verwijderd').first().waitFor();
  });

  it('Help: phone, e-mail and chat are links, the seed’s words kept', async () => {
    await open('/help');
    await expect.poll(() => h1().textContent()).toBe('Hulp nodig of heeft u een vraag?');
    const contact = ui.page.locator('section.contact');
    const text = squash(await contact.textContent());
    expect(text).toContain('Bezoek onze website www.kmo-portefeuille.be.');
    expect(text).toContain(
      'Bel, mail of chat gratis met 1700. 1700 is elke werkdag telefonisch bereikbaar van 9 tot 19 uur. Bellen vanuit het buitenland kan ook, op het betalende nummer +32 2 553 1700.',
    );
    const href = (name: string) => contact.getByRole('link', { name, exact: true }).getAttribute('href');
    expect(await href('1700')).toBe('tel:1700');
    expect(await href('+32 2 553 1700')).toBe('tel:+3225531700');
    expect(await href('mail')).toMatch(/^mailto:[^@\s]+@[^@\s]+$/);
    expect(await href('chat')).toMatch(/^https:\/\//);
    await screen('help');
    expect(ui.problems).toEqual([]);
  });
});
