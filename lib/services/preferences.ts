/**
 * A person's own preferences (`GET`/`PUT /api/me/preferences`): the last organisation chosen (UW LAATSTE
 * KEUZE), how, as local administrator, they hear about what ends soon, and their language (the UI's and
 * their e-mails'; chosen with the header's switch, in passing, so without If-Match). A partial change: only the
 * fields given are written, so remembering the organisation never undoes a change of the notifications
 * made meanwhile in another tab. Changing the notifications, a setting someone chose on a page, takes
 * the version they saw (If-Match), as every edit of something shown does; the last organisation, set in
 * passing by picking one, does not.
 */
import {
  ConcurrentChangeError,
  PreconditionFailedError,
  PreconditionRequiredError,
} from '#lib/domain/errors';
import { DEFAULT_LANGUAGE } from '#lib/domain/i18n/language';
import { DEFAULT_NOTIFICATIONS } from '#lib/domain/notifications';
import type { Preferences, PreferencesChange } from '#lib/domain/records';
import type { Deps } from '#lib/services/deps';

/** Someone who never saved any has the defaults, at version 0. */
export const DEFAULT_PREFERENCES: Preferences = {
  lastOrganisation: null,
  notifications: DEFAULT_NOTIFICATIONS,
  language: DEFAULT_LANGUAGE,
  version: 0,
};

export async function myPreferences(deps: Deps, pseudonym: string): Promise<Preferences> {
  return (await deps.preferences.get(pseudonym)) ?? structuredClone(DEFAULT_PREFERENCES);
}

/** The fields whose change needs the version the caller saw. */
const GUARDED: readonly (keyof PreferencesChange)[] = ['notifications'];

export async function updateMyPreferences(
  deps: Deps,
  pseudonym: string,
  change: PreferencesChange,
  ifMatch: number | undefined,
): Promise<Preferences> {
  if (ifMatch === undefined && GUARDED.some((field) => change[field] !== undefined)) {
    throw new PreconditionRequiredError();
  }
  try {
    return await deps.preferences.update(
      pseudonym,
      change,
      ifMatch === undefined ? {} : { ifVersion: ifMatch },
    );
  } catch (error) {
    if (error instanceof ConcurrentChangeError) throw new PreconditionFailedError();
    throw error;
  }
}
