/**
 * Expiry steps PlanDigests, PlanMoreDigests and SendDigest (infra/workflows/expiry.asl.json): after
 * every due item is handled, each local administrator gets one e-mail per organisation with what ends
 * soon and what ended there since their last one, instead of an e-mail per item.
 *
 * - Per organisation, not across organisations: an administrator's address is that of their work
 *   relationship with the organisation, and an accountant who administers several clients has one
 *   there per client. One organisation's people never go to the mailbox someone keeps at another.
 * - What it reads is what is due: the lines the run's HandleItem steps recorded (`DIGEST#{day}`), one
 *   Query (Limit 1) per organisation to find the organisations, one Query per organisation and day for
 *   their lines; never a Scan, nothing that grows with the rest of the table.
 * - Once: per organisation and administrator, the last day a digest covered (`DIGEST#ORG#{en}`). A
 *   retry, or a second run on the day, finds it covered and sends nothing again. Only a failure of
 *   DynamoDB between an e-mail and its record can send one twice (never zero times), as with the
 *   warnings.
 * - Weekly administrators get theirs on the run that covers a Monday; until then their lines are
 *   owed (`owedSince`), so a change to daily catches up on them, and a change from daily repeats nothing.
 * - Before a digest goes out, lines whose item changed since (extended, edited, deleted) are left out.
 */

import * as z from 'zod/mini';
import { TransientError, ValidationError } from '#lib/domain/errors';
import { daysOf, findDueTarget } from '#lib/domain/expiry';
import { DEFAULT_LANGUAGE } from '#lib/domain/i18n/language';
import type { PersonAggregate } from '#lib/domain/membership';
import {
  DEFAULT_FREQUENCY,
  type DigestLine,
  digestDue,
  digestFrom,
  digestStart,
  isWeeklyRound,
  linesFor,
} from '#lib/domain/notifications';
import { compareDates } from '#lib/domain/period';
import { MailRefusedError } from '#lib/domain/ports';
import type { AdminRecord } from '#lib/domain/records';
import type { Deps } from '#lib/services/deps';
import { Day, type DigestResult, emit, invalid } from '#lib/services/expiry/shared';
import { uiLinks } from '#lib/services/links';
import { expiryDigest } from '#lib/services/messages';

/** Organisations per page: about 100 bytes each in the state's output. `DIGEST_PAGE_SIZE` overrides it. */
export const DIGEST_PAGE_SIZE = 100;
const pageSizeFromEnv = () => Number(process.env.DIGEST_PAGE_SIZE) || DIGEST_PAGE_SIZE;

const Range = { date: Day, from: Day, through: Day };

const PlanDigestsInput = z.union([
  z.object({ run: z.object(Range) }),
  z.object({ page: z.object({ ...Range, cursor: z.string().check(z.minLength(1)) }) }),
]);

/** One organisation's digests of a run: what SendDigest gets (ids and days only). */
export interface DigestTarget {
  enterpriseNumber: string;
  /** The run's last day: the digests' day. */
  date: string;
  /** The first day of lines the run looks at (a week back on the weekly round). */
  from: string;
  /** The run sends the weekly digests too. */
  weekly: boolean;
}

export interface PlanDigestsOutput {
  date: string;
  from: string;
  through: string;
  organisations: DigestTarget[];
  /** Where the next page starts; `null` on the last page. */
  cursor: string | null;
}

/** Position: the day (index into the run's days) and the last organisation handed out on it. */
interface Cursor {
  d: number;
  after?: string;
}

const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(text: string): Cursor {
  try {
    const c = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Cursor;
    if (Number.isInteger(c.d) && c.d >= 0 && (c.after === undefined || /^\d{10}$/.test(c.after))) return c;
  } catch {
    // Falls through to the refusal.
  }
  throw new ValidationError([{ path: 'page.cursor', code: 'invalid', message: 'Ongeldige cursor.' }]);
}

/**
 * One page of the organisations with digest lines on the days the run looks at. An organisation with
 * lines on several of those days may come on more than one page: its second SendDigest finds every
 * digest sent and does nothing.
 */
export async function planDigests(
  deps: Deps,
  event: unknown,
  pageSize = pageSizeFromEnv(),
): Promise<PlanDigestsOutput> {
  const parsed = PlanDigestsInput.safeParse(event);
  if (!parsed.success) throw invalid(parsed.error);
  const first = 'run' in parsed.data;
  const { date, from, through } = 'run' in parsed.data ? parsed.data.run : parsed.data.page;
  const weekly = isWeeklyRound({ from, through });
  const start = digestFrom({ from, through }, weekly);
  const days = daysOf({ from: start, through });
  const found = new Set<string>();
  let at: Cursor = 'page' in parsed.data ? decodeCursor(parsed.data.page.cursor) : { d: 0 };
  while (at.d < days.length && found.size < pageSize) {
    const limit = pageSize - found.size;
    const ens = await deps.digests.organisations(days[at.d] ?? through, { after: at.after, limit });
    for (const en of ens) found.add(en);
    const last = ens.at(-1);
    at = ens.length < limit || !last ? { d: at.d + 1 } : { d: at.d, after: last };
  }
  const organisations = [...found].map((enterpriseNumber) => ({
    enterpriseNumber,
    date: through,
    from: start,
    weekly,
  }));
  if (first) emit({ type: 'digests-planned', date: through, weekly, organisations: organisations.length });
  return { date, from, through, organisations, cursor: at.d >= days.length ? null : encodeCursor(at) };
}

const SendDigestInput = z.object({
  enterpriseNumber: z.string().check(z.regex(/^\d{10}$/)),
  date: Day,
  from: Day,
  weekly: z.boolean(),
});

