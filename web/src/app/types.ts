/** Response types of the API, inferred from the same zod contracts the handlers use. */
import type {
  AccessRequestView,
  AuditPage,
  Comparison,
  HistoryPage,
  JobView,
  LocalAdmins,
  Me,
  MyAccess,
  PersonAccounts,
  PersonList,
  PersonPage,
  PreferencesView,
  PublicLegalRepresentatives,
  RegisterPerson,
  RightCatalogue,
  RightHolders,
  TaskView,
} from '@contracts/api.ts';
import type { z } from 'zod';

export type MeDto = z.infer<typeof Me>;
export type OrganisationDto = MeDto['organisations'][number];
export type PersonPageDto = z.infer<typeof PersonPage>;
/** GET person accounts: the person's logins (Accounts tab). */
export type PersonAccountsDto = z.infer<typeof PersonAccounts>;
export type PersonListDto = z.infer<typeof PersonList>;
export type RegisterPersonDto = z.infer<typeof RegisterPerson>;
export type HistoryPageDto = z.infer<typeof HistoryPage>;
export type HistoryEntryDto = HistoryPageDto['items'][number];
export type RightCatalogueDto = z.infer<typeof RightCatalogue>;
export type RightDto = RightCatalogueDto['items'][number];
export type TaskDto = z.infer<typeof TaskView>;
export type MyAccessDto = z.infer<typeof MyAccess>;
export type AccessRequestDto = z.infer<typeof AccessRequestView>;
export type LegalRepresentativesDto = z.infer<typeof PublicLegalRepresentatives>;
/** A bulk job (the CSV import, *Verlengen*): status, progress and, when asked, its rows. */
export type JobDto = z.infer<typeof JobView>;
export type JobRowOutcomeDto = NonNullable<NonNullable<JobDto['items']>[number]['preview']>;

/** The right and profile the kmo-portefeuille portal checks (lib/domain/catalogue.ts). */
export const VLAIO_RIGHT = 'VLAIO Inkom Gebruiker Nieuw';
export const PROFILE_SERVICE_PROVIDER = 'Dienstverlener kmo-portefeuille';
export const PROFILE_USER = 'Gebruiker';
export type LocalAdminsDto = z.infer<typeof LocalAdmins>;
export type ComparisonDto = z.infer<typeof Comparison>;

export type AuditPageDto = z.infer<typeof AuditPage>;
export type AuditEntryDto = AuditPageDto['items'][number];
export type RightHoldersDto = z.infer<typeof RightHolders>;

/** GET/PUT /api/me/preferences: the last organisation and the notifications (the Meldingen page). */
export type PreferencesDto = z.infer<typeof PreferencesView>;
export type NotificationFrequency = PreferencesDto['notifications']['frequency'];
