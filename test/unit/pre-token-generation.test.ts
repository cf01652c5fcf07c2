import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type BindingCheck,
  createHandler,
  type LoginRecorder,
  parseMethods,
  RECORD_BUDGET_MS,
} from '#functions/pre-token-generation/handler';
import { logger } from '#lib/runtime/logger';
import { preTokenEvent } from '../support/cognito.ts';

const NATIONAL_NUMBER = '85073003328';

/** Logins recorded by the handler under test (the real recorder writes to the table: integration tests). */
const recorded: Parameters<LoginRecorder>[0][] = [];

/** In-memory bindings with the store's semantics (the real one is an UpdateItem: integration tests). */
const bindings = new Map<string, string>();
const bind: BindingCheck = async ({ sub, nationalNumber, firstLogin }) => {
  const bound = bindings.get(sub);
  if (bound === undefined) {
    if (!firstLogin) return 'unbound';
    bindings.set(sub, nationalNumber);
    return 'bound';
  }
  return bound === nationalNumber ? 'bound' : 'mismatch';
};

const handler = createHandler(async (login) => {
  recorded.push(login);
}, bind);

const event = preTokenEvent;

const accessClaims = async (attributes: Record<string, string>) =>
  (await handler(event(attributes))).response.claimsAndScopeOverrideDetails.accessTokenGeneration
    ?.claimsToAddOrOverride;

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  recorded.length = 0;
  bindings.clear();
});

describe('pre token generation (V2_0)', () => {
  it('copies the national number into the access token', async () => {
    const claims = await accessClaims({ 'custom:national_number': NATIONAL_NUMBER });
    expect(claims).toEqual({ national_number: NATIONAL_NUMBER });
  });

  it('adds no national number when the attribute is absent', async () => {
    const result = await handler(event({ given_name: 'Jan' }));
    const access = result.response.claimsAndScopeOverrideDetails.accessTokenGeneration;
    expect(access?.claimsToAddOrOverride).toEqual({});
    expect(access?.claimsToAddOrOverride).not.toHaveProperty('national_number');
  });

  it.each(['', '8507300332', '850730033280', '85.07.30-033.28', 'abcdefghijk'])(
    'leaves out a malformed national number (%j)',
    async (value) => {
      expect(await accessClaims({ 'custom:national_number': value })).not.toHaveProperty('national_number');
    },
  );

  it('passes on the authentication method and level ACM reported, under non-reserved names', async () => {
    const claims = await accessClaims({
      'custom:national_number': NATIONAL_NUMBER,
      'custom:amr': '["eid"]',
      'custom:acr': 'urn:be:vlaanderen:acm:loa:substantial',
    });
    expect(claims).toEqual({
      national_number: NATIONAL_NUMBER,
      acm_amr: ['eid'],
      acm_acr: 'urn:be:vlaanderen:acm:loa:substantial',
    });
    // Cognito does not let a trigger set these; trying would at best be ignored.
    expect(claims).not.toHaveProperty('amr');
    expect(claims).not.toHaveProperty('acr');
  });

  it('only touches the access token and keeps the event otherwise intact', async () => {
    const input = event({ 'custom:national_number': NATIONAL_NUMBER });
    const output = await handler(structuredClone(input));
    expect(output.response.claimsAndScopeOverrideDetails.idTokenGeneration).toBeUndefined();
    expect(output.request).toEqual(input.request);
    expect(output.userName).toBe(input.userName);
  });

  it('logs nothing when the login is recorded, so never the national number', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation(() => {}),
    );
    const write = vi.spyOn(process.stdout, 'write');
    await handler(event({ 'custom:national_number': NATIONAL_NUMBER, 'custom:amr': 'garbage[' }));
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
    expect(write.mock.calls.flat().join('')).not.toContain(NATIONAL_NUMBER);
  });
});

