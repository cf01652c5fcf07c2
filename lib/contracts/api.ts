/**
 * Request and response contracts of the administration API. Handlers validate with them, the OpenAPI
 * document is generated from them, and the UI reuses them for its forms.
 */
import * as z from 'zod';
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
import { ACCESS_REASONS } from '#lib/domain/access';
import { LOGIN_METHODS } from '#lib/domain/logins';
import { RIGHT_GRANT_MAX_YEARS, WORK_RELATIONSHIP_MAX_YEARS } from '#lib/domain/period';

// ---- path parameters -------------------------------------------------------------------------

export const OrgParams = z.object({ enterpriseNumber: zEnterpriseNumber });
export const PersonParams = z.object({ enterpriseNumber: zEnterpriseNumber, personId: zId });
export const GrantParams = PersonParams.extend({ grantId: zId });

// ---- requests -------------------------------------------------------------------------------

export const LookupRequest = z.strictObject({ nationalNumber: zNationalNumber });

export const AddPersonRequest = z.strictObject({
  nationalNumber: zNationalNumber,
  nickname: z.string().trim().max(50, 'De roepnaam mag maximaal 50 tekens lang zijn.').optional(),
  initials: z.string().trim().max(10, 'De initialen mogen maximaal 10 tekens lang zijn.').optional(),
  reason: zReason.optional(),
});

/**
 * Builds a schema at once, in a call marked free of side effects: a function whose bundle uses
 * none of the schemas built this way leaves them out, and with them the phone parser and its metadata
 * (over 100 kB), which only the schemas with a phone number need.
 */
const pure = <T>(build: () => T): T => build();

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
    z.strictObject({ ...relationshipFields, reason: zReason.optional() }),
    WORK_RELATIONSHIP_MAX_YEARS,
  ),
);

export const UpdateRelationshipRequest = /* @__PURE__ */ pure(() =>
  withPeriod(
    z
      .strictObject({
        category: zCategory.optional(),
        startDate: zDate.optional(),
        endDate: zDate.optional(),
        phone: zPhone.optional(),
        email: zEmail.optional(),
        reason: zReason.optional(),
      })
      .refine((v) => Object.keys(v).some((k) => k !== 'reason'), 'Geef minstens één veld op om te wijzigen.'),
    WORK_RELATIONSHIP_MAX_YEARS,
  ),
);

export const ExtendRelationshipRequest = z.strictObject({
  endDate: zDate.optional(),
  includeRights: z.boolean({
    error: 'Geef aan of de gebruikersrechten mee verlengd worden (true of false).',
  }),
  reason: zReason.optional(),
});

export const PauseRelationshipRequest = z.strictObject({
  reason: zReason.pipe(z.string().min(1, 'Geef een reden op voor de pauze.')),
});

export const ResumeRelationshipRequest = z.strictObject({ reason: zReason.optional() });

const zProfiles = z
  .array(z.string().min(1).max(100), { error: 'Geef de profielen op als lijst.' })
  .min(1, 'Kies minstens één profiel.')
  .max(20)
  .refine((p) => new Set(p).size === p.length, 'Elk profiel mag maar één keer voorkomen.');

export const GrantRightRequest = withPeriod(
  z.strictObject({
    right: zRightId,
    profiles: zProfiles,
    startDate: zDate,
    endDate: zDate,
    reason: zReason.optional(),
  }),
  RIGHT_GRANT_MAX_YEARS,
);

export const UpdateGrantRequest = withPeriod(
  z
    .strictObject({
      profiles: zProfiles.optional(),
      startDate: zDate.optional(),
      endDate: zDate.optional(),
      reason: zReason.optional(),
    })
    .refine((v) => Object.keys(v).some((k) => k !== 'reason'), 'Geef minstens één veld op om te wijzigen.'),
  RIGHT_GRANT_MAX_YEARS,
);

export const DeleteRequest = z.strictObject({ reason: zReason.optional() });

export const QuickGrantRequest = /* @__PURE__ */ pure(() =>
  withPeriod(
    z.strictObject({
      nationalNumber: zNationalNumber,
      right: zRightId,
      profiles: zProfiles,
      startDate: zDate.optional(),
      endDate: zDate.optional(),
      relationship: RelationshipDetails.optional(),
      reason: zReason.optional(),
    }),
    RIGHT_GRANT_MAX_YEARS,
  ),
);

