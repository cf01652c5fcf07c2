/**
 * Access reviews (recertification): the organisation's local administrators confirm, line by line,
 * that each active right is still needed (*Behouden*) or revoke it (*Intrekken*, with a reason). A
 * campaign opens every `intervalMonths` (or on demand), reminds after `remindAfterDays`, closes after
 * `closeAfterDays`; at the close, lines without an answer follow `unanswered`. Pure rules here; the
 * daily review workflow (infra/workflows/review.asl.json) asks `nextStep` what is due.
 */
import { addDays, compareDates } from '#lib/domain/period';

export interface ReviewSettings {
  /** Months between campaigns, 3 to 24. */
  intervalMonths: number;
  /** What the close does with a line nobody answered. */
  unanswered: 'nothing' | 'revoke';
  /** Days after the opening on which a reminder goes out. */
  remindAfterDays: number[];
  /** Days after the opening on which the campaign closes. */
  closeAfterDays: number;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  intervalMonths: 12,
  unanswered: 'nothing',
  remindAfterDays: [7, 14],
  closeAfterDays: 21,
};

export const REVIEW_INTERVAL_MONTHS = { min: 3, max: 24 } as const;

/** What the organisation record keeps of its reviews. */
export interface ReviewState {
  settings: ReviewSettings;
  /** The day the next campaign opens by itself. */
  nextOn: string;
  /** The campaign running now, if any. */
  openCampaignId: string | null;
}

export type CampaignStatus = 'opening' | 'open' | 'closed';

export interface CampaignSummary {
  lines: number;
  kept: number;
  /** Revoked by an answer. */
  revoked: number;
  /** Not answered (at the close: whatever the setting did with them). */
  unanswered: number;
  /** Of the unanswered, revoked by the close (setting `revoke`). */
  revokedUnanswered: number;
}

export interface Campaign {
  campaignId: string;
  enterpriseNumber: string;
  status: CampaignStatus;
  /** `schedule` (the interval came round) or `demand` (a local administrator started it). */
  trigger: 'schedule' | 'demand';
  startedBy: string;
  openedOn: string;
  closesOn: string;
  /** The settings the campaign runs with, fixed at its start. */
  settings: ReviewSettings;
  remindersSent: number;
  taskId: string | null;
  summary: CampaignSummary;
  closedOn: string | null;
  version: number;
}

export type LineDecision = 'keep' | 'revoke';

/** One active right of one person, to be kept or revoked. Names and the masked number only. */
export interface ReviewLine {
  personId: string;
  grantId: string;
  rightId: string;
  name: string;
  nationalNumber: string;
  profiles: string[];
  endDate: string;
  lastLoginAt: string | null;
  decision: LineDecision | null;
  /** `unanswered`: revoked by the close because nobody answered and the setting says so. */
  decidedHow: 'answer' | 'bulk' | 'unanswered' | null;
  reason: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

/** `date` plus `months` calendar months (the last day of a shorter month when the day does not exist). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The state of an organisation that has never had a review: the first one a full interval from now. */
export function initialReviewState(today: string, settings = DEFAULT_REVIEW_SETTINGS): ReviewState {
  return { settings, nextOn: addMonths(today, settings.intervalMonths), openCampaignId: null };
}

export type ReviewStep =
  | { step: 'schedule' }
  | { step: 'open' }
  | { step: 'remind'; reminder: number }
  | { step: 'close' }
  | { step: 'none' };

/** What is due for the organisation's reviews on `date`. */
export function nextStep(
  state: ReviewState | null | undefined,
  campaign: Campaign | null,
  date: string,
  opts: { demand?: boolean } = {},
): ReviewStep {
  if (campaign && campaign.status === 'opening') return { step: 'open' };
  if (campaign && campaign.status === 'open') {
    if (compareDates(date, campaign.closesOn) >= 0) return { step: 'close' };
    const due = campaign.settings.remindAfterDays.filter(
      (d) => compareDates(date, addDays(campaign.openedOn, d)) >= 0,
    ).length;
    if (due > campaign.remindersSent) return { step: 'remind', reminder: due };
    return { step: 'none' };
  }
  if (opts.demand) return { step: 'open' };
  if (!state) return { step: 'schedule' };
  return compareDates(date, state.nextOn) >= 0 ? { step: 'open' } : { step: 'none' };
}

export function summarise(lines: ReviewLine[]): CampaignSummary {
  return {
    lines: lines.length,
    kept: lines.filter((l) => l.decision === 'keep').length,
    revoked: lines.filter((l) => l.decision === 'revoke' && l.decidedHow !== 'unanswered').length,
    unanswered: lines.filter((l) => l.decision === null || l.decidedHow === 'unanswered').length,
    revokedUnanswered: lines.filter((l) => l.decidedHow === 'unanswered').length,
  };
}
