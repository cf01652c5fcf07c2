/**
 * Whom an e-mail goes to, and in which language: each recipient's own preference (GET/PUT
 * /api/me/preferences `language`), Dutch for whoever never chose one. One GetItem per person, as the
 * digests read the notification preferences.
 */
import { DEFAULT_LANGUAGE, type Language } from '#lib/domain/i18n/language';
import type { Deps } from '#lib/services/deps';

export interface Addressee {
  email: string;
  language: Language;
}

/** The language a person chose, by their pseudonym; Dutch when they never did. */
export async function languageOf(deps: Deps, pseudonym: string | null | undefined): Promise<Language> {
  if (!pseudonym) return DEFAULT_LANGUAGE;
  return (await deps.preferences.get(pseudonym))?.language ?? DEFAULT_LANGUAGE;
}

/**
 * The organisation's local administrators as addressees: their work relationship's address there,
 * in their language. One e-mail per address (the first administrator with it decides the language).
 */
export async function adminAddressees(deps: Deps, enterpriseNumber: string): Promise<Addressee[]> {
  const admins = await deps.admins.list(enterpriseNumber);
  const [aggs, languages] = await Promise.all([
    Promise.all(
      admins.map((a) => deps.memberships.load(enterpriseNumber, a.personId, { consistent: false })),
    ),
    Promise.all(admins.map((a) => languageOf(deps, a.pseudonym))),
  ]);
  const seen = new Set<string>();
  return admins.flatMap((_admin, i) => {
    const email = aggs[i]?.relationship?.email;
    if (!email || seen.has(email)) return [];
    seen.add(email);
    return [{ email, language: languages[i] ?? DEFAULT_LANGUAGE }];
  });
}
