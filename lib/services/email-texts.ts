/**
 * The texts of the e-mails (lib/services/messages.ts) in the four languages; Dutch is the source and
 * the other languages have exactly its keys (the type says so; test/unit/messages.test.ts checks the
 * parameters). Markup: `{name}` is a value, `**{name}**` a value in bold, `{count, one|other}` picks by
 * Intl.PluralRules with `#` for the number. Values from outside are redacted and HTML-escaped by the
 * renderer; the texts themselves are plain.
 */
import type { Language } from '#lib/domain/i18n/language';

const nl = {
  htmlLang: 'nl-BE',
  /** Between a label and what follows (a link, a reason). */
  colon: ': ',
  greetingNamed: 'Beste {name},',
  greeting: 'Beste,',
  greetingAdmin: 'Beste lokale beheerder,',
  closing: 'Met vriendelijke groeten,',
  footerAutomatic:
    'Dit is een automatisch bericht van Gebruikersbeheer. Antwoorden op deze e-mail worden niet gelezen.',
  footerQuestions: 'Vragen? Bel gratis **{phone}** ({hours}), vanuit het buitenland {abroad}.',
  helpdeskHours: 'werkdagen van 9 tot 19 u',
  footerPreferences: 'Welke e-mails u krijgt en hoe vaak, kiest u bij Meldingen',
  preferencesLink: 'Meldingen',
  redacted: '[verborgen]',
  toTasks: 'Naar Mijn taken',
  toPortal: 'Naar het portaal',
  toPerson: 'Naar {name}',
  reason: 'Reden',
  withProfiles: ' met {count, het profiel|de profielen} {profiles}',
  rightFallback: 'gebruikersrecht',

  requestReceivedSubject: 'Nieuwe aanvraag voor {right} bij {organisation}',
  requestReceived:
    '**{requester}** vraagt het gebruikersrecht **{right}**{profiles} aan voor **{organisation}**.',
  requestReceivedWhere:
    'U vindt de aanvraag en de reden ervan in Gebruikersbeheer bij Mijn taken. Daar keurt u ze goed of af. Wordt er niet tijdig beslist, dan vervalt de aanvraag.',

  requestApprovedSubject: 'Uw aanvraag is goedgekeurd: {right}',
  requestApproved:
    'De lokale beheerder van **{organisation}** heeft uw aanvraag goedgekeurd. U hebt nu het gebruikersrecht **{right}**{profiles}.',
  requestApprovedUntil: 'Het recht is geldig tot en met **{date}**.',
  requestApprovedStart: 'U kunt meteen aan de slag.',

  requestRejectedSubject: 'Uw aanvraag is afgewezen: {right}',
  requestRejected:
    'De lokale beheerder van **{organisation}** heeft uw aanvraag voor het gebruikersrecht **{right}** afgewezen.',
  requestRejectedQuestions:
    'Hebt u vragen over deze beslissing? Neem dan contact op met de lokale beheerder van uw organisatie.',

  requestFailedSubject: 'Uw aanvraag kon niet verwerkt worden: {right}',
  requestFailed:
    'Uw aanvraag voor het gebruikersrecht **{right}** bij **{organisation}** kon door een fout niet verwerkt worden. Er werd niets toegekend.',
  requestFailedAgain: 'U kunt de aanvraag opnieuw indienen op het portaal.',

  requestExpiredSubject: 'Uw aanvraag is vervallen: {right}',
  requestExpired:
    'Uw aanvraag voor het gebruikersrecht **{right}** bij **{organisation}** werd niet op tijd behandeld en is daarom vervallen.',
  requestExpiredAgain:
    'Hebt u het recht nog nodig? Dien dan een nieuwe aanvraag in, of neem contact op met de lokale beheerder van uw organisatie.',

  itemRelationship: 'de werkrelatie van **{person}** met **{organisation}**',
  itemGrant: 'het gebruikersrecht **{right}** van **{person}** bij **{organisation}**',
  itemGrantUnnamed: 'een gebruikersrecht van **{person}** bij **{organisation}**',
  whenToday: 'vandaag',
  whenTomorrow: 'morgen',
  whenInDays: 'over {days, # dag|# dagen}',

  expiryWarningSubject: 'Verloopt {when}: {what} ({date})',
  expiryWarningWhatRelationship: 'werkrelatie van {person}',
  expiryWarningWhatGrant: '{right} van {person}',
  expiryWarning: '{item} is geldig tot en met **{date}**. Dat is {when}.',
  expiryWarningAfterRelationship:
    'Na die datum vervallen de werkrelatie en de gebruikersrechten die erbij horen, tenzij ze verlengd worden.',
  expiryWarningAfterGrant: 'Na die datum vervalt het gebruikersrecht, tenzij het verlengd wordt.',
  expiryWarningWho:
    'Bent u lokale beheerder? Verleng dan in Gebruikersbeheer bij Mijn taken (taak "Verlengen?"). Bent u geen lokale beheerder, vraag dan aan de lokale beheerder van uw organisatie om te verlengen.',

  itemExpiredSubject: 'Vervallen: {what}',
  itemExpiredWhatRelationship: 'werkrelatie van {person} bij {organisation}',
  itemExpiredWhatGrant: '{right} van {person} bij {organisation}',
  itemExpired: '{item} was geldig tot en met **{date}** en is nu vervallen.',
  itemExpiredRelationship: 'De gebruikersrechten binnen deze werkrelatie geven geen toegang meer.',
  itemExpiredGrant: 'Dit gebruikersrecht geeft geen toegang meer.',
  itemExpiredAgain:
    'Is dat niet de bedoeling? De lokale beheerder kan in Gebruikersbeheer een nieuwe werkrelatie aanmaken of het recht opnieuw toekennen.',

  digestSubject: 'Overzicht {organisation}: {summary}',
  digestSummaryWarnings: '{count, # loopt|# lopen} binnenkort af',
  digestSummaryExpired: '{count, # is|# zijn} vervallen',
  digestSummaryJoin: ', ',
  digestOneGrant: 'dit gebruikersrecht',
  digestOneRelationship: 'deze werkrelatie',
  digestGrants: '{count, # gebruikersrecht|# gebruikersrechten}',
  digestRelationships: '{count, # werkrelatie|# werkrelaties}',
  digestAnd: ' en ',
  digestWarnings: 'Bij **{organisation}** {count, loopt|lopen} {what} binnenkort af:',
  digestLineGrant: 'Gebruikersrecht **{right}** van **{person}**',
  digestLineRelationship: 'Werkrelatie van **{person}**',
  digestWarningTail: ': geldig tot en met {date} ({when})',
  digestWhenInDays: 'nog {days, # dag|# dagen}',
  digestExtend:
    'Verleng wat nog nodig is in Mijn taken (taak "Verlengen?") of op de pagina van de persoon. Wat niet verlengd wordt, vervalt na de laatste dag.',
  digestExpired: 'Bij **{organisation}** {count, is|zijn} {what} vervallen:',
  digestExpiredTail: ': was geldig tot en met {date}',
  digestExpiredAgain:
    'Is dat niet de bedoeling? Maak een nieuwe werkrelatie aan of ken het recht opnieuw toe.',
  digestMore: 'En nog {count} meer. De taken "Verlengen?" vindt u allemaal in Mijn taken.',
  digestDaily: 'U krijgt dit overzicht op elke dag dat er bij deze organisatie iets afloopt of vervalt.',
  digestWeekly: 'U krijgt dit overzicht elke maandag, met wat er de week ervoor afliep of verviel.',
  digestEach:
    'U koos voor elke melding apart: dit overzicht bundelt wat er binnenkwam voor u die keuze maakte.',

  stoppedSubject: '{organisation} is stopgezet in de KBO: toegang gepauzeerd',
  stopped: 'Volgens de Kruispuntbank van Ondernemingen (KBO) is **{organisation}** stopgezet{since}.',
  stoppedSince: ' sinds **{date}**',
  stoppedPausedAdmin:
    '{paused, Daarom is # werkrelatie gepauzeerd|Daarom zijn # werkrelaties gepauzeerd} (reden: "onderneming stopgezet in de KBO"). De gebruikersrechten binnen die werkrelaties geven geen toegang meer, tot de onderneming weer actief is.',
  stoppedPausedPerson:
    'Daarom is uw werkrelatie met **{organisation}** gepauzeerd: uw gebruikersrechten voor deze onderneming geven voorlopig geen toegang meer.',
  stoppedNextAdmin:
    'Wordt de onderneming opnieuw actief in de KBO, dan krijgt u een taak om de werkrelaties te hervatten.',
  stoppedNextPerson: 'Is dit niet juist? Neem dan contact op met de lokale beheerder van de onderneming.',
  toPersons: 'Naar de personen',
  toAccess: 'Naar uw toegang',

  activeAgainSubject: '{organisation} is opnieuw actief in de KBO',
  activeAgain: 'Volgens de Kruispuntbank van Ondernemingen (KBO) is **{organisation}** opnieuw actief.',
  activeAgainPaused:
    '{paused, # werkrelatie werd|# werkrelaties werden} gepauzeerd toen de onderneming stopgezet was. In Mijn taken beslist u of ze hervat worden.',

  noAdminSubject: '{organisation} heeft geen lokale beheerder meer',
  noAdmin: '**{organisation}** heeft in Gebruikersbeheer geen lokale beheerder meer.',
  noAdminWhy:
    'Zonder lokale beheerder kan niemand personen toevoegen, werkrelaties beheren of gebruikersrechten toekennen. Als wettelijk vertegenwoordiger (volgens de KBO) duidt u een nieuwe lokale beheerder aan.',
  appointAdmin: 'Duid een lokale beheerder aan',

  reviewOpenedSubject: 'Toegangsreview voor {organisation}',
  reviewOpened:
    'Er loopt een toegangsreview voor **{organisation}**: {lines, bevestig of # gebruikersrecht nog nodig is.|bevestig voor # gebruikersrechten of ze nog nodig zijn.}',
  reviewOpenedChoose: 'Kies per recht Behouden of Intrekken, uiterlijk op {date}.',
  toReview: 'Naar de toegangsreview',
  reviewReminderSubject: 'Herinnering: toegangsreview voor {organisation}',
  reviewReminder:
    '{unanswered, # gebruikersrecht|# gebruikersrechten} in de toegangsreview van **{organisation}** {unanswered, wacht|wachten} nog op een antwoord. De review sluit op {date}.',
} as const;

