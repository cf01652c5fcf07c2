/**
 * The e-mail Gebruikersbeheer sends, in the recipient's language (their preference, Dutch by default;
 * the texts are in lib/services/email-texts.ts): pure functions from facts to subject, plain text and
 * HTML. The caller adds the recipients (`{ to, ...requestApproved(...) }` is an `Email`).
 *
 * - No national number, ever: no template takes one, and free text (names, reasons) passes through
 *   `redactNationalNumbers` in case someone typed one in.
 * - Everything from the outside is HTML-escaped; URLs too, in attributes.
 * - Dates arrive as `YYYY-MM-DD` (calendar days) and are shown as dd/mm/jjjj (in German dd.mm.jjjj).
 * - Both parts say the same and carry the same links; the HTML has inline styles only and no image or
 *   other external resource (mail clients block those), so it reads the same everywhere.
 * - Every e-mail ends with the helpdesk and a link to *Meldingen* (which e-mails one gets, how often),
 *   also sent as the `List-Unsubscribe` header.
 *
 * Every exported function that returns an `EmailContent` is a template: test/e2e/ui-email-links.test.ts
 * fails for one it does not cover.
 */
import { daysBetween } from '#lib/domain/expiry';
import {
  DEFAULT_LANGUAGE,
  formatCalendarDate,
  formatList,
  type Language,
  LOCALES,
} from '#lib/domain/i18n/language';
import { MAX_DIGEST_LINES_SHOWN } from '#lib/domain/notifications';
import type { Email } from '#lib/domain/ports';
import { EMAIL_TEXTS, type EmailTextKey } from '#lib/services/email-texts';

/** An e-mail without its recipients. */
export type EmailContent = Omit<Email, 'to'> & { listUnsubscribe: string };

/**
 * What every template takes: the page where the recipient chooses their e-mails (*Meldingen*), and
 * the recipient's language (Dutch when not given).
 */
export interface WithPreferences {
  preferencesUrl: string;
  language?: Language;
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
export function redactNationalNumbers(value: string, marker = '[verborgen]'): string {
  return value
    .replace(/(?<![\d+])\d{2}\.\d{2}\.\d{2}-\d{3}\.\d{2}(?!\d)/g, marker)
    .replace(/(?<![\d+])\d{11}(?!\d)/g, marker);
}

/** `a`, `a en b`, `a, b en c`. */
export function listNl(items: readonly string[]): string {
  return formatList(items, 'nl');
}

// ---------------------------------------------------------------------------------------------------
// Building blocks: each paragraph is written once and rendered both as text and as HTML.

/** A piece of a paragraph: literal template text, or a value from outside (redacted; escaped in HTML). */
type Part = string | { value: string } | { strong: string };

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

/**
 * A value put into a text: from outside (a name: redacted and escaped), a number or a calendar day
 * (formatted for the language), a list from outside, literal text of ours, or a phrase already built.
 */
type Param =
  | string
  | number
  | { date: string }
  | { list: readonly string[] }
  | { text: string }
  | { parts: Part[] };
type Params = Record<string, Param>;

const FONT = "font-family:Arial,'Helvetica Neue',Helvetica,sans-serif;";

/** The texts of one language, and the building blocks that write in it. */
class Writer {
  readonly texts;
  constructor(readonly language: Language) {
    this.texts = EMAIL_TEXTS[language];
  }

  clean(value: string): string {
    return redactNationalNumbers(value, this.texts.redacted);
  }

