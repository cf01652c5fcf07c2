/**
 * The CSV import's columns: the names its header may use (case, accents, spaces and dashes do not
 * matter), the first being the one the example file uses. Shared by the import (lib/services/bulk) and
 * the UI, which offers the example file and lists the columns.
 */
export const IMPORT_COLUMNS = {
  nationalNumber: ['rijksregisternummer', 'rijksregisternummer of bis-nummer', 'bis-nummer', 'rrn'],
  category: ['categorie', 'categorie werkrelatie'],
  startDate: ['begindatum', 'begindatum werkrelatie'],
  endDate: ['einddatum', 'einddatum werkrelatie'],
  phone: ['telefoon', 'telefoonnummer'],
  email: ['e-mail', 'e-mailadres'],
  right: ['recht', 'gebruikersrecht'],
  profiles: ['profielen', 'profiel'],
  grantStartDate: ['begindatum recht'],
  grantEndDate: ['einddatum recht'],
} as const;

export type ImportColumn = keyof typeof IMPORT_COLUMNS;

/** The columns every row needs; the right's four are optional (all empty: no right). */
export const REQUIRED_IMPORT_COLUMNS: readonly ImportColumn[] = [
  'nationalNumber',
  'category',
  'startDate',
  'endDate',
  'phone',
  'email',
];

/** At most this many rows (persons) per import or extension. */
export { MAX_ROWS as MAX_BULK_ROWS } from '#lib/domain/bulk';

/** The example file the screen offers: the header and one row (a fictitious person), `;` with BOM. */
export const IMPORT_EXAMPLE = `\uFEFF${Object.values(IMPORT_COLUMNS)
  .map((names) => names[0])
  .join(
    ';',
  )}\r\n90041812490;Vaste medewerker;01/01/2027;31/12/2030;+3212345678;emma.willems@example.be;VLAIO Inkom Gebruiker Nieuw;Dienstverlener kmo-portefeuille;01/01/2027;31/12/2029\r\n`;
