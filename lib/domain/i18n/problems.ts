/**
 * The API's problem+json texts in the four languages: a `title` per kind of problem and a `detail` per
 * stable `code`. Dutch is the source; the API answers in the language of `Accept-Language`
 * (lib/http/problem.ts), the `code` stays the same. A code with more than one detail has variants
 * `code/variant`. Details that carry values are templates (`{name}`, see language.ts `interpolate`).
 *
 * A code thrown anywhere in lib/ or functions/ without a detail here fails
 * test/unit/i18n-catalogues.test.ts; a language missing fails to compile.
 */
import { interpolate, type Language, type MessageParams } from '#lib/domain/i18n/language';

type Texts = Record<Language, string>;

export const PROBLEM_TITLES = {
  validation: {
    nl: 'Ongeldige invoer',
    fr: 'Données non valables',
    en: 'Invalid input',
    de: 'Ungültige Eingabe',
  },
  unauthenticated: { nl: 'Niet aangemeld', fr: 'Non connecté', en: 'Not logged in', de: 'Nicht angemeldet' },
  forbidden: { nl: 'Geen toegang', fr: 'Accès refusé', en: 'No access', de: 'Kein Zugriff' },
  'not-found': { nl: 'Niet gevonden', fr: 'Introuvable', en: 'Not found', de: 'Nicht gefunden' },
  conflict: { nl: 'Conflict', fr: 'Conflit', en: 'Conflict', de: 'Konflikt' },
  gone: { nl: 'Verlopen', fr: 'Expiré', en: 'Expired', de: 'Abgelaufen' },
  'version-mismatch': {
    nl: 'Verouderde versie',
    fr: 'Version dépassée',
    en: 'Outdated version',
    de: 'Veraltete Version',
  },
  'if-match-required': {
    nl: 'Versie vereist',
    fr: 'Version requise',
    en: 'Version required',
    de: 'Version erforderlich',
  },
  'business-rule': {
    nl: 'Regel niet gerespecteerd',
    fr: 'Règle non respectée',
    en: 'Rule not respected',
    de: 'Regel nicht eingehalten',
  },
  'too-many': {
    nl: 'Te veel verzoeken',
    fr: 'Trop de demandes',
    en: 'Too many requests',
    de: 'Zu viele Anfragen',
  },
  unavailable: {
    nl: 'Tijdelijk niet beschikbaar',
    fr: 'Temporairement indisponible',
    en: 'Temporarily unavailable',
    de: 'Vorübergehend nicht verfügbar',
  },
  'payload-too-large': {
    nl: 'Te groot verzoek',
    fr: 'Demande trop volumineuse',
    en: 'Request too large',
    de: 'Anfrage zu groß',
  },
  'unsupported-media-type': {
    nl: 'Niet-ondersteund formaat',
    fr: 'Format non pris en charge',
    en: 'Unsupported format',
    de: 'Nicht unterstütztes Format',
  },
  'idempotency-key-reused': {
    nl: 'Sleutel hergebruikt',
    fr: 'Clé réutilisée',
    en: 'Key reused',
    de: 'Schlüssel wiederverwendet',
  },
  'idempotency-in-progress': {
    nl: 'Verzoek loopt nog',
    fr: 'Demande en cours',
    en: 'Request still in progress',
    de: 'Anfrage läuft noch',
  },
  'bad-request': {
    nl: 'Ongeldig verzoek',
    fr: 'Demande non valable',
    en: 'Bad request',
    de: 'Ungültige Anfrage',
  },
  internal: {
    nl: 'Onverwachte fout',
    fr: 'Erreur inattendue',
    en: 'Unexpected error',
    de: 'Unerwarteter Fehler',
  },
  'import-file': {
    nl: 'Ongeldig bestand',
    fr: 'Fichier non valable',
    en: 'Invalid file',
    de: 'Ungültige Datei',
  },
} as const satisfies Record<string, Texts>;

export type ProblemTitleKey = keyof typeof PROBLEM_TITLES;

const TRY_AGAIN_LATER = {
  nl: 'Er werd niets gewijzigd. Probeer het over enkele minuten opnieuw.',
  fr: 'Rien n’a été modifié. Réessayez dans quelques minutes.',
  en: 'Nothing was changed. Try again in a few minutes.',
  de: 'Es wurde nichts geändert. Versuchen Sie es in einigen Minuten erneut.',
} as const;

