/**
 * The review workflow's steps (infra/workflows/review.asl.json): PlanReviews hands out the
 * organisations, AdvanceReview does for one what is due on the day (domain/reviews.ts `nextStep`):
 * schedule the first campaign, open one, remind, or close it. Each is idempotent and decided by the day.
 */

import * as z from 'zod/mini';
import { ENV } from '#lib/config/env-names';
import type { Language } from '#lib/domain/i18n/language';
import { revokeGrant } from '#lib/domain/membership';
import { maskNationalNumber } from '#lib/domain/national-number';
import { addDays, compareDates, parseCalendarDate, todayInBrussels } from '#lib/domain/period';
import type { StoredLine } from '#lib/domain/ports';
import type { HistoryEntry, OrganisationRecord } from '#lib/domain/records';
import {
  addMonths,
  type Campaign,
  DEFAULT_REVIEW_SETTINGS,
  initialReviewState,
  nextStep,
  type ReviewLine,
  type ReviewState,
  summarise,
} from '#lib/domain/reviews';
import type { Task } from '#lib/domain/tasks';
import { sendEach } from '#lib/services/access-requests/shared';
import { changeAggregate, withRetry } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';
import { Day, invalid } from '#lib/services/expiry/shared';
import { uiLinks } from '#lib/services/links';
import * as messages from '#lib/services/messages';
import { adminAddressees } from '#lib/services/recipients';

export const REVIEW_ACTOR = { personId: 'system', name: 'Toegangsreview' };
const PAGE = 100;
/** Persons read at a time when a campaign opens. */
const PARALLEL = 16;

const PlanInput = z.union([
  z.object({ date: Day, cursor: z.string().check(z.minLength(1)) }),
  z.object({
    input: z.nullish(
      z.looseObject({
        date: z.optional(Day),
        enterpriseNumber: z.optional(z.string()),
        campaignId: z.optional(z.string()),
      }),
    ),
    startTime: z.optional(z.string()),
  }),
]);

export interface ReviewItem {
  date: string;
  enterpriseNumber: string;
  campaignId?: string;
}

export interface ReviewPlan {
  date: string;
  items: ReviewItem[];
  cursor: string | null;
}

function runDate(input: { date?: string | undefined }, startTime: string | undefined, deps: Deps): string {
  if (input.date) return input.date;
  const fixed = process.env[ENV.today];
  if (fixed && parseCalendarDate(fixed).ok) return fixed;
  const start = startTime ? new Date(startTime) : new Date(deps.clock().now);
  return todayInBrussels(Number.isNaN(start.getTime()) ? new Date(deps.clock().now) : start);
}

/** Step PlanReviews / MorePlans: a page of organisations, or the one of a campaign started on demand. */
export async function planReviews(deps: Deps, raw: unknown): Promise<ReviewPlan> {
  const parsed = PlanInput.safeParse(raw ?? {});
  if (!parsed.success) throw invalid(parsed.error);
  const input = parsed.data;
  if ('cursor' in input) {
    const page = await deps.organisations.list({ cursor: input.cursor, limit: PAGE });
    return {
      date: input.date,
      items: page.items.map((en) => ({ date: input.date, enterpriseNumber: en })),
      cursor: page.cursor,
    };
  }
  const given = input.input ?? {};
  const date = runDate(given, input.startTime, deps);
  if (given.enterpriseNumber) {
    return {
      date,
      items: [
        {
          date,
          enterpriseNumber: given.enterpriseNumber,
          ...(given.campaignId ? { campaignId: given.campaignId } : {}),
        },
      ],
      cursor: null,
    };
  }
  const page = await deps.organisations.list({ cursor: null, limit: PAGE });
  return { date, items: page.items.map((en) => ({ date, enterpriseNumber: en })), cursor: page.cursor };
}

const AdvanceInput = z.object({
  date: Day,
  enterpriseNumber: z.string().check(z.regex(/^\d{10}$/)),
  campaignId: z.optional(z.string()),
});

export interface AdvanceResult {
  enterpriseNumber: string;
  step: 'schedule' | 'open' | 'remind' | 'close' | 'none';
  campaignId?: string;
  lines?: number;
  emails?: number;
  revoked?: number;
}

function orgHistory(
  deps: Deps,
  now: string,
  today: string,
  action: string,
  before: unknown,
  after: unknown,
): HistoryEntry {
  return {
    entryId: deps.newId(),
    at: now,
    on: today,
    actor: REVIEW_ACTOR,
    action,
    reason: null,
    before,
    after,
  };
}