export type EmailTextKey = Exclude<keyof typeof nl, 'htmlLang' | 'colon'>;
export type EmailTexts = Record<keyof typeof nl, string>;

const fr: EmailTexts = {
  htmlLang: 'fr-BE',
  colon: ' : ',
  greetingNamed: 'Bonjour {name},',
  greeting: 'Bonjour,',
  greetingAdmin: 'Madame, Monsieur,',
  closing: 'Cordialement,',
  footerAutomatic:
    'Ceci est un message automatique de Gebruikersbeheer. Les réponses à cet e-mail ne sont pas lues.',
  footerQuestions:
    'Des questions ? Appelez gratuitement le **{phone}** ({hours}), depuis l’étranger le {abroad}.',
  helpdeskHours: 'les jours ouvrables de 9 h à 19 h',
  footerPreferences: 'Vous choisissez quels e-mails vous recevez et à quelle fréquence sous Notifications',
  preferencesLink: 'Notifications',
  redacted: '[masqué]',
  toTasks: 'Vers Mes tâches',
  toPortal: 'Vers le portail',
  toPerson: 'Vers {name}',
  reason: 'Motif',
  withProfiles: ' avec {count, le profil|les profils} {profiles}',
  rightFallback: 'droit d’utilisateur',

  requestReceivedSubject: 'Nouvelle demande pour {right} chez {organisation}',
  requestReceived:
    '**{requester}** demande le droit d’utilisateur **{right}**{profiles} pour **{organisation}**.',
  requestReceivedWhere:
    'Vous trouverez la demande et son motif dans Gebruikersbeheer sous Mes tâches. C’est là que vous l’approuvez ou la refusez. Sans décision dans les délais, la demande expire.',

  requestApprovedSubject: 'Votre demande est approuvée : {right}',
  requestApproved:
    'Le gestionnaire local de **{organisation}** a approuvé votre demande. Vous disposez maintenant du droit d’utilisateur **{right}**{profiles}.',
  requestApprovedUntil: 'Le droit est valable jusqu’au **{date}** inclus.',
  requestApprovedStart: 'Vous pouvez commencer immédiatement.',

  requestRejectedSubject: 'Votre demande est refusée : {right}',
  requestRejected:
    'Le gestionnaire local de **{organisation}** a refusé votre demande pour le droit d’utilisateur **{right}**.',
  requestRejectedQuestions:
    'Vous avez des questions sur cette décision ? Prenez contact avec le gestionnaire local de votre organisation.',

  requestFailedSubject: 'Votre demande n’a pas pu être traitée : {right}',
  requestFailed:
    'Votre demande pour le droit d’utilisateur **{right}** chez **{organisation}** n’a pas pu être traitée à la suite d’une erreur. Rien n’a été attribué.',
  requestFailedAgain: 'Vous pouvez introduire à nouveau la demande sur le portail.',

  requestExpiredSubject: 'Votre demande a expiré : {right}',
  requestExpired:
    'Votre demande pour le droit d’utilisateur **{right}** chez **{organisation}** n’a pas été traitée à temps et a donc expiré.',
  requestExpiredAgain:
    'Vous avez encore besoin de ce droit ? Introduisez une nouvelle demande ou prenez contact avec le gestionnaire local de votre organisation.',

  itemRelationship: 'la relation de travail de **{person}** avec **{organisation}**',
  itemGrant: 'le droit d’utilisateur **{right}** de **{person}** chez **{organisation}**',
  itemGrantUnnamed: 'un droit d’utilisateur de **{person}** chez **{organisation}**',
  whenToday: 'aujourd’hui',
  whenTomorrow: 'demain',
  whenInDays: 'dans {days, # jour|# jours}',

  expiryWarningSubject: 'Expire {when} : {what} ({date})',
  expiryWarningWhatRelationship: 'relation de travail de {person}',
  expiryWarningWhatGrant: '{right} de {person}',
  expiryWarning: '{item} est valable jusqu’au **{date}** inclus, soit {when}.',
  expiryWarningAfterRelationship:
    'Après cette date, la relation de travail et les droits d’utilisateur qui en dépendent expirent, sauf s’ils sont prolongés.',
  expiryWarningAfterGrant: 'Après cette date, le droit d’utilisateur expire, sauf s’il est prolongé.',
  expiryWarningWho:
    'Vous êtes gestionnaire local ? Prolongez dans Gebruikersbeheer sous Mes tâches (tâche « Prolonger ? »). Si vous n’êtes pas gestionnaire local, demandez au gestionnaire local de votre organisation de prolonger.',

  itemExpiredSubject: 'Expiré : {what}',
  itemExpiredWhatRelationship: 'relation de travail de {person} chez {organisation}',
  itemExpiredWhatGrant: '{right} de {person} chez {organisation}',
  itemExpired: '{item} était valable jusqu’au **{date}** inclus et a maintenant expiré.',
  itemExpiredRelationship: 'Les droits d’utilisateur liés à cette relation de travail ne donnent plus accès.',
  itemExpiredGrant: 'Ce droit d’utilisateur ne donne plus accès.',
  itemExpiredAgain:
    'Ce n’était pas l’intention ? Le gestionnaire local peut créer une nouvelle relation de travail dans Gebruikersbeheer ou attribuer à nouveau le droit.',

  digestSubject: 'Aperçu {organisation} : {summary}',
  digestSummaryWarnings: '{count, # expire|# expirent} bientôt',
  digestSummaryExpired: '{count, # a expiré|# ont expiré}',
  digestSummaryJoin: ', ',
  digestOneGrant: 'ce droit d’utilisateur',
  digestOneRelationship: 'cette relation de travail',
  digestGrants: '{count, # droit d’utilisateur|# droits d’utilisateur}',
  digestRelationships: '{count, # relation de travail|# relations de travail}',
  digestAnd: ' et ',
  digestWarnings: 'Chez **{organisation}**, {what} {count, expire|expirent} bientôt :',
  digestLineGrant: 'Droit d’utilisateur **{right}** de **{person}**',
  digestLineRelationship: 'Relation de travail de **{person}**',
  digestWarningTail: ' : valable jusqu’au {date} inclus ({when})',
  digestWhenInDays: 'encore {days, # jour|# jours}',
  digestExtend:
    'Prolongez ce qui est encore nécessaire dans Mes tâches (tâche « Prolonger ? ») ou sur la page de la personne. Ce qui n’est pas prolongé expire après le dernier jour.',
  digestExpired: 'Chez **{organisation}**, {what} {count, a expiré|ont expiré} :',
  digestExpiredTail: ' : était valable jusqu’au {date} inclus',
  digestExpiredAgain:
    'Ce n’était pas l’intention ? Créez une nouvelle relation de travail ou attribuez à nouveau le droit.',
  digestMore: 'Et {count} de plus. Vous trouverez toutes les tâches « Prolonger ? » dans Mes tâches.',
  digestDaily:
    'Vous recevez cet aperçu chaque jour où quelque chose expire ou prend fin dans cette organisation.',
  digestWeekly:
    'Vous recevez cet aperçu chaque lundi, avec ce qui a pris fin ou expiré la semaine précédente.',
  digestEach:
    'Vous avez choisi chaque notification séparément : cet aperçu regroupe ce qui est arrivé avant que vous fassiez ce choix.',

  stoppedSubject: '{organisation} est arrêtée à la BCE : accès suspendu',
  stopped: 'Selon la Banque-Carrefour des Entreprises (BCE), **{organisation}** est arrêtée{since}.',
  stoppedSince: ' depuis le **{date}**',
  stoppedPausedAdmin:
    '{paused, C’est pourquoi # relation de travail a été suspendue|C’est pourquoi # relations de travail ont été suspendues} (motif : « entreprise arrêtée à la BCE »). Les droits d’utilisateur liés à ces relations de travail ne donnent plus accès jusqu’à ce que l’entreprise soit à nouveau active.',
  stoppedPausedPerson:
    'C’est pourquoi votre relation de travail avec **{organisation}** est suspendue : vos droits d’utilisateur pour cette entreprise ne donnent provisoirement plus accès.',
  stoppedNextAdmin:
    'Si l’entreprise redevient active à la BCE, vous recevrez une tâche pour reprendre les relations de travail.',
  stoppedNextPerson: 'Ce n’est pas correct ? Prenez contact avec le gestionnaire local de l’entreprise.',
  toPersons: 'Vers les personnes',
  toAccess: 'Vers votre accès',

  activeAgainSubject: '{organisation} est à nouveau active à la BCE',
  activeAgain: 'Selon la Banque-Carrefour des Entreprises (BCE), **{organisation}** est à nouveau active.',
  activeAgainPaused:
    '{paused, # relation de travail a été suspendue|# relations de travail ont été suspendues} lorsque l’entreprise était arrêtée. Dans Mes tâches, vous décidez si elles reprennent.',

  noAdminSubject: '{organisation} n’a plus de gestionnaire local',
  noAdmin: '**{organisation}** n’a plus de gestionnaire local dans Gebruikersbeheer.',
  noAdminWhy:
    'Sans gestionnaire local, personne ne peut ajouter de personnes, gérer des relations de travail ou attribuer des droits d’utilisateur. En tant que représentant légal (selon la BCE), vous désignez un nouveau gestionnaire local.',
  appointAdmin: 'Désigner un gestionnaire local',

  reviewOpenedSubject: 'Revue des accès pour {organisation}',
  reviewOpened:
    'Une revue des accès est en cours pour **{organisation}** : {lines, confirmez si # droit d’utilisateur est encore nécessaire.|confirmez pour # droits d’utilisateur s’ils sont encore nécessaires.}',
  reviewOpenedChoose: 'Choisissez pour chaque droit Conserver ou Retirer, au plus tard le {date}.',
  toReview: 'Vers la revue des accès',
  reviewReminderSubject: 'Rappel : revue des accès pour {organisation}',
  reviewReminder:
    '{unanswered, # droit d’utilisateur|# droits d’utilisateur} de la revue des accès de **{organisation}** {unanswered, attend|attendent} encore une réponse. La revue se clôture le {date}.',
};

