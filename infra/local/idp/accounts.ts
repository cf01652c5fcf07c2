/**
 * The people who can log in locally: everyone in the demo national register, each under the
 * pseudonymous subject (`sub`) the dev token endpoint gives them too.
 */
import { type IdpKeys, subjectFor } from '#infra/local/idp/keys';

export interface RegisterPerson {
  nationalNumber: string;
  firstName: string;
  lastName: string;
}

export interface LoginAccount {
  /** The `sub` of this person's tokens: an HMAC of the national number, never the number itself. */
  subject: string;
  person: RegisterPerson;
}

export interface AccountDirectory {
  bySubject(subject: string): LoginAccount | undefined;
  byNationalNumber(nationalNumber: string): LoginAccount | undefined;
  /** Sorted by name, for the simulated eID, itsme and federal token choices. */
  all(): readonly LoginAccount[];
}

export function createAccountDirectory(keys: IdpKeys, people: readonly RegisterPerson[]): AccountDirectory {
  const accounts = people
    .map((person) => ({ subject: subjectFor(keys, person.nationalNumber), person }))
    .sort((a, b) =>
      `${a.person.firstName} ${a.person.lastName}`.localeCompare(
        `${b.person.firstName} ${b.person.lastName}`,
        'nl-BE',
      ),
    );
  const bySubject = new Map(accounts.map((a) => [a.subject, a]));
  const byNumber = new Map(accounts.map((a) => [a.person.nationalNumber, a]));
  return {
    bySubject: (subject) => bySubject.get(subject),
    byNationalNumber: (nationalNumber) => byNumber.get(nationalNumber),
    all: () => accounts,
  };
}