/** A new campaign in `opening`, with the organisation pointing at it: written together. */
export function newCampaign(
  deps: Deps,
  org: OrganisationRecord,
  state: ReviewState,
  opts: { date: string; trigger: Campaign['trigger']; startedBy: string },
): { campaign: Campaign; org: OrganisationRecord } {
  const campaign: Campaign = {
    campaignId: deps.newId(),
    enterpriseNumber: org.enterpriseNumber,
    status: 'opening',
    trigger: opts.trigger,
    startedBy: opts.startedBy,
    openedOn: opts.date,
    closesOn: addDays(opts.date, state.settings.closeAfterDays),
    settings: state.settings,
    remindersSent: 0,
    taskId: null,
    summary: { lines: 0, kept: 0, revoked: 0, unanswered: 0, revokedUnanswered: 0 },
    closedOn: null,
    version: 0,
  };
  return { campaign, org: { ...org, review: { ...state, openCampaignId: campaign.campaignId } } };
}

/**
 * Sends one e-mail to each administrator, in their language, once per marker (a retried step does not
 * send it again).
 */
async function mailAdmins(
  deps: Deps,
  en: string,
  marker: string,
  content: (language: Language) => messages.EmailContent,
) {
  if (await deps.notices.has(en, 'ORG', marker)) return 0;
  const { sent } = await sendEach(deps, await adminAddressees(deps, en), content);
  await deps.notices.put(en, 'ORG', marker, deps.clock().now);
  return sent;
}

/** Every active right of the organisation's persons (grants that have not ended), with the last login. */
export async function reviewLines(deps: Deps, en: string, date: string): Promise<ReviewLine[]> {
  const personIds: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.memberships.list(en, { limit: 100, ...(cursor ? { cursor } : {}) });
    personIds.push(...page.items.map((p) => p.personId));
    cursor = page.cursor ?? undefined;
  } while (cursor);
  const lines: ReviewLine[] = [];
  for (let i = 0; i < personIds.length; i += PARALLEL) {
    const batch = await Promise.all(
      personIds.slice(i, i + PARALLEL).map(async (personId) => {
        const agg = await deps.memberships.load(en, personId, { consistent: false });
        if (!agg?.relationship) return [];
        const active = agg.grants.filter((g) => compareDates(g.endDate, date) >= 0);
        if (active.length === 0) return [];
        const logins = await deps.logins.get(agg.membership.pseudonym);
        const m = agg.membership;
        return active.map(
          (g): ReviewLine => ({
            personId,
            grantId: g.grantId,
            rightId: g.rightId,
            name: `${m.person.firstName} ${m.person.lastName}`,
            nationalNumber: maskNationalNumber(m.nationalNumber),
            profiles: g.profiles,
            endDate: g.endDate,
            lastLoginAt: logins?.lastLoginAt ?? null,
            decision: null,
            decidedHow: null,
            reason: null,
            decidedBy: null,
            decidedAt: null,
          }),
        );
      }),
    );
    lines.push(...batch.flat());
  }
  return lines.sort((a, b) => a.name.localeCompare(b.name, 'nl-BE') || a.grantId.localeCompare(b.grantId));
}

export const reviewTaskTitle = (organisationName: string, closesOn: string) =>
  `Toegangsreview: bevestig of de gebruikersrechten van ${organisationName} nog nodig zijn (tot ${messages.formatDateNl(closesOn)})`;

