import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '#lib/services/demo-seed';
import { startTestStack } from '../support/stack.ts';

type Stack = Awaited<ReturnType<typeof startTestStack>>;

describe('the seed story over HTTP against the local stack', () => {
  let stack: Stack;
  let sofie: string;
  const api = (path: string) => `${stack.url}/api/organisations/${DEMO.adviesbureau}${path}`;
  const send = async (
    method: string,
    url: string,
    token: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(url, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    stack = await startTestStack({ today: '2026-11-26' });
    sofie = await stack.token(DEMO.sofie);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('Sofie looks up Emma, adds her, links her for 10 years and grants the right for 5 years', async () => {
    const lookup = await send('POST', api('/national-register-lookups'), sofie, {
      nationalNumber: '90041812490',
    });
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({ firstName: 'Emma', lastName: 'Willems', source: 'VKBP' });

    const added = await send('POST', api('/persons'), sofie, { nationalNumber: '90041812490' });
    expect(added.status).toBe(201);
    expect(added.body.status).toBe('pending');
    const id = added.body.personId as string;

    const linked = await send('POST', api(`/persons/${id}/work-relationship`), sofie, {
      category: 'Vaste medewerker',
      startDate: '2026-11-26',
      endDate: '2036-11-25',
      phone: '+3212345678',
      email: 'emma.willems@example.be',
    });
    expect(linked.status).toBe(201);
    expect(linked.body.status).toBe('active');
    expect(linked.headers.get('etag')).toBe('"1"');

    const granted = await send('POST', api(`/persons/${id}/rights`), sofie, {
      right: 'VLAIO Inkom Gebruiker Nieuw',
      profiles: ['Dienstverlener kmo-portefeuille'],
      startDate: '2026-11-26',
      endDate: '2031-11-25',
    });
    expect(granted.status).toBe(201);

    const page = await send('GET', api(`/persons/${id}`), sofie);
    expect(page.status).toBe(200);
    expect(page.body.grants).toEqual([
      expect.objectContaining({
        right: 'VLAIO Inkom Gebruiker Nieuw',
        profiles: ['Dienstverlener kmo-portefeuille'],
        state: 'active',
      }),
    ]);

    const history = await send('GET', api(`/persons/${id}/history`), sofie);
    expect(history.body.items).toHaveLength(3);
    expect(
      history.body.items.every((e: { actor: { name: string } }) => e.actor.name === 'Sofie Janssens'),
    ).toBe(true);
  });

  it('refuses a request without a valid token with 401 problem+json', async () => {
    const res = await send('GET', api('/persons'), 'not-a-token');
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const forged = await send('GET', api('/persons'), `${sofie.slice(0, -4)}AAAA`);
    expect(forged.status).toBe(401);
  });

  it('gives Marc 403 on another organisation and 404 for an unknown route', async () => {
    const marc = await stack.token(DEMO.marc);
    expect((await send('GET', api('/persons'), marc)).status).toBe(403);
    expect((await send('GET', `${stack.url}/api/nope`, marc)).status).toBe(404);
  });

  it('issues tokens only to people in the register', async () => {
    const res = await fetch(`${stack.url}/idp/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nationalNumber: '80010100103' }),
    });
    expect([400, 404]).toContain(res.status);
  });
});
