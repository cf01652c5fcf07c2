/**
 * KBO follow step FollowOrganisation: reads the KBO for one organisation and applies what changed
 * (apply.ts), then sends the e-mail owed. An organisation with nothing to follow it for (no local
 * administrator, nobody in it, nothing owed) is skipped without asking the KBO. MAGDA being down fails
 * the step (retried by the state machine; after that the run fails and the next run goes on from here).
 */
import * as z from 'zod/mini';
import type { Deps } from '#lib/services/deps';
import { Day, invalid } from '#lib/services/expiry/shared';
import { applyKboReading, deliverOwed, worthFollowing } from '#lib/services/kbo/apply';
import { askKbo, emitKbo, type KboOutcome } from '#lib/services/kbo/shared';

const FollowInput = z.object({ date: Day, enterpriseNumber: z.string().check(z.regex(/^\d{10}$/)) });

export async function followOrganisation(deps: Deps, raw: unknown): Promise<KboOutcome> {
  const parsed = FollowInput.safeParse(raw ?? {});
  if (!parsed.success) throw invalid(parsed.error);
  const { date, enterpriseNumber } = parsed.data;
  const base = { enterpriseNumber, changes: [], paused: 0, tasksOpened: 0, emails: 0 };
  const org = await deps.organisations.get(enterpriseNumber);
  let result: KboOutcome;
  if (!org || !(await worthFollowing(deps, org))) {
    result = { ...base, outcome: 'skipped' };
  } else {
    const enterprise = await askKbo(deps, enterpriseNumber);
    if (!enterprise) {
      // Struck from the KBO (or never there): nothing to apply; what is owed still goes out.
      deps.log.warn('organisation not in the KBO', { enterpriseNumber });
      result = { ...base, outcome: 'not-in-kbo', emails: await deliverOwed(deps, enterpriseNumber, date) };
    } else {
      result = await applyKboReading(deps, enterprise, { mail: true, date });
    }
  }
  emitKbo({ type: 'followed', date, result });
  return result;
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
