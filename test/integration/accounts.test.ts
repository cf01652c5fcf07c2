/**
 * Logins for the person page's Accounts tab (issue 5): recordLogin against DynamoDB Local, the Cognito
 * pre token generation trigger with the real dependencies, and the tab's own route
 * GET …/persons/{personId}/accounts (`get-person-accounts`): the organisation's administrator only,
 * 404 for a person who is not the organisation's. GET person itself carries no logins (one Query).
 */
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as preTokenGeneration } from '#functions/pre-token-generation/handler';
import { keys } from '#lib/adapters/dynamodb/keys';
import { recordLogin } from '#lib/services/accounts';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { preTokenEvent } from '../support/cognito.ts';

/** Lotte: in the demo register, a member of no organisation; her logins are recorded all the same. */
const LOTTE = DEMO.lotte;

const tokenEvent = (
  triggerSource: PreTokenGenerationV2TriggerEvent['triggerSource'],
  nationalNumber: string,
  amr: string,
  sub = `sub-of-${nationalNumber.slice(0, 4)}`,
) => preTokenEvent({ sub, 'custom:national_number': nationalNumber, 'custom:amr': amr }, triggerSource);

describe('recording logins', () => {
  let app: TestApp;
  let tomId: string;
  beforeAll(async () => {
    app = await createTestApp({ today: '2026-11-26' });
    tomId = (await app.deps.persons.get(app.deps.pseudonymize(DEMO.tom)))!.personId;
  });

  const tomAccounts = () =>
    app.call('get-person-accounts', {
      as: DEMO.marc,
      params: { enterpriseNumber: DEMO.boekhouding, personId: tomId },
    });

  it('answers accounts: null for a person who never logged in', async () => {
    const res = await tomAccounts();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accounts: null });
  });

  it('shows the methods the person used, in ACM’s order, and no times or counts (they concern other organisations too)', async () => {
    await recordLogin(app.deps, { nationalNumber: DEMO.tom, amr: ['eid'], at: '2026-11-20T08:00:00.000Z' });
    await recordLogin(app.deps, { nationalNumber: DEMO.tom, amr: ['itsme'], at: '2026-11-24T09:30:00.000Z' });
    await recordLogin(app.deps, { nationalNumber: DEMO.tom, amr: ['eid'], at: '2026-11-25T13:05:00.000Z' });
    const res = await tomAccounts();
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accounts: { methods: [{ method: 'eid' }, { method: 'itsme' }] } });
    expect(JSON.stringify(res.body)).not.toMatch(/2026-11-|"count"|UsedAt|lastLogin/);
    expect(JSON.stringify(res.body)).not.toContain(DEMO.tom);
  });

  it('GET person stays the plain person page: no logins in it', async () => {
    const page = await app.call('get-person', {
      as: DEMO.marc,
      params: { enterpriseNumber: DEMO.boekhouding, personId: tomId },
    });
    expect(page.status).toBe(200);
    expect(page.body.personId).toBe(tomId);
    expect(page.body).not.toHaveProperty('accounts');
  });

  it('404 for a person of another organisation, as if they did not exist; nothing revealed', async () => {
    // Tom (with logins) is Boekhouding's; Sofie manages Adviesbureau only.
    const res = await app.call('get-person-accounts', {
      as: DEMO.sofie,
      params: { enterpriseNumber: DEMO.adviesbureau, personId: tomId },
    });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, code: 'person.not-found' });
    expect(JSON.stringify(res.body)).not.toMatch(/eid|itsme|2026-11-2/);
  });

  it('404 for an id that is nobody', async () => {
    const res = await app.call('get-person-accounts', {
      as: DEMO.marc,
      params: { enterpriseNumber: DEMO.boekhouding, personId: '01JD0000000000000000000000' },
    });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ code: 'person.not-found' });
  });

  it.each([
    ['Tom himself (a member, no local administrator)', DEMO.tom, DEMO.boekhouding],
    ['Sofie on Boekhouding (another organisation)', DEMO.sofie, DEMO.boekhouding],
    ['Pieter (legal representative, not local administrator)', DEMO.pieter, DEMO.adviesbureau],
  ])('403 for %s', async (_who, as, enterpriseNumber) => {
    const res = await app.call('get-person-accounts', { as, params: { enterpriseNumber, personId: tomId } });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toBe('application/problem+json');
    expect(res.body).toMatchObject({ status: 403, code: 'forbidden' });
    expect(JSON.stringify(res.body)).not.toMatch(/eid|itsme|2026-11-2/);
  });

  it('loses no count when logins are recorded at the same time, and "last" never goes back', async () => {
    const before = (await app.deps.logins.get(app.deps.pseudonymize(LOTTE)))?.methods ?? [];
    expect(before).toEqual([]);
    const amrs = [['eid'], ['totp'], ['sms'], ['fas'], ['itsme']];
    // 40 logins at once, with times out of order (clock skew between functions).
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        recordLogin(app.deps, {
          nationalNumber: LOTTE,
          amr: amrs[i % amrs.length]!,
          at: new Date(Date.UTC(2026, 10, 26, 8, 0, (i * 7) % 40)).toISOString(),
        }),
      ),
    );
    const logins = await app.deps.logins.get(app.deps.pseudonymize(LOTTE));
    expect(logins).not.toBeNull();
    expect(logins!.methods.reduce((sum, m) => sum + m.count, 0)).toBe(40);
    expect(logins!.methods.map((m) => [m.method, m.count]).sort()).toEqual([
      ['app', 8],
      ['eid', 8],
      ['federaal-token', 8],
      ['itsme', 8],
      ['sms', 8],
    ]);
    // Seconds 0..39 were used; the newest (39) wins, whatever the order the writes arrived in.
    expect(logins!.lastLoginAt).toBe('2026-11-26T08:00:39.000Z');
    expect(logins!.methods[0]!.lastUsedAt).toBe('2026-11-26T08:00:39.000Z');
    for (const m of logins!.methods) expect(m.firstUsedAt <= m.lastUsedAt).toBe(true);
  });

  it('keys the logins by the pseudonym: no national number in any key or attribute', async () => {
    const items = await app.snapshot();
    const logins = items.filter((i) => i.type === 'Logins');
    expect(logins.length).toBeGreaterThanOrEqual(2);
    for (const item of logins) {
      expect(String(item.pk)).toMatch(/^NRN#[\w-]+$/);
      expect(item.sk).toBe('LOGINS');
      const text = JSON.stringify(item);
      for (const nn of [DEMO.tom, LOTTE]) expect(text).not.toContain(nn);
    }
    expect(logins.map((i) => i.pk)).toContain(keys.logins(app.deps.pseudonymize(LOTTE)).pk);
  });

  it('the Cognito trigger records a hosted or API login, not a token refresh', async () => {
    const pseudo = app.deps.pseudonymize(DEMO.marc);
    // A refresh before any login of this Cognito user: refused (nothing bound yet), nothing recorded.
    await expect(
      preTokenGeneration(tokenEvent('TokenGeneration_RefreshTokens', DEMO.marc, '["eid"]')),
    ).rejects.toMatchObject({ name: 'TokenRefused' });
    expect(await app.deps.logins.get(pseudo)).toBeNull();

    const out = await preTokenGeneration(tokenEvent('TokenGeneration_HostedAuth', DEMO.marc, '["itsme"]'));
    expect(out.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride).toEqual({
      national_number: DEMO.marc,
      acm_amr: ['itsme'],
    });
    await preTokenGeneration(tokenEvent('TokenGeneration_Authentication', DEMO.marc, 'fas'));
    await preTokenGeneration(tokenEvent('TokenGeneration_RefreshTokens', DEMO.marc, 'fas'));
    const logins = await app.deps.logins.get(pseudo);
    expect(logins?.lastMethod).toBe('federaal-token');
    expect(logins?.methods.map((m) => [m.method, m.count]).sort()).toEqual([
      ['federaal-token', 1],
      ['itsme', 1],
    ]);
  });

  it('the trigger pins a Cognito user to the national number of its first login, in the table, as a pseudonym', async () => {
    const sub = 'cognito-sub-pinned';
    await preTokenGeneration(tokenEvent('TokenGeneration_HostedAuth', DEMO.lucas, 'eid', sub));
    await preTokenGeneration(tokenEvent('TokenGeneration_RefreshTokens', DEMO.lucas, 'eid', sub));
    // Someone changed the attribute (an admin API call, a bad mapping): the next token is refused.
    await expect(
      preTokenGeneration(tokenEvent('TokenGeneration_RefreshTokens', DEMO.jonas, 'eid', sub)),
    ).rejects.toMatchObject({ name: 'TokenRefused' });
    await expect(
      preTokenGeneration(tokenEvent('TokenGeneration_HostedAuth', DEMO.jonas, 'eid', sub)),
    ).rejects.toMatchObject({ name: 'TokenRefused' });
    const binding = (await app.snapshot()).find((i) => i.pk === keys.cognitoBinding(sub).pk)!;
    expect(binding).toMatchObject({ type: 'CognitoBinding', pseudonym: app.deps.pseudonymize(DEMO.lucas) });
    expect(JSON.stringify(binding)).not.toMatch(new RegExp(`${DEMO.lucas}|${DEMO.jonas}`));
  });
});
