/**
 * Ports the domain declares; adapters in lib/adapters implement them: the registries (a fixture dataset
 * locally, the real registries in a deployment), e-mail, the workflow engine and persistence. The use
 * cases (lib/services) see only these.
 */

import type { AccessProjection } from '#lib/domain/access';
import type { ChunkProgress, Job, JobPhase, JobRow, RowOutcome } from '#lib/domain/bulk';
import type { RightDefinition } from '#lib/domain/catalogue';
import type { DueEntry, Notice, SweepFailure } from '#lib/domain/expiry';
import type { HoldingRecord } from '#lib/domain/holdings';
import type { DigestLine, DigestState } from '#lib/domain/notifications';
import type { Campaign, ReviewLine } from '#lib/domain/reviews';

/** A review line as stored: with the version its answer is guarded by. */
export type StoredLine = ReviewLine & { version: number };

import type { LoginMethodId, LoginSummary } from '#lib/domain/logins';
import type { PersonAggregate, PersonDetails } from '#lib/domain/membership';
import type {
  AdminRecord,
  AuditEntry,
  AuditSubject,
  HistoryEntry,
  OrganisationRecord,
  Page,
  PersonListEntry,
  PersonRecord,
  Preferences,
  PreferencesChange,
} from '#lib/domain/records';
import type { AccessRequest, Task, TaskAudience } from '#lib/domain/tasks';

/**
 * What the national register (source VKBP) says of a person: the details we keep, and two facts we act on
 * but do not keep (a death, and whether the number is a BIS number, the register for people without a
 * Belgian national number).
 */
export interface RegisterPerson extends PersonDetails {
  /** The date of death when the register records one (it may be incomplete: null then). */
  deceased: { on: string | null } | null;
  register: 'national' | 'bis';
}

/**
 * The national register. `null`: no such person. Throws `RegistryUnavailableError` when it is down, slow
 * or answers with a fault.
 */
export interface NationalRegister {
  lookup(nationalNumber: string): Promise<RegisterPerson | null>;
}

export interface LegalRepresentative {
  nationalNumber: string;
  firstName: string;
  lastName: string;
  /** The KBO function, e.g. "Zaakvoerder". */
  function: string;
}

export type EnterpriseStatus = 'active' | 'stopped';

export interface Enterprise {
  enterpriseNumber: string;
  name: string;
  /** `stopped`: the KBO records a stopping (stopzetting) that has taken effect. */
  status: EnterpriseStatus;
  stoppedOn: string | null;
  /** The legal form in force, e.g. "Besloten vennootschap". */
  legalForm: string | null;
  /** The people holding a KBO function for the enterprise today (natural persons only). */
  legalRepresentatives: LegalRepresentative[];
}

/** One KBO function a person holds. */
export interface Representation {
  enterpriseNumber: string;
  name: string;
  function: string;
}

/**
 * The KBO (Kruispuntbank van Ondernemingen). `null`: no such enterprise. Throws
 * `RegistryUnavailableError` when it is down, slow or answers with a fault.
 */
export interface EnterpriseRegistry {
  getEnterprise(enterpriseNumber: string): Promise<Enterprise | null>;
  /** The enterprises where this person is a legal representative, as the KBO says today. */
  findRepresentations(nationalNumber: string): Promise<Representation[]>;
}

/** HMAC pseudonym of a national register number: the only form in which it appears in keys. */
export type Pseudonymize = (nationalNumber: string) => string;

/** An e-mail to send: Dutch plain text and HTML, never a national number. */
export interface Email {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /**
   * The page where the recipient chooses which e-mails they get and how often (*Meldingen*): sent as
   * the `List-Unsubscribe` header, so mail clients offer it. A link to a page behind the login, not
   * RFC 8058's one-click POST.
   */
  listUnsubscribe?: string;
}

/**
 * Sends e-mail: SES (v2) in AWS, `.eml` files in `.data/outbox/` locally. Throws `MailRefusedError` when
 * the message can never be delivered as it is (a retry would be refused again), anything else when a
 * retry later may succeed.
 */
