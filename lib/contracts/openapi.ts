/**
 * The OpenAPI 3.1 document, generated from the route table and the zod contracts (zod 4's own JSON
 * Schema output), so the documentation cannot drift from what the handlers validate.
 */
import * as z from 'zod/mini';
import * as api from '#lib/contracts/api';
import { Problem } from '#lib/contracts/common';

interface RouteLike {
  method: string;
  path: string;
  fn: string;
  auth: 'none' | 'user' | 'service';
  scope?: string;
}

interface Operation {
  summary: string;
  body?: z.core.$ZodType;
  query?: z.ZodMiniObject;
  response?: z.core.$ZodType;
  status?: number;
  /** What the response's ETag is the version of; a PATCH or DELETE of that resource takes it as If-Match. */
  etag?: string;
  /** Which ETag this route takes as If-Match. */
  ifMatch?: string;
  /** If-Match only for some changes (the description says which); required otherwise. */
  ifMatchOptional?: boolean;
  idempotent?: boolean;
}

const PERSON_ETAG =
  'Versie van de persoon in deze organisatie (`version`); PATCH en DELETE van de persoon nemen ze als If-Match. De werkrelatie en elk recht hebben hun eigen versie en ETag.';
const PERSON_IF_MATCH =
  'De ETag van GET …/persons/{personId} (of `version` van de gegevens van gebruiker), bv. "4".';
const RELATIONSHIP_ETAG =
  'Versie van de werkrelatie (ook `relationship.version` in de gegevens van gebruiker); PATCH en DELETE van de werkrelatie nemen ze als If-Match.';
const GRANT_ETAG =
  'Versie van dit toegekende gebruikersrecht (ook `grants[].version` in de gegevens van gebruiker); PATCH en DELETE van dit recht nemen ze als If-Match.';
const RELATIONSHIP_IF_MATCH =
  'De ETag van GET …/work-relationship (of `relationship.version` van de gegevens van gebruiker), bv. "3".';
const GRANT_IF_MATCH =
  'De ETag van GET …/rights/{grantId} (of `grants[].version` van de gegevens van gebruiker), bv. "2".';

const PREFERENCES_ETAG =
  'Versie van uw voorkeuren (ook `version`; 0 zolang u niets bewaarde); PUT /api/me/preferences neemt ze als If-Match.';

