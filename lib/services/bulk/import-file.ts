/**
 * Reading an import file: CSV (`;` or `,` between cells, UTF-8 with or without BOM, as Excel saves it)
 * with a header line naming the columns, one row per person. Parsing is csv-parse's (quotes, quoted
 * separators and line breaks, a quote left open); which separator the file uses is read from its header.
 * Each row is then judged by the very contracts of the single routes (add-person's national number,
 * create-work-relationship's relationship, grant-right's right), so a row's field errors carry the same
 * codes and messages, named by the file's column.
 */
import { parse } from 'csv-parse/sync';
import { CreateRelationshipRequest, GrantRightRequest, LookupRequest } from '#lib/contracts/api';
import { IMPORT_COLUMNS, type ImportColumn, REQUIRED_IMPORT_COLUMNS } from '#lib/contracts/bulk';
import { check } from '#lib/contracts/field-errors';
import { ImportFileError, type ImportRowInput, type JobRow, MAX_ROWS, tooManyRows } from '#lib/domain/bulk';
import { type FieldError, fieldError } from '#lib/domain/errors';
import { maskNationalNumber } from '#lib/domain/national-number';

type Column = ImportColumn;

/** The column a field error of a part of the row is about (the contracts' paths → the file's header). */
export const PERSON_FIELDS: Record<string, Column> = {
  nationalNumber: 'nationalNumber',
  '': 'nationalNumber',
};
export const RELATIONSHIP_FIELDS: Record<string, Column> = {
  category: 'category',
  startDate: 'startDate',
  endDate: 'endDate',
  phone: 'phone',
  email: 'email',
};
export const GRANT_FIELDS: Record<string, Column> = {
  right: 'right',
  profiles: 'profiles',
  startDate: 'grantStartDate',
  endDate: 'grantEndDate',
};

export const columnName = (c: Column): string => IMPORT_COLUMNS[c][0];

/** Field errors of one part of a row, their paths named by the file's columns ('' for the row as a whole). */
export function inColumns(errors: FieldError[], fields: Record<string, Column>, fallback = ''): FieldError[] {
  return errors.map((e) => {
    const column = fields[e.path.split('.')[0] ?? ''];
    return { ...e, path: column ? columnName(column) : fallback };
  });
}

const normalise = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

const COLUMN_BY_NAME = new Map<string, Column>(
  Object.entries(IMPORT_COLUMNS).flatMap(([column, names]) =>
    names.map((n) => [normalise(n), column as Column] as const),
  ),
);

/** `;` unless the header line has more `,` outside quotes (a file saved with commas). */
function separatorOf(text: string): ';' | ',' {
  const header = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const outside = header.replace(/"[^"]*"/g, '');
  const count = (c: string) => outside.split(c).length - 1;
  return count(',') > count(';') ? ',' : ';';
}

/** dd/mm/jjjj (as Belgian Excel writes a date) becomes JJJJ-MM-DD; anything else goes to the contract as it is. */
function isoDate(value: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  return m ? `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}` : value;
}

const profileList = (value: string) =>
  value
    .split(/[|;,]/)
    .map((p) => p.trim())
    .filter(Boolean);

interface Parsed {
  columns: (Column | null)[];
  records: { line: number; cells: string[] }[];
}

function parseCsv(content: string): Parsed {
  let out: { record: string[]; info: { lines: number } }[];
  try {
    out = parse(content, {
      bom: true,
      delimiter: separatorOf(content),
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
      info: true,
    }) as unknown as typeof out;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ImportFileError(
      'bulk.csv-invalid',
      line ? { key: 'bulk.csv-invalid/line', params: { line } } : { key: 'bulk.csv-invalid' },
      [fieldError('content', 'bulk.csv-invalid')],
    );
  }
  const [header, ...records] = out;
  if (!header) {
    throw new ImportFileError('bulk.no-rows', 'bulk.no-rows', [
      fieldError('content', 'bulk.no-rows', 'import.empty'),
    ]);
  }
  const columns = header.record.map((name) => COLUMN_BY_NAME.get(normalise(name)) ?? null);
  const missing = REQUIRED_IMPORT_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length > 0) {
    throw new ImportFileError(
      'bulk.columns-missing',
      { key: 'bulk.columns-missing', params: { columns: missing.map(columnName).join(', ') } },
      missing.map((c) => fieldError(columnName(c), 'bulk.column-missing')),
    );
  }
  return { columns, records: records.map((r) => ({ line: r.info.lines, cells: r.record })) };
}