export const PROBLEM_DETAILS = {
  // ---- the HTTP layer and every route ----
  'validation-failed': {
    nl: 'Eén of meer velden zijn ongeldig.',
    fr: 'Un ou plusieurs champs ne sont pas valables.',
    en: 'One or more fields are invalid.',
    de: 'Ein oder mehrere Felder sind ungültig.',
  },
  unauthenticated: {
    nl: 'Meld u aan om verder te gaan.',
    fr: 'Connectez-vous pour continuer.',
    en: 'Log in to continue.',
    de: 'Melden Sie sich an, um fortzufahren.',
  },
  'unauthenticated/token': {
    nl: 'Meld u aan met een geldig toegangstoken.',
    fr: 'Connectez-vous avec un jeton d’accès valable.',
    en: 'Log in with a valid access token.',
    de: 'Melden Sie sich mit einem gültigen Zugriffstoken an.',
  },
  forbidden: {
    nl: 'U heeft geen toegang tot deze organisatie.',
    fr: 'Vous n’avez pas accès à cette organisation.',
    en: 'You have no access to this organisation.',
    de: 'Sie haben keinen Zugriff auf diese Organisation.',
  },
  'forbidden/helpdesk-only': {
    nl: 'Alleen de helpdesk heeft toegang tot deze gegevens.',
    fr: 'Seul le helpdesk a accès à ces données.',
    en: 'Only the helpdesk has access to these data.',
    de: 'Nur der Helpdesk hat Zugriff auf diese Daten.',
  },
  'insufficient-scope': {
    nl: 'Dit token heeft niet de vereiste scope.',
    fr: 'Ce jeton n’a pas le scope requis.',
    en: 'This token does not have the required scope.',
    de: 'Dieses Token hat nicht den erforderlichen Scope.',
  },
  'version-mismatch': {
    nl: 'Het item werd intussen gewijzigd. Herlaad en probeer opnieuw.',
    fr: 'L’élément a été modifié entre-temps. Rechargez et réessayez.',
    en: 'The item was changed in the meantime. Reload and try again.',
    de: 'Das Element wurde zwischenzeitlich geändert. Laden Sie neu und versuchen Sie es erneut.',
  },
  'if-match-required': {
    nl: 'Geef de versie die u wijzigt mee in de If-Match-header (de ETag van het item).',
    fr: 'Indiquez la version que vous modifiez dans l’en-tête If-Match (l’ETag de l’élément).',
    en: 'Give the version you are changing in the If-Match header (the ETag of the item).',
    de: 'Geben Sie die Version, die Sie ändern, im If-Match-Header an (das ETag des Elements).',
  },
  'payload-too-large': {
    nl: 'Het verzoek mag maximaal 256 kB groot zijn.',
    fr: 'La demande peut faire au maximum 256 kB.',
    en: 'The request may be at most 256 kB.',
    de: 'Die Anfrage darf höchstens 256 kB groß sein.',
  },
  'unsupported-media-type': {
    nl: 'Stuur de gegevens als application/json.',
    fr: 'Envoyez les données au format application/json.',
    en: 'Send the data as application/json.',
    de: 'Senden Sie die Daten als application/json.',
  },
  'idempotency-key-reused': {
    nl: 'Deze Idempotency-Key werd al gebruikt voor een ander verzoek. Gebruik een nieuwe sleutel.',
    fr: 'Cette Idempotency-Key a déjà été utilisée pour une autre demande. Utilisez une nouvelle clé.',
    en: 'This Idempotency-Key was already used for another request. Use a new key.',
    de: 'Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet. Verwenden Sie einen neuen Schlüssel.',
  },
  'idempotency-in-progress': {
    nl: 'Een verzoek met deze Idempotency-Key wordt nog verwerkt. Probeer zo dadelijk opnieuw.',
    fr: 'Une demande avec cette Idempotency-Key est encore en cours de traitement. Réessayez dans un instant.',
    en: 'A request with this Idempotency-Key is still being processed. Try again in a moment.',
    de: 'Eine Anfrage mit diesem Idempotency-Key wird noch verarbeitet. Versuchen Sie es gleich noch einmal.',
  },
  unavailable: {
    nl: 'De dienst is tijdelijk niet bereikbaar. Probeer het over enkele seconden opnieuw.',
    fr: 'Le service est temporairement injoignable. Réessayez dans quelques secondes.',
    en: 'The service cannot be reached for the moment. Try again in a few seconds.',
    de: 'Der Dienst ist vorübergehend nicht erreichbar. Versuchen Sie es in einigen Sekunden erneut.',
  },
  'unavailable/national-register': {
    nl: `Het rijksregister antwoordt momenteel niet. ${TRY_AGAIN_LATER.nl}`,
    fr: `Le Registre national ne répond pas pour le moment. ${TRY_AGAIN_LATER.fr}`,
    en: `The National Register is not answering at the moment. ${TRY_AGAIN_LATER.en}`,
    de: `Das Nationalregister antwortet zurzeit nicht. ${TRY_AGAIN_LATER.de}`,
  },
  'unavailable/kbo': {
    nl: `De KBO antwoordt momenteel niet. ${TRY_AGAIN_LATER.nl}`,
    fr: `La BCE ne répond pas pour le moment. ${TRY_AGAIN_LATER.fr}`,
    en: `The CBE is not answering at the moment. ${TRY_AGAIN_LATER.en}`,
    de: `Die ZDU antwortet zurzeit nicht. ${TRY_AGAIN_LATER.de}`,
  },
  internal: {
    nl: 'Er ging iets mis. Vermeld deze code als u de helpdesk contacteert.',
    fr: 'Une erreur s’est produite. Mentionnez ce code si vous contactez le helpdesk.',
    en: 'Something went wrong. Mention this code when you contact the helpdesk.',
    de: 'Etwas ist schiefgelaufen. Nennen Sie diesen Code, wenn Sie den Helpdesk kontaktieren.',
  },
  'internal/request': {
    nl: 'Er ging iets mis ({requestId}).',
    fr: 'Une erreur s’est produite ({requestId}).',
    en: 'Something went wrong ({requestId}).',
    de: 'Etwas ist schiefgelaufen ({requestId}).',
  },
  'route-not-found': {
    nl: 'Deze API-route bestaat niet.',
    fr: 'Cette route de l’API n’existe pas.',
    en: 'This API route does not exist.',
    de: 'Diese API-Route existiert nicht.',
  },
  'bad-request': {
    nl: 'Het adres bevat een ongeldige %-codering.',
    fr: 'L’adresse contient un encodage % non valable.',
    en: 'The address contains an invalid %-encoding.',
    de: 'Die Adresse enthält eine ungültige %-Kodierung.',
  },
  'too-many-requests': {
    nl: 'Probeer het over enkele seconden opnieuw.',
    fr: 'Réessayez dans quelques secondes.',
    en: 'Try again in a few seconds.',
    de: 'Versuchen Sie es in einigen Sekunden erneut.',
  },
  'payload-too-large/gateway': {
    nl: 'Het verzoek is te groot.',
    fr: 'La demande est trop volumineuse.',
    en: 'The request is too large.',
    de: 'Die Anfrage ist zu groß.',
  },

  // ---- persons, relationships, rights ----
  'person.not-found': {
    nl: 'Deze persoon is niet gekend in deze organisatie.',
    fr: 'Cette personne n’est pas connue dans cette organisation.',
    en: 'This person is not known in this organisation.',
    de: 'Diese Person ist in dieser Organisation nicht bekannt.',
  },
  'person.exists': {
    nl: 'Deze persoon is al gekend in deze organisatie.',
    fr: 'Cette personne est déjà connue dans cette organisation.',
    en: 'This person is already known in this organisation.',
    de: 'Diese Person ist in dieser Organisation bereits bekannt.',
  },
  'person.deceased': {
    nl: 'Volgens het rijksregister is deze persoon overleden. U kunt deze persoon geen toegang geven.',
    fr: 'Selon le Registre national, cette personne est décédée. Vous ne pouvez pas lui donner accès.',
    en: 'According to the National Register this person has died. You cannot give this person access.',
    de: 'Laut Nationalregister ist diese Person verstorben. Sie können dieser Person keinen Zugriff geben.',
  },
  'national-register.not-found': {
    nl: 'Dit rijksregister- of BIS-nummer is niet gekend in het rijksregister. Controleer het nummer.',
    fr: 'Ce numéro de registre national ou numéro BIS n’est pas connu au Registre national. Vérifiez le numéro.',
    en: 'This national register or BIS number is not known in the National Register. Check the number.',
    de: 'Diese Nationalregister- oder BIS-Nummer ist im Nationalregister nicht bekannt. Prüfen Sie die Nummer.',
  },
  'concurrent-change': {
    nl: 'Iemand anders wijzigde deze gegevens tegelijk. Probeer opnieuw.',
    fr: 'Quelqu’un d’autre a modifié ces données au même moment. Réessayez.',
    en: 'Someone else changed these data at the same time. Try again.',
    de: 'Jemand anderes hat diese Daten gleichzeitig geändert. Versuchen Sie es erneut.',
  },
  'relationship.not-found': {
    nl: 'Deze persoon heeft geen werkrelatie met deze organisatie.',
    fr: 'Cette personne n’a pas de relation de travail avec cette organisation.',
    en: 'This person has no work relationship with this organisation.',
    de: 'Diese Person hat kein Arbeitsverhältnis mit dieser Organisation.',
  },
  'relationship.exists': {
    nl: 'Deze persoon heeft al een werkrelatie met deze organisatie. Bewerk of verleng die.',
    fr: 'Cette personne a déjà une relation de travail avec cette organisation. Modifiez-la ou prolongez-la.',
    en: 'This person already has a work relationship with this organisation. Edit or extend it.',
    de: 'Diese Person hat bereits ein Arbeitsverhältnis mit dieser Organisation. Bearbeiten oder verlängern Sie es.',
  },
  'relationship.rights-outside': {
    nl: 'De werkrelatie moet de periode van de toegekende gebruikersrechten omvatten ({rights}). Pas eerst die rechten aan.',
    fr: 'La relation de travail doit couvrir la période des droits d’utilisateur attribués ({rights}). Adaptez d’abord ces droits.',
    en: 'The work relationship must cover the period of the granted user rights ({rights}). Change those rights first.',
    de: 'Das Arbeitsverhältnis muss den Zeitraum der erteilten Benutzerrechte umfassen ({rights}). Passen Sie zuerst diese Rechte an.',
  },
  'relationship.already-paused': {
    nl: 'De werkrelatie is al gepauzeerd.',
    fr: 'La relation de travail est déjà suspendue.',
    en: 'The work relationship is already paused.',
    de: 'Das Arbeitsverhältnis ist bereits pausiert.',
  },
  'relationship.not-paused': {
    nl: 'De werkrelatie is niet gepauzeerd.',
    fr: 'La relation de travail n’est pas suspendue.',
    en: 'The work relationship is not paused.',
    de: 'Das Arbeitsverhältnis ist nicht pausiert.',
  },
  'period.end-before-start': {
    nl: 'De einddatum ligt voor de begindatum.',
    fr: 'La date de fin précède la date de début.',
    en: 'The end date is before the start date.',
    de: 'Das Enddatum liegt vor dem Anfangsdatum.',
  },
  'period.too-long': {
    nl: 'Maximumperiode = {maxYears} jaar.',
    fr: 'Période maximale = {maxYears} ans.',
    en: 'Maximum period = {maxYears} years.',
    de: 'Höchstdauer = {maxYears} Jahre.',
  },
  'extension.not-longer': {
    nl: 'De nieuwe einddatum moet na de huidige einddatum liggen.',
    fr: 'La nouvelle date de fin doit être postérieure à la date de fin actuelle.',
    en: 'The new end date must be after the current end date.',
    de: 'Das neue Enddatum muss nach dem aktuellen Enddatum liegen.',
  },
  'extension.own-rights': {
    nl: 'Uw eigen gebruikersrechten verlengt een andere lokale beheerder; verleng hier alleen de werkrelatie.',
    fr: 'Vos propres droits d’utilisateur sont prolongés par un autre gestionnaire local ; ne prolongez ici que la relation de travail.',
    en: 'Your own user rights are extended by another local administrator; extend only the work relationship here.',
    de: 'Ihre eigenen Benutzerrechte verlängert ein anderer lokaler Verwalter; verlängern Sie hier nur das Arbeitsverhältnis.',
  },
  'grant.not-found': {
    nl: 'Dit toegekende gebruikersrecht bestaat niet.',
    fr: 'Ce droit d’utilisateur attribué n’existe pas.',
    en: 'This granted user right does not exist.',
    de: 'Dieses erteilte Benutzerrecht existiert nicht.',
  },
  'grant.exists': {
    nl: 'Deze persoon heeft dit gebruikersrecht al. Bewerk het bestaande recht om profielen of periode te wijzigen.',
    fr: 'Cette personne a déjà ce droit d’utilisateur. Modifiez le droit existant pour en changer les profils ou la période.',
    en: 'This person already has this user right. Edit the existing right to change its profiles or period.',
    de: 'Diese Person hat dieses Benutzerrecht bereits. Bearbeiten Sie das bestehende Recht, um Profile oder Zeitraum zu ändern.',
  },
  'grant.no-relationship': {
    nl: 'Koppel de persoon eerst aan de organisatie met een werkrelatie; daarna kan u een gebruikersrecht toekennen.',
    fr: 'Liez d’abord la personne à l’organisation par une relation de travail ; vous pourrez ensuite attribuer un droit d’utilisateur.',
    en: 'First link the person to the organisation with a work relationship; then you can grant a user right.',
    de: 'Verknüpfen Sie die Person zuerst über ein Arbeitsverhältnis mit der Organisation; danach können Sie ein Benutzerrecht erteilen.',
  },
  'grant.relationship-ended': {
    nl: 'De werkrelatie liep af op {endDate}: verleng eerst de werkrelatie, daarna kan u een gebruikersrecht toekennen.',
    fr: 'La relation de travail a pris fin le {endDate} : prolongez d’abord la relation de travail, vous pourrez ensuite attribuer un droit d’utilisateur.',
    en: 'The work relationship ended on {endDate}: extend the work relationship first, then you can grant a user right.',
    de: 'Das Arbeitsverhältnis endete am {endDate}: Verlängern Sie zuerst das Arbeitsverhältnis, danach können Sie ein Benutzerrecht erteilen.',
  },
  'grant.unknown-profile': {
    nl: 'Onbekend profiel voor dit recht: {profiles}.',
    fr: 'Profil inconnu pour ce droit : {profiles}.',
    en: 'Unknown profile for this right: {profiles}.',
    de: 'Unbekanntes Profil für dieses Recht: {profiles}.',
  },
  'right.unknown': {
    nl: 'Dit gebruikersrecht bestaat niet in de catalogus.',
    fr: 'Ce droit d’utilisateur n’existe pas dans le catalogue.',
    en: 'This user right does not exist in the catalogue.',
    de: 'Dieses Benutzerrecht existiert nicht im Katalog.',
  },
  'right.not-found': {
    nl: 'Dit gebruikersrecht bestaat niet in de catalogus.',
    fr: 'Ce droit d’utilisateur n’existe pas dans le catalogue.',
    en: 'This user right does not exist in the catalogue.',
    de: 'Dieses Benutzerrecht existiert nicht im Katalog.',
  },
  'quick-grant.relationship-required': {
    nl: 'Deze persoon heeft nog geen werkrelatie met de organisatie: geef de gegevens van de werkrelatie mee.',
    fr: 'Cette personne n’a pas encore de relation de travail avec l’organisation : indiquez les données de la relation de travail.',
    en: 'This person has no work relationship with the organisation yet: give the details of the work relationship.',
    de: 'Diese Person hat noch kein Arbeitsverhältnis mit der Organisation: Geben Sie die Daten des Arbeitsverhältnisses an.',
  },
  'self-grant.requested': {
    nl: 'U kent uzelf geen gebruikersrecht toe zolang er een andere lokale beheerder is: uw aanvraag wacht nu op hun beslissing in Mijn taken.',
    fr: 'Vous ne vous attribuez pas de droit d’utilisateur tant qu’il y a un autre gestionnaire local : votre demande attend maintenant sa décision dans Mes tâches.',
    en: 'You do not grant yourself a user right while there is another local administrator: your request now awaits their decision in My tasks.',
    de: 'Sie erteilen sich kein Benutzerrecht selbst, solange es einen anderen lokalen Verwalter gibt: Ihr Antrag wartet nun auf dessen Entscheidung in Meine Aufgaben.',
  },

  // ---- organisations, the KBO, local administrators ----
  'organisation.not-found': {
    nl: 'Deze organisatie is niet gekend.',
    fr: 'Cette organisation n’est pas connue.',
    en: 'This organisation is not known.',
    de: 'Diese Organisation ist nicht bekannt.',
  },
  'organisation.stopped': {
    nl: 'Deze onderneming is stopgezet in de KBO. Een werkrelatie kan pas starten of hervatten als de onderneming opnieuw actief is.',
    fr: 'Cette entreprise est arrêtée à la BCE. Une relation de travail ne peut commencer ou reprendre que lorsque l’entreprise est à nouveau active.',
    en: 'This enterprise has stopped according to the CBE. A work relationship can only start or resume once the enterprise is active again.',
    de: 'Dieses Unternehmen ist in der ZDU eingestellt. Ein Arbeitsverhältnis kann erst beginnen oder fortgesetzt werden, wenn das Unternehmen wieder aktiv ist.',
  },
  'organisation.stopped/again': {
    nl: 'Deze onderneming is opnieuw stopgezet in de KBO. De werkrelaties blijven gepauzeerd.',
    fr: 'Cette entreprise est à nouveau arrêtée à la BCE. Les relations de travail restent suspendues.',
    en: 'This enterprise has stopped again according to the CBE. The work relationships stay paused.',
    de: 'Dieses Unternehmen ist in der ZDU erneut eingestellt. Die Arbeitsverhältnisse bleiben pausiert.',
  },
  'enterprise.not-found': {
    nl: 'Dit ondernemingsnummer is niet gekend in de KBO.',
    fr: 'Ce numéro d’entreprise n’est pas connu à la BCE.',
    en: 'This enterprise number is not known in the CBE.',
    de: 'Diese Unternehmensnummer ist in der ZDU nicht bekannt.',
  },
  'local-admin.not-found': {
    nl: 'Deze persoon is geen lokale beheerder van deze organisatie.',
    fr: 'Cette personne n’est pas gestionnaire local de cette organisation.',
    en: 'This person is not a local administrator of this organisation.',
    de: 'Diese Person ist kein lokaler Verwalter dieser Organisation.',
  },
  'local-admin.exists': {
    nl: 'Deze persoon is al lokale beheerder van deze organisatie.',
    fr: 'Cette personne est déjà gestionnaire local de cette organisation.',
    en: 'This person is already a local administrator of this organisation.',
    de: 'Diese Person ist bereits lokaler Verwalter dieser Organisation.',
  },
  'local-admin.none-left': {
    nl: 'Deze organisatie heeft nu geen lokale beheerder meer. Niemand kan nog personen of rechten beheren tot u een nieuwe aanduidt. De wettelijk vertegenwoordigers krijgen daarvoor een taak.',
    fr: 'Cette organisation n’a plus de gestionnaire local. Plus personne ne peut gérer les personnes ou les droits jusqu’à ce que vous en désigniez un nouveau. Les représentants légaux reçoivent une tâche à cet effet.',
    en: 'This organisation now has no local administrator. Nobody can manage persons or rights until you appoint a new one. The legal representatives get a task for it.',
    de: 'Diese Organisation hat jetzt keinen lokalen Verwalter mehr. Niemand kann Personen oder Rechte verwalten, bis Sie einen neuen bestimmen. Die gesetzlichen Vertreter erhalten dafür eine Aufgabe.',
  },
  'not-legal-representative': {
    nl: 'Alleen een wettelijk vertegenwoordiger van deze onderneming (volgens de KBO) kan lokale beheerders aanduiden of verwijderen.',
    fr: 'Seul un représentant légal de cette entreprise (selon la BCE) peut désigner ou supprimer des gestionnaires locaux.',
    en: 'Only a legal representative of this enterprise (according to the CBE) can appoint or remove local administrators.',
    de: 'Nur ein gesetzlicher Vertreter dieses Unternehmens (laut ZDU) kann lokale Verwalter bestimmen oder entfernen.',
  },
  'not-legal-representative/task': {
    nl: 'Alleen een wettelijk vertegenwoordiger van deze onderneming (volgens de KBO) beslist over deze taak.',
    fr: 'Seul un représentant légal de cette entreprise (selon la BCE) décide de cette tâche.',
    en: 'Only a legal representative of this enterprise (according to the CBE) decides on this task.',
    de: 'Nur ein gesetzlicher Vertreter dieses Unternehmens (laut ZDU) entscheidet über diese Aufgabe.',
  },

  // ---- tasks and decisions ----
  'task.not-found': {
    nl: 'Deze taak bestaat niet in deze organisatie.',
    fr: 'Cette tâche n’existe pas dans cette organisation.',
    en: 'This task does not exist in this organisation.',
    de: 'Diese Aufgabe existiert in dieser Organisation nicht.',
  },
  'task.expired': {
    nl: 'Deze aanvraag is verlopen: er werd niet binnen 30 dagen beslist.',
    fr: 'Cette demande a expiré : aucune décision n’a été prise dans les 30 jours.',
    en: 'This request has expired: no decision was made within 30 days.',
    de: 'Dieser Antrag ist abgelaufen: Es wurde nicht innerhalb von 30 Tagen entschieden.',
  },
  'task.decided': {
    nl: 'Over deze taak werd al beslist.',
    fr: 'Cette tâche a déjà fait l’objet d’une décision.',
    en: 'This task has already been decided.',
    de: 'Über diese Aufgabe wurde bereits entschieden.',
  },
  'decision.invalid': {
    nl: 'Kies "approve", "reject" of "extend".',
    fr: 'Choisissez "approve", "reject" ou "extend".',
    en: 'Choose "approve", "reject" or "extend".',
    de: 'Wählen Sie "approve", "reject" oder "extend".',
  },
  'decision.invalid/request': {
    nl: 'Een aanvraag keurt u goed of af; verlengen kan hier niet.',
    fr: 'Une demande s’approuve ou se refuse ; la prolonger n’est pas possible ici.',
    en: 'A request is approved or rejected; extending is not possible here.',
    de: 'Einen Antrag genehmigen oder lehnen Sie ab; verlängern ist hier nicht möglich.',
  },
  'decision.invalid/extension': {
    nl: 'Een verlenging keurt u goed met "extend" of weigert u met "reject".',
    fr: 'Une prolongation s’approuve avec "extend" ou se refuse avec "reject".',
    en: 'An extension is approved with "extend" or declined with "reject".',
    de: 'Eine Verlängerung genehmigen Sie mit "extend" oder lehnen Sie mit "reject" ab.',
  },
  'decision.invalid/resume': {
    nl: 'Over het hervatten beslist u met "resume" of "reject".',
    fr: 'Vous décidez de la reprise avec "resume" ou "reject".',
    en: 'You decide on resuming with "resume" or "reject".',
    de: 'Über die Fortsetzung entscheiden Sie mit "resume" oder "reject".',
  },
  'decision.invalid/confirm': {
    nl: 'Een lokale beheerder bevestigt u met "keep" of verwijdert u met "remove".',
    fr: 'Un gestionnaire local se confirme avec "keep" ou se supprime avec "remove".',
    en: 'A local administrator is confirmed with "keep" or removed with "remove".',
    de: 'Einen lokalen Verwalter bestätigen Sie mit "keep" oder entfernen Sie mit "remove".',
  },
  'decision.invalid/appoint': {
    nl: 'Deze taak is klaar zodra u een lokale beheerder aanduidt op de pagina Lokale beheerders.',
    fr: 'Cette tâche est terminée dès que vous désignez un gestionnaire local sur la page Gestionnaires locaux.',
    en: 'This task is done as soon as you appoint a local administrator on the Local administrators page.',
    de: 'Diese Aufgabe ist erledigt, sobald Sie auf der Seite Lokale Verwalter einen lokalen Verwalter bestimmen.',
  },
  'decision.invalid/review': {
    nl: 'Deze taak is klaar zodra de toegangsreview sluit; beantwoord de lijnen op de pagina Toegangsreview.',
    fr: 'Cette tâche est terminée dès que la revue des accès est clôturée ; répondez aux lignes sur la page Revue des accès.',
    en: 'This task is done as soon as the access review closes; answer the lines on the Access review page.',
    de: 'Diese Aufgabe ist erledigt, sobald die Zugriffsüberprüfung abgeschlossen ist; beantworten Sie die Zeilen auf der Seite Zugriffsüberprüfung.',
  },
  'decision.own-request': {
    nl: 'U kan niet beslissen over uw eigen aanvraag. Een andere lokale beheerder van deze organisatie beslist erover.',
    fr: 'Vous ne pouvez pas décider de votre propre demande. Un autre gestionnaire local de cette organisation en décide.',
    en: 'You cannot decide on your own request. Another local administrator of this organisation decides on it.',
    de: 'Sie können nicht über Ihren eigenen Antrag entscheiden. Ein anderer lokaler Verwalter dieser Organisation entscheidet darüber.',
  },
  'decision.own-extension': {
    nl: 'Uw eigen werkrelatie of gebruikersrecht verlengt een andere lokale beheerder van deze organisatie.',
    fr: 'Votre propre relation de travail ou droit d’utilisateur est prolongé par un autre gestionnaire local de cette organisation.',
    en: 'Your own work relationship or user right is extended by another local administrator of this organisation.',
    de: 'Ihr eigenes Arbeitsverhältnis oder Benutzerrecht verlängert ein anderer lokaler Verwalter dieser Organisation.',
  },
  'decision.relationship-required': {
    nl: 'Deze persoon heeft nog geen werkrelatie met de organisatie: geef de gegevens van de werkrelatie mee bij de goedkeuring.',
    fr: 'Cette personne n’a pas encore de relation de travail avec l’organisation : indiquez les données de la relation de travail lors de l’approbation.',
    en: 'This person has no work relationship with the organisation yet: give the details of the work relationship with the approval.',
    de: 'Diese Person hat noch kein Arbeitsverhältnis mit der Organisation: Geben Sie bei der Genehmigung die Daten des Arbeitsverhältnisses an.',
  },

  // ---- access requests ----
  'access-request.not-found': {
    nl: 'Onbekende aanvraag.',
    fr: 'Demande inconnue.',
    en: 'Unknown request.',
    de: 'Unbekannter Antrag.',
  },
  'access-request.already-granted': {
    nl: 'U heeft deze toegang voor deze organisatie al.',
    fr: 'Vous avez déjà cet accès pour cette organisation.',
    en: 'You already have this access for this organisation.',
    de: 'Sie haben diesen Zugriff für diese Organisation bereits.',
  },
  'access-request.exists': {
    nl: 'U heeft dit recht voor deze organisatie al aangevraagd; de aanvraag wacht op een beslissing.',
    fr: 'Vous avez déjà demandé ce droit pour cette organisation ; la demande attend une décision.',
    en: 'You have already requested this right for this organisation; the request awaits a decision.',
    de: 'Sie haben dieses Recht für diese Organisation bereits beantragt; der Antrag wartet auf eine Entscheidung.',
  },
  'access-request.too-many-open': {
    nl: 'U heeft al {max} aanvragen die op een beslissing wachten. Wacht tot daarover beslist is.',
    fr: 'Vous avez déjà {max} demandes en attente d’une décision. Attendez qu’elles soient tranchées.',
    en: 'You already have {max} requests awaiting a decision. Wait until they have been decided.',
    de: 'Sie haben bereits {max} Anträge, die auf eine Entscheidung warten. Warten Sie, bis darüber entschieden ist.',
  },
  'access-request.daily-limit': {
    nl: 'U kan per dag {max} aanvragen indienen. Probeer het later opnieuw.',
    fr: 'Vous pouvez introduire {max} demandes par jour. Réessayez plus tard.',
    en: 'You can submit {max} requests a day. Try again later.',
    de: 'Sie können pro Tag {max} Anträge stellen. Versuchen Sie es später erneut.',
  },

  // ---- access reviews ----
  'review.not-found': {
    nl: 'Deze toegangsreview bestaat niet in deze organisatie.',
    fr: 'Cette revue des accès n’existe pas dans cette organisation.',
    en: 'This access review does not exist in this organisation.',
    de: 'Diese Zugriffsüberprüfung existiert in dieser Organisation nicht.',
  },
  'review.already-open': {
    nl: 'Er loopt al een toegangsreview voor deze organisatie. Rond die eerst af.',
    fr: 'Une revue des accès est déjà en cours pour cette organisation. Terminez-la d’abord.',
    en: 'An access review is already running for this organisation. Finish it first.',
    de: 'Für diese Organisation läuft bereits eine Zugriffsüberprüfung. Schließen Sie diese zuerst ab.',
  },
  'review.not-open': {
    nl: 'Deze toegangsreview wordt nog geopend.',
    fr: 'Cette revue des accès est encore en cours d’ouverture.',
    en: 'This access review is still being opened.',
    de: 'Diese Zugriffsüberprüfung wird noch eröffnet.',
  },
  'review.not-open/closed': {
    nl: 'Deze toegangsreview is gesloten.',
    fr: 'Cette revue des accès est clôturée.',
    en: 'This access review is closed.',
    de: 'Diese Zugriffsüberprüfung ist abgeschlossen.',
  },
  'review.line-not-found': {
    nl: 'Deze lijn hoort niet bij deze toegangsreview.',
    fr: 'Cette ligne n’appartient pas à cette revue des accès.',
    en: 'This line does not belong to this access review.',
    de: 'Diese Zeile gehört nicht zu dieser Zugriffsüberprüfung.',
  },
  'review.line-answered': {
    nl: 'Deze lijn werd al beantwoord.',
    fr: 'Il a déjà été répondu à cette ligne.',
    en: 'This line has already been answered.',
    de: 'Diese Zeile wurde bereits beantwortet.',
  },
  'review.own-line': {
    nl: 'Uw eigen gebruikersrecht beoordeelt een andere lokale beheerder van deze organisatie.',
    fr: 'Votre propre droit d’utilisateur est évalué par un autre gestionnaire local de cette organisation.',
    en: 'Your own user right is reviewed by another local administrator of this organisation.',
    de: 'Ihr eigenes Benutzerrecht beurteilt ein anderer lokaler Verwalter dieser Organisation.',
  },
  'review.grant-gone': {
    nl: 'Dit gebruikersrecht bestaat niet meer (intussen ingetrokken of verwijderd). Vernieuw de pagina.',
    fr: 'Ce droit d’utilisateur n’existe plus (retiré ou supprimé entre-temps). Actualisez la page.',
    en: 'This user right no longer exists (revoked or deleted in the meantime). Refresh the page.',
    de: 'Dieses Benutzerrecht existiert nicht mehr (zwischenzeitlich entzogen oder gelöscht). Aktualisieren Sie die Seite.',
  },

  // ---- history, expiry, webhooks ----
  'audit.export-too-large': {
    nl: 'Deze periode heeft meer dan {max} wijzigingen. Kies een kortere periode.',
    fr: 'Cette période compte plus de {max} modifications. Choisissez une période plus courte.',
    en: 'This period has more than {max} changes. Choose a shorter period.',
    de: 'Dieser Zeitraum hat mehr als {max} Änderungen. Wählen Sie einen kürzeren Zeitraum.',
  },
  'expiry.not-due': {
    nl: 'Dit item is niet (meer) te vervallen.',
    fr: 'Cet élément n’est pas (ou plus) à faire expirer.',
    en: 'This item is not (or no longer) due to expire.',
    de: 'Dieses Element ist nicht (mehr) fällig zum Ablauf.',
  },
  'webhook.not-found': {
    nl: 'Dit abonnement bestaat niet.',
    fr: 'Cet abonnement n’existe pas.',
    en: 'This subscription does not exist.',
    de: 'Dieses Abonnement existiert nicht.',
  },
  // ---- person removal, bulk work ----
  'person.has-relationship': {
    nl: 'Deze persoon heeft nog een werkrelatie met deze organisatie. Verwijder eerst de werkrelatie, of bevestig dat ze samen met de gebruikersrechten eindigt.',
    fr: 'Cette personne a encore une relation de travail avec cette organisation. Supprimez d’abord la relation de travail, ou confirmez qu’elle prend fin avec les droits d’utilisateur.',
    en: 'This person still has a work relationship with this organisation. Delete the work relationship first, or confirm that it ends together with the user rights.',
    de: 'Diese Person hat noch ein Arbeitsverhältnis mit dieser Organisation. Löschen Sie zuerst das Arbeitsverhältnis oder bestätigen Sie, dass es zusammen mit den Benutzerrechten endet.',
  },
  'person.has-relationship/rights': {
    nl: 'Deze persoon heeft nog een werkrelatie met deze organisatie en {rights, een gebruikersrecht|# gebruikersrechten}. Verwijder eerst de werkrelatie, of bevestig dat ze samen met de gebruikersrechten eindigt.',
    fr: 'Cette personne a encore une relation de travail avec cette organisation et {rights, un droit d’utilisateur|# droits d’utilisateur}. Supprimez d’abord la relation de travail, ou confirmez qu’elle prend fin avec les droits d’utilisateur.',
    en: 'This person still has a work relationship with this organisation and {rights, a user right|# user rights}. Delete the work relationship first, or confirm that it ends together with the user rights.',
    de: 'Diese Person hat noch ein Arbeitsverhältnis mit dieser Organisation und {rights, ein Benutzerrecht|# Benutzerrechte}. Löschen Sie zuerst das Arbeitsverhältnis oder bestätigen Sie, dass es zusammen mit den Benutzerrechten endet.',
  },
  'job.not-found': {
    nl: 'Deze opdracht bestaat niet in deze organisatie.',
    fr: 'Cette tâche n’existe pas dans cette organisation.',
    en: 'This job does not exist in this organisation.',
    de: 'Dieser Auftrag existiert in dieser Organisation nicht.',
  },
  'bulk.not-previewed': {
    nl: 'De controle van dit bestand loopt nog. Bevestig wanneer ze klaar is.',
    fr: 'Le contrôle de ce fichier est encore en cours. Confirmez lorsqu’il sera terminé.',
    en: 'The check of this file is still running. Confirm when it is finished.',
    de: 'Die Prüfung dieser Datei läuft noch. Bestätigen Sie, wenn sie abgeschlossen ist.',
  },
  'bulk.not-previewed/failed': {
    nl: 'Deze import liep fout. Laad het bestand opnieuw op.',
    fr: 'Cette importation a échoué. Chargez à nouveau le fichier.',
    en: 'This import failed. Upload the file again.',
    de: 'Dieser Import ist fehlgeschlagen. Laden Sie die Datei erneut hoch.',
  },
  'bulk.not-previewed/confirmed': {
    nl: 'Deze import werd al bevestigd.',
    fr: 'Cette importation a déjà été confirmée.',
    en: 'This import has already been confirmed.',
    de: 'Dieser Import wurde bereits bestätigt.',
  },
  'bulk.nothing-selected': {
    nl: 'Er zijn geen personen waarvan de werkrelatie of een gebruikersrecht voor die datum eindigt.',
    fr: 'Aucune personne n’a une relation de travail ou un droit d’utilisateur qui prend fin avant cette date.',
    en: 'There are no persons whose work relationship or a user right ends before that date.',
    de: 'Es gibt keine Personen, deren Arbeitsverhältnis oder ein Benutzerrecht vor diesem Datum endet.',
  },
  'bulk.running': {
    nl: 'Deze opdracht loopt nog. Download het resultaat wanneer ze klaar is.',
    fr: 'Cette tâche est encore en cours. Téléchargez le résultat lorsqu’elle sera terminée.',
    en: 'This job is still running. Download the result when it is finished.',
    de: 'Dieser Auftrag läuft noch. Laden Sie das Ergebnis herunter, wenn er abgeschlossen ist.',
  },
  'bulk.too-many-rows': {
    nl: 'Er zijn maximaal {max} rijen per keer toegelaten; dit zijn er {rows}. Splits het bestand of de selectie.',
    fr: 'Au maximum {max} lignes sont admises à la fois ; il y en a {rows}. Divisez le fichier ou la sélection.',
    en: 'At most {max} rows are allowed at a time; this has {rows}. Split the file or the selection.',
    de: 'Höchstens {max} Zeilen sind auf einmal erlaubt; dies sind {rows}. Teilen Sie die Datei oder die Auswahl auf.',
  },
  'bulk.csv-invalid': {
    nl: 'Dit bestand is geen geldig CSV-bestand. Sla het op als CSV (puntkomma of komma als scheidingsteken) en probeer opnieuw.',
    fr: 'Ce fichier n’est pas un fichier CSV valable. Enregistrez-le au format CSV (point-virgule ou virgule comme séparateur) et réessayez.',
    en: 'This file is not a valid CSV file. Save it as CSV (semicolon or comma as separator) and try again.',
    de: 'Diese Datei ist keine gültige CSV-Datei. Speichern Sie sie als CSV (Semikolon oder Komma als Trennzeichen) und versuchen Sie es erneut.',
  },
  'bulk.csv-invalid/line': {
    nl: 'Dit bestand is geen geldig CSV-bestand (regel {line}). Sla het op als CSV (puntkomma of komma als scheidingsteken) en probeer opnieuw.',
    fr: 'Ce fichier n’est pas un fichier CSV valable (ligne {line}). Enregistrez-le au format CSV (point-virgule ou virgule comme séparateur) et réessayez.',
    en: 'This file is not a valid CSV file (line {line}). Save it as CSV (semicolon or comma as separator) and try again.',
    de: 'Diese Datei ist keine gültige CSV-Datei (Zeile {line}). Speichern Sie sie als CSV (Semikolon oder Komma als Trennzeichen) und versuchen Sie es erneut.',
  },
  'bulk.no-rows': {
    nl: 'Het bestand is leeg.',
    fr: 'Le fichier est vide.',
    en: 'The file is empty.',
    de: 'Die Datei ist leer.',
  },
  'bulk.no-rows/header-only': {
    nl: 'Het bestand bevat geen rijen onder de kolomnamen.',
    fr: 'Le fichier ne contient aucune ligne sous les noms de colonnes.',
    en: 'The file has no rows under the column names.',
    de: 'Die Datei enthält keine Zeilen unter den Spaltennamen.',
  },
  'bulk.columns-missing': {
    nl: 'Deze kolommen ontbreken in de eerste regel: {columns}. Gebruik de kolomnamen van het voorbeeldbestand.',
    fr: 'Ces colonnes manquent sur la première ligne : {columns}. Utilisez les noms de colonnes du fichier d’exemple.',
    en: 'These columns are missing from the first line: {columns}. Use the column names of the example file.',
    de: 'Diese Spalten fehlen in der ersten Zeile: {columns}. Verwenden Sie die Spaltennamen der Beispieldatei.',
  },
} as const satisfies Record<string, Texts>;

export type ProblemDetailKey = keyof typeof PROBLEM_DETAILS;

export function isProblemDetailKey(key: string): key is ProblemDetailKey {
  return Object.hasOwn(PROBLEM_DETAILS, key);
}

export function problemTitle(language: Language, key: ProblemTitleKey): string {
  return PROBLEM_TITLES[key][language];
}

export function problemDetail(language: Language, key: ProblemDetailKey, params?: MessageParams): string {
  return interpolate(PROBLEM_DETAILS[key][language], params, language);
}
