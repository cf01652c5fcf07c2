/**
 * Request and response contracts of the administration API. Handlers validate with them, the OpenAPI
 * document is generated from them, and the UI reuses them for its forms. Written with zod/mini: every
 * function bundles these contracts, and classic zod would add about 65 KB to each bundle and tens of
 * milliseconds to each cold start.
 */
import * as z from 'zod/mini';
import { AccessCheckRequest, zProfile, zRightId } from '#lib/contracts/access-check';
import {
  withPeriod,
  zCategory,
  zDate,
  zEmail,
  zEnterpriseNumber,
  zId,
  zNationalNumber,
  zPhone,
  zReason,
} from '#lib/contracts/common';
import { msg } from '#lib/contracts/i18n';
import { ACCESS_REASONS } from '#lib/domain/access';
import { LANGUAGES } from '#lib/domain/i18n/language';
import { LOGIN_METHODS } from '#lib/domain/logins';
import { NOTIFICATION_FREQUENCIES } from '#lib/domain/notifications';
import { RIGHT_GRANT_MAX_YEARS, WORK_RELATIONSHIP_MAX_YEARS } from '#lib/domain/period';
import { REVIEW_INTERVAL_MONTHS } from '#lib/domain/reviews';

/**
 * Builds a schema at once, in a call marked free of side effects: a function whose bundle uses none of
 * the schemas built this way leaves them out, and with them their construction at every cold start
 * (and, for the schemas with a phone number, the phone parser and its metadata, over 100 kB). Every
 * contract below is built this way.
 */
const pure = <T>(build: () => T): T => build();

// ---- path parameters -------------------------------------------------------------------------

export const OrgParams = /* @__PURE__ */ pure(() => z.object({ enterpriseNumber: zEnterpriseNumber }));
export const PersonParams = /* @__PURE__ */ pure(() =>
  z.object({ enterpriseNumber: zEnterpriseNumber, personId: zId }),
);
export const GrantParams = /* @__PURE__ */ pure(() => z.extend(PersonParams, { grantId: zId }));

// ---- requests -------------------------------------------------------------------------------

export const LookupRequest = /* @__PURE__ */ pure(() => z.strictObject({ nationalNumber: zNationalNumber }));

const zNickname = /* @__PURE__ */ pure(() =>
  z.string().check(z.trim(), z.maxLength(50, msg('nickname.too-long', { max: 50 }))),
);
const zInitials = /* @__PURE__ */ pure(() =>
  z.string().check(z.trim(), z.maxLength(10, msg('initials.too-long', { max: 10 }))),
);

export const AddPersonRequest = /* @__PURE__ */ pure(() =>
  z.strictObject({
    nationalNumber: zNationalNumber,
    nickname: z.optional(zNickname),
    initials: z.optional(zInitials),
    reason: z.optional(zReason),
  }),
);

/**
 * *Bewerk gegevens*: what the organisation keeps of the person itself. The register's details (name,
 * birth date, sex) are not ours to change. An empty text clears the field.
 */
export const UpdatePersonRequest = /* @__PURE__ */ pure(() =>
  z
    .strictObject({
      nickname: z.optional(zNickname),
      initials: z.optional(zInitials),
      reason: z.optional(zReason),
    })
    .check(
      z.refine((v) => v.nickname !== undefined || v.initials !== undefined, msg('person.update-nothing')),
    ),
);

/**
 * *Verwijder uit organisatie*. With a work relationship the removal is refused (409
 * `person.has-relationship`) unless `endRelationship` is true: then the relationship and its rights end
 * in the same change.
 */
export const RemovePersonRequest = /* @__PURE__ */ pure(() =>
  z.strictObject({
    endRelationship: z.optional(z.boolean(msg('remove.end-relationship'))),
    reason: z.optional(zReason),
  }),
);

const relationshipFields = {
  category: zCategory,
  startDate: zDate,
  endDate: zDate,
  phone: zPhone,
  email: zEmail,
};