/** What each function takes and gives; a route without an entry here is documented by its path only. */
export const OPERATIONS: Record<string, Operation> = {
  health: { summary: 'Gezondheid van de dienst' },
  openapi: { summary: 'Dit OpenAPI-document' },
  'list-rights': { summary: 'Catalogus van gebruikersrechten', response: api.RightCatalogue },
  'lookup-national-register': {
    summary: 'Gegevens uit het rijksregister opzoeken (persoon toevoegen, stap 1)',
    body: api.LookupRequest,
    response: api.RegisterPerson,
  },
  'add-person': {
    summary: 'Persoon toevoegen aan de organisatie',
    body: api.AddPersonRequest,
    response: api.PersonPage,
    status: 201,
    idempotent: true,
  },
  'list-persons': {
    summary: 'Personen van de organisatie',
    query: api.ListPersonsQuery,
    response: api.PersonList,
  },
  'get-person': {
    summary: 'Gegevens van gebruiker',
    response: api.PersonPage,
    etag: PERSON_ETAG,
  },
  'update-person': {
    summary: 'Bewerk gegevens van gebruiker: roepnaam en initialen (de gegevens uit het rijksregister niet)',
    body: api.UpdatePersonRequest,
    response: api.PersonPage,
    etag: PERSON_ETAG,
    ifMatch: PERSON_IF_MATCH,
  },
  'remove-person': {
    summary:
      'Verwijder gebruiker uit de organisatie (409 person.has-relationship met een werkrelatie, tenzij endRelationship: de werkrelatie en de gebruikersrechten eindigen mee)',
    body: api.RemovePersonRequest,
    response: api.PersonRemoval,
    ifMatch: PERSON_IF_MATCH,
  },
  'get-work-relationship': {
    summary: 'Werkrelatie',
    response: api.Relationship,
    etag: RELATIONSHIP_ETAG,
  },
  'get-grant': { summary: 'Toegekend gebruikersrecht', response: api.Grant, etag: GRANT_ETAG },
  'create-work-relationship': {
    summary: 'Koppel gebruiker aan organisatie (werkrelatie)',
    body: api.CreateRelationshipRequest,
    response: api.PersonPage,
    status: 201,
    idempotent: true,
    etag: RELATIONSHIP_ETAG,
  },
  'update-work-relationship': {
    summary: 'Bewerk werkrelatie',
    body: api.UpdateRelationshipRequest,
    response: api.PersonPage,
    etag: RELATIONSHIP_ETAG,
    ifMatch: RELATIONSHIP_IF_MATCH,
  },
  'delete-work-relationship': {
    summary: 'Verwijder werkrelatie (trekt de gebruikersrechten in)',
    body: api.DeleteRequest,
    response: api.PersonPage,
    ifMatch: RELATIONSHIP_IF_MATCH,
  },
  'extend-work-relationship': {
    summary: 'Verleng werkrelatie en gebruikersrechten',
    body: api.ExtendRelationshipRequest,
    response: api.PersonPage,
    idempotent: true,
    etag: RELATIONSHIP_ETAG,
  },
  'pause-work-relationship': {
    summary: 'Pauzeer werkrelatie',
    body: api.PauseRelationshipRequest,
    response: api.PersonPage,
    etag: RELATIONSHIP_ETAG,
  },
  'resume-work-relationship': {
    summary: 'Hervat werkrelatie',
    body: api.ResumeRelationshipRequest,
    response: api.PersonPage,
    etag: RELATIONSHIP_ETAG,
  },
  'grant-right': {
    summary: 'Ken gebruikersrecht toe',
    body: api.GrantRightRequest,
    response: api.PersonPage,
    status: 201,
    idempotent: true,
    etag: GRANT_ETAG,
  },
  'update-grant': {
    summary: 'Bewerk gebruikersrecht',
    body: api.UpdateGrantRequest,
    response: api.PersonPage,
    etag: GRANT_ETAG,
    ifMatch: GRANT_IF_MATCH,
  },
  'revoke-grant': {
    summary: 'Trek gebruikersrecht in',
    body: api.DeleteRequest,
    response: api.PersonPage,
    ifMatch: GRANT_IF_MATCH,
  },
  'get-history': { summary: 'Historiek', query: api.HistoryQuery, response: api.HistoryPage },
  'list-audit': {
    summary: 'Historiek organisatie: elke wijziging, nieuwste eerst (rijksregisternummers gemaskeerd)',
    query: api.AuditQuery,
    response: api.AuditPage,
  },
  'export-audit': {
    summary: 'Historiek organisatie als CSV voor Excel (UTF-8 met BOM, puntkomma), voor een periode',
    query: api.AuditQuery,
  },
  'helpdesk-organisation': {
    summary:
      'Helpdesk: lokale beheerders, wettelijk vertegenwoordigers en personen van een onderneming (gelogd met ticket)',
    query: api.HelpdeskQuery,
  },
  'helpdesk-person': {
    summary: 'Helpdesk: gegevens van gebruiker, alleen lezen (gelogd met ticket)',
    query: api.HelpdeskQuery,
    response: api.PersonPage,
  },
  'helpdesk-access-check': {
    summary: 'Helpdesk: wat de toegangscontrole vandaag antwoordt en waarom (gelogd met ticket)',
    query: api.HelpdeskAccessQuery,
  },
  'list-reviews': { summary: 'Toegangsreview: instellingen, lopende review en vorige reviews' },
  'start-review': {
    summary: 'Start een toegangsreview nu (202: de workflow opent ze)',
    body: api.StartReviewRequest,
  },
  'update-review-settings': {
    summary:
      'Instellingen toegangsreview: interval (3 tot 24 maanden), onbeantwoorde lijnen, herinneringen, sluiting',
    body: api.ReviewSettingsRequest,
  },
  'get-review': { summary: 'Een toegangsreview met haar lijnen' },
  'answer-review-line': {
    summary: 'Behouden of intrekken (met reden) voor één lijn van de toegangsreview',
    body: api.LineAnswerRequest,
  },
  'keep-remaining-review-lines': {
    summary: 'Behoud alle overige lijnen van de toegangsreview (met bevestiging)',
    body: api.KeepRemainingRequest,
  },
  'create-import': {
    summary:
      'Importeer personen (CSV, hoogstens 1.000 rijen): het bestand wordt bewaard en eerst gecontroleerd (202, de opdracht)',
    body: api.ImportRequest,
    response: api.JobView,
    status: 202,
    idempotent: true,
  },
  'confirm-import': {
    summary: 'Bevestig een gecontroleerde import: de rijen worden uitgevoerd, elk apart (202)',
    body: api.ConfirmImportRequest,
    response: api.JobView,
    status: 202,
  },
  'create-extension': {
    summary:
      'Verleng de werkrelaties (en rechten) van gekozen personen, of van wie eindigt voor een datum (202, de opdracht)',
    body: api.BulkExtensionRequest,
    response: api.JobView,
    status: 202,
    idempotent: true,
  },
  'get-job': {
    summary: 'Een import of verlenging: status, voortgang, resultaat (met rows=true per rij)',
    query: api.JobQuery,
    response: api.JobView,
  },
  'export-job-result': {
    summary:
      'Het resultaat van een import of verlenging als CSV voor Excel (gemaskeerde rijksregisternummers)',
  },
  'list-right-holders': {
    summary: 'Wie had dit gebruikersrecht op een dag, met welke profielen (standaard vandaag)',
    query: api.RightHoldersQuery,
    response: api.RightHolders,
  },
  'get-person-accounts': {
    summary: 'Accounts: de aanmeldmethoden van de gebruiker (eerste en laatste gebruik, aantal)',
    response: api.PersonAccounts,
  },
  'compare-persons': {
    summary: 'Vergelijk meerdere personen',
    query: api.ComparisonQuery,
    response: api.Comparison,
  },
  'get-me': { summary: 'Wie ben ik, voor welke organisaties mag ik optreden', response: api.Me },
  'get-preferences': {
    summary: 'Mijn voorkeuren: laatste keuze van organisatie, meldingen, taal',
    response: api.PreferencesView,
    etag: PREFERENCES_ETAG,
  },
  'update-preferences': {
    summary:
      'Voorkeuren wijzigen: laatste keuze van organisatie (UW LAATSTE KEUZE), meldingen, taal (alleen de velden die u meegeeft)',
    body: api.PreferencesRequest,
    response: api.PreferencesView,
    etag: PREFERENCES_ETAG,
    ifMatch:
      'De ETag van GET /api/me/preferences, bv. "3" ("0": nog niets bewaard). Vereist om `notifications` te wijzigen (428 zonder); wordt ze meegegeven, dan geeft een verouderde 412.',
    ifMatchOptional: true,
  },
  'get-my-access': {
    summary: 'Mijn toegang voor een organisatie',
    query: api.MyAccessQuery,
    response: api.MyAccess,
  },
  'get-legal-representatives': {
    summary: 'Wettelijk vertegenwoordigers van een onderneming (publiek)',
    response: api.PublicLegalRepresentatives,
  },
  'list-local-admins': {
    summary: 'Lokale beheerders en wettelijk vertegenwoordigers',
    response: api.LocalAdmins,
  },
  'appoint-local-admin': {
    summary: 'Lokale beheerder aanduiden (wettelijk vertegenwoordiger)',
    body: api.AppointLocalAdminRequest,
    response: api.LocalAdmin,
    status: 201,
    idempotent: true,
    etag: 'Versie van deze aanduiding (ook `version` in de lijst van lokale beheerders); DELETE neemt ze als If-Match.',
  },
  'remove-local-admin': {
    summary: 'Lokale beheerder verwijderen',
    body: api.DeleteRequest,
    ifMatch:
      'De `version` van deze lokale beheerder in GET …/local-admins (of de ETag van de aanduiding), bv. "1".',
  },
  'check-access': {
    summary: 'Toegangscontrole voor portalen (scope access/check)',
    body: api.AccessCheckRequest,
    response: api.AccessCheckAnswer,
  },
  'request-access': {
    summary: 'Toegang aanvragen (start de goedkeuring)',
    body: api.AccessRequestBody,
    response: api.AccessRequestView,
    status: 202,
    idempotent: true,
  },
  'list-my-requests': { summary: 'Mijn aanvragen' },
  'list-tasks': { summary: 'Mijn taken van de organisatie' },
  'decide-task': {
    summary: 'Beslissing over een taak: goedkeuren, afkeuren of verlengen',
    body: api.DecisionRequest,
    response: api.TaskView,
    status: 202,
  },
  'quick-grant': {
    summary: 'Snel recht toekennen',
    body: api.QuickGrantRequest,
    response: api.PersonPage,
    status: 201,
    idempotent: true,
  },
};

