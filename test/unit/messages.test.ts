import { describe, expect, it } from 'vitest';
import {
  type EmailContent,
  escapeHtml,
  expiryWarning,
  formatDateNl,
  itemExpired,
  listNl,
  redactNationalNumbers,
  requestApproved,
  requestExpired,
  requestFailed,
  requestReceived,
  requestRejected,
} from '#lib/services/messages';

/** A name no template may put into HTML unescaped. */
const EVIL = 'Jan <script>alert("x")</script> & Co';
const ORG = 'Boekhouding <Test> NV';

const templates: Record<string, () => EmailContent> = {
  requestReceived: () =>
    requestReceived({
      organisationName: ORG,
      requesterName: EVIL,
      right: 'VLAIO Inkom Gebruiker Nieuw',
      profiles: ['Dienstverlener kmo-portefeuille', 'Gebruiker'],
      tasksUrl: 'https://gebruikersbeheer.example.be/o/0812345603/taken',
    }),
  requestApproved: () =>
    requestApproved({
      organisationName: ORG,
      right: 'VLAIO Inkom Gebruiker Nieuw',
      profiles: ['Dienstverlener kmo-portefeuille'],
      validUntil: '2029-12-31',
      portalUrl: 'https://gebruikersbeheer.example.be/portaal',
    }),
  requestRejected: () =>
    requestRejected({ organisationName: ORG, right: 'VLAIO Inkom Gebruiker Nieuw', reason: EVIL }),
  requestExpired: () => requestExpired({ organisationName: ORG, right: 'VLAIO Inkom Gebruiker Nieuw' }),
  requestFailed: () =>
    requestFailed({
      organisationName: ORG,
      right: 'VLAIO Inkom Gebruiker Nieuw',
      portalUrl: 'https://gebruikersbeheer.example.be/portaal',
    }),
  expiryWarningGrant: () =>
    expiryWarning({
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
  expiryWarningRelationship: () =>
    expiryWarning({
      organisationName: ORG,
      personName: EVIL,
      item: 'relationship',
      endDate: '2029-12-31',
      daysLeft: 1,
      tasksUrl: 'https://gebruikersbeheer.example.be/o/0812345603/taken',
      personUrl: 'https://gebruikersbeheer.example.be/o/0812345603/personen/P1',
    }),
  itemExpiredGrant: () =>
    itemExpired({
      organisationName: ORG,
      personName: EVIL,
      item: 'grant',
      right: 'VLAIO Inkom Gebruiker Nieuw',
      endDate: '2029-12-31',
      personUrl: 'https://gebruikersbeheer.example.be/o/0812345603/personen/P1',
    }),
  itemExpiredRelationship: () =>
    itemExpired({
      organisationName: ORG,
      personName: 'Tom Wouters',
      item: 'relationship',
      endDate: '2029-12-31',
      personUrl: 'https://gebruikersbeheer.example.be/o/0812345603/personen/P1',
    }),
};

describe.each(Object.entries(templates))('%s', (_name, build) => {
  const email = build();

  it('renders a subject, plain text and a complete HTML document, without recipients', () => {
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.text.length).toBeGreaterThan(50);
    expect(email.html).toMatch(/^<!DOCTYPE html>/);
    expect(email.html).toContain('<html lang="nl-BE">');
    expect(email.html).toContain('</html>');
    expect(Object.keys(email).sort()).toEqual(['html', 'subject', 'text']);
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
      ]).toContain(tag);
    }
    expect(email.html).toContain('Boekhouding &lt;Test&gt; NV');
  });

  it('keeps the plain text as written (no entities)', () => {
    expect(email.text).not.toMatch(/&(lt|gt|amp|quot);/);
    expect(email.text).toContain('Boekhouding <Test> NV');
  });

  it('ends with the helpdesk footer', () => {
    for (const body of [email.text, email.html]) {
      expect(body).toContain('1700');
      expect(body).toContain('werkdagen van 9 tot 19 u');
      expect(body).toContain('+32 2 553 1700');
    }
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
    expect(requestRejected({ organisationName: 'X', right: 'R', reason: null }).text).not.toContain('Reden');
    expect(requestRejected({ organisationName: 'X', right: 'R' }).text).not.toContain('Reden');
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

  it('hides a national number someone typed into free text', () => {
    const email = requestRejected({
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