describe('recording the login (Accounts tab)', () => {
  const attributes = { 'custom:national_number': NATIONAL_NUMBER, 'custom:amr': '["itsme"]' };

  it.each(['TokenGeneration_HostedAuth', 'TokenGeneration_Authentication'] as const)(
    'records a login at ACM (%s) with its method',
    async (source) => {
      await handler(event(attributes, source));
      expect(recorded).toEqual([{ nationalNumber: NATIONAL_NUMBER, amr: ['itsme'] }]);
    },
  );

  it('does not record a token refresh: that is no new login', async () => {
    await handler(event(attributes, 'TokenGeneration_HostedAuth'));
    recorded.length = 0;
    const result = await handler(event(attributes, 'TokenGeneration_RefreshTokens'));
    expect(recorded).toEqual([]);
    expect(
      result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride,
    ).toMatchObject({ national_number: NATIONAL_NUMBER });
  });

  it('does not record without a well-formed national number', async () => {
    await handler(event({ 'custom:national_number': '123', 'custom:amr': 'eid' }));
    expect(recorded).toEqual([]);
  });

  it('a failure to record does not block the login; it warns without personal data', async () => {
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => {});
    const failing = createHandler(async () => {
      throw new Error(`table down for NRN ${NATIONAL_NUMBER}`);
    }, bind);
    const result = await failing(event(attributes));
    expect(
      result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride,
    ).toEqual({ national_number: NATIONAL_NUMBER, acm_amr: ['itsme'] });
    expect(warn).toHaveBeenCalledWith('login not recorded', { reason: 'Error' });
    expect(JSON.stringify(warn.mock.calls)).not.toContain(NATIONAL_NUMBER);
  });

  it('a slow table does not hold the login beyond the recording budget', async () => {
    vi.useFakeTimers();
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => {});
    const slow = createHandler(() => new Promise(() => {}), bind);
    const pending = slow(event(attributes));
    await vi.advanceTimersByTimeAsync(RECORD_BUDGET_MS);
    const result = await pending;
    expect(warn).toHaveBeenCalledWith('login not recorded', { reason: 'RecordTimeout' });
    expect(
      result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride,
    ).toMatchObject({ national_number: NATIONAL_NUMBER });
  });
});

describe('parseMethods', () => {
  it.each([
    ['["eid","itsme"]', ['eid', 'itsme']],
    ['[eid, itsme]', ['eid', 'itsme']],
    ['eid itsme', ['eid', 'itsme']],
    ['"eid"', ['eid']],
    ['urn%3Abe%3Aeid', ['urn:be:eid']],
    ['["eid","eid"]', ['eid']],
    ['', []],
    [undefined, []],
    ['[1, {"a":1}]', []],
    ['<script>', []],
  ])('%j → %j', (raw, expected) => {
    expect(parseMethods(raw)).toEqual(expected);
  });

  describe('the national number stays what it was at the first login', () => {
    const OTHER = '90041812490';
    const tokenFor = (nationalNumber: string, source: Parameters<typeof event>[1]) =>
      handler(event({ 'custom:national_number': nationalNumber, 'custom:amr': 'eid' }, source));

    it('the first hosted login binds the user; later logins and refreshes with the same number pass', async () => {
      await tokenFor(NATIONAL_NUMBER, 'TokenGeneration_HostedAuth');
      await expect(tokenFor(NATIONAL_NUMBER, 'TokenGeneration_RefreshTokens')).resolves.toBeDefined();
      await expect(tokenFor(NATIONAL_NUMBER, 'TokenGeneration_Authentication')).resolves.toBeDefined();
    });

    it('another number for the same Cognito user is refused, at a refresh and at a new login alike', async () => {
      const warn = vi.spyOn(logger, 'warn').mockImplementation(() => {});
      await tokenFor(NATIONAL_NUMBER, 'TokenGeneration_HostedAuth');
      for (const source of ['TokenGeneration_RefreshTokens', 'TokenGeneration_HostedAuth'] as const) {
        const refused = tokenFor(OTHER, source);
        await expect(refused).rejects.toMatchObject({ name: 'TokenRefused' });
        await expect(refused).rejects.toThrow(/verschilt van dat bij de eerste aanmelding/);
      }
      expect(recorded.map((r) => r.nationalNumber)).toEqual([NATIONAL_NUMBER]);
      expect(JSON.stringify(warn.mock.calls)).not.toMatch(new RegExp(`${NATIONAL_NUMBER}|${OTHER}`));
      expect(warn).toHaveBeenCalledWith('token refused', {
        reason: 'mismatch',
        triggerSource: 'TokenGeneration_HostedAuth',
      });
    });

    it('a refresh of a user never bound is refused: logging in again binds it', async () => {
      vi.spyOn(logger, 'warn').mockImplementation(() => {});
      await expect(tokenFor(NATIONAL_NUMBER, 'TokenGeneration_RefreshTokens')).rejects.toMatchObject({
        name: 'TokenRefused',
        message: 'Meld u opnieuw aan.',
      });
      await expect(tokenFor(NATIONAL_NUMBER, 'TokenGeneration_HostedAuth')).resolves.toBeDefined();
    });

    it('a table that does not answer refuses the token (fails closed)', async () => {
      const down = createHandler(
        async () => undefined,
        async () => {
          throw new Error('ServiceUnavailable');
        },
      );
      await expect(
        down(event({ 'custom:national_number': NATIONAL_NUMBER }, 'TokenGeneration_HostedAuth')),
      ).rejects.toThrow();
    });
  });
});