export const RelationshipDetails = /* @__PURE__ */ pure(() =>
  withPeriod(z.strictObject(relationshipFields), WORK_RELATIONSHIP_MAX_YEARS),
);

export const CreateRelationshipRequest = /* @__PURE__ */ pure(() =>
  withPeriod(
    z.strictObject({ ...relationshipFields, reason: z.optional(zReason) }),
    WORK_RELATIONSHIP_MAX_YEARS,
  ),
);

export const UpdateRelationshipRequest = /* @__PURE__ */ pure(() =>
  withPeriod(
    z
      .strictObject({
        category: z.optional(zCategory),
        startDate: z.optional(zDate),
        endDate: z.optional(zDate),
        phone: z.optional(zPhone),
        email: z.optional(zEmail),
        reason: z.optional(zReason),
      })
      .check(z.refine((v) => Object.keys(v).some((k) => k !== 'reason'), msg('change.at-least-one-field'))),
    WORK_RELATIONSHIP_MAX_YEARS,
  ),
);

export const ExtendRelationshipRequest = /* @__PURE__ */ pure(() =>
  z.strictObject({
    endDate: z.optional(zDate),
    includeRights: z.boolean(msg('extension.include-rights')),
    reason: z.optional(zReason),
  }),
);

export const PauseRelationshipRequest = /* @__PURE__ */ pure(() =>
  z.strictObject({
    reason: z.pipe(zReason, z.string().check(z.minLength(1, msg('pause.reason-required')))),
  }),
);

export const ResumeRelationshipRequest = /* @__PURE__ */ pure(() =>
  z.strictObject({ reason: z.optional(zReason) }),
);

const zProfiles = /* @__PURE__ */ pure(() =>
  z.array(z.string().check(z.minLength(1), z.maxLength(100)), msg('profiles.type')).check(
    z.minLength(1, msg('profiles.at-least-one')),
    z.maxLength(20),
    z.refine((p) => new Set(p).size === p.length, msg('profiles.duplicate')),
  ),
);

export const GrantRightRequest = /* @__PURE__ */ pure(() =>
  withPeriod(
    z.strictObject({
      right: zRightId,
      profiles: zProfiles,
      startDate: zDate,
      endDate: zDate,
      reason: z.optional(zReason),
    }),
    RIGHT_GRANT_MAX_YEARS,
  ),
);

export const UpdateGrantRequest = /* @__PURE__ */ pure(() =>
  withPeriod(
    z
      .strictObject({
        profiles: z.optional(zProfiles),
        startDate: z.optional(zDate),
        endDate: z.optional(zDate),
        reason: z.optional(zReason),
      })
      .check(z.refine((v) => Object.keys(v).some((k) => k !== 'reason'), msg('change.at-least-one-field'))),
    RIGHT_GRANT_MAX_YEARS,
  ),
);

export const DeleteRequest = /* @__PURE__ */ pure(() => z.strictObject({ reason: z.optional(zReason) }));

export const QuickGrantRequest = /* @__PURE__ */ pure(() =>
  withPeriod(
    z.strictObject({
      nationalNumber: zNationalNumber,
      right: zRightId,
      profiles: zProfiles,
      startDate: z.optional(zDate),
      endDate: z.optional(zDate),
      relationship: z.optional(RelationshipDetails),
      reason: z.optional(zReason),
    }),
    RIGHT_GRANT_MAX_YEARS,
  ),
);

/** A page size from the query string: an integer from 1 to 100, `fallback` when absent. */
const zLimit = (fallback: number) =>
  z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), fallback);

export const ListPersonsQuery = /* @__PURE__ */ pure(() =>
  z.strictObject({
    search: z.optional(z.string().check(z.trim(), z.maxLength(100))),
    status: z.optional(z.enum(['pending', 'active'], msg('persons.status'))),
    cursor: z.optional(z.string().check(z.maxLength(2000))),
    limit: zLimit(25),
  }),
);

