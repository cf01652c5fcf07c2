/**
 * The UI pages e-mails link to, in one place: every link of every template is one of these, and a
 * browser test opens each of them, logged out and logged in (test/e2e/ui-email-links.test.ts).
 */
export function uiLinks(appUrl: string) {
  return {
    /** The organisation's *Mijn taken*. */
    tasks: (enterpriseNumber: string) => `${appUrl}/o/${enterpriseNumber}/taken`,
    /** A person's page in the organisation. */
    person: (enterpriseNumber: string, personId: string) =>
      `${appUrl}/o/${enterpriseNumber}/personen/${personId}`,
    /** The organisation's person list. */
    persons: (enterpriseNumber: string) => `${appUrl}/o/${enterpriseNumber}/personen`,
    /** The organisation's local administrators, where a legal representative appoints one. */
    localAdmins: (enterpriseNumber: string) => `${appUrl}/o/${enterpriseNumber}/lokale-beheerders`,
    /** The organisation's access review (*Toegangsreview*). */
    review: (enterpriseNumber: string) => `${appUrl}/o/${enterpriseNumber}/toegangsreview`,
    /** The portal page where a person sees their access and asks for it. */
    portal: () => `${appUrl}/portaal`,
    /** *Meldingen*: which e-mails one gets and how often (every e-mail's footer and List-Unsubscribe). */
    preferences: () => `${appUrl}/meldingen`,
  };
}
