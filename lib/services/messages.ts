/**
 * The e-mail Gebruikersbeheer sends, in Dutch (nl-BE): pure functions from facts to subject, plain text
 * and HTML. The caller adds the recipients (`{ to, ...requestApproved(...) }` is an `Email`).
 *
 * - No national number, ever: no template takes one, and free text (names, reasons) passes through
 *   `redactNationalNumbers` in case someone typed one in.
 * - Everything from the outside is HTML-escaped; URLs too, in attributes.
 * - Dates arrive as `YYYY-MM-DD` (calendar days) and are shown as dd/mm/jjjj.
 * - Both parts say the same and carry the same links; the HTML has inline styles only and no image or
 *   other external resource (mail clients block those), so it reads the same everywhere.
 * - Every e-mail ends with the helpdesk and a link to *Meldingen* (which e-mails one gets, how often),
 *   also sent as the `List-Unsubscribe` header.
 *
 * Every exported function that returns an `EmailContent` is a template: test/e2e/ui-email-links.test.ts
 * fails for one it does not cover.
 */
import { daysBetween } from '#lib/domain/expiry';
import { MAX_DIGEST_LINES_SHOWN } from '#lib/domain/notifications';
import type { Email } from '#lib/domain/ports';

/** An e-mail without its recipients. */
export type EmailContent = Omit<Email, 'to'> & { listUnsubscribe: string };

/** What every template takes: the page where the recipient chooses their e-mails (*Meldingen*). */
export interface WithPreferences {
  preferencesUrl: string;
}

export type ExpiringItem = 'relationship' | 'grant';

export const HELPDESK = {
  phone: '1700',
  hours: 'werkdagen van 9 tot 19 u',
  abroad: '+32 2 553 1700',
} as const;

/** `2029-12-31` → `31/12/2029`. Throws on anything that is not a calendar date (a bug upstream). */
export function formatDateNl(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(date);
  if (!match) throw new Error('formatDateNl: expected a date as YYYY-MM-DD');
  const [, year, month, day] = match;
  return `${day}/${month}/${year}`;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Hides anything shaped like a national register or BIS number (11 digits, bare or written as
 * 90.04.18-123.45) in free text. International phone numbers (+32...) are left alone.
 */
export function redactNationalNumbers(value: string): string {
  return value
    .replace(/(?<![\d+])\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}(?!\d)/g, '[verborgen]')
    .replace(/(?<![\d+])\d{11}(?!\d)/g, '[verborgen]');
}

