/**
 * The history's actions in Dutch, for the UI's history screens and the audit trail's CSV alike: the
 * person's changes (lib/domain/membership.ts `HistoryAction`), the local administrators' and the KBO's.
 */
export const HISTORY_ACTION_LABELS: Record<string, string> = {
  'person.added': 'Persoon toegevoegd',
  'person.updated': 'Gegevens van gebruiker gewijzigd',
  'person.removed': 'Verwijderd uit de organisatie',
  'relationship.created': 'Gekoppeld aan de organisatie (werkrelatie aangemaakt)',
  'relationship.updated': 'Werkrelatie gewijzigd',
  'relationship.deleted': 'Werkrelatie verwijderd',
  'relationship.extended': 'Werkrelatie verlengd',
  'relationship.paused': 'Werkrelatie gepauzeerd',
  'relationship.resumed': 'Werkrelatie hervat',
  'grant.created': 'Gebruikersrecht toegekend',
  'grant.updated': 'Gebruikersrecht gewijzigd',
  'grant.revoked': 'Gebruikersrecht ingetrokken',
  'relationship.expired': 'Werkrelatie verlopen',
  'grant.expired': 'Gebruikersrecht verlopen',
  'local-admin.appointed': 'Aangeduid als lokale beheerder',
  'local-admin.removed': 'Verwijderd als lokale beheerder',
  'local-admin.confirmed': 'Bevestigd als lokale beheerder',
  'kbo.stopped': 'Stopgezet in de KBO',
  'kbo.active-again': 'Opnieuw actief in de KBO',
  'kbo.representatives-changed': 'Wettelijk vertegenwoordigers gewijzigd in de KBO',
  'review.opened': 'Toegangsreview geopend',
  'review.closed': 'Toegangsreview gesloten',
  'review.kept': 'Behouden in de toegangsreview',
  'review.settings-changed': 'Instellingen toegangsreview gewijzigd',
  'task.rejected': 'Aanvraag afgekeurd',
  'helpdesk.viewed': 'Ingekeken door de helpdesk',
};

/** The filter of the audit trail: kinds of action, by their prefix. */
export const AUDIT_ACTION_FILTERS: Record<string, string> = {
  person: 'Personen',
  relationship: 'Werkrelaties',
  grant: 'Gebruikersrechten',
  'local-admin': 'Lokale beheerders',
  kbo: 'KBO',
  review: 'Toegangsreviews',
  task: 'Taken',
  helpdesk: 'Helpdesk',
};