  /** A text of the catalogue as parts: `**{x}**` bold, `{x}` a value, `{n, one|other}` by number. */
  parts(key: EmailTextKey, params: Params = {}): Part[] {
    const template = this.texts[key];
    const out: Part[] = [];
    let last = 0;
    for (const m of template.matchAll(/\*\*\{(\w+)\}\*\*|\{(\w+)(?:,\s*([^{}]*))?\}/g)) {
      if (m.index > last) out.push(template.slice(last, m.index));
      last = m.index + m[0].length;
      const name = (m[1] ?? m[2]) as string;
      const value = params[name];
      if (value === undefined) throw new Error(`e-mail text ${key}: no value for {${name}}`);
      if (m[3] !== undefined) {
        const [one = '', other = one] = m[3].split('|');
        const n = Number(value);
        const rule = new Intl.PluralRules(LOCALES[this.language]).select(n);
        out.push((rule === 'one' ? one : other).replace(/#/g, this.number(n)));
      } else if (m[1] !== undefined) out.push({ strong: this.plain(value) });
      else out.push(...this.inline(value));
    }
    if (last < template.length) out.push(template.slice(last));
    return out;
  }

  /** The text alone, values cleaned (a subject, a label). */
  text(key: EmailTextKey, params: Params = {}): string {
    return this.parts(key, params)
      .map((p) => this.partText(p))
      .join('');
  }

  p(key: EmailTextKey, params: Params = {}): Block {
    return { kind: 'p', parts: this.parts(key, params) };
  }

  private number(n: number): string {
    return new Intl.NumberFormat(LOCALES[this.language]).format(n);
  }

  date(date: string): string {
    return formatCalendarDate(date, this.language);
  }

  private plain(value: Param): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return this.number(value);
    if ('date' in value) return this.date(value.date);
    if ('list' in value) return formatList(value.list, this.language);
    if ('text' in value) return value.text;
    return value.parts.map((p) => this.partText(p)).join('');
  }

  private inline(value: Param): Part[] {
    if (typeof value === 'string') return [{ value }];
    if (typeof value === 'object' && 'list' in value)
      return [{ value: formatList(value.list, this.language) }];
    if (typeof value === 'object' && 'parts' in value) return value.parts;
    return [this.plain(value)];
  }

  partText(part: Part): string {
    if (typeof part === 'string') return part;
    if ('value' in part) return this.clean(part.value);
    return this.clean(part.strong);
  }

  partHtml(part: Part): string {
    if (typeof part === 'string') return escapeHtml(part);
    if ('value' in part) return escapeHtml(this.clean(part.value));
    return `<strong>${escapeHtml(this.clean(part.strong))}</strong>`;
  }

  blockText(block: Block): string {
    switch (block.kind) {
      case 'p':
        return block.parts.map((p) => this.partText(p)).join('');
      case 'quote':
        return `${block.label}${this.texts.colon}${this.clean(block.text)}`;
      case 'button':
        return `${block.label}${this.texts.colon}${block.href}`;
      case 'list':
        return block.items
          .map(
            (item) =>
              `- ${item.parts.map((p) => this.partText(p)).join('')}${item.link ? `\n  ${item.link.label}${this.texts.colon}${item.link.href}` : ''}`,
          )
          .join('\n');
    }
  }

  blockHtml(block: Block): string {
    switch (block.kind) {
      case 'p':
        return `<p style="margin:0 0 16px 0;">${block.parts.map((p) => this.partHtml(p)).join('')}</p>`;
      case 'quote':
        return (
          `<p style="margin:0 0 4px 0;font-weight:bold;">${escapeHtml(block.label)}</p>` +
          `<p style="margin:0 0 16px 0;padding:8px 12px;border-left:4px solid #cbd2da;background:#f4f6f8;white-space:pre-line;">${escapeHtml(this.clean(block.text))}</p>`
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
                `<li style="margin:0 0 10px 0;">${item.parts.map((p) => this.partHtml(p)).join('')}` +
                (item.link
                  ? `<br><a href="${escapeHtml(item.link.href)}" style="color:#0055cc;">${escapeHtml(this.clean(item.link.label))}</a>`
                  : '') +
                '</li>',
            )
            .join('') +
          '</ul>'
        );
    }
  }

  /** "Beste Marc,", or without a name the neutral greeting (or the administrators'). */
  greeting(name: string | undefined, fallback: 'greeting' | 'greetingAdmin' = 'greeting'): string {
    return name ? this.text('greetingNamed', { name }) : this.texts[fallback];
  }

  button(href: string, label: EmailTextKey, params: Params = {}): Block {
    return { kind: 'button', href, label: this.text(label, params) };
  }

  /** ' met het profiel P' / ' met de profielen P en Q', nothing without profiles. */
  profiles(profiles: readonly string[]): Param {
    return profiles.length > 0
      ? { parts: this.parts('withProfiles', { count: profiles.length, profiles: { list: profiles } }) }
      : { text: '' };
  }

  /** What runs out, as a noun phrase at the start of a sentence: "De werkrelatie van X met Y". */
  item(item: ExpiringItem, person: string, organisation: string, right?: string): Param {
    const parts =
      item === 'relationship'
        ? this.parts('itemRelationship', { person, organisation })
        : right
          ? this.parts('itemGrant', { right, person, organisation })
          : this.parts('itemGrantUnnamed', { person, organisation });
    const [first, ...rest] = parts;
    return {
      parts: typeof first === 'string' ? [first.charAt(0).toUpperCase() + first.slice(1), ...rest] : parts,
    };
  }