/** `a`, `a en b`, `a, b en c`. */
export function listNl(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`;
}

// ---------------------------------------------------------------------------------------------------
// Building blocks: each paragraph is written once and rendered both as text and as HTML.

/** A piece of a paragraph: literal template text, or a value from outside (redacted; escaped in HTML). */
type Part = string | { value: string } | { strong: string };

const v = (value: string): Part => ({ value });
const b = (value: string): Part => ({ strong: value });

/** A line of a list: its text and, under it, a link. */
interface ListItem {
  parts: Part[];
  link?: { href: string; label: string };
}

type Block =
  | { kind: 'p'; parts: Part[] }
  | { kind: 'quote'; label: string; text: string }
  | { kind: 'button'; href: string; label: string }
  | { kind: 'list'; items: ListItem[] };

const p = (...parts: Part[]): Block => ({ kind: 'p', parts });

const clean = (value: string): string => redactNationalNumbers(value);

function partText(part: Part): string {
  if (typeof part === 'string') return part;
  if ('value' in part) return clean(part.value);
  return clean(part.strong);
}

function partHtml(part: Part): string {
  if (typeof part === 'string') return escapeHtml(part);
  if ('value' in part) return escapeHtml(clean(part.value));
  return `<strong>${escapeHtml(clean(part.strong))}</strong>`;
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'p':
      return block.parts.map(partText).join('');
    case 'quote':
      return `${block.label}: ${clean(block.text)}`;
    case 'button':
      return `${block.label}: ${block.href}`;
    case 'list':
      return block.items
        .map(
          (item) =>
            `- ${item.parts.map(partText).join('')}${item.link ? `\n  ${item.link.label}: ${item.link.href}` : ''}`,
        )
        .join('\n');
  }
}

const FONT = "font-family:Arial,'Helvetica Neue',Helvetica,sans-serif;";

function blockHtml(block: Block): string {
  switch (block.kind) {
    case 'p':
      return `<p style="margin:0 0 16px 0;">${block.parts.map(partHtml).join('')}</p>`;
    case 'quote':
      return (
        `<p style="margin:0 0 4px 0;font-weight:bold;">${escapeHtml(block.label)}</p>` +
        `<p style="margin:0 0 16px 0;padding:8px 12px;border-left:4px solid #cbd2da;background:#f4f6f8;white-space:pre-line;">${escapeHtml(clean(block.text))}</p>`
      );
    case 'button':
      return (
        '<p style="margin:24px 0;">' +
        `<a href="${escapeHtml(block.href)}" style="display:inline-block;padding:12px 20px;background:#0055cc;color:#ffffff;text-decoration:none;font-weight:bold;border-radius:3px;">${escapeHtml(block.label)}</a>` +
        '</p>'
      );
    case 'list':
      return (
        '<ul style="margin:0 0 16px 0;padding:0 0 0 20px;">' +
        block.items
          .map(
            (item) =>
              `<li style="margin:0 0 10px 0;">${item.parts.map(partHtml).join('')}` +
              (item.link
                ? `<br><a href="${escapeHtml(item.link.href)}" style="color:#0055cc;">${escapeHtml(clean(item.link.label))}</a>`
                : '') +
              '</li>',
          )
          .join('') +
        '</ul>'
      );
  }
}

const FOOTER_TEXT = [
  'Dit is een automatisch bericht van Gebruikersbeheer. Antwoorden op deze e-mail worden niet gelezen.',
  `Vragen? Bel gratis ${HELPDESK.phone} (${HELPDESK.hours}), vanuit het buitenland ${HELPDESK.abroad}.`,
] as const;

const PREFERENCES_TEXT = 'Welke e-mails u krijgt en hoe vaak, kiest u bij Meldingen';

function render(
  { preferencesUrl }: WithPreferences,
  subject: string,
  greeting: string,
  blocks: Block[],
): EmailContent {
  const cleanSubject = clean(subject).replace(/\s+/g, ' ').trim();
  const text = [
    greeting,
    ...blocks.map(blockText),
    'Met vriendelijke groeten,\nGebruikersbeheer',
    '--',
    ...FOOTER_TEXT,
    `${PREFERENCES_TEXT}: ${preferencesUrl}`,
  ]
    .map((line) => clean(line))
    .join('\n\n');
  const html = `<!DOCTYPE html>
<html lang="nl-BE">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(cleanSubject)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f6f8;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f6f8;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background:#ffffff;border:1px solid #cbd2da;">
<tr><td style="background:#ffe615;padding:16px 24px;${FONT}font-size:20px;font-weight:bold;color:#333332;">Gebruikersbeheer</td></tr>
<tr><td style="padding:24px;${FONT}font-size:16px;line-height:1.5;color:#333332;">
<p style="margin:0 0 16px 0;">${escapeHtml(clean(greeting))}</p>
${blocks.map(blockHtml).join('\n')}
<p style="margin:24px 0 0 0;">Met vriendelijke groeten,<br>Gebruikersbeheer</p>
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #cbd2da;background:#f4f6f8;${FONT}font-size:13px;line-height:1.5;color:#687483;">
<p style="margin:0 0 8px 0;">${escapeHtml(FOOTER_TEXT[0])}</p>
<p style="margin:0 0 8px 0;">Vragen? Bel gratis <strong>${HELPDESK.phone}</strong> (${HELPDESK.hours}), vanuit het buitenland ${escapeHtml(HELPDESK.abroad)}.</p>
<p style="margin:0;">${PREFERENCES_TEXT}: <a href="${escapeHtml(preferencesUrl)}" style="color:#0055cc;">Meldingen</a>.</p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
  return { subject: cleanSubject, text, html, listUnsubscribe: preferencesUrl };
}

const days = (n: number): string => (n === 1 ? '1 dag' : `${n} dagen`);