export const HistoryQuery = /* @__PURE__ */ pure(() =>
  z.strictObject({
    cursor: z.optional(z.string().check(z.maxLength(2000))),
    limit: zLimit(50),
  }),
);

/** The organisation's audit trail: a period (Brussels days, both included), a kind of action, a page. */
export const AuditQuery = /* @__PURE__ */ pure(() =>
  z
    .strictObject({
      from: z.optional(zDate),
      to: z.optional(zDate),
      action: z.optional(
        z.string().check(z.regex(/^[a-z-]+(\.[a-z-]+)?$/, msg('audit.action')), z.maxLength(60)),
      ),
      cursor: z.optional(z.string().check(z.maxLength(2000))),
      limit: zLimit(50),
    })
    .check(
      z.refine((q) => !q.from || !q.to || q.from <= q.to, { ...msg('period.to-before-from'), path: ['to'] }),
    ),
);

export const AuditEntry = /* @__PURE__ */ pure(() =>
  z
    .object({
      entryId: z.string(),
      at: z.string(),
      actor: z.object({ personId: z.string(), name: z.string() }),
      action: z.string(),
      reason: z.nullable(z.string()),
      before: z.unknown(),
      after: z.unknown(),
      personId: z.nullable(z.string()),
      subject: z.nullable(z.object({ name: z.string(), nationalNumber: z.string() })),
    })
    .register(z.globalRegistry, { id: 'AuditEntry' }),
);

/** "Who held this right on that day?": the right in the path, the day in the query (default today). */
export const RightHoldersParams = /* @__PURE__ */ pure(() => z.extend(OrgParams, { rightId: zRightId }));

export const RightHoldersQuery = /* @__PURE__ */ pure(() => z.strictObject({ on: z.optional(zDate) }));

export const RightHolders = /* @__PURE__ */ pure(() =>
  z
    .object({
      right: z.object({ rightId: z.string(), name: z.string() }),
      on: z.string(),
      holders: z.array(
        z.object({
          personId: z.string(),
          name: z.string(),
          nationalNumber: z.string(),
          profiles: z.array(z.string()),
          from: z.string(),
          to: z.string(),
        }),
      ),
    })
    .register(z.globalRegistry, { id: 'RightHolders' }),
);

export const AuditPage = /* @__PURE__ */ pure(() =>
  z.object({ items: z.array(AuditEntry), cursor: z.nullable(z.string()) }),
);

export const ComparisonQuery = /* @__PURE__ */ pure(() =>
  z.strictObject({
    personIds: z.pipe(
      z.pipe(
        z.string(msg('comparison.type')),
        z.transform((s: string) => s.split(',').map((x) => x.trim())),
      ),
      z.array(zId).check(
        z.minLength(2, msg('comparison.too-few')),
        z.maxLength(10, msg('comparison.too-many')),
        z.refine((ids) => new Set(ids).size === ids.length, msg('comparison.duplicate')),
      ),
    ),
  }),
);

// ---- responses ------------------------------------------------------------------------------

export const RegisterPerson = /* @__PURE__ */ pure(() =>
  z
    .object({
      nationalNumber: z.string(),
      kind: z.enum(['rrn', 'bis']),
      firstName: z.string(),
      lastName: z.string(),
      birthDate: z.nullable(z.string()),
      sex: z.nullable(z.enum(['M', 'F'])),
      source: z.literal('VKBP'),
      knownInOrganisation: z.boolean(),
      personId: z.nullable(z.string()),
    })
    .register(z.globalRegistry, { id: 'RegisterPerson' }),
);

export const Relationship = /* @__PURE__ */ pure(() =>
  z
    .object({
      category: zCategory,
      startDate: z.string(),
      endDate: z.string(),
      phone: z.string(),
      email: z.string(),
      paused: z.boolean(),
      pauseReason: z.nullable(z.string()),
      version: z.number().check(z.int()),
    })
    .register(z.globalRegistry, { id: 'WorkRelationship' }),
);

