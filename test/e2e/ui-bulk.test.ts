/**
 * Bulk work in a real browser against the local stack: Sofie imports a CSV file from *Toon alle
 * personen* (*Importeer personen (CSV)*: the preview per row, *Bevestig*, the result and its file), then
 * ticks Emma and Lucas on *Toon alle personen* and extends their relationships and rights in one action
 * (*Verlengen*), and downloads that result too. Screenshots to test-results/ui-bulk-*.png with an axe-core
 * check of each screen.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { plusYears, todayInBrussels, useBrowserSession } from '../support/ui.ts';

const HEADER =
  'rijksregisternummer;categorie;begindatum;einddatum;telefoon;e-mail;recht;profielen;begindatum recht;einddatum recht';
const NATIONAL_NUMBERS = ['90041812490', '01073003339', '82110524249', '85490201120'];

describe('bulk work in the browser', () => {
  const ui = useBrowserSession();
  const { screen, h1, open, chooseOrganisation, atWidth, fitsWidth } = ui;
  const today = todayInBrussels();

  const csvOf = (download: { path(): Promise<string | null> }) =>
    download.path().then((p) => readFile(p as string, 'utf8'));

  it('Sofie imports persons from a CSV file: preview, Bevestig, result', async () => {
    const file = [
      HEADER,
      `90041812490;Vaste medewerker;${today};${plusYears(today, 4)};+3212345678;emma.willems@example.be;VLAIO Inkom Gebruiker Nieuw;Dienstverlener kmo-portefeuille;${today};${plusYears(today, 2)}`,
      `01073003339;Stagiair;${today};${plusYears(today, 1)};0470 12 34 56;lucas.desmet@example.be;;;;`,
      `82110524249;Vaste medewerker;${today};${plusYears(today, 4)};+3212345678;sofie@example.be;;;;`,
      `85490201120;Vaste medewerker;${today};${plusYears(today, 11)};+3212345678;jonas@;;;;`,
    ].join('\r\n');

    await open('/', /Sofie Janssens/);
    await chooseOrganisation(/Adviesbureau Voorbeeld BV/);
    await ui.page.getByRole('link', { name: 'Toon alle personen' }).click();
    await expect.poll(() => h1().textContent()).toBe('Alle personen');
    await ui.page.getByRole('link', { name: 'Importeer personen (CSV)' }).click();
    await expect.poll(() => h1().textContent()).toBe('Importeer personen (CSV)');
    await ui.page.getByLabel('CSV-bestand').setInputFiles({
      name: 'personen.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${file}`, 'utf8'),
    });
    await ui.page.getByRole('button', { name: 'Controleer bestand' }).click();
    const preview = ui.page.getByRole('table', { name: 'Voorbeeld van de import' });
    await preview.waitFor();
    const text = await preview.textContent();
    expect(text).toContain('Nieuwe persoon, nieuwe werkrelatie, nieuw gebruikersrecht');
    expect(text).toContain('Al aanwezig: er verandert niets');
    expect(text).toContain('e-mail: Het domein na de @ is ongeldig');
    expect(text).toContain('90.04.18-***.**');
    for (const n of NATIONAL_NUMBERS) expect(text).not.toContain(n);
    await ui.page.getByText('4 rijen: 2 met iets nieuws, 1 al aanwezig, 1 met fouten.').waitFor();
    await screen('bulk-import-preview');

    await ui.page.getByRole('button', { name: 'Bevestig' }).click();
    await ui.page.getByText('De import is klaar').waitFor({ timeout: 30_000 });
    const result = ui.page.getByRole('table', { name: 'Resultaat per rij' });
    expect(await result.textContent()).toContain('Toegevoegd: nieuwe persoon, nieuwe werkrelatie');
    await screen('bulk-import-result');
    await atWidth(360, fitsWidth);

    const [download] = await Promise.all([
      ui.page.waitForEvent('download'),
      ui.page.getByRole('button', { name: 'Download resultaat (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^import-0795012394-[0-9A-Z]{26}\.csv$/);
    const csv = await csvOf(download);
    expect(csv.startsWith('\uFEFFRij;Rijksregisternummer;Resultaat;Wat;Veld;Fout')).toBe(true);
    expect(csv).toContain('2;90.04.18-***.**;Nieuw;persoon, werkrelatie, gebruikersrecht;;');
    for (const n of NATIONAL_NUMBERS) expect(csv).not.toContain(n);
    expect(csv).not.toContain('example.be');
  });

  it('Sofie ticks Emma and Lucas and extends their relationships and rights in one action', async () => {
    await ui.page.getByRole('link', { name: 'Naar alle personen' }).click();
    await expect.poll(() => h1().textContent()).toBe('Alle personen');
    await ui.page.getByLabel('Selecteer Emma Willems').check();
    await ui.page.getByLabel('Selecteer Lucas De Smet').check();
    await ui.page.getByText('De aangevinkte personen (2)').waitFor();
    await ui.page.getByLabel('Nieuwe einddatum (leeg: zo lang als toegelaten)').fill(plusYears(today, 6));
    await ui.page.getByLabel('Reden (optioneel)').fill('Contracten verlengd');
    await screen('bulk-extension');
    await ui.page.getByRole('button', { name: 'Verleng', exact: true }).click();
    await ui.page.getByText('Verlengen is klaar').waitFor({ timeout: 30_000 });
    const result = ui.page.getByRole('table', { name: 'Resultaat per rij' });
    const text = await result.textContent();
    expect(text).toContain('Emma Willems');
    expect(text).toContain('Lucas De Smet');
    expect(text).toContain('met gebruikersrechten');
    await screen('bulk-extension-result');

    const [download] = await Promise.all([
      ui.page.waitForEvent('download'),
      ui.page.getByRole('button', { name: 'Download resultaat (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^verlenging-0795012394-/);
    const csv = await csvOf(download);
    expect(csv).toContain(';Nieuw;werkrelatie en gebruikersrechten tot ');
    for (const n of NATIONAL_NUMBERS) expect(csv).not.toContain(n);
    await ui.page.getByRole('button', { name: 'Sluiten' }).click();

    // The other way to choose: everyone ending before a day (nobody ends that soon now: the API says so).
    await ui.page.getByLabel(/Iedereen van wie de werkrelatie/).check();
    await ui.page.getByLabel('Eindigt vóór', { exact: true }).fill(plusYears(today, 0, 30));
    await ui.page.getByRole('button', { name: 'Verleng', exact: true }).click();
    await ui.page.getByText(/Er zijn geen personen waarvan de werkrelatie/).waitFor();
  });

  it('raised no console errors and no Content-Security-Policy violations (but the one 422 asked for)', () => {
    expect(ui.problems.filter((p) => !p.includes('status of 422'))).toEqual([]);
    expect(ui.problems.length).toBeLessThanOrEqual(1);
  });
});