function schema(type: z.core.$ZodType, io: 'input' | 'output') {
  return z.toJSONSchema(type, { io, unrepresentable: 'any', target: 'draft-2020-12' });
}

/** Every route: the language of its problems (title, detail, errors[].message); the code stays the same. */
const ACCEPT_LANGUAGE = {
  name: 'Accept-Language',
  in: 'header',
  required: false,
  description:
    'De taal van een probleem (title, detail, errors[].message): nl (standaard), fr, en of de; de code blijft dezelfde.',
  schema: { type: 'string', examples: ['fr-BE,fr;q=0.9,nl;q=0.8'] },
};

const problemContent = { 'application/problem+json': { schema: schema(Problem, 'output') } };

export function openApiDocument(routes: readonly RouteLike[]) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const op = OPERATIONS[route.fn] ?? { summary: route.fn };
    const parameters: unknown[] = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    if (op.query) {
      const shape = schema(op.query, 'input') as {
        properties?: Record<string, unknown>;
        required?: string[];
      };
      for (const [name, s] of Object.entries(shape.properties ?? {})) {
        parameters.push({ name, in: 'query', required: shape.required?.includes(name) ?? false, schema: s });
      }
    }
    if (op.ifMatch)
      parameters.push({
        name: 'If-Match',
        in: 'header',
        required: !op.ifMatchOptional,
        description: op.ifMatch,
        schema: { type: 'string' },
      });
    if (op.idempotent)
      parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' } });
    parameters.push(ACCEPT_LANGUAGE);
    const responses: Record<string, unknown> = {
      [String(op.status ?? 200)]: {
        description: 'OK',
        ...(op.etag ? { headers: { ETag: { description: op.etag, schema: { type: 'string' } } } } : {}),
        ...(op.response
          ? { content: { 'application/json': { schema: schema(op.response, 'output') } } }
          : {}),
      },
      default: { description: 'Probleem (RFC 9457)', content: problemContent },
    };
    const byMethod = paths[route.path] ?? {};
    paths[route.path] = byMethod;
    byMethod[route.method.toLowerCase()] = {
      operationId: route.fn,
      summary: op.summary,
      ...(route.auth === 'none' ? { security: [] } : {}),
      parameters,
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schema(op.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Gebruikersbeheer API',
      version: '1.0.0',
      description: 'Beheer van personen, werkrelaties en gebruikersrechten per organisatie.',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
