/**
 * KBO follow steps FollowOrganisation and DeliverNotices. FollowOrganisation reads the KBO for one
 * organisation and applies what changed (apply.ts); it says whether e-mail is owed, and only then does
 * DeliverNotices send it, as a step of its own: a mail server that fails for the moment is retried
 * without asking MAGDA again, and neither function bundles what only the other needs. An organisation
 * with nothing to follow it for (no local administrator, nobody in it, nothing owed) is skipped without
 * asking the KBO. MAGDA down fails the step (retried by the state machine; then reported).
 */
import * as z from 'zod/mini';
import type { Deps } from '#lib/services/deps';
import { Day, invalid } from '#lib/services/expiry/shared';
import { applyKboReading, deliverOwed, worthFollowing } from '#lib/services/kbo/apply';
import { askKbo, emitKbo, type KboOutcome } from '#lib/services/kbo/shared';

const FollowInput = z.object({ date: Day, enterpriseNumber: z.string().check(z.regex(/^\d{10}$/)) });

/** What FollowOrganisation hands on: the counts of what it did and whether e-mail is owed. */
export type Followed = KboOutcome & { owed: boolean };

export async function followOrganisation(deps: Deps, raw: unknown): Promise<Followed> {
  const parsed = FollowInput.safeParse(raw ?? {});
  if (!parsed.success) throw invalid(parsed.error);
  const { date, enterpriseNumber } = parsed.data;
  const base = { enterpriseNumber, changes: [], paused: 0, tasksOpened: 0 };
  const org = await deps.organisations.get(enterpriseNumber);
  const admins = org ? await deps.admins.list(enterpriseNumber) : [];
  let result: KboOutcome;
  let after = org;
  if (!org || !(await worthFollowing(deps, org, admins))) {
    result = { ...base, outcome: 'skipped' };
  } else {
    const enterprise = await askKbo(deps, enterpriseNumber);
    if (!enterprise) {
      // Struck from the KBO (or never there): nothing to apply; what is owed still goes out.
      deps.log.warn('organisation not in the KBO', { enterpriseNumber });
      result = { ...base, outcome: 'not-in-kbo' };
    } else {
      const { org: applied, ...outcome } = await applyKboReading(deps, enterprise, { date, org, admins });
      result = outcome;
      after = applied;
    }
  }
  emitKbo({ type: 'followed', date, result });
  const owed = (after?.kboNotices ?? []).length > 0;
  return { ...result, owed };
}

/** KBO follow step DeliverNotices: the e-mail the organisation's notices owe, each recipient once. */
export async function deliverKboNotices(deps: Deps, raw: unknown): Promise<{ emails: number }> {
  const parsed = FollowInput.safeParse(raw ?? {});
  if (!parsed.success) throw invalid(parsed.error);
  const { date, enterpriseNumber } = parsed.data;
  const emails = await deliverOwed(deps, enterpriseNumber, date);
  emitKbo({ type: 'delivered', date, enterpriseNumber, emails });
  return { emails };
}

/** KBO follow step RecordFailure: an organisation that failed for good is reported; the day goes on. */
export async function recordKboFailure(deps: Deps, raw: unknown): Promise<void> {
  const parsed = z
    .object({
      date: Day,
      enterpriseNumber: z.string().check(z.regex(/^\d{10}$/)),
      error: z.optional(z.looseObject({ Error: z.optional(z.string()) })),
    })
    .safeParse(raw ?? {});
  if (!parsed.success) throw invalid(parsed.error);
  const code = (parsed.data.error?.Error ?? 'unknown').slice(0, 100);
  await deps.kbo.recordFailure(parsed.data.date, parsed.data.enterpriseNumber, code, deps.clock().now);
  emitKbo({ type: 'failed', date: parsed.data.date, enterpriseNumber: parsed.data.enterpriseNumber, code });
}
