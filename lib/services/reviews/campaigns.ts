/**
 * Access reviews as the local administrators use them: the settings, a campaign started on demand (the
 * review workflow opens it), the campaign with its lines, and the answers: *Behouden* or *Intrekken*
 * (with a reason) per line, each one transaction with its history entry, and *Behoud alle overige*.
 */
import { ConflictError, ForbiddenError, NotFoundError } from '#lib/domain/errors';
import { revokeGrant } from '#lib/domain/membership';
import type { StoredLine } from '#lib/domain/ports';
import type { Actor, AdminRecord, HistoryEntry } from '#lib/domain/records';
import {
  addMonths,
  type Campaign,
  initialReviewState,
  type ReviewLine,
  type ReviewSettings,
  summarise,
} from '#lib/domain/reviews';
import { changeAggregate, withRetry } from '#lib/services/aggregate';
import type { Deps } from '#lib/services/deps';
import { newCampaign } from '#lib/services/reviews/advance';
import { othersCanDecide } from '#lib/services/separation';

/** Lines kept in one transaction by *Behoud alle overige*: each line and its history entry, plus the condition. */
const KEEP_CHUNK = 40;

const notFound = () => new NotFoundError('review.not-found');

async function requireOrganisation(deps: Deps, en: string) {
  const org = await deps.organisations.get(en);
  if (!org) throw new NotFoundError('organisation.not-found');
  return org;
}

/** The review page: the settings, the next campaign's day, the running campaign and the last ones. */
export async function reviewOverview(deps: Deps, en: string) {
  const org = await requireOrganisation(deps, en);
  const state = org.review ?? initialReviewState(deps.clock().today);
  const campaigns = await deps.reviews.campaigns(en, 10);
  return {
    settings: state.settings,
    nextOn: state.nextOn,
    current: campaigns.find((c) => c.campaignId === state.openCampaignId) ?? null,
    campaigns: campaigns.filter((c) => c.status === 'closed').map(campaignView),
  };
}

function campaignView(c: Campaign) {
  const { version: _v, ...rest } = c;
  return rest;
}

function lineView(l: StoredLine) {
  const { version: _v, ...rest } = l;
  return rest;
}

export async function getCampaign(deps: Deps, en: string, campaignId: string) {
  const campaign = await deps.reviews.campaign(en, campaignId);
  if (!campaign) throw notFound();
  const lines = (campaign.status === 'opening' ? [] : await deps.reviews.lines(en, campaignId)).sort(
    (a, b) => a.name.localeCompare(b.name, 'nl-BE') || a.grantId.localeCompare(b.grantId),
  );
  return {
    campaign: { ...campaignView(campaign), summary: lines.length ? summarise(lines) : campaign.summary },
    lines: lines.map(lineView),
  };
}

/** A campaign now (*Start een toegangsreview*): recorded as opening, then the workflow opens it. 202. */
export async function startCampaign(deps: Deps, en: string, actor: Actor) {
  const { campaign } = await withRetry(async () => {
    const org = await requireOrganisation(deps, en);
    const today = deps.clock().today;
    const state = org.review ?? initialReviewState(today);
    if (state.openCampaignId) {
      throw new ConflictError('review.already-open');
    }
    const made = newCampaign(deps, org, state, { date: today, trigger: 'demand', startedBy: actor.name });
    await deps.unitOfWork().saveCampaign(null, made.campaign).saveOrganisation(org, made.org).commit();
    return made;
  });
  await deps.workflows.startReview({
    date: campaign.openedOn,
    enterpriseNumber: en,
    campaignId: campaign.campaignId,
  });
  return campaignView({ ...campaign, version: 1 });
}

/** The organisation's review settings, with a history entry; the next campaign follows the new interval. */
export async function updateReviewSettings(deps: Deps, en: string, actor: Actor, settings: ReviewSettings) {
  return withRetry(async () => {
    const org = await requireOrganisation(deps, en);
    const clock = deps.clock();
    const state = org.review ?? initialReviewState(clock.today);
    const [last] = (await deps.reviews.campaigns(en, 1)).filter((c) => c.status === 'closed');
    const next = {
      ...state,
      settings,
      nextOn: state.openCampaignId
        ? state.nextOn
        : addMonths(last?.openedOn ?? clock.today, settings.intervalMonths),
    };
    const entry: HistoryEntry = {
      entryId: deps.newId(),
      at: clock.now,
      on: clock.today,
      actor,
      action: 'review.settings-changed',
      reason: null,
      before: state.settings,
      after: settings,
    };
    await deps
      .unitOfWork()
      .saveOrganisation(org, { ...org, review: next })
      .addOrganisationHistory(en, entry)
      .commit();
    return { settings: next.settings, nextOn: next.nextOn };
  });
}

async function requireOpen(deps: Deps, en: string, campaignId: string): Promise<Campaign> {
  const campaign = await deps.reviews.campaign(en, campaignId);
  if (!campaign) throw notFound();
  if (campaign.status !== 'open') {
    throw new ConflictError(
      'review.not-open',
      campaign.status === 'closed' ? 'review.not-open/closed' : 'review.not-open',
    );
  }
  return campaign;
}

