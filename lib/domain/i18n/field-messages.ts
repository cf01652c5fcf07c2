/**
 * The messages of invalid fields (problem+json `errors[].message`, and the same in the UI's forms), in
 * the four languages, keyed by a stable message key. Dutch is the source: the domain's checks take
 * their Dutch message from here, and a key missing in another language fails to compile and fails
 * test/unit/i18n-catalogues.test.ts. `{name}` is a parameter (see language.ts `interpolate`).
 *
 * The key is the field error's `code` where one code has one message (the domain's checks); a code with
 * several messages (e.g. `decision.invalid`) has a key per message.
 */
import { interpolate, type Language, type MessageParams } from '#lib/domain/i18n/language';

type Texts = Record<Language, string>;

export const FIELD_MESSAGES = {
  // ---- national register / BIS number (lib/domain/national-number.ts) ----
  'national-number.type': {
    nl: 'Het rijksregisternummer moet als tekst worden opgegeven.',
    fr: 'Le numéro de registre national doit être indiqué sous forme de texte.',
    en: 'The national register number must be given as text.',
    de: 'Die Nationalregisternummer muss als Text angegeben werden.',
  },
  'national-number.text-type': {
    nl: 'Geef het rijksregisternummer of BIS-nummer op als tekst, bv. "85.07.30-033.28".',
    fr: 'Indiquez le numéro de registre national ou le numéro BIS sous forme de texte, p. ex. "85.07.30-033.28".',
    en: 'Give the national register number or BIS number as text, e.g. "85.07.30-033.28".',
    de: 'Geben Sie die Nationalregisternummer oder BIS-Nummer als Text an, z. B. "85.07.30-033.28".',
  },
  'national-number.empty': {
    nl: 'Vul het rijksregisternummer in.',
    fr: 'Indiquez le numéro de registre national.',
    en: 'Enter the national register number.',
    de: 'Geben Sie die Nationalregisternummer ein.',
  },
  'national-number.non-ascii-digits': {
    nl: 'Gebruik gewone cijfers (0-9) in het rijksregisternummer.',
    fr: 'Utilisez des chiffres ordinaires (0-9) dans le numéro de registre national.',
    en: 'Use ordinary digits (0-9) in the national register number.',
    de: 'Verwenden Sie in der Nationalregisternummer gewöhnliche Ziffern (0-9).',
  },
  'national-number.characters': {
    nl: 'Het rijksregisternummer bevat enkel cijfers (0-9), punten, streepjes en spaties.',
    fr: 'Le numéro de registre national ne contient que des chiffres (0-9), des points, des tirets et des espaces.',
    en: 'The national register number contains only digits (0-9), dots, dashes and spaces.',
    de: 'Die Nationalregisternummer enthält nur Ziffern (0-9), Punkte, Bindestriche und Leerzeichen.',
  },
  'national-number.length': {
    nl: 'Het rijksregisternummer telt 11 cijfers.',
    fr: 'Le numéro de registre national compte 11 chiffres.',
    en: 'The national register number has 11 digits.',
    de: 'Die Nationalregisternummer hat 11 Ziffern.',
  },
  'national-number.check-digits': {
    nl: 'De controlecijfers van het rijksregisternummer kloppen niet.',
    fr: 'Les chiffres de contrôle du numéro de registre national ne sont pas corrects.',
    en: 'The check digits of the national register number are not correct.',
    de: 'Die Prüfziffern der Nationalregisternummer stimmen nicht.',
  },
  'national-number.month': {
    nl: 'De maand in het rijksregisternummer is ongeldig (00-12, of 20-32 en 40-52 voor een BIS-nummer).',
    fr: 'Le mois dans le numéro de registre national n’est pas valable (00-12, ou 20-32 et 40-52 pour un numéro BIS).',
    en: 'The month in the national register number is not valid (00-12, or 20-32 and 40-52 for a BIS number).',
    de: 'Der Monat in der Nationalregisternummer ist ungültig (00-12, oder 20-32 und 40-52 bei einer BIS-Nummer).',
  },
  'national-number.day': {
    nl: 'De dag in het rijksregisternummer is ongeldig.',
    fr: 'Le jour dans le numéro de registre national n’est pas valable.',
    en: 'The day in the national register number is not valid.',
    de: 'Der Tag in der Nationalregisternummer ist ungültig.',
  },
  'national-number.birth-date': {
    nl: 'De geboortedatum in het rijksregisternummer bestaat niet.',
    fr: 'La date de naissance dans le numéro de registre national n’existe pas.',
    en: 'The date of birth in the national register number does not exist.',
    de: 'Das Geburtsdatum in der Nationalregisternummer existiert nicht.',
  },
  'national-number.counter': {
    nl: 'Het volgnummer in het rijksregisternummer moet tussen 001 en 998 liggen.',
    fr: 'Le numéro d’ordre dans le numéro de registre national doit être compris entre 001 et 998.',
    en: 'The serial number in the national register number must be between 001 and 998.',
    de: 'Die laufende Nummer in der Nationalregisternummer muss zwischen 001 und 998 liegen.',
  },

  // ---- enterprise number (lib/domain/enterprise-number.ts) ----
  'enterprise-number.type': {
    nl: 'Het ondernemingsnummer moet als tekst worden opgegeven.',
    fr: 'Le numéro d’entreprise doit être indiqué sous forme de texte.',
    en: 'The enterprise number must be given as text.',
    de: 'Die Unternehmensnummer muss als Text angegeben werden.',
  },
  'enterprise-number.text-type': {
    nl: 'Geef het ondernemingsnummer op als tekst, bv. "0795.012.394".',
    fr: 'Indiquez le numéro d’entreprise sous forme de texte, p. ex. "0795.012.394".',
    en: 'Give the enterprise number as text, e.g. "0795.012.394".',
    de: 'Geben Sie die Unternehmensnummer als Text an, z. B. "0795.012.394".',
  },
  'enterprise-number.empty': {
    nl: 'Vul het ondernemingsnummer in.',
    fr: 'Indiquez le numéro d’entreprise.',
    en: 'Enter the enterprise number.',
    de: 'Geben Sie die Unternehmensnummer ein.',
  },
  'enterprise-number.characters': {
    nl: 'Het ondernemingsnummer bevat enkel cijfers (0-9), eventueel met punten en BE ervoor.',
    fr: 'Le numéro d’entreprise ne contient que des chiffres (0-9), éventuellement avec des points et précédés de BE.',
    en: 'The enterprise number contains only digits (0-9), possibly with dots and BE in front.',
    de: 'Die Unternehmensnummer enthält nur Ziffern (0-9), eventuell mit Punkten und vorangestelltem BE.',
  },
  'enterprise-number.length': {
    nl: 'Het ondernemingsnummer telt 10 cijfers, bijvoorbeeld 0795.012.394.',
    fr: 'Le numéro d’entreprise compte 10 chiffres, par exemple 0795.012.394.',
    en: 'The enterprise number has 10 digits, for example 0795.012.394.',
    de: 'Die Unternehmensnummer hat 10 Ziffern, zum Beispiel 0795.012.394.',
  },
  'enterprise-number.establishment-unit': {
    nl: 'Dit is een vestigingseenheidsnummer, geen ondernemingsnummer. Een ondernemingsnummer begint met 0 of 1.',
    fr: 'Ceci est un numéro d’unité d’établissement, pas un numéro d’entreprise. Un numéro d’entreprise commence par 0 ou 1.',
    en: 'This is an establishment unit number, not an enterprise number. An enterprise number starts with 0 or 1.',
    de: 'Dies ist eine Niederlassungseinheitsnummer, keine Unternehmensnummer. Eine Unternehmensnummer beginnt mit 0 oder 1.',
  },
  'enterprise-number.check-digits': {
    nl: 'De controlecijfers van het ondernemingsnummer kloppen niet.',
    fr: 'Les chiffres de contrôle du numéro d’entreprise ne sont pas corrects.',
    en: 'The check digits of the enterprise number are not correct.',
    de: 'Die Prüfziffern der Unternehmensnummer stimmen nicht.',
  },

  // ---- phone and e-mail (lib/domain/contact.ts) ----
  'phone.type': {
    nl: 'Het telefoonnummer moet als tekst worden opgegeven.',
    fr: 'Le numéro de téléphone doit être indiqué sous forme de texte.',
    en: 'The phone number must be given as text.',
    de: 'Die Telefonnummer muss als Text angegeben werden.',
  },
  'phone.text-type': {
    nl: 'Geef het telefoonnummer op als tekst, bv. "+3212345678".',
    fr: 'Indiquez le numéro de téléphone sous forme de texte, p. ex. "+3212345678".',
    en: 'Give the phone number as text, e.g. "+3212345678".',
    de: 'Geben Sie die Telefonnummer als Text an, z. B. "+3212345678".',
  },
  'phone.empty': {
    nl: 'Vul een telefoonnummer in.',
    fr: 'Indiquez un numéro de téléphone.',
    en: 'Enter a phone number.',
    de: 'Geben Sie eine Telefonnummer ein.',
  },
  'phone.invalid': {
    nl: 'Dit telefoonnummer is ongeldig. Geef een Belgisch nummer of een nummer met landcode (+…) op.',
    fr: 'Ce numéro de téléphone n’est pas valable. Indiquez un numéro belge ou un numéro avec indicatif de pays (+…).',
    en: 'This phone number is not valid. Give a Belgian number or a number with a country code (+…).',
    de: 'Diese Telefonnummer ist ungültig. Geben Sie eine belgische Nummer oder eine Nummer mit Ländervorwahl (+…) an.',
  },
  'phone.extension': {
    nl: 'Een telefoonnummer met toestelnummer is niet toegelaten.',
    fr: 'Un numéro de téléphone avec numéro de poste n’est pas autorisé.',
    en: 'A phone number with an extension is not allowed.',
    de: 'Eine Telefonnummer mit Durchwahl ist nicht zulässig.',
  },
  'email.type': {
    nl: 'Het e-mailadres moet als tekst worden opgegeven.',
    fr: 'L’adresse e-mail doit être indiquée sous forme de texte.',
    en: 'The e-mail address must be given as text.',
    de: 'Die E-Mail-Adresse muss als Text angegeben werden.',
  },
  'email.text-type': {
    nl: 'Geef het e-mailadres op als tekst.',
    fr: 'Indiquez l’adresse e-mail sous forme de texte.',
    en: 'Give the e-mail address as text.',
    de: 'Geben Sie die E-Mail-Adresse als Text an.',
  },
  'email.empty': {
    nl: 'Vul een e-mailadres in.',
    fr: 'Indiquez une adresse e-mail.',
    en: 'Enter an e-mail address.',
    de: 'Geben Sie eine E-Mail-Adresse ein.',
  },
  'email.too-long': {
    nl: 'Een e-mailadres telt maximaal {max} tekens.',
    fr: 'Une adresse e-mail compte au maximum {max} caractères.',
    en: 'An e-mail address has at most {max} characters.',
    de: 'Eine E-Mail-Adresse hat höchstens {max} Zeichen.',
  },
  'email.characters': {
    nl: 'Een e-mailadres mag geen spaties, regeleinden of stuurtekens bevatten.',
    fr: 'Une adresse e-mail ne peut contenir ni espaces, ni sauts de ligne, ni caractères de contrôle.',
    en: 'An e-mail address may not contain spaces, line breaks or control characters.',
    de: 'Eine E-Mail-Adresse darf keine Leerzeichen, Zeilenumbrüche oder Steuerzeichen enthalten.',
  },
  'email.at-sign': {
    nl: 'Een e-mailadres bevat precies één @.',
    fr: 'Une adresse e-mail contient exactement un @.',
    en: 'An e-mail address contains exactly one @.',
    de: 'Eine E-Mail-Adresse enthält genau ein @.',
  },
  'email.local-part': {
    nl: 'Vul het deel voor de @ in.',
    fr: 'Indiquez la partie avant le @.',
    en: 'Enter the part before the @.',
    de: 'Geben Sie den Teil vor dem @ ein.',
  },
  'email.local-part-characters': {
    nl: 'Het deel voor de @ mag alleen letters zonder accenten, cijfers en leestekens bevatten; e-mail aan dit adres kan niet bezorgd worden.',
    fr: 'La partie avant le @ ne peut contenir que des lettres sans accents, des chiffres et des signes de ponctuation ; un e-mail à cette adresse ne peut pas être distribué.',
    en: 'The part before the @ may contain only letters without accents, digits and punctuation; e-mail to this address cannot be delivered.',
    de: 'Der Teil vor dem @ darf nur Buchstaben ohne Akzente, Ziffern und Satzzeichen enthalten; E-Mails an diese Adresse können nicht zugestellt werden.',
  },
  'email.domain': {
    nl: 'Het domein na de @ is ongeldig, bijvoorbeeld naam@voorbeeld.be.',
    fr: 'Le domaine après le @ n’est pas valable ; exemple : nom@exemple.be.',
    en: 'The domain after the @ is not valid; for example name@example.be.',
    de: 'Die Domain nach dem @ ist ungültig; zum Beispiel name@beispiel.be.',
  },

  // ---- dates and periods (lib/domain/period.ts) ----
  'date.type': {
    nl: 'Een datum moet als tekst (JJJJ-MM-DD) worden opgegeven.',
    fr: 'Une date doit être indiquée sous forme de texte (AAAA-MM-JJ).',
    en: 'A date must be given as text (YYYY-MM-DD).',
    de: 'Ein Datum muss als Text (JJJJ-MM-TT) angegeben werden.',
  },
  'date.text-type': {
    nl: 'Geef de datum op als tekst in het formaat JJJJ-MM-DD.',
    fr: 'Indiquez la date sous forme de texte au format AAAA-MM-JJ.',
    en: 'Give the date as text in the format YYYY-MM-DD.',
    de: 'Geben Sie das Datum als Text im Format JJJJ-MM-TT an.',
  },
  'date.format': {
    nl: 'Geef de datum op als JJJJ-MM-DD.',
    fr: 'Indiquez la date au format AAAA-MM-JJ.',
    en: 'Give the date as YYYY-MM-DD.',
    de: 'Geben Sie das Datum als JJJJ-MM-TT an.',
  },
  'date.nonexistent': {
    nl: 'Deze datum bestaat niet.',
    fr: 'Cette date n’existe pas.',
    en: 'This date does not exist.',
    de: 'Dieses Datum existiert nicht.',
  },
  'period.start-date': {
    nl: 'Ongeldige begindatum: {reason}',
    fr: 'Date de début non valable : {reason}',
    en: 'Invalid start date: {reason}',
    de: 'Ungültiges Anfangsdatum: {reason}',
  },
  'period.end-date': {
    nl: 'Ongeldige einddatum: {reason}',
    fr: 'Date de fin non valable : {reason}',
    en: 'Invalid end date: {reason}',
    de: 'Ungültiges Enddatum: {reason}',
  },
  'period.end-before-start': {
    nl: 'De einddatum mag niet voor de begindatum liggen.',
    fr: 'La date de fin ne peut pas précéder la date de début.',
    en: 'The end date may not be before the start date.',
    de: 'Das Enddatum darf nicht vor dem Anfangsdatum liegen.',
  },
  'period.too-long': {
    nl: 'De periode is te lang. Maximumperiode = {maxYears} jaar.',
    fr: 'La période est trop longue. Période maximale = {maxYears} ans.',
    en: 'The period is too long. Maximum period = {maxYears} years.',
    de: 'Der Zeitraum ist zu lang. Höchstdauer = {maxYears} Jahre.',
  },
  'period.maximum': {
    nl: 'Maximumperiode = {maxYears} jaar.',
    fr: 'Période maximale = {maxYears} ans.',
    en: 'Maximum period = {maxYears} years.',
    de: 'Höchstdauer = {maxYears} Jahre.',
  },
  'period.relationship-maximum': {
    nl: 'Een werkrelatie duurt maximaal {maxYears} jaar.',
    fr: 'Une relation de travail dure au maximum {maxYears} ans.',
    en: 'A work relationship lasts at most {maxYears} years.',
    de: 'Ein Arbeitsverhältnis dauert höchstens {maxYears} Jahre.',
  },
  'period.maximum-from-today': {
    nl: 'De periode mag maximaal {maxYears} jaar duren, te rekenen vanaf vandaag.',
    fr: 'La période peut durer au maximum {maxYears} ans, à compter d’aujourd’hui.',
    en: 'The period may last at most {maxYears} years, counted from today.',
    de: 'Der Zeitraum darf höchstens {maxYears} Jahre dauern, ab heute gerechnet.',
  },
  'period.to-before-from': {
    nl: 'De einddatum ligt voor de begindatum.',
    fr: 'La date de fin précède la date de début.',
    en: 'The end date is before the start date.',
    de: 'Das Enddatum liegt vor dem Anfangsdatum.',
  },

  // ---- work relationships and grants (lib/domain/membership.ts) ----
  'relationship.rights-outside': {
    nl: 'De toegekende gebruikersrechten vallen buiten deze periode.',
    fr: 'Les droits d’utilisateur attribués sortent de cette période.',
    en: 'The granted user rights fall outside this period.',
    de: 'Die erteilten Benutzerrechte liegen außerhalb dieses Zeitraums.',
  },
  'extension.not-longer': {
    nl: 'Kies een einddatum na de huidige einddatum.',
    fr: 'Choisissez une date de fin postérieure à la date de fin actuelle.',
    en: 'Choose an end date after the current end date.',
    de: 'Wählen Sie ein Enddatum nach dem aktuellen Enddatum.',
  },
  'grant.unknown-profile': {
    nl: 'Onbekend profiel voor dit recht: {profiles}.',
    fr: 'Profil inconnu pour ce droit : {profiles}.',
    en: 'Unknown profile for this right: {profiles}.',
    de: 'Unbekanntes Profil für dieses Recht: {profiles}.',
  },
  'grant.profiles-of-right': {
    nl: 'Kies profielen van dit gebruikersrecht.',
    fr: 'Choisissez des profils de ce droit d’utilisateur.',
    en: 'Choose profiles of this user right.',
    de: 'Wählen Sie Profile dieses Benutzerrechts.',
  },
  'grant.outside-relationship': {
    nl: 'Het gebruikersrecht moet binnen de periode van de werkrelatie vallen.',
    fr: 'Le droit d’utilisateur doit se situer dans la période de la relation de travail.',
    en: 'The user right must fall within the period of the work relationship.',
    de: 'Das Benutzerrecht muss innerhalb des Zeitraums des Arbeitsverhältnisses liegen.',
  },
  'grant.relationship-ended': {
    nl: 'De werkrelatie is afgelopen; verleng ze eerst.',
    fr: 'La relation de travail a pris fin ; prolongez-la d’abord.',
    en: 'The work relationship has ended; extend it first.',
    de: 'Das Arbeitsverhältnis ist beendet; verlängern Sie es zuerst.',
  },
  'right.unknown': {
    nl: 'Kies een gebruikersrecht uit de lijst.',
    fr: 'Choisissez un droit d’utilisateur dans la liste.',
    en: 'Choose a user right from the list.',
    de: 'Wählen Sie ein Benutzerrecht aus der Liste.',
  },
  'relationship.required': {
    nl: 'Vul de werkrelatie in.',
    fr: 'Complétez la relation de travail.',
    en: 'Fill in the work relationship.',
    de: 'Füllen Sie das Arbeitsverhältnis aus.',
  },
  'audit.shorter-period': {
    nl: 'Kies een kortere periode.',
    fr: 'Choisissez une période plus courte.',
    en: 'Choose a shorter period.',
    de: 'Wählen Sie einen kürzeren Zeitraum.',
  },

  // ---- task decisions (lib/services/tasks.ts, kbo/decide.ts) ----
  'decision.choose-approve-reject-extend': {
    nl: 'Kies goedkeuren, afkeuren of verlengen.',
    fr: 'Choisissez approuver, refuser ou prolonger.',
    en: 'Choose approve, reject or extend.',
    de: 'Wählen Sie genehmigen, ablehnen oder verlängern.',
  },
  'decision.choose-approve-reject': {
    nl: 'Kies goedkeuren of afkeuren.',
    fr: 'Choisissez approuver ou refuser.',
    en: 'Choose approve or reject.',
    de: 'Wählen Sie genehmigen oder ablehnen.',
  },
  'decision.choose-extend-reject': {
    nl: 'Kies verlengen of afwijzen.',
    fr: 'Choisissez prolonger ou refuser.',
    en: 'Choose extend or decline.',
    de: 'Wählen Sie verlängern oder ablehnen.',
  },
  'decision.choose-resume-reject': {
    nl: 'Kies hervatten of niet hervatten.',
    fr: 'Choisissez reprendre ou ne pas reprendre.',
    en: 'Choose resume or do not resume.',
    de: 'Wählen Sie fortsetzen oder nicht fortsetzen.',
  },
  'decision.choose-keep-remove': {
    nl: 'Kies behouden of verwijderen.',
    fr: 'Choisissez conserver ou supprimer.',
    en: 'Choose keep or remove.',
    de: 'Wählen Sie beibehalten oder entfernen.',
  },
  'decision.appoint-local-admin': {
    nl: 'Duid een lokale beheerder aan.',
    fr: 'Désignez un gestionnaire local.',
    en: 'Appoint a local administrator.',
    de: 'Bestimmen Sie einen lokalen Verwalter.',
  },
  'decision.answer-review': {
    nl: 'Beantwoord de lijnen op de pagina Toegangsreview.',
    fr: 'Répondez aux lignes sur la page Revue des accès.',
    en: 'Answer the lines on the Access review page.',
    de: 'Beantworten Sie die Zeilen auf der Seite Zugriffsüberprüfung.',
  },

  // ---- the contracts' own messages (lib/contracts) ----
  'reason.type': {
    nl: 'De reden moet tekst zijn.',
    fr: 'Le motif doit être du texte.',
    en: 'The reason must be text.',
    de: 'Die Begründung muss Text sein.',
  },
  'reason.too-long': {
    nl: 'De reden mag maximaal {max} tekens lang zijn.',
    fr: 'Le motif peut compter au maximum {max} caractères.',
    en: 'The reason may be at most {max} characters long.',
    de: 'Die Begründung darf höchstens {max} Zeichen lang sein.',
  },
  'category.invalid': {
    nl: 'Kies een categorie: {categories}.',
    fr: 'Choisissez une catégorie : {categories}.',
    en: 'Choose a category: {categories}.',
    de: 'Wählen Sie eine Kategorie: {categories}.',
  },
  'id.invalid': {
    nl: 'Ongeldige id.',
    fr: 'Identifiant non valable.',
    en: 'Invalid id.',
    de: 'Ungültige ID.',
  },
  'right.required': {
    nl: 'Kies een gebruikersrecht.',
    fr: 'Choisissez un droit d’utilisateur.',
    en: 'Choose a user right.',
    de: 'Wählen Sie ein Benutzerrecht.',
  },
  'profile.required': {
    nl: 'Geef het profiel op.',
    fr: 'Indiquez le profil.',
    en: 'Give the profile.',
    de: 'Geben Sie das Profil an.',
  },
  'nickname.too-long': {
    nl: 'De roepnaam mag maximaal {max} tekens lang zijn.',
    fr: 'Le nom d’usage peut compter au maximum {max} caractères.',
    en: 'The preferred name may be at most {max} characters long.',
    de: 'Der Rufname darf höchstens {max} Zeichen lang sein.',
  },
  'initials.too-long': {
    nl: 'De initialen mogen maximaal {max} tekens lang zijn.',
    fr: 'Les initiales peuvent compter au maximum {max} caractères.',
    en: 'The initials may be at most {max} characters long.',
    de: 'Die Initialen dürfen höchstens {max} Zeichen lang sein.',
  },
  'change.at-least-one-field': {
    nl: 'Geef minstens één veld op om te wijzigen.',
    fr: 'Indiquez au moins un champ à modifier.',
    en: 'Give at least one field to change.',
    de: 'Geben Sie mindestens ein Feld an, das geändert werden soll.',
  },
  'extension.include-rights': {
    nl: 'Geef aan of de gebruikersrechten mee verlengd worden (true of false).',
    fr: 'Indiquez si les droits d’utilisateur sont prolongés également (true ou false).',
    en: 'State whether the user rights are extended too (true or false).',
    de: 'Geben Sie an, ob die Benutzerrechte mit verlängert werden (true oder false).',
  },
  'pause.reason-required': {
    nl: 'Geef een reden op voor de pauze.',
    fr: 'Indiquez un motif pour la suspension.',
    en: 'Give a reason for the pause.',
    de: 'Geben Sie eine Begründung für die Pause an.',
  },
  'profiles.type': {
    nl: 'Geef de profielen op als lijst.',
    fr: 'Indiquez les profils sous forme de liste.',
    en: 'Give the profiles as a list.',
    de: 'Geben Sie die Profile als Liste an.',
  },
  'profiles.at-least-one': {
    nl: 'Kies minstens één profiel.',
    fr: 'Choisissez au moins un profil.',
    en: 'Choose at least one profile.',
    de: 'Wählen Sie mindestens ein Profil.',
  },
  'profiles.duplicate': {
    nl: 'Elk profiel mag maar één keer voorkomen.',
    fr: 'Chaque profil ne peut figurer qu’une seule fois.',
    en: 'Each profile may appear only once.',
    de: 'Jedes Profil darf nur einmal vorkommen.',
  },
  'persons.status': {
    nl: 'Status is "pending" of "active".',
    fr: 'Le statut est "pending" ou "active".',
    en: 'Status is "pending" or "active".',
    de: 'Der Status ist "pending" oder "active".',
  },
  'audit.action': {
    nl: 'Kies een soort actie uit de lijst.',
    fr: 'Choisissez un type d’action dans la liste.',
    en: 'Choose a kind of action from the list.',
    de: 'Wählen Sie eine Art von Aktion aus der Liste.',
  },
  'comparison.type': {
    nl: 'Geef de te vergelijken personen op (personIds=a,b).',
    fr: 'Indiquez les personnes à comparer (personIds=a,b).',
    en: 'Give the persons to compare (personIds=a,b).',
    de: 'Geben Sie die zu vergleichenden Personen an (personIds=a,b).',
  },
  'comparison.too-few': {
    nl: 'Vergelijk minstens twee personen.',
    fr: 'Comparez au moins deux personnes.',
    en: 'Compare at least two persons.',
    de: 'Vergleichen Sie mindestens zwei Personen.',
  },
  'comparison.too-many': {
    nl: 'Vergelijk maximaal tien personen.',
    fr: 'Comparez au maximum dix personnes.',
    en: 'Compare at most ten persons.',
    de: 'Vergleichen Sie höchstens zehn Personen.',
  },
  'comparison.duplicate': {
    nl: 'Elke persoon mag maar één keer voorkomen.',
    fr: 'Chaque personne ne peut figurer qu’une seule fois.',
    en: 'Each person may appear only once.',
    de: 'Jede Person darf nur einmal vorkommen.',
  },
  'preferences.frequency': {
    nl: 'Kies "daily" (dagelijks overzicht), "weekly" (wekelijks overzicht) of "each" (elke melding apart).',
    fr: 'Choisissez "daily" (aperçu quotidien), "weekly" (aperçu hebdomadaire) ou "each" (chaque notification séparément).',
    en: 'Choose "daily" (daily summary), "weekly" (weekly summary) or "each" (every notification separately).',
    de: 'Wählen Sie "daily" (tägliche Übersicht), "weekly" (wöchentliche Übersicht) oder "each" (jede Benachrichtigung einzeln).',
  },
  'preferences.language': {
    nl: 'Kies "nl" (Nederlands), "fr" (Frans), "en" (Engels) of "de" (Duits).',
    fr: 'Choisissez "nl" (néerlandais), "fr" (français), "en" (anglais) ou "de" (allemand).',
    en: 'Choose "nl" (Dutch), "fr" (French), "en" (English) or "de" (German).',
    de: 'Wählen Sie "nl" (Niederländisch), "fr" (Französisch), "en" (Englisch) oder "de" (Deutsch).',
  },
  'preferences.at-least-one': {
    nl: 'Geef minstens één voorkeur op om te wijzigen.',
    fr: 'Indiquez au moins une préférence à modifier.',
    en: 'Give at least one preference to change.',
    de: 'Geben Sie mindestens eine Einstellung an, die geändert werden soll.',
  },
  'access-request.reason-required': {
    nl: 'Geef een reden op voor uw aanvraag.',
    fr: 'Indiquez un motif pour votre demande.',
    en: 'Give a reason for your request.',
    de: 'Geben Sie eine Begründung für Ihren Antrag an.',
  },
  'review.interval-type': {
    nl: 'Geef het aantal maanden op als geheel getal.',
    fr: 'Indiquez le nombre de mois sous forme de nombre entier.',
    en: 'Give the number of months as a whole number.',
    de: 'Geben Sie die Anzahl der Monate als ganze Zahl an.',
  },
  'review.interval-min': {
    nl: 'Minstens {min} maanden.',
    fr: 'Au moins {min} mois.',
    en: 'At least {min} months.',
    de: 'Mindestens {min} Monate.',
  },
  'review.interval-max': {
    nl: 'Hoogstens {max} maanden.',
    fr: 'Au plus {max} mois.',
    en: 'At most {max} months.',
    de: 'Höchstens {max} Monate.',
  },
  'review.unanswered': {
    nl: 'Kies "nothing" (niets doen) of "revoke" (intrekken).',
    fr: 'Choisissez "nothing" (ne rien faire) ou "revoke" (retirer).',
    en: 'Choose "nothing" (do nothing) or "revoke" (revoke).',
    de: 'Wählen Sie "nothing" (nichts tun) oder "revoke" (entziehen).',
  },
  'review.day-type': {
    nl: 'Een dag is een geheel getal.',
    fr: 'Un jour est un nombre entier.',
    en: 'A day is a whole number.',
    de: 'Ein Tag ist eine ganze Zahl.',
  },
  'review.days-min': {
    nl: 'Minstens 1 dag.',
    fr: 'Au moins 1 jour.',
    en: 'At least 1 day.',
    de: 'Mindestens 1 Tag.',
  },
  'review.reminders-max': {
    nl: 'Hoogstens {max} herinneringen.',
    fr: 'Au plus {max} rappels.',
    en: 'At most {max} reminders.',
    de: 'Höchstens {max} Erinnerungen.',
  },
  'review.close-type': {
    nl: 'Geef het aantal dagen op als geheel getal.',
    fr: 'Indiquez le nombre de jours sous forme de nombre entier.',
    en: 'Give the number of days as a whole number.',
    de: 'Geben Sie die Anzahl der Tage als ganze Zahl an.',
  },
  'review.days-max': {
    nl: 'Hoogstens {max} dagen.',
    fr: 'Au plus {max} jours.',
    en: 'At most {max} days.',
    de: 'Höchstens {max} Tage.',
  },
  'review.reminder-before-close': {
    nl: 'Een herinnering valt voor de sluiting.',
    fr: 'Un rappel tombe avant la clôture.',
    en: 'A reminder falls before the closing.',
    de: 'Eine Erinnerung liegt vor dem Abschluss.',
  },
  'review.confirm-start': {
    nl: 'Bevestig dat u een toegangsreview start ("confirm": true).',
    fr: 'Confirmez que vous lancez une revue des accès ("confirm": true).',
    en: 'Confirm that you start an access review ("confirm": true).',
    de: 'Bestätigen Sie, dass Sie eine Zugriffsüberprüfung starten ("confirm": true).',
  },
  'review.decision': {
    nl: 'Kies "keep" (behouden) of "revoke" (intrekken).',
    fr: 'Choisissez "keep" (conserver) ou "revoke" (retirer).',
    en: 'Choose "keep" (keep) or "revoke" (revoke).',
    de: 'Wählen Sie "keep" (beibehalten) oder "revoke" (entziehen).',
  },
  'review.reason-to-revoke': {
    nl: 'Geef een reden op om in te trekken.',
    fr: 'Indiquez un motif pour retirer ce droit.',
    en: 'Give a reason to revoke.',
    de: 'Geben Sie eine Begründung für den Entzug an.',
  },
  'review.confirm-keep-remaining': {
    nl: 'Bevestig dat u alle overige rechten behoudt ("confirm": true).',
    fr: 'Confirmez que vous conservez tous les autres droits ("confirm": true).',
    en: 'Confirm that you keep all remaining rights ("confirm": true).',
    de: 'Bestätigen Sie, dass Sie alle übrigen Rechte beibehalten ("confirm": true).',
  },
  'ticket.required': {
    nl: 'Geef het ticketnummer op.',
    fr: 'Indiquez le numéro de ticket.',
    en: 'Give the ticket number.',
    de: 'Geben Sie die Ticketnummer an.',
  },
  'ticket.invalid': {
    nl: 'Geef het ticketnummer op (3 tot 40 letters, cijfers of . _ / # -).',
    fr: 'Indiquez le numéro de ticket (3 à 40 lettres, chiffres ou . _ / # -).',
    en: 'Give the ticket number (3 to 40 letters, digits or . _ / # -).',
    de: 'Geben Sie die Ticketnummer an (3 bis 40 Buchstaben, Ziffern oder . _ / # -).',
  },
  'decision.choice': {
    nl: 'Kies "approve", "reject", "extend", "resume", "keep" of "remove".',
    fr: 'Choisissez "approve", "reject", "extend", "resume", "keep" ou "remove".',
    en: 'Choose "approve", "reject", "extend", "resume", "keep" or "remove".',
    de: 'Wählen Sie "approve", "reject", "extend", "resume", "keep" oder "remove".',
  },
  'decision.reason-required': {
    nl: 'Geef een reden op voor uw beslissing.',
    fr: 'Indiquez un motif pour votre décision.',
    en: 'Give a reason for your decision.',
    de: 'Geben Sie eine Begründung für Ihre Entscheidung an.',
  },

  // ---- the HTTP layer (lib/http) ----
  'invalid-json': {
    nl: 'De inhoud is geen geldige JSON.',
    fr: 'Le contenu n’est pas du JSON valable.',
    en: 'The content is not valid JSON.',
    de: 'Der Inhalt ist kein gültiges JSON.',
  },
  'if-match-invalid': {
    nl: 'If-Match moet de ETag van het item zijn, bv. "3".',
    fr: 'If-Match doit être l’ETag de l’élément, p. ex. "3".',
    en: 'If-Match must be the ETag of the item, e.g. "3".',
    de: 'If-Match muss das ETag des Elements sein, z. B. "3".',
  },
  // ---- person edit and removal, bulk work (lib/contracts/api.ts) ----
  'person.update-nothing': {
    nl: 'Geef de roepnaam of de initialen op om te wijzigen.',
    fr: 'Indiquez le nom d’usage ou les initiales à modifier.',
    en: 'Give the preferred name or the initials to change.',
    de: 'Geben Sie den Rufnamen oder die Initialen an, die geändert werden sollen.',
  },
  'remove.end-relationship': {
    nl: 'Geef aan of de werkrelatie mee eindigt (true of false).',
    fr: 'Indiquez si la relation de travail prend fin également (true ou false).',
    en: 'State whether the work relationship ends too (true or false).',
    de: 'Geben Sie an, ob das Arbeitsverhältnis mit endet (true oder false).',
  },
  'import.file-name-too-long': {
    nl: 'De bestandsnaam mag maximaal {max} tekens lang zijn.',
    fr: 'Le nom du fichier peut compter au maximum {max} caractères.',
    en: 'The file name may be at most {max} characters long.',
    de: 'Der Dateiname darf höchstens {max} Zeichen lang sein.',
  },
  'import.content-type': {
    nl: 'Geef de inhoud van het CSV-bestand op als tekst.',
    fr: 'Indiquez le contenu du fichier CSV sous forme de texte.',
    en: 'Give the content of the CSV file as text.',
    de: 'Geben Sie den Inhalt der CSV-Datei als Text an.',
  },
  'import.empty': {
    nl: 'Het bestand is leeg.',
    fr: 'Le fichier est vide.',
    en: 'The file is empty.',
    de: 'Die Datei ist leer.',
  },
  'bulk.persons-at-least-one': {
    nl: 'Kies minstens één persoon.',
    fr: 'Choisissez au moins une personne.',
    en: 'Choose at least one person.',
    de: 'Wählen Sie mindestens eine Person.',
  },
  'bulk.persons-max': {
    nl: 'Maximaal {max} personen per keer.',
    fr: 'Au maximum {max} personnes à la fois.',
    en: 'At most {max} persons at a time.',
    de: 'Höchstens {max} Personen auf einmal.',
  },
  'bulk.persons-duplicate': {
    nl: 'Elke persoon mag maar één keer voorkomen.',
    fr: 'Chaque personne ne peut figurer qu’une seule fois.',
    en: 'Each person may appear only once.',
    de: 'Jede Person darf nur einmal vorkommen.',
  },
  'bulk.persons-or-date': {
    nl: 'Kies de personen (personIds) of een datum (endingBefore), niet beide.',
    fr: 'Choisissez les personnes (personIds) ou une date (endingBefore), pas les deux.',
    en: 'Choose the persons (personIds) or a date (endingBefore), not both.',
    de: 'Wählen Sie die Personen (personIds) oder ein Datum (endingBefore), nicht beides.',
  },
  'job.rows': {
    nl: 'rows is "true" of "false".',
    fr: 'rows vaut "true" ou "false".',
    en: 'rows is "true" or "false".',
    de: 'rows ist "true" oder "false".',
  },
  'bulk.too-many-rows': {
    nl: 'Maximaal {max} rijen.',
    fr: 'Au maximum {max} lignes.',
    en: 'At most {max} rows.',
    de: 'Höchstens {max} Zeilen.',
  },
  'bulk.csv-invalid': {
    nl: 'Geen geldig CSV-bestand.',
    fr: 'Pas un fichier CSV valable.',
    en: 'Not a valid CSV file.',
    de: 'Keine gültige CSV-Datei.',
  },
  'bulk.no-rows': {
    nl: 'Geen rijen.',
    fr: 'Aucune ligne.',
    en: 'No rows.',
    de: 'Keine Zeilen.',
  },
  'bulk.column-missing': {
    nl: 'Deze kolom ontbreekt.',
    fr: 'Cette colonne manque.',
    en: 'This column is missing.',
    de: 'Diese Spalte fehlt.',
  },
  'bulk.too-many-cells': {
    nl: 'Deze rij heeft meer cellen dan er kolommen zijn.',
    fr: 'Cette ligne a plus de cellules qu’il n’y a de colonnes.',
    en: 'This row has more cells than there are columns.',
    de: 'Diese Zeile hat mehr Zellen als es Spalten gibt.',
  },
  'bulk.duplicate': {
    nl: 'Deze persoon staat al op rij {row}.',
    fr: 'Cette personne figure déjà à la ligne {row}.',
    en: 'This person is already on row {row}.',
    de: 'Diese Person steht bereits in Zeile {row}.',
  },
  'bulk.nothing-selected': {
    nl: 'Niemand gevonden.',
    fr: 'Personne n’a été trouvé.',
    en: 'Nobody found.',
    de: 'Niemand gefunden.',
  },
  'bulk.own-right': {
    nl: 'Uw eigen gebruikersrecht kent een andere lokale beheerder toe (of vraag het aan via Gebruikersrechten).',
    fr: 'Votre propre droit d’utilisateur est accordé par un autre gestionnaire local (ou demandez-le via Droits d’utilisateur).',
    en: 'Your own user right is granted by another local administrator (or request it via User rights).',
    de: 'Ihr eigenes Benutzerrecht erteilt ein anderer lokaler Verwalter (oder beantragen Sie es über Benutzerrechte).',
  },
  'extension.own-rights': {
    nl: 'Uw eigen gebruikersrechten verlengt een andere lokale beheerder; verleng hier alleen de werkrelatie.',
    fr: 'Vos propres droits d’utilisateur sont prolongés par un autre gestionnaire local ; prolongez ici uniquement la relation de travail.',
    en: 'Your own user rights are extended by another local administrator; extend only the work relationship here.',
    de: 'Ihre eigenen Benutzerrechte verlängert ein anderer lokaler Verwalter; verlängern Sie hier nur das Arbeitsverhältnis.',
  },
  'unknown-field': {
    nl: 'Onbekend veld "{field}".',
    fr: 'Champ inconnu "{field}".',
    en: 'Unknown field "{field}".',
    de: 'Unbekanntes Feld "{field}".',
  },
} as const satisfies Record<string, Texts>;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

export function isFieldMessageKey(key: string): key is FieldMessageKey {
  return Object.hasOwn(FIELD_MESSAGES, key);
}

/** A field message in a language; a parameter `{ field: key }` is that message, in the same language. */
export function fieldMessage(language: Language, key: FieldMessageKey, params?: MessageParams): string {
  const resolved = params
    ? Object.fromEntries(
        Object.entries(params).map(([name, value]) =>
          typeof value === 'object' && 'field' in value && isFieldMessageKey(value.field)
            ? [name, fieldMessage(language, value.field)]
            : [name, value],
        ),
      )
    : undefined;
  return interpolate(FIELD_MESSAGES[key][language], resolved, language);
}