/** What runs out, as a noun phrase: "de werkrelatie van X met Y" / "het gebruikersrecht R van X bij Y". */
function itemParts(item: ExpiringItem, personName: string, organisationName: string, right?: string): Part[] {
  if (item === 'relationship') {
    return ['de werkrelatie van ', b(personName), ' met ', b(organisationName)];
  }
  return right
    ? ['het gebruikersrecht ', b(right), ' van ', b(personName), ' bij ', b(organisationName)]
    : ['een gebruikersrecht van ', b(personName), ' bij ', b(organisationName)];
}

const capitalise = (parts: Part[]): Part[] => {
  const [first, ...rest] = parts;
  return typeof first === 'string' ? [first.charAt(0).toUpperCase() + first.slice(1), ...rest] : parts;
};

// ---------------------------------------------------------------------------------------------------
// The templates.

export interface RequestReceivedInput extends WithPreferences {
  organisationName: string;
  requesterName: string;
  right: string;
  profiles: readonly string[];
  /** The local administrators' task list (Mijn taken). */
  tasksUrl: string;
}

/** To the organisation's local administrators: a person asks for a right. */
export function requestReceived(input: RequestReceivedInput): EmailContent {
  const { organisationName, requesterName, right, profiles, tasksUrl } = input;
  return render(input, `Nieuwe aanvraag voor ${right} bij ${organisationName}`, 'Beste lokale beheerder,', [
    p(
      b(requesterName),
      ' vraagt het gebruikersrecht ',
      b(right),
      profiles.length > 0 ? ` met ${profiles.length === 1 ? 'het profiel' : 'de profielen'} ` : '',
      v(listNl(profiles)),
      ' aan voor ',
      b(organisationName),
      '.',
    ),
    // The requester's reason stays in the task: an e-mail carries no free text of a stranger.
    p(
      'U vindt de aanvraag en de reden ervan in Gebruikersbeheer bij Mijn taken. Daar keurt u ze goed of af. Wordt er niet tijdig beslist, dan vervalt de aanvraag.',
    ),
    { kind: 'button', href: tasksUrl, label: 'Naar Mijn taken' },
  ]);
}

export interface RequestApprovedInput extends WithPreferences {
  organisationName: string;
  right: string;
  profiles: readonly string[];
  /** Last day of the grant (inclusive), `YYYY-MM-DD`; `null` when unknown. */
  validUntil: string | null;
  portalUrl: string;
}

/** To the requester: the local administrator granted the right. */
export function requestApproved(input: RequestApprovedInput): EmailContent {
  const { organisationName, right, profiles, validUntil, portalUrl } = input;
  return render(input, `Uw aanvraag is goedgekeurd: ${right}`, 'Beste,', [
    p(
      'De lokale beheerder van ',
      b(organisationName),
      ' heeft uw aanvraag goedgekeurd. U hebt nu het gebruikersrecht ',
      b(right),
      profiles.length > 0 ? ` met ${profiles.length === 1 ? 'het profiel' : 'de profielen'} ` : '',
      v(listNl(profiles)),
      '.',
    ),
    ...(validUntil ? [p('Het recht is geldig tot en met ', b(formatDateNl(validUntil)), '.')] : []),
    p('U kunt meteen aan de slag.'),
    { kind: 'button', href: portalUrl, label: 'Naar het portaal' },
  ]);
}

export interface RequestRejectedInput extends WithPreferences {
  organisationName: string;
  right: string;
  /** The local administrator's reason, if they gave one. */
  reason?: string | null;
}

/** To the requester: the local administrator refused. */
export function requestRejected(input: RequestRejectedInput): EmailContent {
  const { organisationName, right, reason } = input;
  return render(input, `Uw aanvraag is afgewezen: ${right}`, 'Beste,', [
    p(
      'De lokale beheerder van ',
      b(organisationName),
      ' heeft uw aanvraag voor het gebruikersrecht ',
      b(right),
      ' afgewezen.',
    ),
    ...(reason?.trim() ? [{ kind: 'quote', label: 'Reden', text: reason.trim() } as const] : []),
    p('Hebt u vragen over deze beslissing? Neem dan contact op met de lokale beheerder van uw organisatie.'),
  ]);
}

export interface RequestFailedInput extends WithPreferences {
  organisationName: string;
  right: string;
  portalUrl: string;
}

