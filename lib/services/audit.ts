/**
 * The organisation's audit trail: every change in it (persons, relationships, rights, local
 * administrators, what the KBO changed), newest first, from the history entries written with each
 * change (keys.ts 27: one Query a page). National numbers only masked. The CSV export reads the same
 * pages for a period and writes what Belgian Excel opens as it is: UTF-8 with a BOM, `;` between cells.
 */
import { HISTORY_ACTION_LABELS } from '#lib/contracts/history-labels';
import { BusinessRuleError, fieldError, NotFoundError } from '#lib/domain/errors';
import { holdersOn } from '#lib/domain/holdings';
import { addDays, brusselsDayStart, brusselsWallClock } from '#lib/domain/period';
import type { AuditEntry, Page } from '#lib/domain/records';
import type { Deps } from '#lib/services/deps';

export interface AuditQuery {
  from?: string | undefined;
  to?: string | undefined;
  action?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** A period of Brussels days as instants: from the first moment of `from` to the last of `to`. */
function period(q: Pick<AuditQuery, 'from' | 'to'>) {
  return {
    ...(q.from ? { from: new Date(brusselsDayStart(q.from)).toISOString() } : {}),
    ...(q.to ? { to: new Date(brusselsDayStart(addDays(q.to, 1)) - 1).toISOString() } : {}),
  };
}

export async function listAudit(
  deps: Deps,
  enterpriseNumber: string,
  q: AuditQuery,
): Promise<Page<AuditEntry>> {
  return deps.audit.page(enterpriseNumber, {
    ...period(q),
    ...(q.action ? { action: q.action } : {}),
    ...(q.cursor ? { cursor: q.cursor } : {}),
    limit: q.limit,
  });
}

/** At most this many lines in one export: a Lambda answer stays well under its 6 MB. */
export const MAX_EXPORT_ROWS = 10_000;

const HEADER = [
  'Datum',
  'Tijd',
  'Door',
  'Actie',
  'Code',
  'Persoon',
  'Rijksregisternummer',
  'Reden',
  'Voor',
  'Na',
];

/** One cell: quoted when it holds `;`, a quote or a line break; a leading = + - @ is neutralised for Excel. */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function line(e: AuditEntry): string {
  const clock = brusselsWallClock(new Date(e.at));
  const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v));
  return [
    clock.date.split('-').reverse().join('/'),
    clock.time.slice(0, 8),
    e.actor.name,
    HISTORY_ACTION_LABELS[e.action] ?? e.action,
    e.action,
    e.subject?.name ?? '',
    e.subject?.nationalNumber ?? '',
    e.reason ?? '',
    json(e.before),
    json(e.after),
  ]
    .map(cell)
    .join(';');
}

export async function exportAudit(
  deps: Deps,
  enterpriseNumber: string,
  q: Omit<AuditQuery, 'cursor' | 'limit'>,
): Promise<{ filename: string; csv: string; rows: number }> {
  const lines = [HEADER.join(';')];
  let cursor: string | undefined;
  do {
    const page = await listAudit(deps, enterpriseNumber, { ...q, ...(cursor ? { cursor } : {}), limit: 100 });
    for (const e of page.items) lines.push(line(e));
    if (lines.length - 1 > MAX_EXPORT_ROWS) {
      throw new BusinessRuleError(
        'audit.export-too-large',
        { key: 'audit.export-too-large', params: { max: MAX_EXPORT_ROWS } },
        [fieldError('from', 'audit.export-too-large', 'audit.shorter-period')],
      );
    }
    cursor = page.cursor ?? undefined;
  } while (cursor);
  const span = [q.from, q.to].filter(Boolean).join('_tot_');
  return {
    filename: `historiek-${enterpriseNumber}${span ? `-${span}` : ''}.csv`,
    csv: `\uFEFF${lines.join('\r\n')}\r\n`,
    rows: lines.length - 1,
  };
}

/**
 * Who held a right in the organisation on a day, with which profiles and over which days (holdings.ts):
 * the state at the end of that day, as recorded with each change; paused relationships, revoked and
 * edited grants included. One Query of that right's holdings, whatever the other organisations hold.
 */
export async function rightHolders(deps: Deps, enterpriseNumber: string, rightId: string, on: string) {
  const right = await deps.catalogue.get(rightId);
  if (!right) {
    throw new NotFoundError('right.not-found');
  }
  const held = holdersOn(await deps.audit.holdings(enterpriseNumber, rightId), on);
  return {
    right: { rightId, name: right.name },
    on,
    holders: held
      .map((r) => ({
        personId: r.personId,
        name: r.subject.name,
        nationalNumber: r.subject.nationalNumber,
        profiles: r.holding.profiles,
        from: r.holding.from,
        to: r.holding.to,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'nl-BE') || a.personId.localeCompare(b.personId)),
  };
}
