/**
 * What the use cases keep and read besides the person aggregate (membership.ts) and tasks (tasks.ts):
 * who acted, history entries, the register record of a person, local administrators, preferences, and
 * pages of lists. Plain data; the persistence ports (ports.ts) take and give these.
 */

import type { Language } from '#lib/domain/i18n/language';
import type { Membership, PersonDetails } from '#lib/domain/membership';
import type { NotificationPreferences } from '#lib/domain/notifications';
import type { ReviewState } from '#lib/domain/reviews';

/** Who made a change, as the history names them. */
export interface Actor {
  personId: string;
  name: string;
}

export interface HistoryEntry {
  entryId: string;
  at: string;
  /** The Brussels day the change counts for (the clock's today): what "held on day D" is read by. */
  on?: string;
  actor: Actor;
  action: string;
  reason: string | null;
  before: unknown;
  after: unknown;
}

/** A person as the national register gave them, once, whatever the organisation. */
export interface PersonRecord {
  personId: string;
  nationalNumber: string;
  person: PersonDetails;
}

export interface AdminRecord {
  enterpriseNumber: string;
  personId: string;
  /** Kept so the record can be found again from the organisation's list. */
  pseudonym: string;
  name: string;
  appointedAt: string;
  appointedBy: string;
  /**
   * Who appointed (or last confirmed) them, as a pseudonym: when that person is no longer a legal
   * representative in the KBO, the current ones are asked to confirm (kbo.ts). Absent on older records.
   */
  appointedByPseudonym?: string | null;
  /** The open task *Bevestig lokale beheerder* about this administrator, if any. */
  confirmationTaskId?: string | null;
  version: number;
}

/** What the KBO said of an organisation when it was last read (the daily follow, or an action). */
export interface KboSnapshot {
  status: 'active' | 'stopped';
  stoppedOn: string | null;
  /** The legal representatives then: pseudonyms (never national numbers), names and functions. */
  representatives: { pseudonym: string; name: string; function: string }[];
  /** The day of the reading. */
  readOn: string;
}

/** An organisation as we keep it: its name, and what the KBO said of it last. */
export interface OrganisationRecord {
  enterpriseNumber: string;
  name: string;
  kbo?: KboSnapshot | null;
  /** The open task *Duid een lokale beheerder aan* while the organisation has none. */
  appointTaskId?: string | null;
  /** The markers of the e-mail about this organisation still owed (sent by the daily KBO follow). */
  kboNotices?: string[];
  /**
   * Set with the stop, cleared once every relationship is paused: the stop is recorded first (from then
   * on nothing starts or resumes there), then the relationships are paused; a run that stops halfway
   * leaves this set, and the next one pauses the rest.
   */
  kboPausing?: boolean;
  /** Its access reviews: settings, the next campaign's day, the one running (reviews.ts). */
  review?: ReviewState | null;
  version?: number;
}

/**
 * A person's own settings, one item whatever the organisation: each field on its own, so a change of
 * one leaves the others as they are. `version` counts the writes (the ETag).
 */
export interface Preferences {
  lastOrganisation: string | null;
  /** How they hear, as local administrator, about what ends soon. */
  notifications: NotificationPreferences;
  /** The language of the UI and of the e-mails they get (Dutch by default). */
  language: Language;
  version: number;
}

/** A change of preferences: only the fields given change. */
export type PreferencesChange = Partial<Omit<Preferences, 'version'>>;

/** A row of the person list. */
export type PersonListEntry = Pick<
  Membership,
  'personId' | 'nationalNumber' | 'person' | 'nickname' | 'status'
>;

/** A page of a list and where the next one starts (`null`: the last page). */
export interface Page<T> {
  items: T[];
  cursor: string | null;
}

/** Whom an audit entry is about: the name and the masked national number, as written with the change. */
export interface AuditSubject {
  name: string;
  nationalNumber: string;
}

/** An entry of an organisation's audit trail: a history entry, with whom it is about. */
export interface AuditEntry extends HistoryEntry {
  personId: string | null;
  subject: AuditSubject | null;
}