/**
 * The rows of an import file, each judged by the contracts (the row's `invalid` field errors) and a
 * national number met on an earlier row refused as a duplicate. A file that cannot be read as a whole, has
 * no rows or more than MAX_ROWS is refused (ImportFileError, 400), and nothing is kept of it.
 */
export function readImportFile(content: string): JobRow[] {
  const { columns, records } = parseCsv(content);
  if (records.length === 0) {
    throw new ImportFileError('bulk.no-rows', 'bulk.no-rows/header-only', [
      fieldError('content', 'bulk.no-rows', 'bulk.no-rows'),
    ]);
  }
  if (records.length > MAX_ROWS) throw tooManyRows(records.length);
  const firstLine = new Map<string, number>();
  return records.map(({ line, cells }, index) => {
    const cell = (c: Column) => {
      const i = columns.indexOf(c);
      return i >= 0 ? (cells[i] ?? '') : '';
    };
    const errors: FieldError[] = [];
    if (cells.length > columns.length) {
      errors.push(fieldError('', 'bulk.too-many-cells'));
    }
    const person = check(LookupRequest, { nationalNumber: cell('nationalNumber') });
    const relationship = check(CreateRelationshipRequest, {
      category: cell('category'),
      startDate: isoDate(cell('startDate')),
      endDate: isoDate(cell('endDate')),
      phone: cell('phone'),
      email: cell('email'),
    });
    const wantsRight = (['right', 'profiles', 'grantStartDate', 'grantEndDate'] as const).some((c) =>
      cell(c),
    );
    const grant = wantsRight
      ? check(GrantRightRequest, {
          right: cell('right'),
          profiles: profileList(cell('profiles')),
          startDate: isoDate(cell('grantStartDate')),
          endDate: isoDate(cell('grantEndDate')),
        })
      : null;
    if (!person.ok) errors.push(...inColumns(person.errors, PERSON_FIELDS));
    if (!relationship.ok) errors.push(...inColumns(relationship.errors, RELATIONSHIP_FIELDS));
    if (grant && !grant.ok) errors.push(...inColumns(grant.errors, GRANT_FIELDS));
    const nationalNumber = person.ok ? person.value.nationalNumber.value : null;
    if (nationalNumber) {
      const earlier = firstLine.get(nationalNumber);
      if (earlier !== undefined) {
        errors.push(
          fieldError(columnName('nationalNumber'), 'bulk.duplicate', 'bulk.duplicate', { row: earlier }),
        );
      } else firstLine.set(nationalNumber, line);
    }
    const input: ImportRowInput | null =
      errors.length === 0 && nationalNumber && relationship.ok && (!grant || grant.ok)
        ? {
            nationalNumber,
            relationship: {
              category: relationship.value.category,
              startDate: relationship.value.startDate,
              endDate: relationship.value.endDate,
              phone: relationship.value.phone,
              email: relationship.value.email,
            },
            grant: grant?.ok
              ? {
                  right: grant.value.right,
                  profiles: grant.value.profiles,
                  startDate: grant.value.startDate,
                  endDate: grant.value.endDate,
                }
              : null,
          }
        : null;
    return {
      index,
      line,
      masked: nationalNumber ? maskNationalNumber(nationalNumber) : null,
      input,
      invalid: errors.length > 0 ? errors : null,
      preview: null,
      result: null,
    };
  });
}
