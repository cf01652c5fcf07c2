import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '#lib/domain/i18n/language';
import { EMAIL_TEXTS } from '#lib/services/email-texts';
import {
  type EmailContent,
  enterpriseActiveAgain,
  enterpriseStopped,
  escapeHtml,
  expiryDigest,
  expiryWarning,
  formatDateNl,
  itemExpired,
  listNl,
  noLocalAdministrator,
  redactNationalNumbers,
  requestApproved,
  requestExpired,
  requestFailed,
  requestReceived,
  requestRejected,
  reviewOpened,
  reviewReminder,
} from '#lib/services/messages';

/** A name no template may put into HTML unescaped. */
const EVIL = 'Jan <script>alert("x")</script> & Co';
const ORG = 'Boekhouding <Test> NV';
const BASE = 'https://gebruikersbeheer.example.be';
const PREFS = { preferencesUrl: `${BASE}/meldingen` };
const PERSON_URL = `${BASE}/o/0812345603/personen/P1`;
const TASKS_URL = `${BASE}/o/0812345603/taken`;

/** A digest of two warnings (a right and a relationship) and one expiry, on 1 November 2029. */
const digest = (overrides: Partial<Parameters<typeof expiryDigest>[0]> = {}) =>
  expiryDigest({
    ...PREFS,
    recipientName: 'Marc Peeters',
    organisationName: ORG,
    date: '2029-11-01',
    frequency: 'daily',
    tasksUrl: TASKS_URL,
    lines: [
      {
        personName: 'Tom Wouters',
        item: 'grant',
        right: 'VLAIO Inkom Gebruiker Nieuw',
        endDate: '2029-12-31',
        notice: 'warning',
        personUrl: PERSON_URL,
      },
      {
        personName: EVIL,
        item: 'relationship',
        endDate: '2029-11-02',
        notice: 'warning',
        personUrl: `${BASE}/o/0812345603/personen/P2`,
      },
      {
        personName: 'Emma Willems',
        item: 'grant',
        right: 'VLAIO Inkom Gebruiker Nieuw',
        endDate: '2029-10-31',
        notice: 'expired',
        personUrl: `${BASE}/o/0812345603/personen/P3`,
      },
    ],
    ...overrides,
  });