/** To the requester: the request could not be processed; asking again is possible. */
export function requestFailed(input: RequestFailedInput): EmailContent {
  const { organisationName, right, portalUrl } = input;
  return render(input, `Uw aanvraag kon niet verwerkt worden: ${right}`, 'Beste,', [
    p(
      'Uw aanvraag voor het gebruikersrecht ',
      b(right),
      ' bij ',
      b(organisationName),
      ' kon door een fout niet verwerkt worden. Er werd niets toegekend.',
    ),
    p('U kunt de aanvraag opnieuw indienen op het portaal.'),
    { kind: 'button', href: portalUrl, label: 'Naar het portaal' },
  ]);
}

export interface RequestExpiredInput extends WithPreferences {
  organisationName: string;
  right: string;
}

/** To the requester: nobody decided in time. */
export function requestExpired(input: RequestExpiredInput): EmailContent {
  const { organisationName, right } = input;
  return render(input, `Uw aanvraag is vervallen: ${right}`, 'Beste,', [
    p(
      'Uw aanvraag voor het gebruikersrecht ',
      b(right),
      ' bij ',
      b(organisationName),
      ' werd niet op tijd behandeld en is daarom vervallen.',
    ),
    p(
      'Hebt u het recht nog nodig? Dien dan een nieuwe aanvraag in, of neem contact op met de lokale beheerder van uw organisatie.',
    ),
  ]);
}

export interface ExpiryWarningInput extends WithPreferences {
  /** Whom the e-mail greets; without it, a neutral greeting. */
  recipientName?: string;
  organisationName: string;
  /** Whose relationship or right runs out. */
  personName: string;
  item: ExpiringItem;
  /** The right (item `grant`). */
  right?: string;
  /** Last day (inclusive), `YYYY-MM-DD`. */
  endDate: string;
  daysLeft: number;
  tasksUrl: string;
  /** The person's page in the organisation (for the local administrators). */
  personUrl: string;
}

/** To the person and the local administrators: a work relationship or right runs out soon. */
export function expiryWarning(input: ExpiryWarningInput): EmailContent {
  const { recipientName, organisationName, personName, item, right, endDate, daysLeft, tasksUrl, personUrl } =
    input;
  const date = formatDateNl(endDate);
  const what =
    item === 'relationship'
      ? `werkrelatie van ${personName}`
      : `${right ?? 'gebruikersrecht'} van ${personName}`;
  const when = daysLeft <= 0 ? 'vandaag' : daysLeft === 1 ? 'morgen' : `over ${days(daysLeft)}`;
  return render(
    input,
    `Verloopt ${when}: ${what} (${date})`,
    recipientName ? `Beste ${recipientName},` : 'Beste,',
    [
      p(
        ...capitalise(itemParts(item, personName, organisationName, right)),
        ' is geldig tot en met ',
        b(date),
        `. Dat is ${when}.`,
      ),
      p(
        item === 'relationship'
          ? 'Na die datum vervallen de werkrelatie en de gebruikersrechten die erbij horen, tenzij ze verlengd worden.'
          : 'Na die datum vervalt het gebruikersrecht, tenzij het verlengd wordt.',
      ),
      p(
        'Bent u lokale beheerder? Verleng dan in Gebruikersbeheer bij Mijn taken (taak "Verlengen?"). Bent u geen lokale beheerder, vraag dan aan de lokale beheerder van uw organisatie om te verlengen.',
      ),
      { kind: 'button', href: tasksUrl, label: 'Naar Mijn taken' },
      { kind: 'button', href: personUrl, label: `Naar ${personName}` },
    ],
  );
}

export interface ItemExpiredInput extends WithPreferences {
  organisationName: string;
  personName: string;
  item: ExpiringItem;
  right?: string;
  /** The last day it was valid (inclusive), `YYYY-MM-DD`. */
  endDate: string;
  /** The person's page in the organisation (for the local administrators). */
  personUrl: string;
}