export const Grant = /* @__PURE__ */ pure(() =>
  z
    .object({
      grantId: z.string(),
      right: z.string(),
      rightName: z.string(),
      profiles: z.array(z.string()),
      startDate: z.string(),
      endDate: z.string(),
      state: z.enum(['active', 'future', 'expired', 'suspended']),
      version: z.number().check(z.int()),
    })
    .register(z.globalRegistry, { id: 'RightGrant' }),
);

export const PersonSummary = /* @__PURE__ */ pure(() =>
  z
    .object({
      personId: z.string(),
      nationalNumber: z
        .string()
        .register(z.globalRegistry, { description: 'Gemaskeerd, bv. 90.04.18-***.**' }),
      firstName: z.string(),
      lastName: z.string(),
      nickname: z.nullable(z.string()),
      status: z.enum(['pending', 'active']),
    })
    .register(z.globalRegistry, { id: 'PersonSummary' }),
);

export const PersonPage = /* @__PURE__ */ pure(() =>
  z
    .extend(PersonSummary, {
      initials: z.nullable(z.string()),
      birthDate: z.nullable(z.string()),
      sex: z.nullable(z.enum(['M', 'F'])),
      source: z.literal('VKBP'),
      organisation: z.object({ enterpriseNumber: z.string(), name: z.string() }),
      relationship: z.nullable(Relationship),
      grants: z.array(Grant),
      version: z.number().check(z.int()),
    })
    .register(z.globalRegistry, { id: 'PersonPage' }),
);

/** The answer to a removal from the organisation: what ended with it. */
export const PersonRemoval = /* @__PURE__ */ pure(() =>
  z
    .object({
      personId: z.string(),
      relationshipEnded: z.boolean(),
      /** The names of the rights revoked with the relationship. */
      rightsRevoked: z.array(z.string()),
    })
    .register(z.globalRegistry, { id: 'PersonRemoval' }),
);

export const LoginMethod = /* @__PURE__ */ pure(() =>
  z.enum(LOGIN_METHODS).register(z.globalRegistry, {
    id: 'LoginMethod',
    description:
      'eid: eID en kaartlezer, app: beveiligingscode via mobiele app, itsme, sms: beveiligingscode via SMS, federaal-token, other: een methode die ACM niet benoemde',
  }),
);

export const Accounts = /* @__PURE__ */ pure(() =>
  z
    .object({
      /**
       * The methods the person has logged in with, in the order of ACM's choice screen. No times and no
       * counts: a login is the person's, not this organisation's, and when someone logged in says
       * something about their other organisations too.
       */
      methods: z.array(z.object({ method: LoginMethod })),
    })
    .register(z.globalRegistry, { id: 'Accounts' }),
);

/** GET person accounts (the person page's *Accounts* tab): `accounts` is `null` for a person who never logged in. */
export const PersonAccounts = /* @__PURE__ */ pure(() =>
  z.object({ accounts: z.nullable(Accounts) }).register(z.globalRegistry, { id: 'PersonAccounts' }),
);

export const PersonList = /* @__PURE__ */ pure(() =>
  z.object({ items: z.array(PersonSummary), cursor: z.nullable(z.string()) }),
);

export const HistoryEntry = /* @__PURE__ */ pure(() =>
  z
    .object({
      entryId: z.string(),
      at: z.string(),
      actor: z.object({ personId: z.string(), name: z.string() }),
      action: z.string(),
      reason: z.nullable(z.string()),
      before: z.unknown(),
      after: z.unknown(),
    })
    .register(z.globalRegistry, { id: 'HistoryEntry' }),
);

export const HistoryPage = /* @__PURE__ */ pure(() =>
  z.object({ items: z.array(HistoryEntry), cursor: z.nullable(z.string()) }),
);

export const RightCatalogue = /* @__PURE__ */ pure(() =>
  z.object({
    items: z.array(
      z.object({
        rightId: z.string(),
        name: z.string(),
        description: z.string(),
        profiles: z.array(z.string()),
        maxYears: z.number().check(z.int()),
        /** Where the person logs in once granted (the relying portal), when the catalogue names one. */
        portalUrl: z.optional(z.string()),
      }),
    ),
  }),
);

