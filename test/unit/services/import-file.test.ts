/**
 * Reading an import file (lib/services/bulk/import-file.ts): csv-parse's reading with the separator the
 * header uses, the BOM, the column names as people write them, Belgian Excel's dates, each row judged by
 * the single routes' contracts (errors named by column), duplicates, and the files refused as a whole.
 */
import { describe, expect, it } from 'vitest';
import { ImportFileError, MAX_ROWS } from '#lib/domain/bulk';
import { readImportFile } from '#lib/services/bulk/import-file';

const EMMA = '90041812490';
const LUCAS = '01073003339';
const HEADER = 'Rijksregisternummer;Categorie;Begindatum;Einddatum;Telefoon;E-mail';

const refused = (content: string): ImportFileError => {
  try {
    readImportFile(content);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('not refused');
};

describe('reading an import file', () => {
  it('reads `;` with a BOM, Excel’s dd/mm/jjjj dates and spaced phone numbers, without a right', () => {
    const [row] = readImportFile(
      `\uFEFF${HEADER}\r\n${EMMA};Vaste medewerker;1/2/2027;31/12/2030;0470 12 34 56;emma@example.be\r\n`,
    );
    expect(row).toMatchObject({
      index: 0,
      line: 2,
      masked: '90.04.18-***.**',
      invalid: null,
      input: {
        nationalNumber: EMMA,
        relationship: {
          category: 'Vaste medewerker',
          startDate: '2027-02-01',
          endDate: '2030-12-31',
          phone: '+32470123456',
          email: 'emma@example.be',
        },
        grant: null,
      },
    });
  });

  it('reads `,` files with quoted cells, other column names and a right with its profiles', () => {
    const rows = readImportFile(
      [
        'RRN,categorie werkrelatie,begindatum,einddatum,telefoonnummer,e-mailadres,gebruikersrecht,profiel,begindatum recht,einddatum recht',
        `${LUCAS},"Stagiair",2027-01-01,2027-06-30,+3212345678,lucas@example.be,VLAIO Inkom Gebruiker Nieuw,"Dienstverlener kmo-portefeuille|Gebruiker",2027-01-01,2027-03-31`,
      ].join('\n'),
    );
    expect(rows[0]?.input?.grant).toEqual({
      right: 'VLAIO Inkom Gebruiker Nieuw',
      profiles: ['Dienstverlener kmo-portefeuille', 'Gebruiker'],
      startDate: '2027-01-01',
      endDate: '2027-03-31',
    });
  });

  it('judges each row by the contracts, naming the column, and refuses a number met before', () => {
    const rows = readImportFile(
      [
        `${HEADER};recht;profielen;begindatum recht;einddatum recht`,
        `${EMMA};Baas;2027-01-01;2030-12-31;12;emma@example.be;;;;`,
        `${LUCAS};Stagiair;2027-01-01;2027-06-30;+3212345678;lucas@example.be;VLAIO Inkom Gebruiker Nieuw;;2027-01-01;2033-01-01`,
        `${EMMA};Stagiair;2027-01-01;2027-06-30;+3212345678;emma@example.be;;;;`,
        '',
        `12345;Stagiair;2027-01-01;2027-06-30;+3212345678;x@example.be;;;;;extra`,
      ].join('\r\n'),
    );
    const paths = rows.map((r) => (r.invalid ?? []).map((e) => `${e.path}:${e.code}`));
    expect(paths[0]).toEqual(['categorie:invalid-value', 'telefoon:phone.invalid']);
    expect(paths[1]).toEqual(['profielen:too-small', 'einddatum recht:period.too-long']);
    expect(paths[2]).toEqual(['rijksregisternummer:bulk.duplicate']);
    // The empty line is skipped; the line numbers stay the file's.
    expect(rows[3]?.line).toBe(6);
    expect(paths[3]?.[0]).toBe(':bulk.too-many-cells');
    expect(paths[3]?.[1]).toMatch(/^rijksregisternummer:/);
    expect(rows.every((r) => r.invalid === null || r.input === null)).toBe(true);
    expect(rows[3]?.masked).toBeNull();
  });

  it('refuses a file as a whole: no rows, a column missing, a quote left open, too many rows', () => {
    expect(refused(`${HEADER}\r\n`).code).toBe('bulk.no-rows');
    const missing = refused('rijksregisternummer;categorie\r\n1;2');
    expect(missing.code).toBe('bulk.columns-missing');
    expect(missing.errors.map((e) => e.path)).toEqual(['begindatum', 'einddatum', 'telefoon', 'e-mail']);
    expect(refused(`${HEADER}\r\n"${EMMA};Stagiair`).code).toBe('bulk.csv-invalid');
    const row = `${EMMA};Stagiair;2027-01-01;2027-06-30;+3212345678;e@example.be`;
    expect(readImportFile([HEADER, ...Array(MAX_ROWS).fill(row)].join('\n'))).toHaveLength(MAX_ROWS);
    const tooMany = refused([HEADER, ...Array(MAX_ROWS + 1).fill(row)].join('\n'));
    expect(tooMany.code).toBe('bulk.too-many-rows');
    expect(tooMany.status).toBe(400);
  });
});
