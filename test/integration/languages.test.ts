/**
 * The API's problems in four languages (Accept-Language): title, detail and the field messages in
 * French, English and German, the stable code the same in every language, Dutch when nothing (or no
 * language of ours) is asked; through the real handlers, and the local gateway's own refusals over HTTP.
 */
import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '#functions/routes';
import { createGateway } from '#infra/local/gateway';
import { ROOT } from '#infra/local/stack';
import { TokenRejectedError } from '#infra/local/verify-token';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';

const en = { enterpriseNumber: DEMO.adviesbureau };
const UNKNOWN_PERSON = '01JC0000000000000000000000';
/** A valid national number the register does not know. */
const UNKNOWN_TO_REGISTER = '75010100196';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ today: '2026-11-26' });
});

const inLanguage = (header: string | undefined, fn: string, options: Parameters<TestApp['call']>[1]) =>
  app.call(fn, {
    ...options,
    headers: { ...options?.headers, ...(header ? { 'accept-language': header } : {}) },
  });

describe('problems in the caller’s language', () => {
  it('a 404: title and detail in nl, fr, en and de, the same code', async () => {
    const expected = {
      nl: ['Niet gevonden', 'Deze persoon is niet gekend in deze organisatie.'],
      fr: ['Introuvable', 'Cette personne n’est pas connue dans cette organisation.'],
      en: ['Not found', 'This person is not known in this organisation.'],
      de: ['Nicht gefunden', 'Diese Person ist in dieser Organisation nicht bekannt.'],
    };
    for (const [language, [title, detail]] of Object.entries(expected)) {
      const res = await inLanguage(language, 'get-person', {
        as: DEMO.sofie,
        params: { ...en, personId: UNKNOWN_PERSON },
      });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ code: 'person.not-found', title, detail });
      expect(res.body.type).toBe('https://gebruikersbeheer.vlaanderen.be/problemen/person.not-found');
      expect(res.headers['content-language']).toBe(language);
    }
  });

  it('a register that does not know the number: 404 national-register.not-found in the language asked', async () => {
    const res = await inLanguage('fr-BE,fr;q=0.9,nl;q=0.5', 'lookup-national-register', {
      as: DEMO.sofie,
      params: en,
      body: { nationalNumber: UNKNOWN_TO_REGISTER },
    });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      code: 'national-register.not-found',
      title: 'Introuvable',
      detail:
        'Ce numéro de registre national ou numéro BIS n’est pas connu au Registre national. Vérifiez le numéro.',
    });
  });

  it('invalid input: the field messages (the contracts’ and zod’s own) follow, the codes stay', async () => {
    const body = { nationalNumber: '85073003329', nickname: 'x'.repeat(60), colour: 'blue' };
    const answers = await Promise.all(
      ['nl', 'fr', 'en', 'de'].map((language) =>
        inLanguage(language, 'add-person', { as: DEMO.sofie, params: en, body }),
      ),
    );
    for (const res of answers) {
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation-failed');
      expect(res.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
        ['nationalNumber', 'national-number.check-digits'],
        ['nickname', 'too-big'],
        ['colour', 'unknown-field'],
      ]);
    }
    const [nl, fr, english, de] = answers.map((res) => ({
      title: res.body.title,
      detail: res.body.detail,
      messages: res.body.errors.map((e: { message: string }) => e.message),
    }));
    expect(nl).toEqual({
      title: 'Ongeldige invoer',
      detail: 'Eén of meer velden zijn ongeldig.',
      messages: [
        'De controlecijfers van het rijksregisternummer kloppen niet.',
        'De roepnaam mag maximaal 50 tekens lang zijn.',
        'Onbekend veld "colour".',
      ],
    });
    expect(fr).toEqual({
      title: 'Données non valables',
      detail: 'Un ou plusieurs champs ne sont pas valables.',
      messages: [
        'Les chiffres de contrôle du numéro de registre national ne sont pas corrects.',
        'Le nom d’usage peut compter au maximum 50 caractères.',
        'Champ inconnu "colour".',
      ],
    });
    expect(english).toEqual({
      title: 'Invalid input',
      detail: 'One or more fields are invalid.',
      messages: [
        'The check digits of the national register number are not correct.',
        'The preferred name may be at most 50 characters long.',
        'Unknown field "colour".',
      ],
    });
    expect(de).toEqual({
      title: 'Ungültige Eingabe',
      detail: 'Ein oder mehrere Felder sind ungültig.',
      messages: [
        'Die Prüfziffern der Nationalregisternummer stimmen nicht.',
        'Der Rufname darf höchstens 50 Zeichen lang sein.',
        'Unbekanntes Feld "colour".',
      ],
    });
  });

  it('a business rule with values: the period’s years and the dates in the words of each language', async () => {
    const added = await app.call('add-person', {
      as: DEMO.sofie,
      params: en,
      body: { nationalNumber: DEMO.emma },
    });
    expect(added.status).toBe(201);
    const person = { ...en, personId: added.body.personId };
    const relationship = {
      category: 'Vaste medewerker',
      startDate: '2026-11-26',
      endDate: '2036-11-25',
      phone: '+3212345678',
      email: 'emma@example.be',
    };
    const linked = await app.call('create-work-relationship', {
      as: DEMO.sofie,
      params: person,
      body: relationship,
    });
    expect(linked.status).toBe(201);
    // One day more than 10 years through an edit (the contract cannot see the stored start date).
    const edits = await Promise.all(
      ['nl', 'fr', 'en', 'de'].map((language) =>
        inLanguage(language, 'update-work-relationship', {
          as: DEMO.sofie,
          params: person,
          body: { endDate: '2036-11-26' },
          headers: { 'if-match': linked.headers.etag ?? '' },
        }),
      ),
    );
    for (const res of edits) {
      expect(res.status).toBe(422);
      expect(res.body.code).toBe('period.too-long');
      expect(res.body.errors).toMatchObject([{ path: 'endDate', code: 'period.too-long' }]);
    }
    expect(edits.map((r) => [r.body.title, r.body.detail, r.body.errors[0].message])).toEqual([
      ['Regel niet gerespecteerd', 'Maximumperiode = 10 jaar.', 'Een werkrelatie duurt maximaal 10 jaar.'],
      [
        'Règle non respectée',
        'Période maximale = 10 ans.',
        'Une relation de travail dure au maximum 10 ans.',
      ],
      ['Rule not respected', 'Maximum period = 10 years.', 'A work relationship lasts at most 10 years.'],
      [
        'Regel nicht eingehalten',
        'Höchstdauer = 10 Jahre.',
        'Ein Arbeitsverhältnis dauert höchstens 10 Jahre.',
      ],
    ]);
    // A stale version in German: 412, the same code.
    const stale = await inLanguage('de', 'update-work-relationship', {
      as: DEMO.sofie,
      params: person,
      body: { endDate: '2030-01-01' },
      headers: { 'if-match': '"99"' },
    });
    expect(stale.body).toMatchObject({ status: 412, code: 'version-mismatch', title: 'Veraltete Version' });
  });

  it('chooses among the languages asked by their weight; Dutch for none of ours, or none at all', async () => {
    const title = async (header: string | undefined) =>
      (
        await inLanguage(header, 'get-person', {
          as: DEMO.sofie,
          params: { ...en, personId: UNKNOWN_PERSON },
        })
      ).body.title;
    expect(await title('de-DE,de;q=0.9,en;q=0.8')).toBe('Nicht gefunden');
    expect(await title('es-ES,es;q=0.9,en;q=0.7')).toBe('Not found');
    expect(await title('nl;q=0.1,fr;q=0.8')).toBe('Introuvable');
    expect(await title('it')).toBe('Niet gevonden');
    expect(await title(undefined)).toBe('Niet gevonden');
  });

  it('unauthenticated and forbidden in the language asked', async () => {
    const anonymous = await inLanguage('en', 'get-me', {});
    expect(anonymous.body).toMatchObject({ status: 401, code: 'unauthenticated', title: 'Not logged in' });
    const other = await inLanguage('fr', 'list-persons', {
      as: DEMO.sofie,
      params: { enterpriseNumber: DEMO.boekhouding },
    });
    expect(other.body).toMatchObject({
      status: 403,
      code: 'forbidden',
      title: 'Accès refusé',
      detail: 'Vous n’avez pas accès à cette organisation.',
    });
  });
});

describe('the local gateway’s own refusals', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    const handle = createGateway({
      routes,
      root: ROOT,
      accessLog: false,
      verifier: {
        verify: async () => {
          throw new TokenRejectedError('malformed');
        },
      },
    });
    server = createServer((req, res) => {
      handle(req, res).then((handled) => {
        if (!handled) res.writeHead(404).end();
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (path: string, language: string): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, method: 'GET', path, headers: { 'accept-language': language } },
        (res) => {
          let body = '';
          res.on('data', (c: Buffer) => {
            body += c.toString();
          });
          res.on('end', () =>
            resolve({ ...JSON.parse(body), contentLanguage: res.headers['content-language'] }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });

  it('an unknown route and a missing token, in German and in English', async () => {
    expect(await get('/api/no-such-route', 'de')).toMatchObject({
      status: 404,
      code: 'route-not-found',
      title: 'Nicht gefunden',
      detail: 'Diese API-Route existiert nicht.',
      contentLanguage: 'de',
    });
    expect(await get('/api/me', 'en-GB')).toMatchObject({
      status: 401,
      code: 'unauthenticated',
      title: 'Not logged in',
      detail: 'Log in with a valid access token.',
    });
  });
});