async function open(
  deps: Deps,
  org: OrganisationRecord,
  date: string,
  campaignId?: string,
): Promise<AdvanceResult> {
  const en = org.enterpriseNumber;
  const state = org.review ?? initialReviewState(date);
  let campaign = state.openCampaignId ? await deps.reviews.campaign(en, state.openCampaignId) : null;
  if (campaignId && campaign?.campaignId !== campaignId && campaign?.status !== 'opening') {
    // A start on demand that found its campaign gone or another one running: nothing to do.
    return { enterpriseNumber: en, step: 'none' };
  }
  if (!campaign) {
    const made = newCampaign(deps, org, state, { date, trigger: 'schedule', startedBy: REVIEW_ACTOR.name });
    await deps.unitOfWork().saveCampaign(null, made.campaign).saveOrganisation(org, made.org).commit();
    campaign = { ...made.campaign, version: 1 };
    org = { ...made.org, version: (org.version ?? 0) + 1 };
  }
  if (campaign.status !== 'opening') return { enterpriseNumber: en, step: 'none' };
  const lines = await reviewLines(deps, en, campaign.openedOn);
  await deps.reviews.putLines(en, campaign.campaignId, lines);
  const clock = deps.clock();
  const work = deps.unitOfWork();
  if (lines.length === 0) {
    // Nothing to review: the campaign is done as it opens; the next one a full interval later.
    const closed: Campaign = { ...campaign, status: 'closed', closedOn: date, summary: summarise([]) };
    const nextOrg = {
      ...org,
      review: {
        ...state,
        openCampaignId: null,
        nextOn: addMonths(campaign.openedOn, campaign.settings.intervalMonths),
      },
    };
    await work
      .saveCampaign(campaign, closed)
      .saveOrganisation(org, nextOrg)
      .addOrganisationHistory(
        en,
        orgHistory(deps, clock.now, date, 'review.closed', null, {
          campaignId: campaign.campaignId,
          summary: closed.summary,
        }),
      )
      .commit();
    return { enterpriseNumber: en, step: 'open', campaignId: campaign.campaignId, lines: 0 };
  }
  const task: Task = {
    taskId: deps.newId(),
    enterpriseNumber: en,
    kind: 'access-review',
    status: 'open',
    title: reviewTaskTitle(org.name, campaign.closesOn),
    subject: {
      personId: null,
      name: org.name,
      right: null,
      profiles: [],
      endDate: campaign.closesOn,
      item: null,
      count: lines.length,
    },
    requestId: null,
    taskToken: null,
    reason: null,
    createdAt: clock.now,
    decidedAt: null,
    decidedBy: null,
    campaignId: campaign.campaignId,
    version: 1,
  };
  const opened: Campaign = { ...campaign, status: 'open', taskId: task.taskId, summary: summarise(lines) };
  await work
    .saveCampaign(campaign, opened)
    .addTask(task)
    .addOrganisationHistory(
      en,
      orgHistory(deps, clock.now, date, 'review.opened', null, {
        campaignId: campaign.campaignId,
        trigger: campaign.trigger,
        lines: lines.length,
        closesOn: campaign.closesOn,
      }),
    )
    .commit();
  const emails = await mailAdmins(deps, en, `review-opened#${campaign.campaignId}`, (language) =>
    messages.reviewOpened({
      organisationName: org.name,
      lines: lines.length,
      closesOn: campaign.closesOn,
      reviewUrl: uiLinks(deps.appUrl).review(en),
      preferencesUrl: uiLinks(deps.appUrl).preferences(),
      language,
    }),
  );
  return { enterpriseNumber: en, step: 'open', campaignId: campaign.campaignId, lines: lines.length, emails };
}

async function remind(
  deps: Deps,
  org: OrganisationRecord,
  campaign: Campaign,
  reminder: number,
): Promise<AdvanceResult> {
  const en = org.enterpriseNumber;
  const lines = await deps.reviews.lines(en, campaign.campaignId);
  const open = lines.filter((l) => l.decision === null).length;
  let emails = 0;
  if (open > 0) {
    emails = await mailAdmins(deps, en, `review-reminder#${campaign.campaignId}#${reminder}`, (language) =>
      messages.reviewReminder({
        organisationName: org.name,
        unanswered: open,
        closesOn: campaign.closesOn,
        reviewUrl: uiLinks(deps.appUrl).review(en),
        preferencesUrl: uiLinks(deps.appUrl).preferences(),
        language,
      }),
    );
  }
  await deps
    .unitOfWork()
    .saveCampaign(campaign, { ...campaign, remindersSent: reminder })
    .commit();
  return { enterpriseNumber: en, step: 'remind', campaignId: campaign.campaignId, emails };
}

/** One unanswered line at the close, with the setting `revoke`: the grant revoked with its history. */
async function revokeUnanswered(deps: Deps, campaign: Campaign, line: StoredLine): Promise<boolean> {
  const en = campaign.enterpriseNumber;
  const reason = 'Toegangsreview: niet beantwoord voor de sluiting.';
  const answered: ReviewLine = {
    ...line,
    decidedHow: 'unanswered',
    reason,
    decidedBy: REVIEW_ACTOR.name,
    decidedAt: deps.clock().now,
  };
  const agg = await deps.memberships.load(en, line.personId);
  const grant = agg?.grants.find((g) => g.grantId === line.grantId);
  if (!agg || !grant) {
    // Revoked, ended or removed meanwhile: nothing left to revoke; the line says it was not answered.
    await deps
      .unitOfWork()
      .answerLine(en, campaign.campaignId, line, answered)
      .requireOpenCampaign(en, campaign.campaignId)
      .commit();
    return false;
  }
  await changeAggregate(
    deps,
    { enterpriseNumber: en, personId: line.personId, actor: REVIEW_ACTOR, reason },
    (current, clock) =>
      revokeGrant(
        current,
        line.grantId,
        current.grants.find((g) => g.grantId === line.grantId)?.version ?? -1,
        clock,
      ),
    (work) =>
      work
        .answerLine(en, campaign.campaignId, line, { ...answered, decision: 'revoke' })
        .requireOpenCampaign(en, campaign.campaignId),
  );
  return true;
}