const templates: Record<string, (language?: Language) => EmailContent> = {
  requestReceived: (language = 'nl') =>
    requestReceived({
      ...PREFS,
      language,
      organisationName: ORG,
      requesterName: EVIL,
      right: 'VLAIO Inkom Gebruiker Nieuw',
      profiles: ['Dienstverlener kmo-portefeuille', 'Gebruiker'],
      tasksUrl: 'https://gebruikersbeheer.example.be/o/0812345603/taken',
    }),
  requestApproved: (language = 'nl') =>
    requestApproved({
      ...PREFS,
      language,
      organisationName: ORG,
      right: 'VLAIO Inkom Gebruiker Nieuw',
      profiles: ['Dienstverlener kmo-portefeuille'],
      validUntil: '2029-12-31',
      portalUrl: 'https://gebruikersbeheer.example.be/portaal',
    }),
  requestRejected: (language = 'nl') =>
    requestRejected({
      ...PREFS,
      language,
      organisationName: ORG,
      right: 'VLAIO Inkom Gebruiker Nieuw',
      reason: EVIL,
    }),
  requestExpired: (language = 'nl') =>
    requestExpired({ ...PREFS, language, organisationName: ORG, right: 'VLAIO Inkom Gebruiker Nieuw' }),
  requestFailed: (language = 'nl') =>
    requestFailed({
      ...PREFS,
      language,
      organisationName: ORG,
      right: 'VLAIO Inkom Gebruiker Nieuw',
      portalUrl: 'https://gebruikersbeheer.example.be/portaal',
    }),
  expiryWarningGrant: (language = 'nl') =>
    expiryWarning({
      ...PREFS,
      language,
      recipientName: EVIL,
      organisationName: ORG,
      personName: 'Tom Wouters',
      item: 'grant',
      right: 'VLAIO Inkom Gebruiker Nieuw',
      endDate: '2029-12-31',
      daysLeft: 30,
      tasksUrl: 'https://gebruikersbeheer.example.be/o/0812345603/taken',
      personUrl: 'https://gebruikersbeheer.example.be/o/0812345603/personen/P1',
    }),
  expiryWarningRelationship: (language = 'nl') =>
    expiryWarning({
      ...PREFS,
      language,
      organisationName: ORG,
      personName: EVIL,
      item: 'relationship',
      endDate: '2029-12-31',
      daysLeft: 1,
      tasksUrl: 'https://gebruikersbeheer.example.be/o/0812345603/taken',
      personUrl: 'https://gebruikersbeheer.example.be/o/0812345603/personen/P1',
    }),
  itemExpiredGrant: (language = 'nl') =>
    itemExpired({
      ...PREFS,
      language,
      organisationName: ORG,
      personName: EVIL,
      item: 'grant',
      right: 'VLAIO Inkom Gebruiker Nieuw',
      endDate: '2029-12-31',
      personUrl: 'https://gebruikersbeheer.example.be/o/0812345603/personen/P1',
    }),
  itemExpiredRelationship: (language = 'nl') =>
    itemExpired({
      ...PREFS,
      language,
      organisationName: ORG,
      personName: 'Tom Wouters',
      item: 'relationship',
      endDate: '2029-12-31',
      personUrl: 'https://gebruikersbeheer.example.be/o/0812345603/personen/P1',
    }),
  expiryDigest: (language = 'nl') => digest({ language }),
  expiryDigestWeeklyExpiredOnly: (language = 'nl') =>
    digest({
      language,
      frequency: 'weekly',
      lines: [
        {
          personName: EVIL,
          item: 'relationship',
          endDate: '2029-10-31',
          notice: 'expired',
          personUrl: PERSON_URL,
        },
      ],
    }),
  enterpriseStoppedAdministrator: (language = 'nl') =>
    enterpriseStopped({
      ...PREFS,
      language,
      recipientName: EVIL,
      organisationName: ORG,
      stoppedOn: '2031-04-01',
      paused: 3,
      url: `${BASE}/o/0812345603/personen`,
      forAdministrator: true,
    }),
  enterpriseStoppedPerson: (language = 'nl') =>
    enterpriseStopped({
      ...PREFS,
      language,
      recipientName: 'Tom Wouters',
      organisationName: ORG,
      stoppedOn: null,
      url: `${BASE}/portaal`,
      forAdministrator: false,
    }),
  enterpriseActiveAgain: (language = 'nl') =>
    enterpriseActiveAgain({ ...PREFS, language, organisationName: ORG, paused: 1, tasksUrl: TASKS_URL }),
  noLocalAdministrator: (language = 'nl') =>
    noLocalAdministrator({
      ...PREFS,
      language,
      recipientName: EVIL,
      organisationName: ORG,
      localAdminsUrl: `${BASE}/o/0812345603/lokale-beheerders`,
    }),
  reviewOpened: (language = 'nl') =>
    reviewOpened({
      ...PREFS,
      language,
      organisationName: ORG,
      lines: 12,
      closesOn: '2026-12-17',
      reviewUrl: `${BASE}/o/0812345603/toegangsreview`,
    }),
  reviewReminder: (language = 'nl') =>
    reviewReminder({
      ...PREFS,
      language,
      organisationName: ORG,
      unanswered: 1,
      closesOn: '2026-12-17',
      reviewUrl: `${BASE}/o/0812345603/toegangsreview`,
    }),
};

/** What each language's footer and HTML say (the helpdesk, the link to Meldingen). */
const FOOTER: Record<Language, { lang: string; hours: string; preferences: RegExp; link: string }> = {
  nl: {
    lang: 'nl-BE',
    hours: 'werkdagen van 9 tot 19 u',
    preferences: /Welke e-mails u krijgt en hoe vaak, kiest u bij Meldingen: \S+\/meldingen$/,
    link: 'Meldingen',
  },
  fr: {
    lang: 'fr-BE',
    hours: 'les jours ouvrables de 9 h à 19 h',
    preferences: /à quelle fréquence sous Notifications : \S+\/meldingen$/,
    link: 'Notifications',
  },
  en: {
    lang: 'en-GB',
    hours: 'working days from 9 am to 7 pm',
    preferences: /you choose under Notifications: \S+\/meldingen$/,
    link: 'Notifications',
  },
  de: {
    lang: 'de-BE',
    hours: 'werktags von 9 bis 19 Uhr',
    preferences: /wählen Sie unter Benachrichtigungen: \S+\/meldingen$/,
    link: 'Benachrichtigungen',
  },
};