export const ListPersonsQuery = z.strictObject({
  search: z.string().trim().max(100).optional(),
  status: z.enum(['pending', 'active'], { error: 'Status is "pending" of "active".' }).optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const HistoryQuery = z.strictObject({
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const ComparisonQuery = z.strictObject({
  personIds: z
    .string({ error: 'Geef de te vergelijken personen op (personIds=a,b).' })
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(
      z
        .array(zId)
        .min(2, 'Vergelijk minstens twee personen.')
        .max(10, 'Vergelijk maximaal tien personen.')
        .refine((ids) => new Set(ids).size === ids.length, 'Elke persoon mag maar één keer voorkomen.'),
    ),
});

// ---- responses ------------------------------------------------------------------------------

export const RegisterPerson = z
  .object({
    nationalNumber: z.string(),
    kind: z.enum(['rrn', 'bis']),
    firstName: z.string(),
    lastName: z.string(),
    birthDate: z.string().nullable(),
    sex: z.enum(['M', 'F']).nullable(),
    source: z.literal('VKBP'),
    knownInOrganisation: z.boolean(),
    personId: z.string().nullable(),
  })
  .meta({ id: 'RegisterPerson' });

export const Relationship = z
  .object({
    category: zCategory,
    startDate: z.string(),
    endDate: z.string(),
    phone: z.string(),
    email: z.string(),
    paused: z.boolean(),
    pauseReason: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'WorkRelationship' });

export const Grant = z
  .object({
    grantId: z.string(),
    right: z.string(),
    rightName: z.string(),
    profiles: z.array(z.string()),
    startDate: z.string(),
    endDate: z.string(),
    state: z.enum(['active', 'future', 'expired', 'suspended']),
    version: z.number().int(),
  })
  .meta({ id: 'RightGrant' });

export const PersonSummary = z
  .object({
    personId: z.string(),
    nationalNumber: z.string().meta({ description: 'Gemaskeerd, bv. 90.04.18-***.**' }),
    firstName: z.string(),
    lastName: z.string(),
    nickname: z.string().nullable(),
    status: z.enum(['pending', 'active']),
  })
  .meta({ id: 'PersonSummary' });

export const PersonPage = PersonSummary.extend({
  initials: z.string().nullable(),
  birthDate: z.string().nullable(),
  sex: z.enum(['M', 'F']).nullable(),
  source: z.literal('VKBP'),
  organisation: z.object({ enterpriseNumber: z.string(), name: z.string() }),
  relationship: Relationship.nullable(),
  grants: z.array(Grant),
  version: z.number().int(),
}).meta({ id: 'PersonPage' });

export const LoginMethod = z.enum(LOGIN_METHODS).meta({
  id: 'LoginMethod',
  description:
    'eid: eID en kaartlezer, app: beveiligingscode via mobiele app, itsme, sms: beveiligingscode via SMS, federaal-token, other: een methode die ACM niet benoemde',
});

export const Accounts = z
  .object({
    lastLoginAt: z.string().meta({ description: 'Tijdstip (ISO 8601) van de laatste aanmelding' }),
    lastMethod: LoginMethod,
    /** Most recently used first. */
    methods: z.array(
      z.object({
        method: LoginMethod,
        firstUsedAt: z.string(),
        lastUsedAt: z.string(),
        count: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'Accounts' });

/** GET person accounts (the person page's *Accounts* tab): `accounts` is `null` for a person who never logged in. */
export const PersonAccounts = z.object({ accounts: Accounts.nullable() }).meta({ id: 'PersonAccounts' });

export const PersonList = z.object({ items: z.array(PersonSummary), cursor: z.string().nullable() });

export const HistoryEntry = z
  .object({
    entryId: z.string(),
    at: z.string(),
    actor: z.object({ personId: z.string(), name: z.string() }),
    action: z.string(),
    reason: z.string().nullable(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: 'HistoryEntry' });

export const HistoryPage = z.object({ items: z.array(HistoryEntry), cursor: z.string().nullable() });

export const RightCatalogue = z.object({
  items: z.array(
    z.object({
      rightId: z.string(),
      name: z.string(),
      description: z.string(),
      profiles: z.array(z.string()),
      maxYears: z.number().int(),
    }),
  ),
});

export const Comparison = z.object({
  persons: z.array(PersonSummary),
  rows: z.array(
    z.object({
      right: z.string(),
      profile: z.string(),
      /** One cell per person, in the order of `persons`. */
      cells: z.array(
        z.object({ granted: z.boolean(), startDate: z.string().nullable(), endDate: z.string().nullable() }),
      ),
      differs: z.boolean(),
    }),
  ),
});

export const AccessDecision = z.object({
  allowed: z.boolean(),
  validUntil: z.string().optional(),
  reason: z.enum(ACCESS_REASONS),
});

export type PersonPageDto = z.infer<typeof PersonPage>;
export type PersonAccountsDto = z.infer<typeof PersonAccounts>;
export type GrantDto = z.infer<typeof Grant>;

// ---- identity, local administrators, access checks ---------------------------------------------

export const PreferencesRequest = z.strictObject({ lastOrganisation: z.nullable(zEnterpriseNumber) });

export const AppointLocalAdminRequest = z.strictObject({
  nationalNumber: zNationalNumber,
  reason: zReason.optional(),
});

export const LocalAdminParams = OrgParams.extend({ personId: zId });

export { AccessCheckRequest };

export const MyAccessQuery = z.strictObject({
  enterpriseNumber: zEnterpriseNumber,
  right: zRightId,
  profile: zProfile,
});

export const Me = z
  .object({
    personId: z.string().nullable(),
    nationalNumber: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    organisations: z.array(
      z.object({
        enterpriseNumber: z.string(),
        name: z.string(),
        roles: z.array(z.enum(['local-admin', 'legal-representative'])),
        openTasks: z.number().int(),
      }),
    ),
    lastOrganisation: z.string().nullable(),
  })
  .meta({ id: 'Me' });

export const LocalAdmin = z
  .object({
    personId: z.string(),
    name: z.string(),
    appointedAt: z.string(),
    appointedBy: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'LocalAdmin' });

export const LocalAdmins = z.object({
  enterpriseNumber: z.string(),
  name: z.string(),
  localAdmins: z.array(LocalAdmin),
  legalRepresentatives: z.array(z.object({ name: z.string(), function: z.string() })),
});

export const PublicLegalRepresentatives = z.object({
  enterpriseNumber: z.string(),
  name: z.string(),
  legalRepresentatives: z.array(z.object({ name: z.string(), function: z.string() })),
});

export const MyAccess = AccessDecision.extend({
  organisation: z.object({ enterpriseNumber: z.string(), name: z.string().nullable() }),
  localAdministrators: z.array(z.object({ name: z.string() })),
  legalRepresentatives: z.array(z.object({ name: z.string(), function: z.string() })),
});

// ---- access requests and tasks ------------------------------------------------------------------

export const AccessRequestBody = z.strictObject({
  enterpriseNumber: zEnterpriseNumber,
  right: zRightId,
  profiles: zProfiles,
  reason: zReason.pipe(z.string().min(1, 'Geef een reden op voor uw aanvraag.')),
  email: zEmail.optional(),
});

export const TaskParams = OrgParams.extend({ taskId: zId });

export const DecisionRequest = /* @__PURE__ */ pure(() =>
  z.strictObject({
    decision: z.enum(['approve', 'reject', 'extend'], { error: 'Kies "approve", "reject" of "extend".' }),
    reason: zReason.pipe(z.string().min(1, 'Geef een reden op voor uw beslissing.')),
    relationship: RelationshipDetails.optional(),
    endDate: zDate.optional(),
  }),
);

export const AccessRequestView = z
  .object({
    requestId: z.string(),
    enterpriseNumber: z.string(),
    organisationName: z.string(),
    right: z.string(),
    profiles: z.array(z.string()),
    reason: z.string(),
    status: z.enum(['pending', 'approved', 'rejected', 'expired']),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    decisionReason: z.string().nullable(),
  })
  .meta({ id: 'AccessRequest' });

export const TaskView = z
  .object({
    taskId: z.string(),
    kind: z.enum(['approval', 'extension']),
    status: z.string(),
    title: z.string(),
    subject: z.object({
      personId: z.string().nullable(),
      name: z.string(),
      right: z.string().nullable(),
      profiles: z.array(z.string()),
      endDate: z.string().nullable(),
      item: z.enum(['relationship', 'grant']).nullable(),
    }),
    requestId: z.string().nullable(),
    reason: z.string().nullable(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    decidedBy: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Task' });
