/**
 * What the use cases depend on: ports only (lib/domain/ports.ts), never an adapter, HTTP or the
 * runtime. The composition root (lib/runtime/deps.ts) builds them from the environment; unit tests
 * pass in-memory fakes (test/support/fakes.ts), integration tests the DynamoDB adapters.
 */
import type { Clock } from '#lib/domain/membership';
import type {
  AdminsPort,
  AuditPort,
  CataloguePort,
  DigestsPort,
  EnterpriseRegistry,
  ExpiryPort,
  JobsPort,
  KboFollowPort,
  Log,
  LoginsPort,
  Mailer,
  MembershipsPort,
  NationalRegister,
  NoticesPort,
  OrganisationsPort,
  PersonsPort,
  PreferencesPort,
  Pseudonymize,
  RequestsPort,
  ReviewsPort,
  TasksPort,
  UnitOfWork,
  Workflows,
} from '#lib/domain/ports';

export interface Deps {
  persons: PersonsPort;
  memberships: MembershipsPort;
  admins: AdminsPort;
  organisations: OrganisationsPort;
  catalogue: CataloguePort;
  preferences: PreferencesPort;
  tasks: TasksPort;
  requests: RequestsPort;
  notices: NoticesPort;
  /** The daily KBO follow's records. */
  kbo: KboFollowPort;
  /** The organisation's audit trail. */
  audit: AuditPort;
  /** Access reviews. */
  reviews: ReviewsPort;
  expiry: ExpiryPort;
  /** The local administrators' digests of what the sweep found due. */
  digests: DigestsPort;
  /** Bulk jobs: the CSV import and the bulk extension. */
  jobs: JobsPort;
  /** A person's logins per method (the person page's Accounts tab). */
  logins: LoginsPort;
  /** A new unit of work: what is added to it is written together, or not at all. */
  unitOfWork(): UnitOfWork;
  pseudonymize: Pseudonymize;
  nationalRegister: NationalRegister;
  enterpriseRegistry: EnterpriseRegistry;
  clock: () => Clock;
  newId: () => string;
  mailer: Mailer;
  workflows: Workflows;
  log: Log;
  /** Base URL of the UI, for links in e-mails. */
  appUrl: string;
  /** The national register's answer about a person is asked again once older than this. */
  registerMaxAgeHours: number;
}
