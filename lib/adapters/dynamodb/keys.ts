/**
 * All keys of the single table are built here. National register numbers never appear in a key:
 * `{pseudo}`, an HMAC-SHA-256 pseudonym of the number under a secret key.
 *
 * | # | access pattern                                   | table / index | pk                                   | sk                 |
 * |---|--------------------------------------------------|---------------|--------------------------------------|--------------------|
 * | 1 | person by national number (uniqueness, login)    | table         | NRN#{pseudo}                         | PERSON             |
 * | 2 | is this person local admin of this organisation  | table         | NRN#{pseudo}                         | ADMIN#{en}         |
 * | 3 | organisations where this person is local admin   | table         | NRN#{pseudo}                         | begins_with ADMIN# |
 * | 4 | access check (person × organisation), 1 GetItem  | table         | NRN#{pseudo}                         | ACCESS#{en}        |
 * | 5 | person page of one organisation, 1 Query         | table         | ORG#{en}#PERSON#{personId}           | MEMBER, REL, GRANT#{grantId} |
 * | 6 | history of a person in an organisation           | table         | HIST#ORG#{en}#PERSON#{personId}      | {ulid}             |
 * | 7 | person list of an organisation (by ULID = added) | gsi3 (sparse) | ORG#{en}#PERSONS                     | {personId}         |
 * | 8 | local administrators of an organisation          | gsi1          | ORG#{en}#ADMINS                      | {personId}         |
 * | 9 | organisation                                     | table         | ORG#{en}                             | ORG                |
 * |10 | right catalogue                                  | table         | CATALOGUE                            | RIGHT#{rightId}    |
 * |11 | what ends on a day (expiry sweep), sparse        | gsi2          | DUE#{yyyy-mm-dd}                     | {kind}#{en}#{personId} |
 * |12 | a person's preferences (last organisation)       | table         | NRN#{pseudo}                         | PREFS              |
 * |13 | open tasks of an organisation (count, list)      | table         | TASK#ORG#{en}                        | OPEN#{taskId}      |
 * |14 | a decided / closed task                          | table         | TASK#ORG#{en}                        | DONE#{taskId}      |
 * |15 | access request by id (workflow steps)            | table         | REQUEST#{requestId}                  | REQUEST            |
 * |16 | a person's own access requests                   | gsi1          | NRN#{pseudo}#REQUESTS                | {requestId}        |
 * |17 | requests waiting for a decision (re-drive)       | table         | REQUESTS#OPEN                        | {requestId}        |
 * |18 | warnings already sent / tasks already opened     | table         | NOTICE#ORG#{en}#PERSON#{personId}    | {kind}#{id}#{endDate}#{what} |
 * |19 | the last day the expiry sweep completed          | table         | SWEEP                                | LAST               |
 * |20 | a person's logins per method (Accounts tab)      | table         | NRN#{pseudo}                         | LOGINS             |
 * |21 | what a sweep could not handle, per day (report)  | table         | SWEEP                                | FAILED#{date}#{item} |
 * |22 | the national number a Cognito user first had     | table         | COGNITO#{sub}                        | BINDING            |
 * |23 | what the national register said, and when (cache)| table         | NRN#{pseudo}                         | REGISTER           |
 * |24 | every organisation (the KBO follow), paged       | gsi1          | ORGS                                 | {en}               |
 * |25 | history of an organisation (KBO changes)         | table         | HIST#ORG#{en}                        | {ulid}             |
 * |26 | the KBO follow: last day, a day's position, report | table       | KBO                                  | LAST, RUN#{date}, FAILED#{date}#{en} |
 * |27 | an organisation's audit trail, newest first      | gsi1          | AUDIT#ORG#{en}                       | {ulid}             |
 * |28 | who held a right in an organisation, day by day  | table         | HOLD#ORG#{en}#RIGHT#{rightId}        | {personId}#{yyyy-mm-dd} |
 * |29 | an organisation's access reviews, newest first   | table         | REVIEW#ORG#{en}                      | CAMPAIGN#{ulid}    |
 * |30 | the lines of one access review                   | table         | REVIEW#ORG#{en}#CAMPAIGN#{ulid}      | LINE#{personId}#{grantId} |
 * |31 | an organisation's change events (outbox), newest first | table   | EVENTS#ORG#{en}                      | {ulid}             |
 * |32 | webhook subscriptions (all, one Query)           | table         | WEBHOOKS                             | SUB#{id}           |
 * |37 | the administrators' digest lines of a day (TTL)  | table         | DIGEST#{yyyy-mm-dd}                  | LINE#{en}#{personId}#{notice} |
 * |38 | organisations with digest lines on a day         | table         | DIGEST#{yyyy-mm-dd}                  | > LINE#{en}$, Limit 1 |
 * |39 | what an administrator's digests covered, per org | table         | DIGEST#ORG#{en}                      | ADMIN#{personId}   |
 * |40 | an organisation's bulk jobs, newest first (TTL)  | table         | JOB#ORG#{en}                         | JOB#{jobId}        |
 * |41 | a bulk job's rows and its chunks' progress (TTL) | table         | JOB#ORG#{en}#{jobId}                 | ROW#{nnnn}, CHUNK#{phase}#{nnn} |
 * |42 | bulk jobs whose phase runs (re-drive locally)     | table         | JOBS#RUNNING                         | {en}#{jobId}       |
 *
 * 27 is no item of its own: every history entry (6 and 25) carries these index keys, so the audit
 * trail is written in the change's own transaction, by the same write, and read one Query a page.
 * 28 is written with every change of a person that alters what they hold of a right (holdings.ts):
 * one item per person, right and day of change, so "who held X on D" is one Query of that right.
 * 31 is written by the change's own transaction (events.ts derives the events from the change); the
 * table's stream carries the new items to the event bus, and the TTL attribute removes them after 30 days.
 * 37 is written in the transaction of the notice marker it goes with (18), so a line exists exactly
 * when the warning or expiry happened; `{notice}` is the marker's name. 38 reads 37: the first line
 * after an organisation's last possible key is the next organisation's, so finding the organisations
 * of a day costs one Query (Limit 1) per organisation, whatever its number of lines.
 * 40 and 41 are a bulk job (CSV import, bulk extension): the job item, its rows (an import's hold the
 * row's input, national number included, as attributes, never in a key) in a partition of their own, so
 * a chunk's rows are one Query of a key range and the progress one Query of `CHUNK#{phase}#`; an applied
 * row's outcome is written in its change's own transaction. All of it expires JOB_KEEP_DAYS after the job.
 */