export interface Mailer {
  send(email: Email): Promise<void>;
}

/** The mail service refuses this message for good (SES `MessageRejected`, an address it cannot take). */
export class MailRefusedError extends Error {
  override name = 'MailRefused';
}

/** Input of the approval workflow: ids only, never personal data. */
export interface ApprovalInput {
  requestId: string;
  enterpriseNumber: string;
}

/**
 * The workflow engine: Step Functions in AWS, the same ASL run by aws-local-stepfunctions locally.
 * Execution names derive from request ids, never from personal data.
 */
export interface Workflows {
  /** `redriveId` starts a further execution for the same request (its first one is gone). */
  startApproval(input: ApprovalInput, options?: { redriveId?: string }): Promise<void>;
  sendTaskSuccess(taskToken: string, output: unknown): Promise<void>;
  sendTaskFailure(taskToken: string, error: string, cause: string): Promise<void>;
  /** Runs the review workflow for one organisation now (a campaign started on demand). */
  startReview(input: { date: string; enterpriseNumber: string; campaignId: string }): Promise<void>;
  /** Runs a phase of a bulk job (the import's dry run, or applying its rows) over its chunks. */
  startBulkJob(input: BulkJobInput): Promise<void>;
}

/** Input of the bulk workflow: ids and counts only (the rows stay in the table). */
export interface BulkJobInput {
  enterpriseNumber: string;
  jobId: string;
  phase: JobPhase;
  /** The chunks to run, 0 … n-1 (the Map's items). */
  chunks: number[];
}

// ---------------------------------------------------------------------------------------------------
// Persistence, by what the use cases need (the DynamoDB adapters in lib/adapters/dynamodb implement
// them on the one table). Reads are methods of the ports; every change goes through a UnitOfWork, so
// what belongs together is written together or not at all, whatever the entities.

/** People as the national register gave them, one record per person whatever the organisation. */
/** What the national register said about a person, and when we asked. */
export interface RegisterRead {
  person: RegisterPerson;
  readAt: string;
}

export interface PersonsPort {
  /** Strongly consistent: the uniqueness of a person hangs on it. */
  get(pseudonym: string): Promise<PersonRecord | null>;
  /** The register's last answer about this person, if still kept. */
  registerRead(pseudonym: string): Promise<RegisterRead | null>;
  /** Keeps the register's answer until `keepUntil` (ISO instant; the table's TTL removes it after). */
  rememberRegisterRead(pseudonym: string, read: RegisterRead, keepUntil: string): Promise<void>;
}

/** A person within an organisation: the aggregate (membership, relationship, grants) and its history. */
export interface MembershipsPort {
  /** The person page: one read; `consistent` for a read that a write will follow (default). */
  load(
    enterpriseNumber: string,
    personId: string,
    opts?: { consistent?: boolean },
  ): Promise<PersonAggregate | null>;
  /** The pseudonym of a member, `null` for a person who is not one. */
  pseudonymOf(enterpriseNumber: string, personId: string): Promise<string | null>;
  list(
    enterpriseNumber: string,
    opts: { search?: string; status?: 'pending' | 'active'; cursor?: string; limit: number },
  ): Promise<Page<PersonListEntry>>;
  history(
    enterpriseNumber: string,
    personId: string,
    opts: { cursor?: string; limit: number },
  ): Promise<Page<HistoryEntry>>;
  /** What the access check decides on, kept with every change of the aggregate. */
  accessProjection(pseudonym: string, enterpriseNumber: string): Promise<AccessProjection | null>;
}

export interface AdminsPort {
  /** Strongly consistent: this read authorises every organisation route. */
  get(pseudonym: string, enterpriseNumber: string): Promise<AdminRecord | null>;
  list(enterpriseNumber: string): Promise<AdminRecord[]>;
  /** The organisations where this person is local administrator. */
  organisationsOf(pseudonym: string): Promise<AdminRecord[]>;
}