/** Whether a line still says something true: its item is there with the same end date (not extended). */
function stillTrue(line: DigestLine, agg: PersonAggregate | null): boolean {
  const target = findDueTarget(agg, line);
  if (!target || target.endDate !== line.endDate) return false;
  // A warning whose item has expired since is told by the expiry's own line.
  return line.notice === 'expired' || !target.expiredOn;
}

/** The administrator's address: that of their work relationship with this organisation (none: no e-mail). */
async function addressOf(deps: Deps, en: string, admin: AdminRecord): Promise<string | null> {
  const agg = await deps.memberships.load(en, admin.personId, { consistent: false });
  return agg?.relationship?.email ?? null;
}

/** One organisation: each local administrator's digest that is due, once. */
export async function sendDigest(deps: Deps, event: unknown): Promise<DigestResult> {
  const parsed = SendDigestInput.safeParse(event);
  if (!parsed.success) throw invalid(parsed.error);
  const { enterpriseNumber: en, date, from, weekly } = parsed.data;
  const result: DigestResult = { enterpriseNumber: en, digests: 0, lines: 0, held: 0, refused: 0 };
  const [admins, states] = await Promise.all([deps.admins.list(en), deps.digests.states(en)]);
  const prefs = await Promise.all(admins.map((a) => deps.preferences.get(a.pseudonym)));
  const plans = admins.map((admin, i) => {
    const state = states.find((s) => s.personId === admin.personId) ?? null;
    const frequency = prefs[i]?.notifications.frequency ?? DEFAULT_FREQUENCY;
    return {
      admin,
      state,
      frequency,
      language: prefs[i]?.language ?? DEFAULT_LANGUAGE,
      due: digestDue(frequency, weekly),
      start: digestStart(state, from, date),
    };
  });
  // Covered through today already (a retry, a second run): nothing more for them.
  const open = plans.filter((p) => !p.state?.through || compareDates(p.state.through, date) < 0);
  // Where a digest would go: their relationship's address here. Without one there is no e-mail to send.
  const addresses = await Promise.all(open.map((p) => (p.due ? addressOf(deps, en, p.admin) : null)));
  const wanted = open.filter((p, i) => !p.due || addresses[i]);
  if (wanted.length === 0) return finish(result);

  // The organisation's lines of the days any of them needs, one Query a day.
  const first = wanted.map((p) => p.start).reduce((a, b) => (compareDates(a, b) <= 0 ? a : b));
  const days = compareDates(first, date) <= 0 ? daysOf({ from: first, through: date }) : [];
  const lines = (await Promise.all(days.map((day) => deps.digests.lines(day, en)))).flat();
  if (lines.length === 0) return finish(result);

  // Only what is still true: one read of each person's page, whatever their number of lines.
  const persons = [...new Set(lines.map((l) => l.personId))];
  const aggs = new Map(
    await Promise.all(
      persons.map(async (id) => [id, await deps.memberships.load(en, id, { consistent: false })] as const),
    ),
  );
  const fresh = lines.filter((l) => stillTrue(l, aggs.get(l.personId) ?? null));

  const links = uiLinks(deps.appUrl);
  for (const [i, plan] of open.entries()) {
    const mine = linesFor(plan.admin.personId, fresh, plan.start, date);
    if (!plan.due) {
      // Weekly, before Monday: held, from the first day owed.
      const owed = mine.map((l) => l.day).sort(compareDates)[0];
      if (owed) {
        await deps.digests.owe(en, plan.admin.personId, owed);
        result.held += 1;
      }
      continue;
    }
    const address = addresses[i];
    if (mine.length === 0 || !address) {
      // Nothing (left) to tell, or nowhere to tell it: a debt that went stale is settled.
      if (plan.state?.owedSince) await deps.digests.covered(en, plan.admin.personId, date, deps.clock().now);
      continue;
    }
    const sent = await send(deps, {
      to: [address],
      ...expiryDigest({
        recipientName: plan.admin.name,
        organisationName: mine[0]?.organisationName ?? en,
        date,
        frequency: plan.frequency,
        tasksUrl: links.tasks(en),
        preferencesUrl: links.preferences(),
        language: plan.language,
        lines: mine.map((l) => ({
          personName: l.personName,
          item: l.kind,
          ...(l.right ? { right: l.right } : {}),
          endDate: l.endDate,
          notice: l.notice,
          personUrl: links.person(en, l.personId),
        })),
      }),
    });
    if (sent) {
      result.digests += 1;
      result.lines += mine.length;
    } else {
      result.refused += 1;
      await deps.expiry.recordFailure({
        date,
        itemKey: `DIGEST#${en}#admin#${plan.admin.personId}`,
        enterpriseNumber: en,
        reason: 'mail-refused',
        code: 'mail.refused',
        detail: 'De mailserver weigert dit e-mailadres; kijk het na in de werkrelatie.',
        at: deps.clock().now,
      });
    }
    // Sent, or refused for good: covered, so it is not tried again.
    await deps.digests.covered(en, plan.admin.personId, date, deps.clock().now);
  }
  return finish(result);
}

/** True when sent; false when the mail service refuses the address for good. Anything else is retried. */
async function send(deps: Deps, email: Parameters<Deps['mailer']['send']>[0]): Promise<boolean> {
  try {
    await deps.mailer.send(email);
    return true;
  } catch (error) {
    if (error instanceof MailRefusedError) return false;
    throw new TransientError('A digest could not be sent.', { cause: error });
  }
}

function finish(result: DigestResult): DigestResult {
  emit({ type: 'digest', result });
  return result;
}