export const ITEM_TYPES = {
  person: 'Person',
  admin: 'LocalAdmin',
  access: 'AccessProjection',
  membership: 'Membership',
  relationship: 'WorkRelationship',
  grant: 'RightGrant',
  history: 'History',
  organisation: 'Organisation',
  preferences: 'Preferences',
  task: 'Task',
  request: 'AccessRequest',
  openRequest: 'OpenRequest',
  notice: 'Notice',
  sweep: 'Sweep',
  sweepFailure: 'SweepFailure',
  right: 'Right',
  logins: 'Logins',
  cognitoBinding: 'CognitoBinding',
  registerRead: 'RegisterRead',
  organisationHistory: 'OrganisationHistory',
  kboFollow: 'KboFollow',
  kboFailure: 'KboFailure',
  holding: 'Holding',
  campaign: 'ReviewCampaign',
  reviewLine: 'ReviewLine',
  changeEvent: 'ChangeEvent',
  webhook: 'WebhookSubscription',
  digestLine: 'DigestLine',
  digestState: 'DigestState',
  job: 'BulkJob',
  jobRow: 'BulkJobRow',
  jobChunk: 'BulkJobChunk',
  runningJob: 'BulkJobRunning',
} as const;

export interface Key {
  pk: string;
  sk: string;
}