/** To the person and the local administrators: a work relationship or right has run out. */
export function itemExpired(input: ItemExpiredInput): EmailContent {
  const { organisationName, personName, item, right, endDate, personUrl } = input;
  const date = formatDateNl(endDate);
  const what =
    item === 'relationship'
      ? `werkrelatie van ${personName} bij ${organisationName}`
      : `${right ?? 'gebruikersrecht'} van ${personName} bij ${organisationName}`;
  return render(input, `Vervallen: ${what}`, 'Beste,', [
    p(
      ...capitalise(itemParts(item, personName, organisationName, right)),
      ' was geldig tot en met ',
      b(date),
      ' en is nu vervallen.',
    ),
    p(
      item === 'relationship'
        ? 'De gebruikersrechten binnen deze werkrelatie geven geen toegang meer.'
        : 'Dit gebruikersrecht geeft geen toegang meer.',
    ),
    p(
      'Is dat niet de bedoeling? De lokale beheerder kan in Gebruikersbeheer een nieuwe werkrelatie aanmaken of het recht opnieuw toekennen.',
    ),
    { kind: 'button', href: personUrl, label: `Naar ${personName}` },
  ]);
}

export interface DigestLineInput {
  personName: string;
  item: ExpiringItem;
  right?: string;
  /** The last day (inclusive), `YYYY-MM-DD`. */
  endDate: string;
  /** `warning`: it ends on `endDate`; `expired`: it ended then. */
  notice: 'warning' | 'expired';
  /** The person's page in the organisation. */
  personUrl: string;
}

export interface ExpiryDigestInput extends WithPreferences {
  recipientName?: string;
  organisationName: string;
  /** The digest's day, `YYYY-MM-DD`: how long is left counts from it. */
  date: string;
  lines: readonly DigestLineInput[];
  tasksUrl: string;
  /** The recipient's choice, said in the e-mail (`each`: what came in before they chose it). */
  frequency: 'daily' | 'weekly' | 'each';
}

/** "2 gebruikersrechten en 1 werkrelatie", or for one: "dit gebruikersrecht" / "deze werkrelatie". */
function whatRunsOut(lines: readonly DigestLineInput[]): string {
  if (lines.length === 1) return lines[0]?.item === 'grant' ? 'dit gebruikersrecht' : 'deze werkrelatie';
  const grants = lines.filter((l) => l.item === 'grant').length;
  const relationships = lines.length - grants;
  const parts = [
    grants > 0 ? `${grants} ${grants === 1 ? 'gebruikersrecht' : 'gebruikersrechten'}` : '',
    relationships > 0 ? `${relationships} ${relationships === 1 ? 'werkrelatie' : 'werkrelaties'}` : '',
  ].filter(Boolean);
  return parts.join(' en ');
}

function digestItem(line: DigestLineInput, tail: string): ListItem {
  const label: Part[] =
    line.item === 'grant'
      ? ['Gebruikersrecht ', b(line.right ?? 'gebruikersrecht'), ' van ', b(line.personName)]
      : ['Werkrelatie van ', b(line.personName)];
  return { parts: [...label, tail], link: { href: line.personUrl, label: `Naar ${line.personName}` } };
}

const FREQUENCY_SENTENCE: Record<ExpiryDigestInput['frequency'], string> = {
  daily: 'U krijgt dit overzicht op elke dag dat er bij deze organisatie iets afloopt of vervalt.',
  weekly: 'U krijgt dit overzicht elke maandag, met wat er de week ervoor afliep of verviel.',
  each: 'U koos voor elke melding apart: dit overzicht bundelt wat er binnenkwam voor u die keuze maakte.',
};

/**
 * To a local administrator: what ends soon and what ended in one organisation, since their last
 * digest, one line per item with a link to the person's page, and one to Mijn taken.
 */