export interface OrganisationsPort {
  /** Strongly consistent: the KBO follow acts on what it says. */
  get(enterpriseNumber: string): Promise<OrganisationRecord | null>;
  /** Creates the organisation or renames it; what the KBO said stays. */
  put(enterpriseNumber: string, name: string): Promise<void>;
  /** Every organisation's enterprise number, a page at a time (the daily KBO follow). */
  list(opts: { cursor?: string | null; limit: number }): Promise<Page<string>>;
  /** What the KBO changed under the organisation, newest first. */
  history(
    enterpriseNumber: string,
    opts: { cursor?: string | undefined; limit: number },
  ): Promise<Page<HistoryEntry>>;
}

/** An organisation's audit trail (keys.ts 27): a page, newest first, one Query. */
export interface AuditPort {
  page(
    enterpriseNumber: string,
    opts: { from?: string; to?: string; action?: string; cursor?: string; limit: number },
  ): Promise<Page<AuditEntry>>;
  /** Every recorded holding of a right in the organisation (keys.ts 28), all persons, all days. */
  holdings(enterpriseNumber: string, rightId: string): Promise<(HoldingRecord & { subject: AuditSubject })[]>;
}

/** Access reviews (keys.ts 29, 30): campaigns of an organisation and their lines. */
export interface ReviewsPort {
  campaign(enterpriseNumber: string, campaignId: string): Promise<Campaign | null>;
  /** The newest first. */
  campaigns(enterpriseNumber: string, limit: number): Promise<Campaign[]>;
  lines(enterpriseNumber: string, campaignId: string, opts?: { consistent?: boolean }): Promise<StoredLine[]>;
  line(
    enterpriseNumber: string,
    campaignId: string,
    personId: string,
    grantId: string,
  ): Promise<StoredLine | null>;
  /** The lines of a campaign being opened (not a unit of work: nobody can answer them yet). */
  putLines(enterpriseNumber: string, campaignId: string, lines: ReviewLine[]): Promise<void>;
}

/**
 * Bulk jobs (keys.ts 40-41): a job per import or extension, its rows and its chunks' progress; every
 * item is removed JOB_KEEP_DAYS after the job was made (TTL).
 */
export interface JobsPort {
  /** Strongly consistent. */
  get(enterpriseNumber: string, jobId: string): Promise<Job | null>;
  /** The rows first, then the job: a job is only there with all its rows. */
  create(job: Job, rows: JobRow[]): Promise<void>;
  /** The job changed, guarded by its version; ConcurrentChangeError when it moved. */
  update(previous: Job, next: Job): Promise<void>;
  /** Rows `from` … `to` (indexes, both included), strongly consistent; every row without a range. */
  rows(enterpriseNumber: string, jobId: string, range?: { from: number; to: number }): Promise<JobRow[]>;
  /** A row's outcome of a phase that wrote nothing else (the dry run, a row already there, an error). */
  saveOutcome(
    enterpriseNumber: string,
    jobId: string,
    index: number,
    phase: JobPhase,
    outcome: RowOutcome,
  ): Promise<void>;
  saveProgress(enterpriseNumber: string, jobId: string, progress: ChunkProgress): Promise<void>;
  progress(enterpriseNumber: string, jobId: string, phase: JobPhase): Promise<ChunkProgress[]>;
  /** The jobs whose phase runs (validating, applying): the local stack starts them again after a restart. */
  running(): Promise<{ enterpriseNumber: string; jobId: string }[]>;
}

/** The daily KBO follow's records: how far a day's run got, the last day done, what failed. */
export interface KboFollowPort {
  position(date: string): Promise<{ cursor: string | null; done: boolean } | null>;
  /** Where the day's run goes on; `done` also records the day as the last one followed. */
  savePosition(date: string, cursor: string | null, done: boolean, at: string): Promise<void>;
  lastFollowed(): Promise<string | null>;
  recordFailure(date: string, enterpriseNumber: string, code: string, at: string): Promise<void>;
  failures(date: string): Promise<{ enterpriseNumber: string; code: string }[]>;
}

/** The right catalogue: data, so a new right needs no code change. */
export interface CataloguePort {
  get(rightId: string): Promise<RightDefinition | null>;
  list(): Promise<RightDefinition[]>;
  put(right: RightDefinition): Promise<void>;
}