export const keys = {
  person: (pseudo: string): Key => ({ pk: `NRN#${pseudo}`, sk: 'PERSON' }),
  admin: (pseudo: string, en: string): Key => ({ pk: `NRN#${pseudo}`, sk: `ADMIN#${en}` }),
  adminPrefix: (pseudo: string) => ({ pk: `NRN#${pseudo}`, skPrefix: 'ADMIN#' }),
  access: (pseudo: string, en: string): Key => ({ pk: `NRN#${pseudo}`, sk: `ACCESS#${en}` }),
  aggregatePk: (en: string, personId: string) => `ORG#${en}#PERSON#${personId}`,
  membership: (en: string, personId: string): Key => ({ pk: keys.aggregatePk(en, personId), sk: 'MEMBER' }),
  relationship: (en: string, personId: string): Key => ({ pk: keys.aggregatePk(en, personId), sk: 'REL' }),
  grant: (en: string, personId: string, grantId: string): Key => ({
    pk: keys.aggregatePk(en, personId),
    sk: `GRANT#${grantId}`,
  }),
  historyPk: (en: string, personId: string) => `HIST#ORG#${en}#PERSON#${personId}`,
  history: (en: string, personId: string, entryId: string): Key => ({
    pk: keys.historyPk(en, personId),
    sk: entryId,
  }),
  organisation: (en: string): Key => ({ pk: `ORG#${en}`, sk: 'ORG' }),
  organisationListEntry: (en: string) => ({ gsi1pk: 'ORGS', gsi1sk: en }),
  organisationListPk: () => 'ORGS',
  organisationHistoryPk: (en: string) => `HIST#ORG#${en}`,
  auditEntry: (en: string, entryId: string) => ({ gsi1pk: `AUDIT#ORG#${en}`, gsi1sk: entryId }),
  auditPk: (en: string) => `AUDIT#ORG#${en}`,
  organisationHistory: (en: string, entryId: string): Key => ({ pk: `HIST#ORG#${en}`, sk: entryId }),
  holdingPk: (en: string, rightId: string) => `HOLD#ORG#${en}#RIGHT#${rightId}`,
  holding: (en: string, rightId: string, personId: string, day: string): Key => ({
    pk: keys.holdingPk(en, rightId),
    sk: `${personId}#${day}`,
  }),
  campaignsPk: (en: string) => `REVIEW#ORG#${en}`,
  campaign: (en: string, campaignId: string): Key => ({
    pk: `REVIEW#ORG#${en}`,
    sk: `CAMPAIGN#${campaignId}`,
  }),
  reviewLinesPk: (en: string, campaignId: string) => `REVIEW#ORG#${en}#CAMPAIGN#${campaignId}`,
  reviewLine: (en: string, campaignId: string, personId: string, grantId: string): Key => ({
    pk: keys.reviewLinesPk(en, campaignId),
    sk: `LINE#${personId}#${grantId}`,
  }),
  changeEventsPk: (en: string) => `EVENTS#ORG#${en}`,
  changeEvent: (en: string, eventId: string): Key => ({ pk: `EVENTS#ORG#${en}`, sk: eventId }),
  webhooksPk: () => 'WEBHOOKS',
  webhook: (subscriptionId: string): Key => ({ pk: 'WEBHOOKS', sk: `SUB#${subscriptionId}` }),
  digestLinesPk: (day: string) => `DIGEST#${day}`,
  digestLine: (day: string, en: string, personId: string, notice: string): Key => ({
    pk: `DIGEST#${day}`,
    sk: `LINE#${en}#${personId}#${notice}`,
  }),
  /** An organisation's lines of a day, and the key just past them ('$' sorts right after '#'). */
  digestOrganisation: (en: string) => ({ skPrefix: `LINE#${en}#`, past: `LINE#${en}$` }),
  digestStatesPk: (en: string) => `DIGEST#ORG#${en}`,
  digestState: (en: string, personId: string): Key => ({ pk: `DIGEST#ORG#${en}`, sk: `ADMIN#${personId}` }),
  jobsPk: (en: string) => `JOB#ORG#${en}`,
  runningJobsPk: () => 'JOBS#RUNNING',
  runningJob: (en: string, jobId: string): Key => ({ pk: 'JOBS#RUNNING', sk: `${en}#${jobId}` }),
  job: (en: string, jobId: string): Key => ({ pk: `JOB#ORG#${en}`, sk: `JOB#${jobId}` }),
  jobItemsPk: (en: string, jobId: string) => `JOB#ORG#${en}#${jobId}`,
  /** Zero-padded, so the rows sort in their order and a chunk is a key range. */
  jobRowSk: (index: number) => `ROW#${String(index).padStart(4, '0')}`,
  jobRow: (en: string, jobId: string, index: number): Key => ({
    pk: keys.jobItemsPk(en, jobId),
    sk: keys.jobRowSk(index),
  }),
  jobChunk: (en: string, jobId: string, phase: string, chunk: number): Key => ({
    pk: keys.jobItemsPk(en, jobId),
    sk: `CHUNK#${phase}#${String(chunk).padStart(3, '0')}`,
  }),
  jobChunks: (en: string, jobId: string, phase: string) => ({
    pk: keys.jobItemsPk(en, jobId),
    skPrefix: `CHUNK#${phase}#`,
  }),
  kboLast: (): Key => ({ pk: 'KBO', sk: 'LAST' }),
  kboRun: (date: string): Key => ({ pk: 'KBO', sk: `RUN#${date}` }),
  kboFailure: (date: string, en: string): Key => ({ pk: 'KBO', sk: `FAILED#${date}#${en}` }),
  kboFailures: (date: string) => ({ pk: 'KBO', skPrefix: `FAILED#${date}#` }),
  right: (rightId: string): Key => ({ pk: 'CATALOGUE', sk: `RIGHT#${rightId}` }),
  preferences: (pseudo: string): Key => ({ pk: `NRN#${pseudo}`, sk: 'PREFS' }),
  /** One item per person, whatever the organisation: logins are the person's, not an organisation's. */
  logins: (pseudo: string): Key => ({ pk: `NRN#${pseudo}`, sk: 'LOGINS' }),
  /** The register's last answer about the person, kept for a while (TTL) so a burst of reads asks once. */
  registerRead: (pseudo: string): Key => ({ pk: `NRN#${pseudo}`, sk: 'REGISTER' }),
  openTasks: (en: string) => ({ pk: `TASK#ORG#${en}`, skPrefix: 'OPEN#' }),
  openTask: (en: string, taskId: string): Key => ({ pk: `TASK#ORG#${en}`, sk: `OPEN#${taskId}` }),
  doneTask: (en: string, taskId: string): Key => ({ pk: `TASK#ORG#${en}`, sk: `DONE#${taskId}` }),
  request: (requestId: string): Key => ({ pk: `REQUEST#${requestId}`, sk: 'REQUEST' }),
  requestListEntry: (pseudo: string, requestId: string) => ({
    gsi1pk: `NRN#${pseudo}#REQUESTS`,
    gsi1sk: requestId,
  }),
  requestListPk: (pseudo: string) => `NRN#${pseudo}#REQUESTS`,
  openRequest: (requestId: string): Key => ({ pk: 'REQUESTS#OPEN', sk: requestId }),
  openRequestsPk: () => 'REQUESTS#OPEN',
  notice: (en: string, personId: string, what: string): Key => ({
    pk: `NOTICE#ORG#${en}#PERSON#${personId}`,
    sk: what,
  }),
  sweep: (): Key => ({ pk: 'SWEEP', sk: 'LAST' }),
  /** Cognito's own `sub` (a random UUID it assigns), never an ACM identifier or a national number. */
  cognitoBinding: (sub: string): Key => ({ pk: `COGNITO#${sub}`, sk: 'BINDING' }),
  sweepFailure: (date: string, itemKey: string): Key => ({ pk: 'SWEEP', sk: `FAILED#${date}#${itemKey}` }),
  sweepFailures: (date: string) => ({ pk: 'SWEEP', skPrefix: `FAILED#${date}#` }),
  catalogue: () => ({ pk: 'CATALOGUE', skPrefix: 'RIGHT#' }),

  /** gsi3 attributes: set only on memberships; the index copies just what a list row needs. */
  personListEntry: (en: string, personId: string) => ({ gsi3pk: `ORG#${en}#PERSONS`, gsi3sk: personId }),
  personListPk: (en: string) => `ORG#${en}#PERSONS`,
  /** gsi1 attributes. */
  adminListEntry: (en: string, personId: string) => ({ gsi1pk: `ORG#${en}#ADMINS`, gsi1sk: personId }),
  adminListPk: (en: string) => `ORG#${en}#ADMINS`,

  /** gsi2 attributes: set only on items with an end date, so the index stays sparse. */
  dueEntry: (endDate: string, kind: 'REL' | 'GRANT', en: string, personId: string, id = '') => ({
    gsi2pk: `DUE#${endDate}`,
    gsi2sk: `${kind}#${en}#${personId}${id ? `#${id}` : ''}`,
  }),
};

/** Lower-case, accents folded, punctuation dropped, single spaces: for searching names. */
export function normalizeSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Search text for the person list: "first last first nickname", so that a search for "emma willems"
 * or "willems emma" matches with `contains`. Names are personal data, so this is a plain attribute
 * (filtered), never part of a key.
 */
export function searchText(firstName: string, lastName: string, nickname: string | null): string {
  return normalizeSearch(`${firstName} ${lastName} ${firstName} ${nickname ?? ''}`);
}