describe.each(
  Object.entries(templates).flatMap(([name, build]) =>
    LANGUAGES.map((language) => [`${name} (${language})`, language, build] as const),
  ),
)('%s', (_name, language, build) => {
  const email = build(language);
  const footer = FOOTER[language];

  it('renders a subject, plain text and a complete HTML document, without recipients', () => {
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text.length).toBeGreaterThan(50);
    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.html).toContain(`<html lang="${footer.lang}">`);
    expect(email.html).toContain('</html>');
    expect(Object.keys(email).sort()).toEqual(['html', 'listUnsubscribe', 'subject', 'text']);
  });

  it("escapes everything from outside in the HTML: no tag but the layout's own", () => {
    expect(email.html).not.toContain('<script');
    expect(email.html).not.toContain('<Test>');
    expect(email.html).not.toContain('<b>');
    const tags = new Set([...email.html.matchAll(/<\/?([a-zA-Z]+)/g)].map((m) => m[1]!.toLowerCase()));
    for (const tag of tags) {
      expect([
        'html',
        'head',
        'meta',
        'title',
        'body',
        'table',
        'tr',
        'td',
        'p',
        'strong',
        'br',
        'a',
        'ul',
        'li',
      ]).toContain(tag);
    }
    expect(email.html).toContain('Boekhouding &lt;Test&gt; NV');
  });

  it('keeps the plain text as written (no entities)', () => {
    expect(email.text).not.toMatch(/&(lt|gt|amp|quot);/);
    expect(email.text).toContain('Boekhouding <Test> NV');
  });

  it('ends with the helpdesk footer and the link to Meldingen, also as List-Unsubscribe', () => {
    for (const body of [email.text, email.html]) {
      expect(body).toContain('1700');
      expect(body).toContain(footer.hours);
      expect(body).toContain('+32 2 553 1700');
    }
    expect(email.text).toMatch(footer.preferences);
    expect(email.html).toContain(`<a href="${BASE}/meldingen" style="color:#0055cc;">${footer.link}</a>`);
    expect(email.listUnsubscribe).toBe(`${BASE}/meldingen`);
  });

  it('has the same links in the plain text as in the HTML', () => {
    const inHtml = [...email.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
    const inText = [...email.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
    expect(new Set(inText)).toEqual(new Set(inHtml));
    expect(inHtml.length).toBeGreaterThan(0);
  });

  it('uses inline CSS only (no style sheet, no external resources)', () => {
    expect(email.html).not.toMatch(/<style|<link|<img|<script/i);
    expect(email.html).toContain('style="');
  });

  it('contains no 11-digit run (no national number) and no ISO date', () => {
    for (const body of [email.subject, email.text, email.html]) {
      expect(body).not.toMatch(/\d{11}/);
      expect(body).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });
});

describe('content', () => {
  it('shows dates as dd/mm/jjjj', () => {
    expect(templates.requestApproved!().text).toContain('31/12/2029');
    expect(templates.expiryWarningGrant!().subject).toContain('31/12/2029');
    expect(templates.expiryWarningGrant!().html).toContain('31/12/2029');
    expect(templates.itemExpiredRelationship!().text).toContain('31/12/2029');
  });

  it('requestReceived names requester, right and profiles and links to the task; no free text of the requester', () => {
    const { text, html } = templates.requestReceived!();
    expect(text).toContain(EVIL);
    expect(text).toContain('Dienstverlener kmo-portefeuille en Gebruiker');
    expect(text).not.toContain('Reden van de aanvraag');
    expect(html).toContain('Jan &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(html).toContain('href="https://gebruikersbeheer.example.be/o/0812345603/taken"');
  });

  it('requestFailed says nothing was granted and that asking again is possible', () => {
    const { subject, text } = templates.requestFailed!();
    expect(subject).toBe('Uw aanvraag kon niet verwerkt worden: VLAIO Inkom Gebruiker Nieuw');
    expect(text).toContain('Er werd niets toegekend.');
    expect(text).toContain('opnieuw indienen');
  });

  it('requestApproved leaves out the validity when it is unknown', () => {
    const email = requestApproved({
      ...PREFS,
      organisationName: 'X',
      right: 'R',
      profiles: ['P'],
      validUntil: null,
      portalUrl: 'https://p.example.be',
    });
    expect(email.text).not.toContain('geldig tot en met');
    expect(email.text).toContain('het profiel P');
  });

  it('requestRejected shows the reason only when there is one', () => {
    expect(templates.requestRejected!().text).toContain(`Reden: ${EVIL}`);
    expect(requestRejected({ ...PREFS, organisationName: 'X', right: 'R', reason: null }).text).not.toContain(
      'Reden',
    );
    expect(requestRejected({ ...PREFS, organisationName: 'X', right: 'R' }).text).not.toContain('Reden');
  });

  it('expiryWarning greets the recipient by name, or neutrally, and says how long is left', () => {
    expect(templates.expiryWarningGrant!().text).toMatch(/^Beste Jan <script>/);
    expect(templates.expiryWarningGrant!().text).toContain('over 30 dagen');
    expect(templates.expiryWarningGrant!().text).toContain('VLAIO Inkom Gebruiker Nieuw');
    const relationship = templates.expiryWarningRelationship!();
    expect(relationship.text).toMatch(/^Beste,/);
    expect(relationship.subject).toMatch(/^Verloopt morgen: werkrelatie van /);
    expect(relationship.text).toContain('werkrelatie');
  });

  it('itemExpired tells what ran out, for a right and for a relationship', () => {
    expect(templates.itemExpiredGrant!().subject).toContain('VLAIO Inkom Gebruiker Nieuw');
    expect(templates.itemExpiredRelationship!().text).toContain('De werkrelatie van Tom Wouters');
  });

  it('expiryDigest: one line per item with a link to the person, Mijn taken once, what is left counted from its day', () => {
    const { subject, text, html } = digest();
    expect(subject).toBe('Overzicht Boekhouding <Test> NV: 2 lopen binnenkort af, 1 is vervallen');
    expect(text).toMatch(/^Beste Marc Peeters,/);
    expect(text).toContain(
      'Bij Boekhouding <Test> NV lopen 1 gebruikersrecht en 1 werkrelatie binnenkort af:',
    );
    expect(text).toContain(
      `- Gebruikersrecht VLAIO Inkom Gebruiker Nieuw van Tom Wouters: geldig tot en met 31/12/2029 (nog 60 dagen)\n  Naar Tom Wouters: ${PERSON_URL}`,
    );
    expect(text).toContain(`- Werkrelatie van ${EVIL}: geldig tot en met 02/11/2029 (morgen)`);
    expect(text).toContain('Bij Boekhouding <Test> NV is dit gebruikersrecht vervallen:');
    expect(text).toContain('Emma Willems: was geldig tot en met 31/10/2029');
    expect(text).toContain('op elke dag dat er bij deze organisatie iets afloopt');
    expect(text.match(/Naar Mijn taken: /g)).toHaveLength(1);
    // Each person's page, and Mijn taken, in the HTML as in the text.
    for (const url of [
      PERSON_URL,
      `${BASE}/o/0812345603/personen/P2`,
      `${BASE}/o/0812345603/personen/P3`,
      TASKS_URL,
    ])
      expect(html).toContain(`href="${url}"`);
    expect(html).toContain('<li style="margin:0 0 10px 0;">Werkrelatie van <strong>Jan &lt;script&gt;');
    expect(html).toContain(`Naar Jan &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co</a>`);
  });

  it('expiryDigest: one of a kind reads in the singular; weekly says Monday; only expired lines still link to Mijn taken', () => {
    const weekly = templates.expiryDigestWeeklyExpiredOnly!();
    expect(weekly.subject).toBe('Overzicht Boekhouding <Test> NV: 1 is vervallen');
    expect(weekly.text).toContain('Bij Boekhouding <Test> NV is deze werkrelatie vervallen:');
    expect(weekly.text).toContain('elke maandag');
    expect(weekly.text).toContain(`Naar Mijn taken: ${TASKS_URL}`);
    const each = digest({ frequency: 'each' });
    expect(each.text).toContain('U koos voor elke melding apart');
  });

  it('expiryDigest: a long digest shows 200 lines and counts the rest', () => {
    const line = (i: number) => ({
      personName: `Persoon ${i}`,
      item: 'grant' as const,
      right: 'VLAIO Inkom Gebruiker Nieuw',
      endDate: '2029-12-31',
      notice: 'warning' as const,
      personUrl: `${BASE}/o/0812345603/personen/P${i}`,
    });
    const long = digest({ lines: Array.from({ length: 250 }, (_, i) => line(i)) });
    expect(long.subject).toContain('250 lopen binnenkort af');
    expect(long.text.match(/^- Gebruikersrecht/gm)).toHaveLength(200);
    expect(long.text).toContain('En nog 50 meer.');
  });

  it('hides a national number someone typed into free text', () => {
    const email = requestRejected({
      ...PREFS,
      organisationName: 'X',
      right: 'R',
      reason: 'Uw rijksregisternummer is 90041812490 (90.04.18-124.90).',
    });
    for (const body of [email.text, email.html]) {
      expect(body).not.toContain('90041812490');
      expect(body).not.toContain('90.04.18-124.90');
      expect(body).toContain('[verborgen]');
    }
  });
});

describe('in the recipient’s language', () => {
  it('has every text in the four languages, with the values and plurals of the Dutch', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
    const nl = EMAIL_TEXTS.nl;
    for (const language of LANGUAGES) {
      const texts = EMAIL_TEXTS[language];
      expect(Object.keys(texts).sort()).toEqual(Object.keys(nl).sort());
      for (const [key, text] of Object.entries(texts)) {
        expect(text.trim().length > 0 || key === 'digestSummaryJoin', `${language} ${key}`).toBe(true);
        expect(names(text), `${language} ${key}`).toEqual(names(nl[key as keyof typeof nl]));
        // The same word in both languages by nature: German "morgen" and "[verborgen]", the separators.
        const same = ['digestSummaryJoin', 'colon', 'de:whenTomorrow', 'de:redacted'];
        if (language !== 'nl' && !same.includes(key) && !same.includes(`${language}:${key}`))
          expect(text, `${language} ${key} is not translated`).not.toBe(nl[key as keyof typeof nl]);
      }
    }
  });

  it('writes French, English and German, with the dates and plurals of each', () => {
    const fr = templates.expiryWarningGrant!('fr');
    expect(fr.subject).toBe('Expire dans 30 jours : VLAIO Inkom Gebruiker Nieuw de Tom Wouters (31/12/2029)');
    expect(fr.text).toContain('Le droit d’utilisateur VLAIO Inkom Gebruiker Nieuw de Tom Wouters chez');
    expect(fr.text).toContain('Vers Mes tâches : https://');
    const en = digest({ language: 'en' });
    expect(en.subject).toBe('Summary Boekhouding <Test> NV: 2 end soon, 1 has expired');
    expect(en.text).toContain('At Boekhouding <Test> NV, 1 user right and 1 work relationship end soon:');
    expect(en.text).toContain('(60 days left)');
    expect(en.text).toMatch(/^Dear Marc Peeters,/);
    const de = templates.requestApproved!('de');
    expect(de.subject).toBe('Ihr Antrag wurde genehmigt: VLAIO Inkom Gebruiker Nieuw');
    expect(de.text).toContain('Das Recht gilt bis einschließlich 31.12.2029.');
    expect(de.text).toContain('mit dem Profil Dienstverlener kmo-portefeuille');
    const received = templates.requestReceived!('fr');
    expect(received.text).toContain('avec les profils Dienstverlener kmo-portefeuille et Gebruiker');
    expect(templates.reviewReminder!('de').text).toContain('1 Benutzerrecht in der Zugriffsüberprüfung');
    expect(templates.enterpriseStoppedAdministrator!('fr').text).toContain(
      'C’est pourquoi 3 relations de travail ont été suspendues',
    );
  });

  it('hides a national number with the marker of the language', () => {
    const email = requestRejected({
      ...PREFS,
      language: 'en',
      organisationName: 'X',
      right: 'R',
      reason: '90041812490',
    });
    expect(email.text).toContain('Reason: [hidden]');
    expect(email.text).not.toContain('90041812490');
  });
});

describe('helpers', () => {
  it('formatDateNl turns YYYY-MM-DD into dd/mm/jjjj', () => {
    expect(formatDateNl('2029-12-31')).toBe('31/12/2029');
    expect(formatDateNl('2026-01-05')).toBe('05/01/2026');
    expect(() => formatDateNl('31/12/2029')).toThrow();
  });

  it('escapeHtml escapes the five characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('listNl joins the Dutch way', () => {
    expect(listNl([])).toBe('');
    expect(listNl(['a'])).toBe('a');
    expect(listNl(['a', 'b'])).toBe('a en b');
    expect(listNl(['a', 'b', 'c'])).toBe('a, b en c');
  });

  it('redactNationalNumbers leaves dates, short numbers and international phone numbers alone', () => {
    expect(redactNationalNumbers('31/12/2029, dossier 12345, +32470123456')).toBe(
      '31/12/2029, dossier 12345, +32470123456',
    );
    expect(redactNationalNumbers('x 85490201120 y')).toBe('x [verborgen] y');
  });
});