export interface PreferencesPort {
  /** `null`: the person never saved any (the defaults apply). */
  get(pseudonym: string): Promise<Preferences | null>;
  /**
   * Changes only the fields given, in one write. `ifVersion` (0: none saved yet) makes it conditional:
   * ConcurrentChangeError when the stored version is another.
   */
  update(pseudonym: string, change: PreferencesChange, opts?: { ifVersion?: number }): Promise<Preferences>;
}

export interface TasksPort {
  get(enterpriseNumber: string, taskId: string): Promise<Task | null>;
  listOpen(enterpriseNumber: string): Promise<Task[]>;
  countOpen(enterpriseNumber: string, audience: TaskAudience): Promise<number>;
}

export interface RequestsPort {
  get(requestId: string): Promise<AccessRequest | null>;
  /** A person's own requests, newest first. */
  listMine(pseudonym: string): Promise<AccessRequest[]>;
  /** Requests waiting for a decision, to re-drive their workflows after a local restart. */
  listOpen(): Promise<{ requestId: string; enterpriseNumber: string }[]>;
}

/** "This was done" markers (an e-mail sent, a task opened) that make workflow steps happen once. */
export interface NoticesPort {
  has(enterpriseNumber: string, personId: string, what: string): Promise<boolean>;
  /** Writes a marker on its own; false when it was already there. */
  put(enterpriseNumber: string, personId: string, what: string, at: string): Promise<boolean>;
}

/** The expiry sweep's own records: what is due, its markers, the last day swept, its failure report. */
export interface ExpiryPort {
  lastSweep(): Promise<string | null>;
  /** Records `through` as the last day swept; never moves it back. */
  completeSweep(through: string, now: string): Promise<{ through: string; advanced: boolean }>;
  /** One page of what ends on `endDate`, from `start` on, and where the next page starts. */
  duePage(
    endDate: string,
    opts: { notExpired?: boolean; limit: number; start?: Record<string, unknown> | undefined },
  ): Promise<{ entries: DueEntry[]; next: Record<string, unknown> | null }>;
  getNotice(enterpriseNumber: string, personId: string, what: string): Promise<Notice | null>;
  /** One recipient of a pending marker got their e-mail (or was refused for good). */
  delivered(enterpriseNumber: string, personId: string, what: string, recipient: string): Promise<void>;
  sent(enterpriseNumber: string, personId: string, what: string, at: string): Promise<void>;
  recordFailure(report: SweepFailure): Promise<void>;
  failures(date: string): Promise<SweepFailure[]>;
}

/**
 * The administrators' digests (keys.ts 37-38): the lines the sweep recorded per day, and per
 * organisation and administrator what their digests have covered.
 */
export interface DigestsPort {
  /** Organisations with lines on `day`, in order, after `after` (one small read per organisation). */
  organisations(day: string, opts: { after?: string | undefined; limit: number }): Promise<string[]>;
  /** An organisation's lines of one day. */
  lines(day: string, enterpriseNumber: string): Promise<DigestLine[]>;
  /** What each administrator's digests of the organisation covered so far. */
  states(enterpriseNumber: string): Promise<DigestState[]>;
  /** A digest went out (or nothing was owed): covered through `through`; false when a digest covered it already. */
  covered(enterpriseNumber: string, personId: string, through: string, at: string): Promise<boolean>;
  /** Lines of `day` held back for a later digest (weekly); keeps the earliest such day. */
  owe(enterpriseNumber: string, personId: string, day: string): Promise<void>;
}

/** A person's logins per method (the Accounts tab), and the Cognito user's national-number binding. */
export interface LoginsPort {
  record(pseudonym: string, method: LoginMethodId, at: string): Promise<void>;
  get(pseudonym: string): Promise<LoginSummary | null>;
  bindCognitoUser(
    sub: string,
    pseudonym: string,
    opts: { create: boolean; at: string },
  ): Promise<'bound' | 'mismatch' | 'unbound'>;
}