async function close(
  deps: Deps,
  org: OrganisationRecord,
  campaign: Campaign,
  date: string,
): Promise<AdvanceResult> {
  const en = org.enterpriseNumber;
  let revoked = 0;
  if (campaign.settings.unanswered === 'revoke') {
    for (const line of await deps.reviews.lines(en, campaign.campaignId, { consistent: true })) {
      if (line.decision !== null || line.decidedHow === 'unanswered') continue;
      try {
        if (await revokeUnanswered(deps, campaign, line)) revoked += 1;
      } catch (error) {
        // Answered meanwhile (the line's version moved): that answer stands.
        const now = await deps.reviews.line(en, campaign.campaignId, line.personId, line.grantId);
        if (!now || now.version === line.version) throw error;
      }
    }
  }
  const lines = await deps.reviews.lines(en, campaign.campaignId, { consistent: true });
  const summary = summarise(lines);
  const clock = deps.clock();
  const closed: Campaign = { ...campaign, status: 'closed', closedOn: date, summary };
  const state = org.review ?? initialReviewState(date);
  const nextOrg: OrganisationRecord = {
    ...org,
    review: {
      ...state,
      openCampaignId: null,
      nextOn: addMonths(campaign.openedOn, state.settings.intervalMonths),
    },
  };
  const work = deps.unitOfWork().saveCampaign(campaign, closed).saveOrganisation(org, nextOrg);
  const task = campaign.taskId ? await deps.tasks.get(en, campaign.taskId) : null;
  if (task && task.status === 'open') {
    work.closeTask(task, {
      ...task,
      status: 'closed',
      decidedAt: clock.now,
      decidedBy: REVIEW_ACTOR.name,
      version: task.version + 1,
    });
  }
  work.addOrganisationHistory(
    en,
    orgHistory(deps, clock.now, date, 'review.closed', null, { campaignId: campaign.campaignId, summary }),
  );
  await work.commit();
  return { enterpriseNumber: en, step: 'close', campaignId: campaign.campaignId, revoked };
}

const listeners = new Set<(result: AdvanceResult) => void>();

/** What each AdvanceReview did, in this process (`npm run sweep` prints a summary; tests observe). */
export function observeReviews(listener: (result: AdvanceResult) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Step AdvanceReview: what is due on the day for one organisation's review. */
export async function advanceReview(deps: Deps, raw: unknown): Promise<AdvanceResult> {
  const result = await advance(deps, raw);
  if (result.step !== 'none') deps.log.info('access review advanced', { ...result });
  for (const listener of listeners) listener(result);
  return result;
}

async function advance(deps: Deps, raw: unknown): Promise<AdvanceResult> {
  const parsed = AdvanceInput.safeParse(raw ?? {});
  if (!parsed.success) throw invalid(parsed.error);
  const { date, enterpriseNumber: en, campaignId } = parsed.data;
  return withRetry(async () => {
    const org = await deps.organisations.get(en);
    if (!org) return { enterpriseNumber: en, step: 'none' as const };
    const campaign = org.review?.openCampaignId
      ? await deps.reviews.campaign(en, org.review.openCampaignId)
      : null;
    const step = nextStep(org.review, campaign, date, { demand: campaignId !== undefined });
    switch (step.step) {
      case 'schedule': {
        const next = { ...org, review: initialReviewState(date, DEFAULT_REVIEW_SETTINGS) };
        await deps.unitOfWork().saveOrganisation(org, next).commit();
        return { enterpriseNumber: en, step: 'schedule' as const };
      }
      case 'open':
        return open(deps, org, date, campaignId);
      case 'remind':
        return campaign
          ? remind(deps, org, campaign, step.reminder)
          : { enterpriseNumber: en, step: 'none' as const };
      case 'close':
        return campaign ? close(deps, org, campaign, date) : { enterpriseNumber: en, step: 'none' as const };
      default:
        return { enterpriseNumber: en, step: 'none' as const };
    }
  });
}