export const Comparison = /* @__PURE__ */ pure(() =>
  z.object({
    persons: z.array(PersonSummary),
    rows: z.array(
      z.object({
        right: z.string(),
        profile: z.string(),
        /** One cell per person, in the order of `persons`. */
        cells: z.array(
          z.object({
            granted: z.boolean(),
            startDate: z.nullable(z.string()),
            endDate: z.nullable(z.string()),
          }),
        ),
        differs: z.boolean(),
      }),
    ),
  }),
);

export const AccessDecision = /* @__PURE__ */ pure(() =>
  z.object({
    allowed: z.boolean(),
    validUntil: z.optional(z.string()),
    reason: z.enum(ACCESS_REASONS),
  }),
);

export type PersonPageDto = z.infer<typeof PersonPage>;
export type PersonAccountsDto = z.infer<typeof PersonAccounts>;
export type GrantDto = z.infer<typeof Grant>;

// ---- identity, local administrators, access checks ---------------------------------------------

const zNotifications = /* @__PURE__ */ pure(() =>
  z.strictObject({
    frequency: z.enum(NOTIFICATION_FREQUENCIES, msg('preferences.frequency')),
  }),
);

/**
 * A change of one's preferences: only the fields given change (at least one). Changing `notifications`
 * needs If-Match (the ETag of GET /api/me/preferences); remembering the last organisation or the
 * language (`nl`, `fr`, `en`, `de`) does not.
 */
export const PreferencesRequest = /* @__PURE__ */ pure(() =>
  z
    .strictObject({
      lastOrganisation: z.optional(z.nullable(zEnterpriseNumber)),
      notifications: z.optional(zNotifications),
      language: z.optional(z.enum(LANGUAGES, msg('preferences.language'))),
    })
    .check(
      z.refine((v) => Object.values(v).some((f) => f !== undefined), {
        ...msg('preferences.at-least-one'),
        params: { code: 'required' },
      }),
    ),
);

/** One's preferences, with the defaults for what was never saved; `version` is the ETag (0: none saved). */
export const PreferencesView = /* @__PURE__ */ pure(() =>
  z
    .object({
      lastOrganisation: z.nullable(z.string()),
      notifications: z.object({ frequency: z.enum(NOTIFICATION_FREQUENCIES) }),
      language: z.enum(LANGUAGES),
      version: z.number().check(z.int()),
    })
    .register(z.globalRegistry, { id: 'Preferences' }),
);

export const AppointLocalAdminRequest = /* @__PURE__ */ pure(() =>
  z.strictObject({
    nationalNumber: zNationalNumber,
    reason: z.optional(zReason),
  }),
);

export const LocalAdminParams = /* @__PURE__ */ pure(() => z.extend(OrgParams, { personId: zId }));

export { AccessCheckRequest };

export const MyAccessQuery = /* @__PURE__ */ pure(() =>
  z.strictObject({
    enterpriseNumber: zEnterpriseNumber,
    right: zRightId,
    profile: zProfile,
  }),
);

export const Me = /* @__PURE__ */ pure(() =>
  z
    .object({
      personId: z.nullable(z.string()),
      nationalNumber: z.string(),
      firstName: z.nullable(z.string()),
      lastName: z.nullable(z.string()),
      organisations: z.array(
        z.object({
          enterpriseNumber: z.string(),
          name: z.string(),
          roles: z.array(z.enum(['local-admin', 'legal-representative'])),
          openTasks: z.number().check(z.int()),
        }),
      ),
      lastOrganisation: z.nullable(z.string()),
      /** In the helpdesk group: the *Helpdesk* screen. */
      helpdesk: z.boolean(),
    })
    .register(z.globalRegistry, { id: 'Me' }),
);