export function expiryDigest(input: ExpiryDigestInput): EmailContent {
  const { recipientName, organisationName, date, lines, tasksUrl, frequency } = input;
  const shown = lines.slice(0, MAX_DIGEST_LINES_SHOWN);
  const warnings = shown.filter((l) => l.notice === 'warning');
  const expired = shown.filter((l) => l.notice === 'expired');
  const allWarnings = lines.filter((l) => l.notice === 'warning').length;
  const allExpired = lines.length - allWarnings;
  const summary = [
    allWarnings > 0 ? `${allWarnings} ${allWarnings === 1 ? 'loopt' : 'lopen'} binnenkort af` : '',
    allExpired > 0 ? `${allExpired} ${allExpired === 1 ? 'is' : 'zijn'} vervallen` : '',
  ].filter(Boolean);
  const blocks: Block[] = [];
  if (warnings.length > 0) {
    blocks.push(
      p(
        'Bij ',
        b(organisationName),
        warnings.length === 1 ? ' loopt ' : ' lopen ',
        whatRunsOut(warnings),
        ' binnenkort af:',
      ),
      {
        kind: 'list',
        items: warnings.map((line) => {
          const left = daysBetween(date, line.endDate);
          const when = left <= 0 ? 'vandaag' : left === 1 ? 'morgen' : `nog ${days(left)}`;
          return digestItem(line, `: geldig tot en met ${formatDateNl(line.endDate)} (${when})`);
        }),
      },
      p(
        'Verleng wat nog nodig is in Mijn taken (taak "Verlengen?") of op de pagina van de persoon. Wat niet verlengd wordt, vervalt na de laatste dag.',
      ),
      { kind: 'button', href: tasksUrl, label: 'Naar Mijn taken' },
    );
  }
  if (expired.length > 0) {
    blocks.push(
      p(
        'Bij ',
        b(organisationName),
        expired.length === 1 ? ' is ' : ' zijn ',
        whatRunsOut(expired),
        ' vervallen:',
      ),
      {
        kind: 'list',
        items: expired.map((line) =>
          digestItem(line, `: was geldig tot en met ${formatDateNl(line.endDate)}`),
        ),
      },
      p('Is dat niet de bedoeling? Maak een nieuwe werkrelatie aan of ken het recht opnieuw toe.'),
    );
    // Without warnings there is no button above: Mijn taken is one click away all the same.
    if (warnings.length === 0) blocks.push({ kind: 'button', href: tasksUrl, label: 'Naar Mijn taken' });
  }
  if (lines.length > shown.length) {
    blocks.push(
      p(`En nog ${lines.length - shown.length} meer. De taken "Verlengen?" vindt u allemaal in Mijn taken.`),
    );
  }
  blocks.push(p(FREQUENCY_SENTENCE[frequency]));
  return render(
    input,
    `Overzicht ${organisationName}: ${summary.join(', ')}`,
    recipientName ? `Beste ${recipientName},` : 'Beste lokale beheerder,',
    blocks,
  );
}

// ---------------------------------------------------------------------------------------------------
// What follows from the KBO (lib/services/kbo/).

export interface EnterpriseStoppedInput extends WithPreferences {
  recipientName: string;
  organisationName: string;
  /** The day the stopping took effect, `YYYY-MM-DD`; null when the KBO gives none. */
  stoppedOn: string | null;
  /** For the local administrators: how many work relationships were paused. */
  paused?: number;
  /** The organisation's person list (administrators) or the portal (persons). */
  url: string;
  forAdministrator: boolean;
}

/** To the local administrators and the persons: the enterprise is stopped in the KBO, access is paused. */
export function enterpriseStopped(input: EnterpriseStoppedInput): EmailContent {
  const { recipientName, organisationName, stoppedOn, paused = 0, url, forAdministrator } = input;
  const since = stoppedOn ? [' sinds ', b(formatDateNl(stoppedOn))] : [];
  return render(
    input,
    `${organisationName} is stopgezet in de KBO: toegang gepauzeerd`,
    recipientName ? `Beste ${recipientName},` : 'Beste,',
    [
      p(
        'Volgens de Kruispuntbank van Ondernemingen (KBO) is ',
        b(organisationName),
        ' stopgezet',
        ...since,
        '.',
      ),
      forAdministrator
        ? p(
            paused === 1
              ? 'Daarom is 1 werkrelatie gepauzeerd'
              : `Daarom zijn ${paused} werkrelaties gepauzeerd`,
            ' (reden: "onderneming stopgezet in de KBO"). De gebruikersrechten binnen die werkrelaties geven geen toegang meer, tot de onderneming weer actief is.',
          )
        : p(
            'Daarom is uw werkrelatie met ',
            b(organisationName),
            ' gepauzeerd: uw gebruikersrechten voor deze onderneming geven voorlopig geen toegang meer.',
          ),
      p(
        forAdministrator
          ? 'Wordt de onderneming opnieuw actief in de KBO, dan krijgt u een taak om de werkrelaties te hervatten.'
          : 'Is dit niet juist? Neem dan contact op met de lokale beheerder van de onderneming.',
      ),
      { kind: 'button', href: url, label: forAdministrator ? 'Naar de personen' : 'Naar uw toegang' },
    ],
  );
}

