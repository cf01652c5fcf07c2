/**
 * KBO follow steps ListOrganisations and MoreOrganisations (infra/workflows/kbo.asl.json): the next page
 * of organisations to follow, from the organisations' list (gsi1 `ORGS`), 100 at a time, so the run's
 * cost grows with the number of organisations and no state's input comes near 256 KiB. The start of
 * each page handed out is recorded for the day, so a run that failed halfway goes on at that page the
 * next time (each organisation's follow is idempotent); a day done is not followed twice.
 */
import * as z from 'zod/mini';
import { ENV } from '#lib/config/env-names';
import { ValidationError } from '#lib/domain/errors';
import { parseCalendarDate, todayInBrussels } from '#lib/domain/period';
import type { Deps } from '#lib/services/deps';
import { Day, invalid } from '#lib/services/expiry/shared';
import { emitKbo } from '#lib/services/kbo/shared';

export const KBO_PAGE_SIZE = 100;
const pageSize = () => Number(process.env.KBO_PAGE_SIZE) || KBO_PAGE_SIZE;

const ListInput = z.union([
  z.object({ date: Day, cursor: z.string().check(z.minLength(1)) }),
  z.object({ input: z.nullish(z.looseObject({ date: z.optional(Day) })), startTime: z.optional(z.string()) }),
]);

export interface OrganisationsPage {
  date: string;
  /** One per organisation: what its child execution gets (ids and the day only). */
  items: { date: string; enterpriseNumber: string }[];
  cursor: string | null;
}

/** The day of a run: the input's `date`, else the fixed demo day, else today in Brussels at the start. */
function runDate(
  input: { input?: { date?: string | undefined } | null | undefined; startTime?: string | undefined },
  deps: Deps,
) {
  if (input.input?.date) return input.input.date;
  const fixed = process.env[ENV.today];
  if (fixed && parseCalendarDate(fixed).ok) return fixed;
  const start = input.startTime ? new Date(input.startTime) : new Date(deps.clock().now);
  return todayInBrussels(Number.isNaN(start.getTime()) ? new Date(deps.clock().now) : start);
}

export async function listOrganisations(deps: Deps, raw: unknown): Promise<OrganisationsPage> {
  const parsed = ListInput.safeParse(raw ?? {});
  if (!parsed.success) throw invalid(parsed.error);
  const input = parsed.data;
  const now = deps.clock().now;
  let date: string;
  let cursor: string | null;
  if ('cursor' in input) {
    date = input.date;
    cursor = input.cursor;
  } else {
    date = runDate(input, deps);
    const position = await deps.kbo.position(date);
    if (position?.done) {
      emitKbo({ type: 'planned', date, organisations: 0, resumed: false });
      return { date, items: [], cursor: null };
    }
    cursor = position?.cursor ?? null;
    emitKbo({ type: 'planned', date, organisations: -1, resumed: cursor !== null });
  }
  if (!parseCalendarDate(date).ok)
    throw new ValidationError([
      { path: 'date', code: 'invalid', message: 'Geef de datum op als JJJJ-MM-DD.' },
    ]);
  await deps.kbo.savePosition(date, cursor, false, now);
  const page = await deps.organisations.list({ cursor, limit: pageSize() });
  return {
    date,
    items: page.items.map((enterpriseNumber) => ({ date, enterpriseNumber })),
    cursor: page.cursor,
  };
}

/** KBO follow step Complete: the day is done. */
export async function completeKboFollow(deps: Deps, raw: unknown): Promise<{ date: string }> {
  const parsed = z.object({ date: Day }).safeParse(raw ?? {});
  if (!parsed.success) throw invalid(parsed.error);
  await deps.kbo.savePosition(parsed.data.date, null, true, deps.clock().now);
  emitKbo({ type: 'completed', date: parsed.data.date });
  return { date: parsed.data.date };
}