export const LocalAdmin = /* @__PURE__ */ pure(() =>
  z
    .object({
      personId: z.string(),
      name: z.string(),
      appointedAt: z.string(),
      appointedBy: z.string(),
      version: z.number().check(z.int()),
    })
    .register(z.globalRegistry, { id: 'LocalAdmin' }),
);

export const PublicLegalRepresentatives = /* @__PURE__ */ pure(() =>
  z.object({
    enterpriseNumber: z.string(),
    name: z.string(),
    legalRepresentatives: z.array(z.object({ name: z.string(), function: z.string() })),
  }),
);

/** The portal's access check: the decision and the person's pseudonym, as change events name them. */
export const AccessCheckAnswer = /* @__PURE__ */ pure(() =>
  z.extend(AccessDecision, {
    person: z.string().register(z.globalRegistry, {
      description:
        'Pseudoniem van de persoon (sleutel-HMAC van het rijksregisternummer), zoals de wijzigingsgebeurtenissen het noemen.',
    }),
  }),
);

export const MyAccess = /* @__PURE__ */ pure(() =>
  z.extend(AccessDecision, {
    organisation: z.object({ enterpriseNumber: z.string(), name: z.nullable(z.string()) }),
    hasLocalAdministrators: z.boolean(),
    /** Names only for someone with a work relationship with the organisation; empty for anyone else. */
    localAdministrators: z.array(z.object({ name: z.string() })),
    legalRepresentatives: z.array(z.object({ name: z.string(), function: z.string() })),
  }),
);

// ---- access requests and tasks ------------------------------------------------------------------

export const AccessRequestBody = /* @__PURE__ */ pure(() =>
  z.strictObject({
    enterpriseNumber: zEnterpriseNumber,
    right: zRightId,
    profiles: zProfiles,
    reason: z.pipe(zReason, z.string().check(z.minLength(1, msg('access-request.reason-required')))),
    email: z.optional(zEmail),
  }),
);

/** Access reviews: the organisation's settings, a campaign, an answer to a line. */
export const ReviewSettingsRequest = /* @__PURE__ */ pure(() =>
  z
    .strictObject({
      intervalMonths: z
        .int(msg('review.interval-type'))
        .check(
          z.minimum(
            REVIEW_INTERVAL_MONTHS.min,
            msg('review.interval-min', { min: REVIEW_INTERVAL_MONTHS.min }),
          ),
          z.maximum(
            REVIEW_INTERVAL_MONTHS.max,
            msg('review.interval-max', { max: REVIEW_INTERVAL_MONTHS.max }),
          ),
        ),
      unanswered: z.enum(['nothing', 'revoke'], msg('review.unanswered')),
      remindAfterDays: z._default(
        z
          .array(z.int(msg('review.day-type')).check(z.minimum(1, msg('review.days-min'))))
          .check(z.maxLength(5, msg('review.reminders-max', { max: 5 }))),
        [7, 14],
      ),
      closeAfterDays: z._default(
        z
          .int(msg('review.close-type'))
          .check(z.minimum(1, msg('review.days-min')), z.maximum(90, msg('review.days-max', { max: 90 }))),
        21,
      ),
    })
    .check(
      z.refine((s) => s.remindAfterDays.every((d) => d < s.closeAfterDays), {
        ...msg('review.reminder-before-close'),
        path: ['remindAfterDays'],
      }),
    ),
);

/** A campaign now: confirmed, as the UI asks (it mails every local administrator). */
export const StartReviewRequest = /* @__PURE__ */ pure(() =>
  z.strictObject({
    confirm: z.literal(true, msg('review.confirm-start')),
  }),
);

export const CampaignParams = /* @__PURE__ */ pure(() => z.extend(OrgParams, { campaignId: zId }));

export const LineAnswerRequest = /* @__PURE__ */ pure(() =>
  z
    .strictObject({
      personId: zId,
      grantId: zId,
      decision: z.enum(['keep', 'revoke'], msg('review.decision')),
      reason: z.optional(zReason),
    })
    .check(
      z.refine((a) => a.decision !== 'revoke' || (a.reason ?? '').length > 0, {
        ...msg('review.reason-to-revoke'),
        path: ['reason'],
      }),
    ),
);