/**
 * Changes that are written together: each method adds one, `commit` writes them in one transaction.
 * A change based on what someone else changed meanwhile (a version that moved, an item that appeared)
 * fails the whole commit with ConcurrentChangeError; nothing is written.
 */
export interface UnitOfWork {
  /** The aggregate from `loaded` (null: new) to `next`, with its history entries and access projection. */
  /** `today`: the Brussels day the change counts for, under which a changed holding of a right is recorded. */
  saveMembership(
    loaded: PersonAggregate | null,
    next: PersonAggregate,
    history: HistoryEntry[],
    today: string,
  ): UnitOfWork;
  /**
   * The person leaves the organisation: the membership, its relationship and grants and the access
   * projection go, guarded by their versions; `history` is written (and kept), with the events of what ended.
   */
  removeMembership(loaded: PersonAggregate, history: HistoryEntry[], today: string): UnitOfWork;
  /** A person's register record; `exists: false` fails when there is one already. */
  putPerson(pseudonym: string, record: PersonRecord, opts: { exists: boolean }): UnitOfWork;
  addAdmin(admin: AdminRecord): UnitOfWork;
  /** The administrator's record changed, guarded by its version. */
  updateAdmin(previous: AdminRecord, next: AdminRecord): UnitOfWork;
  removeAdmin(admin: AdminRecord): UnitOfWork;
  /** The organisation as `next`, guarded by the version it was read with (`previous`; null: new). */
  saveOrganisation(previous: OrganisationRecord | null, next: OrganisationRecord): UnitOfWork;
  /** An entry of the organisation's own history (what the KBO changed). */
  addOrganisationHistory(enterpriseNumber: string, entry: HistoryEntry): UnitOfWork;
  /** A history entry about a person that is no change of the aggregate (an appointment, say). */
  addHistory(
    enterpriseNumber: string,
    personId: string,
    entry: HistoryEntry,
    subject?: AuditSubject,
  ): UnitOfWork;
  addTask(task: Task): UnitOfWork;
  /** An open task changed, guarded by its version. */
  updateTask(previous: Task, next: Task): UnitOfWork;
  /** An open task done (decided, closed, expired), guarded by its version. */
  closeTask(previous: Task, next: Task): UnitOfWork;
  addRequest(request: AccessRequest): UnitOfWork;
  /** A request ended (approved, rejected, expired, failed), guarded by its version. */
  finishRequest(previous: AccessRequest, next: AccessRequest): UnitOfWork;
  /** A new marker; fails when it is already there. */
  addNotice(
    enterpriseNumber: string,
    personId: string,
    what: string,
    fields: { at: string; status?: Notice['status']; taskId?: string; individually?: string[] },
  ): UnitOfWork;
  /** A line of the administrators' digest (keys.ts 37), with the notice it goes with; fails when it exists. */
  addDigestLine(line: DigestLine): UnitOfWork;
  /** Only if the item still ends on its end date (not extended or edited meanwhile). */
  requireEnding(entry: DueEntry): UnitOfWork;
  /**
   * Only if the KBO has not stopped the organisation (as we last read it): a work relationship that
   * starts or resumes commits with this, so it cannot slip past a stop being recorded meanwhile.
   */
  /** A campaign, created (`previous` null) or changed, guarded by its version. */
  saveCampaign(previous: Campaign | null, next: Campaign): UnitOfWork;
  /** A review line's answer, guarded by its version. */
  answerLine(
    enterpriseNumber: string,
    campaignId: string,
    previous: StoredLine,
    next: ReviewLine,
  ): UnitOfWork;
  /** A condition: the campaign is still open. */
  requireOpenCampaign(enterpriseNumber: string, campaignId: string): UnitOfWork;
  requireActiveOrganisation(enterpriseNumber: string): UnitOfWork;
  /** A bulk job's row applied: its outcome, written with its change (fails when the row has one already). */
  recordJobRow(enterpriseNumber: string, jobId: string, index: number, outcome: RowOutcome): UnitOfWork;
  commit(): Promise<void>;
}

/** Structured logs, without personal data: the use cases say what happened, the runtime writes it. */
export interface Log {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}