export interface EnterpriseActiveAgainInput extends WithPreferences {
  organisationName: string;
  paused: number;
  tasksUrl: string;
}

/** To the local administrators: active again in the KBO; resuming waits in Mijn taken. */
export function enterpriseActiveAgain(input: EnterpriseActiveAgainInput): EmailContent {
  const { organisationName, paused, tasksUrl } = input;
  return render(input, `${organisationName} is opnieuw actief in de KBO`, 'Beste lokale beheerder,', [
    p('Volgens de Kruispuntbank van Ondernemingen (KBO) is ', b(organisationName), ' opnieuw actief.'),
    p(
      paused === 1
        ? '1 werkrelatie werd gepauzeerd toen de onderneming stopgezet was.'
        : `${paused} werkrelaties werden gepauzeerd toen de onderneming stopgezet was.`,
      ' In Mijn taken beslist u of ze hervat worden.',
    ),
    { kind: 'button', href: tasksUrl, label: 'Naar Mijn taken' },
  ]);
}

export interface NoLocalAdministratorInput extends WithPreferences {
  recipientName: string;
  organisationName: string;
  /** The page where a legal representative appoints one. */
  localAdminsUrl: string;
}

/** To the legal representatives we know an address of: the organisation has no local administrator. */
export function noLocalAdministrator(input: NoLocalAdministratorInput): EmailContent {
  const { recipientName, organisationName, localAdminsUrl } = input;
  return render(
    input,
    `${organisationName} heeft geen lokale beheerder meer`,
    recipientName ? `Beste ${recipientName},` : 'Beste,',
    [
      p(b(organisationName), ' heeft in Gebruikersbeheer geen lokale beheerder meer.'),
      p(
        'Zonder lokale beheerder kan niemand personen toevoegen, werkrelaties beheren of gebruikersrechten toekennen. Als wettelijk vertegenwoordiger (volgens de KBO) duidt u een nieuwe lokale beheerder aan.',
      ),
      { kind: 'button', href: localAdminsUrl, label: 'Duid een lokale beheerder aan' },
    ],
  );
}

export interface ReviewOpenedInput extends WithPreferences {
  organisationName: string;
  lines: number;
  closesOn: string;
  reviewUrl: string;
}

/** To the local administrators: a campaign opened; each right to keep or revoke before it closes. */
export function reviewOpened(input: ReviewOpenedInput): EmailContent {
  const { organisationName, lines, closesOn, reviewUrl } = input;
  return render(input, `Toegangsreview voor ${organisationName}`, 'Beste lokale beheerder,', [
    p(
      'Er loopt een toegangsreview voor ',
      b(organisationName),
      lines === 1
        ? ': bevestig of 1 gebruikersrecht nog nodig is.'
        : `: bevestig voor ${lines} gebruikersrechten of ze nog nodig zijn.`,
    ),
    p(`Kies per recht Behouden of Intrekken, uiterlijk op ${formatDateNl(closesOn)}.`),
    { kind: 'button', href: reviewUrl, label: 'Naar de toegangsreview' },
  ]);
}

export interface ReviewReminderInput extends WithPreferences {
  organisationName: string;
  unanswered: number;
  closesOn: string;
  reviewUrl: string;
}

/** To the local administrators: lines still unanswered. */
export function reviewReminder(input: ReviewReminderInput): EmailContent {
  const { organisationName, unanswered, closesOn, reviewUrl } = input;
  return render(input, `Herinnering: toegangsreview voor ${organisationName}`, 'Beste lokale beheerder,', [
    p(
      unanswered === 1
        ? '1 gebruikersrecht in de toegangsreview van '
        : `${unanswered} gebruikersrechten in de toegangsreview van `,
      b(organisationName),
      ` wacht${unanswered === 1 ? '' : 'en'} nog op een antwoord. De review sluit op ${formatDateNl(closesOn)}.`,
    ),
    { kind: 'button', href: reviewUrl, label: 'Naar de toegangsreview' },
  ]);
}