export interface LineAnswer {
  personId: string;
  grantId: string;
  decision: 'keep' | 'revoke';
  reason?: string | undefined;
}

/** One line answered: *Behouden* (history `review.kept`) or *Intrekken* (the grant revoked, with its history). */
export async function answerLine(
  deps: Deps,
  en: string,
  campaignId: string,
  who: { admin: AdminRecord; actor: Actor },
  answer: LineAnswer,
) {
  const campaign = await requireOpen(deps, en, campaignId);
  const line = await deps.reviews.line(en, campaignId, answer.personId, answer.grantId);
  if (!line) throw new NotFoundError('review.line-not-found');
  if (line.decision !== null || line.decidedHow !== null) {
    throw new ConflictError('review.line-answered');
  }
  // Separation of duties: one's own right is reviewed by another local administrator, when there is one.
  if (line.personId === who.admin.personId && (await othersCanDecide(deps, who.admin))) {
    throw new ForbiddenError('review.own-line');
  }
  const clock = deps.clock();
  const answered: ReviewLine = {
    ...line,
    decision: answer.decision,
    decidedHow: 'answer',
    reason: answer.reason ?? null,
    decidedBy: who.actor.name,
    decidedAt: clock.now,
  };
  if (answer.decision === 'keep') {
    const entry = keptEntry(deps, who.actor, campaign, line, answer.reason ?? null);
    await deps
      .unitOfWork()
      .answerLine(en, campaignId, line, answered)
      .requireOpenCampaign(en, campaignId)
      .addHistory(en, line.personId, entry, { name: line.name, nationalNumber: line.nationalNumber })
      .commit();
  } else {
    await changeAggregate(
      deps,
      {
        enterpriseNumber: en,
        personId: line.personId,
        actor: who.actor,
        reason: `Toegangsreview: ${answer.reason}`,
      },
      (agg, c) => {
        const grant = agg.grants.find((g) => g.grantId === line.grantId);
        if (!grant) {
          throw new ConflictError('review.grant-gone');
        }
        return revokeGrant(agg, grant.grantId, grant.version, c);
      },
      (work) => work.answerLine(en, campaignId, line, answered).requireOpenCampaign(en, campaignId),
    );
  }
  return lineView({ ...answered, version: line.version + 1 });
}

function keptEntry(
  deps: Deps,
  actor: Actor,
  campaign: Campaign,
  line: ReviewLine,
  reason: string | null,
): HistoryEntry {
  const clock = deps.clock();
  return {
    entryId: deps.newId(),
    at: clock.now,
    on: clock.today,
    actor,
    action: 'review.kept',
    reason,
    before: null,
    after: {
      campaignId: campaign.campaignId,
      grantId: line.grantId,
      right: line.rightId,
      profiles: line.profiles,
      endDate: line.endDate,
    },
  };
}

/**
 * *Behoud alle overige*: every line still unanswered kept, each with its history entry, 40 lines a
 * transaction; one's own lines are left for another local administrator when there is one.
 */
export async function keepRemaining(
  deps: Deps,
  en: string,
  campaignId: string,
  who: { admin: AdminRecord; actor: Actor },
) {
  const campaign = await requireOpen(deps, en, campaignId);
  const lines = await deps.reviews.lines(en, campaignId, { consistent: true });
  const others = await othersCanDecide(deps, who.admin);
  const open = lines.filter((l) => l.decision === null && l.decidedHow === null);
  const mine = open.filter((l) => others && l.personId === who.admin.personId);
  const todo = open.filter((l) => !mine.includes(l));
  let kept = 0;
  for (let i = 0; i < todo.length; i += KEEP_CHUNK) {
    const chunk = todo.slice(i, i + KEEP_CHUNK);
    const now = deps.clock().now;
    const work = deps.unitOfWork().requireOpenCampaign(en, campaignId);
    for (const line of chunk) {
      work
        .answerLine(en, campaignId, line, {
          ...line,
          decision: 'keep',
          decidedHow: 'bulk',
          reason: null,
          decidedBy: who.actor.name,
          decidedAt: now,
        })
        .addHistory(en, line.personId, keptEntry(deps, who.actor, campaign, line, 'Alle overige behouden'), {
          name: line.name,
          nationalNumber: line.nationalNumber,
        });
    }
    try {
      await work.commit();
      kept += chunk.length;
    } catch (error) {
      // A line answered meanwhile by someone else: keep the chunk's others one by one.
      if (!(error instanceof Error) || error.name !== 'ConcurrentChangeError') throw error;
      for (const line of chunk) {
        const fresh = await deps.reviews.line(en, campaignId, line.personId, line.grantId);
        if (!fresh || fresh.decision !== null || fresh.decidedHow !== null) continue;
        await answerLine(deps, en, campaignId, who, {
          personId: line.personId,
          grantId: line.grantId,
          decision: 'keep',
        })
          .then(() => {
            kept += 1;
          })
          .catch((e: unknown) => {
            if (!(e instanceof ConflictError)) throw e;
          });
      }
    }
  }
  return { kept, leftForOthers: mine.length };
}