export const KeepRemainingRequest = /* @__PURE__ */ pure(() =>
  z.strictObject({
    confirm: z.literal(true, msg('review.confirm-keep-remaining')),
  }),
);

/** The helpdesk's reads: each for a ticket (recorded with the read in the organisation's audit trail). */
const zTicket = z
  .string(msg('ticket.required'))
  .check(z.trim(), z.regex(/^[A-Za-z0-9][A-Za-z0-9 ._/#-]{2,39}$/, msg('ticket.invalid')));

export const HelpdeskQuery = /* @__PURE__ */ pure(() => z.strictObject({ ticket: zTicket }));

export const HelpdeskAccessQuery = /* @__PURE__ */ pure(() =>
  z.strictObject({ ticket: zTicket, right: zRightId, profile: zProfile }),
);

export const TaskParams = /* @__PURE__ */ pure(() => z.extend(OrgParams, { taskId: zId }));

export const DecisionRequest = /* @__PURE__ */ pure(() =>
  z.strictObject({
    decision: z.enum(['approve', 'reject', 'extend', 'resume', 'keep', 'remove'], msg('decision.choice')),
    reason: z.pipe(zReason, z.string().check(z.minLength(1, msg('decision.reason-required')))),
    relationship: z.optional(RelationshipDetails),
    endDate: z.optional(zDate),
  }),
);

export const AccessRequestView = /* @__PURE__ */ pure(() =>
  z
    .object({
      requestId: z.string(),
      enterpriseNumber: z.string(),
      organisationName: z.string(),
      right: z.string(),
      profiles: z.array(z.string()),
      /** An extension asked for by a local administrator for their own grant. */
      endDate: z.optional(z.nullable(z.string())),
      reason: z.string(),
      status: z.enum(['pending', 'approved', 'rejected', 'expired', 'failed']),
      createdAt: z.string(),
      decidedAt: z.nullable(z.string()),
      decisionReason: z.nullable(z.string()),
    })
    .register(z.globalRegistry, { id: 'AccessRequest' }),
);

export const TaskView = /* @__PURE__ */ pure(() =>
  z
    .object({
      taskId: z.string(),
      kind: z.enum(['approval', 'extension', 'resume', 'confirm-admin', 'appoint-admin', 'access-review']),
      status: z.string(),
      title: z.string(),
      subject: z.object({
        personId: z.nullable(z.string()),
        name: z.string(),
        right: z.nullable(z.string()),
        profiles: z.array(z.string()),
        endDate: z.nullable(z.string()),
        item: z.nullable(z.enum(['relationship', 'grant'])),
        count: z.optional(z.number()),
      }),
      requestId: z.nullable(z.string()),
      /** Access-review tasks: the campaign to answer. */
      campaignId: z.optional(z.nullable(z.string())),
      reason: z.nullable(z.string()),
      lastFailure: z.nullable(
        z.object({
          code: z.string(),
          message: z.string(),
          at: z.string(),
          decidedBy: z.nullable(z.string()),
        }),
      ),
      createdAt: z.string(),
      decidedAt: z.nullable(z.string()),
      decidedBy: z.nullable(z.string()),
      version: z.number().check(z.int()),
    })
    .register(z.globalRegistry, { id: 'Task' }),
);

/**
 * The page *Lokale beheerders*: the administrators, the KBO's legal representatives and status (as read
 * now), the tasks waiting for the representatives and what the KBO changed under the organisation.
 */
export const LocalAdmins = /* @__PURE__ */ pure(() =>
  z.object({
    enterpriseNumber: z.string(),
    name: z.string(),
    status: z.enum(['active', 'stopped']),
    stoppedOn: z.nullable(z.string()),
    localAdmins: z.array(LocalAdmin),
    legalRepresentatives: z.array(z.object({ name: z.string(), function: z.string() })),
    representativeTasks: z.array(TaskView),
    kboHistory: z.array(HistoryEntry),
  }),
);

// ---- bulk work: the CSV import and the bulk extension -----------------------------------------

/**
 * An import file: its text (CSV, `;` or `,`, UTF-8 with or without BOM; at most 1,000 rows, within the
 * 256 kB of a request) and its name, as a label. The rows are judged by the import (lib/services/bulk),
 * with the contracts of the single routes.
 */
export const ImportRequest = /* @__PURE__ */ pure(() =>
  z.strictObject({
    fileName: z.optional(
      z.string().check(z.trim(), z.maxLength(200, msg('import.file-name-too-long', { max: 200 }))),
    ),
    content: z.string(msg('import.content-type')).check(z.minLength(1, msg('import.empty'))),
  }),
);

export const JobParams = /* @__PURE__ */ pure(() => z.extend(OrgParams, { jobId: zId }));

/** Bevestig: the dry run's preview is what will be done. */
export const ConfirmImportRequest = /* @__PURE__ */ pure(() => z.strictObject({}));

/**
 * Extend the relationships (and rights) of several persons at once: the persons chosen (`personIds`) or
 * everyone whose relationship or a right ends before `endingBefore`. The rest is the single extension's.
 */
export const BulkExtensionRequest = /* @__PURE__ */ pure(() =>
  z
    .strictObject({
      personIds: z.optional(
        z.array(zId).check(
          z.minLength(1, msg('bulk.persons-at-least-one')),
          z.maxLength(1000, msg('bulk.persons-max', { max: 1000 })),
          z.refine((ids) => new Set(ids).size === ids.length, msg('bulk.persons-duplicate')),
        ),
      ),
      endingBefore: z.optional(zDate),
      endDate: z.optional(zDate),
      includeRights: z.boolean(msg('extension.include-rights')),
      reason: z.optional(zReason),
    })
    .check(
      z.refine((b) => (b.personIds === undefined) !== (b.endingBefore === undefined), {
        ...msg('bulk.persons-or-date'),
        path: ['personIds'],
      }),
    ),
);

export const JobQuery = /* @__PURE__ */ pure(() =>
  z.strictObject({
    rows: z.optional(z.enum(['true', 'false'], msg('job.rows'))),
  }),
);

const RowOutcome = /* @__PURE__ */ pure(() =>
  z.object({
    outcome: z.enum(['new', 'present', 'error']),
    person: z.optional(z.boolean()),
    relationship: z.optional(z.boolean()),
    right: z.optional(z.boolean()),
    endDate: z.optional(z.string()),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
  }),
);

export const JobView = /* @__PURE__ */ pure(() =>
  z
    .object({
      jobId: z.string(),
      kind: z.enum(['import', 'extension']),
      status: z.enum(['validating', 'previewed', 'applying', 'done', 'failed']),
      rows: z.number().check(z.int()),
      fileName: z.nullable(z.string()),
      createdAt: z.string(),
      createdBy: z.string(),
      confirmedAt: z.nullable(z.string()),
      finishedAt: z.nullable(z.string()),
      /** The rows done of the phase that runs (the dry run or the apply); all of them once it ended. */
      progress: z.object({ phase: z.enum(['preview', 'apply']), done: z.number(), total: z.number() }),
      summary: z.nullable(z.object({ new: z.number(), present: z.number(), error: z.number() })),
      failure: z.nullable(z.string()),
      /** With `?rows=true`: per row what the dry run found and what was done; national numbers masked. */
      items: z.optional(
        z.array(
          z.object({
            row: z.number(),
            nationalNumber: z.nullable(z.string()),
            name: z.nullable(z.string()),
            preview: z.nullable(RowOutcome),
            result: z.nullable(RowOutcome),
          }),
        ),
      ),
    })
    .register(z.globalRegistry, { id: 'BulkJob' }),
);

export type JobViewDto = z.infer<typeof JobView>;