const en: EmailTexts = {
  htmlLang: 'en-GB',
  colon: ': ',
  greetingNamed: 'Dear {name},',
  greeting: 'Hello,',
  greetingAdmin: 'Dear local administrator,',
  closing: 'Kind regards,',
  footerAutomatic: 'This is an automatic message from Gebruikersbeheer. Replies to this e-mail are not read.',
  footerQuestions: 'Questions? Call **{phone}** free of charge ({hours}), from abroad {abroad}.',
  helpdeskHours: 'working days from 9 am to 7 pm',
  footerPreferences: 'Which e-mails you get and how often, you choose under Notifications',
  preferencesLink: 'Notifications',
  redacted: '[hidden]',
  toTasks: 'Go to My tasks',
  toPortal: 'Go to the portal',
  toPerson: 'Go to {name}',
  reason: 'Reason',
  withProfiles: ' with {count, the profile|the profiles} {profiles}',
  rightFallback: 'user right',

  requestReceivedSubject: 'New request for {right} at {organisation}',
  requestReceived: '**{requester}** requests the user right **{right}**{profiles} for **{organisation}**.',
  requestReceivedWhere:
    'You find the request and its reason in Gebruikersbeheer under My tasks. There you approve or reject it. If no decision is made in time, the request expires.',

  requestApprovedSubject: 'Your request has been approved: {right}',
  requestApproved:
    'The local administrator of **{organisation}** has approved your request. You now have the user right **{right}**{profiles}.',
  requestApprovedUntil: 'The right is valid up to and including **{date}**.',
  requestApprovedStart: 'You can get started right away.',

  requestRejectedSubject: 'Your request has been rejected: {right}',
  requestRejected:
    'The local administrator of **{organisation}** has rejected your request for the user right **{right}**.',
  requestRejectedQuestions:
    'Do you have questions about this decision? Then contact the local administrator of your organisation.',

  requestFailedSubject: 'Your request could not be processed: {right}',
  requestFailed:
    'Your request for the user right **{right}** at **{organisation}** could not be processed because of an error. Nothing was granted.',
  requestFailedAgain: 'You can submit the request again on the portal.',

  requestExpiredSubject: 'Your request has expired: {right}',
  requestExpired:
    'Your request for the user right **{right}** at **{organisation}** was not handled in time and has therefore expired.',
  requestExpiredAgain:
    'Do you still need the right? Then submit a new request, or contact the local administrator of your organisation.',

  itemRelationship: 'the work relationship of **{person}** with **{organisation}**',
  itemGrant: 'the user right **{right}** of **{person}** at **{organisation}**',
  itemGrantUnnamed: 'a user right of **{person}** at **{organisation}**',
  whenToday: 'today',
  whenTomorrow: 'tomorrow',
  whenInDays: 'in {days, # day|# days}',

  expiryWarningSubject: 'Expires {when}: {what} ({date})',
  expiryWarningWhatRelationship: 'work relationship of {person}',
  expiryWarningWhatGrant: '{right} of {person}',
  expiryWarning: '{item} is valid up to and including **{date}**. That is {when}.',
  expiryWarningAfterRelationship:
    'After that date the work relationship and the user rights that belong to it expire, unless they are extended.',
  expiryWarningAfterGrant: 'After that date the user right expires, unless it is extended.',
  expiryWarningWho:
    'Are you a local administrator? Then extend it in Gebruikersbeheer under My tasks (task "Extend?"). If you are not a local administrator, ask the local administrator of your organisation to extend it.',

  itemExpiredSubject: 'Expired: {what}',
  itemExpiredWhatRelationship: 'work relationship of {person} at {organisation}',
  itemExpiredWhatGrant: '{right} of {person} at {organisation}',
  itemExpired: '{item} was valid up to and including **{date}** and has now expired.',
  itemExpiredRelationship: 'The user rights within this work relationship no longer give access.',
  itemExpiredGrant: 'This user right no longer gives access.',
  itemExpiredAgain:
    'Is that not what was intended? The local administrator can create a new work relationship in Gebruikersbeheer or grant the right again.',

  digestSubject: 'Summary {organisation}: {summary}',
  digestSummaryWarnings: '{count, # ends|# end} soon',
  digestSummaryExpired: '{count, # has|# have} expired',
  digestSummaryJoin: ', ',
  digestOneGrant: 'this user right',
  digestOneRelationship: 'this work relationship',
  digestGrants: '{count, # user right|# user rights}',
  digestRelationships: '{count, # work relationship|# work relationships}',
  digestAnd: ' and ',
  digestWarnings: 'At **{organisation}**, {what} {count, ends|end} soon:',
  digestLineGrant: 'User right **{right}** of **{person}**',
  digestLineRelationship: 'Work relationship of **{person}**',
  digestWarningTail: ': valid up to and including {date} ({when})',
  digestWhenInDays: '{days, # day|# days} left',
  digestExtend:
    'Extend what is still needed in My tasks (task "Extend?") or on the person’s page. What is not extended expires after the last day.',
  digestExpired: 'At **{organisation}**, {what} {count, has|have} expired:',
  digestExpiredTail: ': was valid up to and including {date}',
  digestExpiredAgain:
    'Is that not what was intended? Create a new work relationship or grant the right again.',
  digestMore: 'And {count} more. You find all the "Extend?" tasks in My tasks.',
  digestDaily: 'You get this summary on every day that something ends or expires at this organisation.',
  digestWeekly: 'You get this summary every Monday, with what ended or expired the week before.',
  digestEach:
    'You chose every notification separately: this summary bundles what came in before you made that choice.',

  stoppedSubject: '{organisation} has stopped according to the CBE: access paused',
  stopped: 'According to the Crossroads Bank for Enterprises (CBE), **{organisation}** has stopped{since}.',
  stoppedSince: ' since **{date}**',
  stoppedPausedAdmin:
    '{paused, That is why # work relationship has been paused|That is why # work relationships have been paused} (reason: "enterprise stopped according to the CBE"). The user rights within those work relationships no longer give access until the enterprise is active again.',
  stoppedPausedPerson:
    'That is why your work relationship with **{organisation}** has been paused: your user rights for this enterprise give no access for the time being.',
  stoppedNextAdmin:
    'If the enterprise becomes active again in the CBE, you will get a task to resume the work relationships.',
  stoppedNextPerson: 'Is this not correct? Then contact the local administrator of the enterprise.',
  toPersons: 'Go to the persons',
  toAccess: 'Go to your access',

  activeAgainSubject: '{organisation} is active again according to the CBE',
  activeAgain: 'According to the Crossroads Bank for Enterprises (CBE), **{organisation}** is active again.',
  activeAgainPaused:
    '{paused, # work relationship was|# work relationships were} paused when the enterprise had stopped. In My tasks you decide whether they are resumed.',

  noAdminSubject: '{organisation} no longer has a local administrator',
  noAdmin: '**{organisation}** no longer has a local administrator in Gebruikersbeheer.',
  noAdminWhy:
    'Without a local administrator nobody can add persons, manage work relationships or grant user rights. As legal representative (according to the CBE), you appoint a new local administrator.',
  appointAdmin: 'Appoint a local administrator',

  reviewOpenedSubject: 'Access review for {organisation}',
  reviewOpened:
    'An access review is running for **{organisation}**: {lines, confirm whether # user right is still needed.|confirm for # user rights whether they are still needed.}',
  reviewOpenedChoose: 'Choose Keep or Revoke for each right, on {date} at the latest.',
  toReview: 'Go to the access review',
  reviewReminderSubject: 'Reminder: access review for {organisation}',
  reviewReminder:
    '{unanswered, # user right|# user rights} in the access review of **{organisation}** {unanswered, is|are} still waiting for an answer. The review closes on {date}.',
};