  /** "vandaag", "morgen", "over 30 dagen" (or the digest's "nog 30 dagen"). */
  when(daysLeft: number, inDays: 'whenInDays' | 'digestWhenInDays' = 'whenInDays'): string {
    if (daysLeft <= 0) return this.texts.whenToday;
    if (daysLeft === 1) return this.texts.whenTomorrow;
    return this.text(inDays, { days: daysLeft });
  }

  render(
    { preferencesUrl }: WithPreferences,
    subject: string,
    greeting: string,
    blocks: Block[],
  ): EmailContent {
    const t = this.texts;
    const cleanSubject = this.clean(subject).replace(/\s+/g, ' ').trim();
    const helpdesk = {
      phone: HELPDESK.phone,
      hours: { text: t.helpdeskHours },
      abroad: { text: HELPDESK.abroad },
    };
    const questions = this.parts('footerQuestions', helpdesk);
    const text = [
      greeting,
      ...blocks.map((b) => this.blockText(b)),
      `${t.closing}\nGebruikersbeheer`,
      '--',
      t.footerAutomatic,
      questions.map((p) => this.partText(p)).join(''),
      `${t.footerPreferences}${t.colon}${preferencesUrl}`,
    ]
      .map((line) => this.clean(line))
      .join('\n\n');
    const html = `<!DOCTYPE html>
<html lang="${t.htmlLang}">
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
<p style="margin:0 0 16px 0;">${escapeHtml(this.clean(greeting))}</p>
${blocks.map((b) => this.blockHtml(b)).join('\n')}
<p style="margin:24px 0 0 0;">${escapeHtml(t.closing)}<br>Gebruikersbeheer</p>
</td></tr>
<tr><td style="padding:16px 24px;border-top:1px solid #cbd2da;background:#f4f6f8;${FONT}font-size:13px;line-height:1.5;color:#687483;">
<p style="margin:0 0 8px 0;">${escapeHtml(t.footerAutomatic)}</p>
<p style="margin:0 0 8px 0;">${questions.map((p) => this.partHtml(p)).join('')}</p>
<p style="margin:0;">${escapeHtml(t.footerPreferences)}${escapeHtml(t.colon)}<a href="${escapeHtml(preferencesUrl)}" style="color:#0055cc;">${escapeHtml(t.preferencesLink)}</a>.</p>
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
    return { subject: cleanSubject, text, html, listUnsubscribe: preferencesUrl };
  }
}

const writer = (input: WithPreferences) => new Writer(input.language ?? DEFAULT_LANGUAGE);

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
  const { organisationName: organisation, requesterName, right, profiles, tasksUrl } = input;
  const w = writer(input);
  return w.render(input, w.text('requestReceivedSubject', { right, organisation }), w.texts.greetingAdmin, [
    w.p('requestReceived', { requester: requesterName, right, profiles: w.profiles(profiles), organisation }),
    // The requester's reason stays in the task: an e-mail carries no free text of a stranger.
    w.p('requestReceivedWhere'),
    w.button(tasksUrl, 'toTasks'),
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
  const { organisationName: organisation, right, profiles, validUntil, portalUrl } = input;
  const w = writer(input);
  return w.render(input, w.text('requestApprovedSubject', { right }), w.texts.greeting, [
    w.p('requestApproved', { organisation, right, profiles: w.profiles(profiles) }),
    ...(validUntil ? [w.p('requestApprovedUntil', { date: { date: assertDate(validUntil) } })] : []),
    w.p('requestApprovedStart'),
    w.button(portalUrl, 'toPortal'),
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
  const { organisationName: organisation, right, reason } = input;
  const w = writer(input);
  return w.render(input, w.text('requestRejectedSubject', { right }), w.texts.greeting, [
    w.p('requestRejected', { organisation, right }),
    ...(reason?.trim() ? [{ kind: 'quote', label: w.texts.reason, text: reason.trim() } as const] : []),
    w.p('requestRejectedQuestions'),
  ]);
}

export interface RequestFailedInput extends WithPreferences {
  organisationName: string;
  right: string;
  portalUrl: string;
}

/** To the requester: the request could not be processed; asking again is possible. */
export function requestFailed(input: RequestFailedInput): EmailContent {
  const { organisationName: organisation, right, portalUrl } = input;
  const w = writer(input);
  return w.render(input, w.text('requestFailedSubject', { right }), w.texts.greeting, [
    w.p('requestFailed', { right, organisation }),
    w.p('requestFailedAgain'),
    w.button(portalUrl, 'toPortal'),
  ]);
}

export interface RequestExpiredInput extends WithPreferences {
  organisationName: string;
  right: string;
}

/** To the requester: nobody decided in time. */
export function requestExpired(input: RequestExpiredInput): EmailContent {
  const { organisationName: organisation, right } = input;
  const w = writer(input);
  return w.render(input, w.text('requestExpiredSubject', { right }), w.texts.greeting, [
    w.p('requestExpired', { right, organisation }),
    w.p('requestExpiredAgain'),
  ]);
}

/** A calendar day as the templates take it; anything else is a bug upstream. */
function assertDate(date: string): string {
  formatDateNl(date);
  return date;
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
  const w = writer(input);
  const date = { date: assertDate(endDate) };
  const when = { text: w.when(daysLeft) };
  const what =
    item === 'relationship'
      ? w.text('expiryWarningWhatRelationship', { person: personName })
      : w.text('expiryWarningWhatGrant', { right: right ?? w.texts.rightFallback, person: personName });
  return w.render(
    input,
    w.text('expiryWarningSubject', { when, what: { text: what }, date }),
    w.greeting(recipientName),
    [
      w.p('expiryWarning', { item: w.item(item, personName, organisationName, right), date, when }),
      w.p(item === 'relationship' ? 'expiryWarningAfterRelationship' : 'expiryWarningAfterGrant'),
      w.p('expiryWarningWho'),
      w.button(tasksUrl, 'toTasks'),
      w.button(personUrl, 'toPerson', { name: personName }),
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
  const { organisationName: organisation, personName: person, item, right, endDate, personUrl } = input;
  const w = writer(input);
  const what =
    item === 'relationship'
      ? w.text('itemExpiredWhatRelationship', { person, organisation })
      : w.text('itemExpiredWhatGrant', { right: right ?? w.texts.rightFallback, person, organisation });
  return w.render(input, w.text('itemExpiredSubject', { what: { text: what } }), w.texts.greeting, [
    w.p('itemExpired', {
      item: w.item(item, person, organisation, right),
      date: { date: assertDate(endDate) },
    }),
    w.p(item === 'relationship' ? 'itemExpiredRelationship' : 'itemExpiredGrant'),
    w.p('itemExpiredAgain'),
    w.button(personUrl, 'toPerson', { name: person }),
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
function whatRunsOut(w: Writer, lines: readonly DigestLineInput[]): string {
  if (lines.length === 1)
    return lines[0]?.item === 'grant' ? w.texts.digestOneGrant : w.texts.digestOneRelationship;
  const grants = lines.filter((l) => l.item === 'grant').length;
  const relationships = lines.length - grants;
  return [
    grants > 0 ? w.text('digestGrants', { count: grants }) : '',
    relationships > 0 ? w.text('digestRelationships', { count: relationships }) : '',
  ]
    .filter(Boolean)
    .join(w.texts.digestAnd);
}

function digestItem(w: Writer, line: DigestLineInput, tail: string): ListItem {
  const label =
    line.item === 'grant'
      ? w.parts('digestLineGrant', { right: line.right ?? w.texts.rightFallback, person: line.personName })
      : w.parts('digestLineRelationship', { person: line.personName });
  return {
    parts: [...label, tail],
    link: { href: line.personUrl, label: w.text('toPerson', { name: line.personName }) },
  };
}

const FREQUENCY_SENTENCE = { daily: 'digestDaily', weekly: 'digestWeekly', each: 'digestEach' } as const;

/**
 * To a local administrator: what ends soon and what ended in one organisation, since their last
 * digest, one line per item with a link to the person's page, and one to Mijn taken.
 */
export function expiryDigest(input: ExpiryDigestInput): EmailContent {
  const { recipientName, organisationName: organisation, date, lines, tasksUrl, frequency } = input;
  const w = writer(input);
  const shown = lines.slice(0, MAX_DIGEST_LINES_SHOWN);
  const warnings = shown.filter((l) => l.notice === 'warning');
  const expired = shown.filter((l) => l.notice === 'expired');
  const allWarnings = lines.filter((l) => l.notice === 'warning').length;
  const allExpired = lines.length - allWarnings;
  const summary = [
    allWarnings > 0 ? w.text('digestSummaryWarnings', { count: allWarnings }) : '',
    allExpired > 0 ? w.text('digestSummaryExpired', { count: allExpired }) : '',
  ].filter(Boolean);
  const blocks: Block[] = [];
  if (warnings.length > 0) {
    blocks.push(
      w.p('digestWarnings', {
        organisation,
        count: warnings.length,
        what: { text: whatRunsOut(w, warnings) },
      }),
      {
        kind: 'list',
        items: warnings.map((line) => {
          const when = w.when(daysBetween(date, line.endDate), 'digestWhenInDays');
          return digestItem(
            w,
            line,
            w.text('digestWarningTail', { date: { date: assertDate(line.endDate) }, when: { text: when } }),
          );
        }),
      },
      w.p('digestExtend'),
      w.button(tasksUrl, 'toTasks'),
    );
  }
  if (expired.length > 0) {
    blocks.push(
      w.p('digestExpired', { organisation, count: expired.length, what: { text: whatRunsOut(w, expired) } }),
      {
        kind: 'list',
        items: expired.map((line) =>
          digestItem(w, line, w.text('digestExpiredTail', { date: { date: assertDate(line.endDate) } })),
        ),
      },
      w.p('digestExpiredAgain'),
    );
    // Without warnings there is no button above: Mijn taken is one click away all the same.
    if (warnings.length === 0) blocks.push(w.button(tasksUrl, 'toTasks'));
  }
  if (lines.length > shown.length) blocks.push(w.p('digestMore', { count: lines.length - shown.length }));
  blocks.push(w.p(FREQUENCY_SENTENCE[frequency]));
  return w.render(
    input,
    w.text('digestSubject', { organisation, summary: { text: summary.join(w.texts.digestSummaryJoin) } }),
    w.greeting(recipientName, 'greetingAdmin'),
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
  const {
    recipientName,
    organisationName: organisation,
    stoppedOn,
    paused = 0,
    url,
    forAdministrator,
  } = input;
  const w = writer(input);
  const since = stoppedOn
    ? { parts: w.parts('stoppedSince', { date: { date: assertDate(stoppedOn) } }) }
    : { text: '' };
  return w.render(input, w.text('stoppedSubject', { organisation }), w.greeting(recipientName), [
    w.p('stopped', { organisation, since }),
    forAdministrator ? w.p('stoppedPausedAdmin', { paused }) : w.p('stoppedPausedPerson', { organisation }),
    w.p(forAdministrator ? 'stoppedNextAdmin' : 'stoppedNextPerson'),
    w.button(url, forAdministrator ? 'toPersons' : 'toAccess'),
  ]);
}

export interface EnterpriseActiveAgainInput extends WithPreferences {
  organisationName: string;
  paused: number;
  tasksUrl: string;
}

/** To the local administrators: active again in the KBO; resuming waits in Mijn taken. */
export function enterpriseActiveAgain(input: EnterpriseActiveAgainInput): EmailContent {
  const { organisationName: organisation, paused, tasksUrl } = input;
  const w = writer(input);
  return w.render(input, w.text('activeAgainSubject', { organisation }), w.texts.greetingAdmin, [
    w.p('activeAgain', { organisation }),
    w.p('activeAgainPaused', { paused }),
    w.button(tasksUrl, 'toTasks'),
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
  const { recipientName, organisationName: organisation, localAdminsUrl } = input;
  const w = writer(input);
  return w.render(input, w.text('noAdminSubject', { organisation }), w.greeting(recipientName), [
    w.p('noAdmin', { organisation }),
    w.p('noAdminWhy'),
    w.button(localAdminsUrl, 'appointAdmin'),
  ]);
}

export interface ReviewOpenedInput extends WithPreferences {
  organisationName: string;
  lines: number;
  closesOn: string;
  reviewUrl: string;
}

/** To the local administrators: a campaign opened; each right to keep or revoke before it closes. */
export function reviewOpened(input: ReviewOpenedInput): EmailContent {
  const { organisationName: organisation, lines, closesOn, reviewUrl } = input;
  const w = writer(input);
  return w.render(input, w.text('reviewOpenedSubject', { organisation }), w.texts.greetingAdmin, [
    w.p('reviewOpened', { organisation, lines }),
    w.p('reviewOpenedChoose', { date: { date: assertDate(closesOn) } }),
    w.button(reviewUrl, 'toReview'),
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
  const { organisationName: organisation, unanswered, closesOn, reviewUrl } = input;
  const w = writer(input);
  return w.render(input, w.text('reviewReminderSubject', { organisation }), w.texts.greetingAdmin, [
    w.p('reviewReminder', { unanswered, organisation, date: { date: assertDate(closesOn) } }),
    w.button(reviewUrl, 'toReview'),
  ]);
}
