/**
 * Expiry steps FindDue and FindMore (infra/workflows/expiry.asl.json): reads only the partitions
 * `DUE#{date}` of the sparse by-date index that matter for the days the run covers (60, 30, 7 and 1
 * days ahead, and yesterday), never a Scan; it catches up on days a failed or missed run left out (from
 * the `SWEEP/LAST` item, at most 60 days). It returns one page of at most SWEEP_PAGE_SIZE items and a
 * cursor; the state machine loops over the pages, so no state's input or output comes near the 256 KiB
 * Step Functions allows, however much is due.
 */
import * as z from 'zod/mini';
import { ENV } from '#lib/config/env-names';
import { ValidationError } from '#lib/domain/errors';
import { type DueItem, partitionsToQuery, planFor, sweepRange } from '#lib/domain/expiry';
import { parseCalendarDate, todayInBrussels } from '#lib/domain/period';
import type { Deps } from '#lib/services/deps';
import { Day, emit, invalid } from '#lib/services/expiry/shared';

/**
 * Due items per page: about 200 bytes each, so a page stays near 100 KB, well below 256 KiB.
 * `SWEEP_PAGE_SIZE` overrides it (the tests show what a page too large does).
 */
export const SWEEP_PAGE_SIZE = 500;
const pageSizeFromEnv = () => Number(process.env.SWEEP_PAGE_SIZE) || SWEEP_PAGE_SIZE;

const FindDueInput = z.union([
  // The next page of a run: its range and where the previous page stopped.
  z.object({
    page: z.object({ date: Day, from: Day, through: Day, cursor: z.string().check(z.minLength(1)) }),
  }),
  z.object({
    input: z.nullish(z.looseObject({ date: z.optional(Day) })),
    startTime: z.optional(z.string()),
  }),
]);
type FirstPageInput = {
  input?: { date?: string | undefined } | null | undefined;
  startTime?: string | undefined;
};

export interface FindDueOutput {
  /** The day the run is for. */
  date: string;
  /** The first day the run covers (earlier than `date` after missed days). */
  from: string;
  /** The last day covered: what CompleteSweep records. */
  through: string;
  items: DueItem[];
  /** Where the next page starts; `null` on the last page. Ids only (index keys), never personal data. */
  cursor: string | null;
}

/**
 * The day a run is for: the input's `date`, else the fixed demo day (APP_TODAY), else the Brussels
 * calendar day at the execution's start (a retried step keeps the day it started on).
 */
function runDate(input: FirstPageInput, deps: Deps): string {
  if (input.input?.date) return input.input.date;
  const fixed = process.env[ENV.today];
  if (fixed && parseCalendarDate(fixed).ok) return fixed;
  const start = input.startTime ? new Date(input.startTime) : new Date(deps.clock().now);
  return todayInBrussels(Number.isNaN(start.getTime()) ? new Date(deps.clock().now) : start);
}

/** Position in a run: the partition (index into partitionsToQuery) and the Query's start key in it. */
interface Cursor {
  p: number;
  k?: Record<string, unknown>;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (Number.isInteger(c.p) && c.p >= 0 && (c.k === undefined || typeof c.k === 'object')) return c;
  } catch {
    // Falls through to the refusal.
  }
  throw new ValidationError([{ path: 'page.cursor', code: 'invalid', message: 'Ongeldige cursor.' }]);
}

export async function findDueItems(
  deps: Deps,
  event: unknown,
  pageSize = pageSizeFromEnv(),
): Promise<FindDueOutput> {
  const parsed = FindDueInput.safeParse(event ?? {});
  if (!parsed.success) throw invalid(parsed.error);
  const store = deps.expiry;
  let date: string;
  let range: { from: string; through: string };
  let cursor: Cursor;
  if ('page' in parsed.data) {
    date = parsed.data.page.date;
    range = { from: parsed.data.page.from, through: parsed.data.page.through };
    cursor = decodeCursor(parsed.data.page.cursor);
  } else {
    date = runDate(parsed.data, deps);
    range = sweepRange(date, await store.lastSweep());
    cursor = { p: 0 };
  }
  const partitions = partitionsToQuery(range);
  const items: DueItem[] = [];
  let at: Cursor | null = cursor;
  // Partitions one after the other, each page by page, until the page is full or the run is done.
  while (at && at.p < partitions.length && items.length < pageSize) {
    const partition = partitions[at.p];
    if (!partition) break;
    const { entries, next } = await store.duePage(partition.endDate, {
      notExpired: partition.action === 'expire',
      limit: pageSize - items.length,
      start: at.k,
    });
    for (const entry of entries) {
      const plan = planFor(entry.endDate, range);
      if (!plan) continue;
      items.push({
        ...entry,
        action: plan.action,
        ...(plan.action === 'warn' ? { warning: plan.warning } : {}),
        date: range.through,
      });
    }
    at = next ? { p: at.p, k: next } : { p: at.p + 1 };
  }
  const done = !at || at.p >= partitions.length;
  if (cursor.p === 0 && !cursor.k) {
    emit({ type: 'planned', date, ...range, items: items.length, partitions: partitions.length });
  }
  return { date, ...range, items, cursor: done || !at ? null : encodeCursor(at) };
}