const de: EmailTexts = {
  htmlLang: 'de-BE',
  colon: ': ',
  greetingNamed: 'Guten Tag {name},',
  greeting: 'Guten Tag,',
  greetingAdmin: 'Sehr geehrte Damen und Herren,',
  closing: 'Mit freundlichen Grüßen',
  footerAutomatic:
    'Dies ist eine automatische Nachricht von Gebruikersbeheer. Antworten auf diese E-Mail werden nicht gelesen.',
  footerQuestions: 'Fragen? Rufen Sie kostenlos die **{phone}** an ({hours}), aus dem Ausland {abroad}.',
  helpdeskHours: 'werktags von 9 bis 19 Uhr',
  footerPreferences: 'Welche E-Mails Sie erhalten und wie oft, wählen Sie unter Benachrichtigungen',
  preferencesLink: 'Benachrichtigungen',
  redacted: '[verborgen]',
  toTasks: 'Meine Aufgaben öffnen',
  toPortal: 'Zum Portal',
  toPerson: 'Zu {name}',
  reason: 'Begründung',
  withProfiles: ' mit {count, dem Profil|den Profilen} {profiles}',
  rightFallback: 'Benutzerrecht',

  requestReceivedSubject: 'Neuer Antrag für {right} bei {organisation}',
  requestReceived:
    '**{requester}** beantragt das Benutzerrecht **{right}**{profiles} für **{organisation}**.',
  requestReceivedWhere:
    'Sie finden den Antrag und seine Begründung in Gebruikersbeheer unter Meine Aufgaben. Dort genehmigen oder lehnen Sie ihn ab. Wird nicht rechtzeitig entschieden, verfällt der Antrag.',

  requestApprovedSubject: 'Ihr Antrag wurde genehmigt: {right}',
  requestApproved:
    'Der lokale Verwalter von **{organisation}** hat Ihren Antrag genehmigt. Sie haben jetzt das Benutzerrecht **{right}**{profiles}.',
  requestApprovedUntil: 'Das Recht gilt bis einschließlich **{date}**.',
  requestApprovedStart: 'Sie können sofort loslegen.',

  requestRejectedSubject: 'Ihr Antrag wurde abgelehnt: {right}',
  requestRejected:
    'Der lokale Verwalter von **{organisation}** hat Ihren Antrag für das Benutzerrecht **{right}** abgelehnt.',
  requestRejectedQuestions:
    'Haben Sie Fragen zu dieser Entscheidung? Wenden Sie sich an den lokalen Verwalter Ihrer Organisation.',

  requestFailedSubject: 'Ihr Antrag konnte nicht bearbeitet werden: {right}',
  requestFailed:
    'Ihr Antrag für das Benutzerrecht **{right}** bei **{organisation}** konnte wegen eines Fehlers nicht bearbeitet werden. Es wurde nichts erteilt.',
  requestFailedAgain: 'Sie können den Antrag im Portal erneut stellen.',

  requestExpiredSubject: 'Ihr Antrag ist verfallen: {right}',
  requestExpired:
    'Ihr Antrag für das Benutzerrecht **{right}** bei **{organisation}** wurde nicht rechtzeitig bearbeitet und ist daher verfallen.',
  requestExpiredAgain:
    'Benötigen Sie das Recht noch? Stellen Sie einen neuen Antrag oder wenden Sie sich an den lokalen Verwalter Ihrer Organisation.',

  itemRelationship: 'das Arbeitsverhältnis von **{person}** mit **{organisation}**',
  itemGrant: 'das Benutzerrecht **{right}** von **{person}** bei **{organisation}**',
  itemGrantUnnamed: 'ein Benutzerrecht von **{person}** bei **{organisation}**',
  whenToday: 'heute',
  whenTomorrow: 'morgen',
  whenInDays: 'in {days, # Tag|# Tagen}',

  expiryWarningSubject: 'Läuft {when} ab: {what} ({date})',
  expiryWarningWhatRelationship: 'Arbeitsverhältnis von {person}',
  expiryWarningWhatGrant: '{right} von {person}',
  expiryWarning: '{item} gilt bis einschließlich **{date}**. Das ist {when}.',
  expiryWarningAfterRelationship:
    'Nach diesem Datum verfallen das Arbeitsverhältnis und die dazugehörigen Benutzerrechte, sofern sie nicht verlängert werden.',
  expiryWarningAfterGrant: 'Nach diesem Datum verfällt das Benutzerrecht, sofern es nicht verlängert wird.',
  expiryWarningWho:
    'Sind Sie lokaler Verwalter? Dann verlängern Sie in Gebruikersbeheer unter Meine Aufgaben (Aufgabe „Verlängern?“). Sind Sie kein lokaler Verwalter, bitten Sie den lokalen Verwalter Ihrer Organisation um die Verlängerung.',

  itemExpiredSubject: 'Verfallen: {what}',
  itemExpiredWhatRelationship: 'Arbeitsverhältnis von {person} bei {organisation}',
  itemExpiredWhatGrant: '{right} von {person} bei {organisation}',
  itemExpired: '{item} galt bis einschließlich **{date}** und ist jetzt verfallen.',
  itemExpiredRelationship:
    'Die Benutzerrechte innerhalb dieses Arbeitsverhältnisses geben keinen Zugriff mehr.',
  itemExpiredGrant: 'Dieses Benutzerrecht gibt keinen Zugriff mehr.',
  itemExpiredAgain:
    'War das nicht beabsichtigt? Der lokale Verwalter kann in Gebruikersbeheer ein neues Arbeitsverhältnis anlegen oder das Recht erneut erteilen.',

  digestSubject: 'Übersicht {organisation}: {summary}',
  digestSummaryWarnings: '{count, # läuft|# laufen} bald ab',
  digestSummaryExpired: '{count, # ist|# sind} verfallen',
  digestSummaryJoin: ', ',
  digestOneGrant: 'dieses Benutzerrecht',
  digestOneRelationship: 'dieses Arbeitsverhältnis',
  digestGrants: '{count, # Benutzerrecht|# Benutzerrechte}',
  digestRelationships: '{count, # Arbeitsverhältnis|# Arbeitsverhältnisse}',
  digestAnd: ' und ',
  digestWarnings: 'Bei **{organisation}** {count, läuft|laufen} {what} bald ab:',
  digestLineGrant: 'Benutzerrecht **{right}** von **{person}**',
  digestLineRelationship: 'Arbeitsverhältnis von **{person}**',
  digestWarningTail: ': gültig bis einschließlich {date} ({when})',
  digestWhenInDays: 'noch {days, # Tag|# Tage}',
  digestExtend:
    'Verlängern Sie, was noch benötigt wird, unter Meine Aufgaben (Aufgabe „Verlängern?“) oder auf der Seite der Person. Was nicht verlängert wird, verfällt nach dem letzten Tag.',
  digestExpired: 'Bei **{organisation}** {count, ist|sind} {what} verfallen:',
  digestExpiredTail: ': galt bis einschließlich {date}',
  digestExpiredAgain:
    'War das nicht beabsichtigt? Legen Sie ein neues Arbeitsverhältnis an oder erteilen Sie das Recht erneut.',
  digestMore: 'Und {count} weitere. Alle Aufgaben „Verlängern?“ finden Sie unter Meine Aufgaben.',
  digestDaily:
    'Sie erhalten diese Übersicht an jedem Tag, an dem bei dieser Organisation etwas ausläuft oder verfällt.',
  digestWeekly:
    'Sie erhalten diese Übersicht jeden Montag, mit dem, was in der Woche davor auslief oder verfiel.',
  digestEach:
    'Sie haben jede Benachrichtigung einzeln gewählt: Diese Übersicht bündelt, was vor dieser Wahl eingegangen ist.',

  stoppedSubject: '{organisation} ist in der ZDU eingestellt: Zugriff pausiert',
  stopped: 'Laut der Zentralen Datenbank der Unternehmen (ZDU) ist **{organisation}**{since} eingestellt.',
  stoppedSince: ' seit dem **{date}**',
  stoppedPausedAdmin:
    '{paused, Deshalb wurde # Arbeitsverhältnis pausiert|Deshalb wurden # Arbeitsverhältnisse pausiert} (Begründung: „Unternehmen in der ZDU eingestellt“). Die Benutzerrechte innerhalb dieser Arbeitsverhältnisse geben keinen Zugriff mehr, bis das Unternehmen wieder aktiv ist.',
  stoppedPausedPerson:
    'Deshalb wurde Ihr Arbeitsverhältnis mit **{organisation}** pausiert: Ihre Benutzerrechte für dieses Unternehmen geben vorläufig keinen Zugriff mehr.',
  stoppedNextAdmin:
    'Wird das Unternehmen in der ZDU wieder aktiv, erhalten Sie eine Aufgabe, um die Arbeitsverhältnisse fortzusetzen.',
  stoppedNextPerson: 'Ist das nicht richtig? Wenden Sie sich an den lokalen Verwalter des Unternehmens.',
  toPersons: 'Zu den Personen',
  toAccess: 'Zu Ihrem Zugriff',

  activeAgainSubject: '{organisation} ist in der ZDU wieder aktiv',
  activeAgain: 'Laut der Zentralen Datenbank der Unternehmen (ZDU) ist **{organisation}** wieder aktiv.',
  activeAgainPaused:
    '{paused, # Arbeitsverhältnis wurde|# Arbeitsverhältnisse wurden} pausiert, als das Unternehmen eingestellt war. Unter Meine Aufgaben entscheiden Sie, ob sie fortgesetzt werden.',

  noAdminSubject: '{organisation} hat keinen lokalen Verwalter mehr',
  noAdmin: '**{organisation}** hat in Gebruikersbeheer keinen lokalen Verwalter mehr.',
  noAdminWhy:
    'Ohne lokalen Verwalter kann niemand Personen hinzufügen, Arbeitsverhältnisse verwalten oder Benutzerrechte erteilen. Als gesetzlicher Vertreter (laut ZDU) bestimmen Sie einen neuen lokalen Verwalter.',
  appointAdmin: 'Einen lokalen Verwalter bestimmen',

  reviewOpenedSubject: 'Zugriffsüberprüfung für {organisation}',
  reviewOpened:
    'Für **{organisation}** läuft eine Zugriffsüberprüfung: {lines, Bestätigen Sie, ob # Benutzerrecht noch benötigt wird.|Bestätigen Sie für # Benutzerrechte, ob sie noch benötigt werden.}',
  reviewOpenedChoose: 'Wählen Sie für jedes Recht Beibehalten oder Entziehen, spätestens am {date}.',
  toReview: 'Zur Zugriffsüberprüfung',
  reviewReminderSubject: 'Erinnerung: Zugriffsüberprüfung für {organisation}',
  reviewReminder:
    '{unanswered, # Benutzerrecht|# Benutzerrechte} in der Zugriffsüberprüfung von **{organisation}** {unanswered, wartet|warten} noch auf eine Antwort. Die Überprüfung endet am {date}.',
};

export const EMAIL_TEXTS: Record<Language, EmailTexts> = { nl, fr, en, de };
