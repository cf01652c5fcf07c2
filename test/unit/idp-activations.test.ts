import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActivationStore } from '#infra/local/idp/activations';
import { activationKeyFor, generateIdpKeys, subjectFor } from '#infra/local/idp/keys';

const SOFIE = '82110524249';

describe('login-method activations', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'activations-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('are keyed by an HMAC of the national number that is neither the number nor the token sub', async () => {
    const keys = await generateIdpKeys();
    const key = activationKeyFor(keys, SOFIE);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain(SOFIE);
    expect(key.startsWith(subjectFor(keys, SOFIE))).toBe(false);
    expect(activationKeyFor(keys, SOFIE)).toBe(key);
    expect(activationKeyFor(await generateIdpKeys(), SOFIE)).not.toBe(key);
  });

  it('persist to an owner-only file without the national number, and survive a restart', async () => {
    const keys = await generateIdpKeys();
    const file = join(dir, 'idp', 'activations.json');
    const key = activationKeyFor(keys, SOFIE);
    const store = await createActivationStore(file);
    await store.update(key, (r) => ({
      ...r,
      totp: { secret: 'JBSWY3DPEHPK3PXP', lastCounter: 7, activatedAt: '2026-11-26T10:00:00.000Z' },
    }));
    await store.update(key, (r) => ({
      ...r,
      sms: { phone: '+32470123456', activatedAt: '2026-11-26T10:01:00.000Z' },
    }));

    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(SOFIE);
    expect(JSON.parse(text)).toEqual({
      version: 1,
      accounts: {
        [key]: {
          totp: { secret: 'JBSWY3DPEHPK3PXP', lastCounter: 7, activatedAt: '2026-11-26T10:00:00.000Z' },
          sms: { phone: '+32470123456', activatedAt: '2026-11-26T10:01:00.000Z' },
        },
      },
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);

    const reopened = await createActivationStore(file);
    expect(reopened.get(key)?.totp?.lastCounter).toBe(7);
    expect(reopened.get('other')).toBeUndefined();
  });

  it('serialise updates, so a time step can be used only once', async () => {
    const store = await createActivationStore();
    await store.update('k', () => ({ totp: { secret: 'S', lastCounter: 0, activatedAt: 'x' } }));
    let accepted = 0;
    const use = () =>
      store.update('k', (r) => {
        if (!r.totp || r.totp.lastCounter >= 5) return r;
        accepted += 1;
        return { ...r, totp: { ...r.totp, lastCounter: 5 } };
      });
    await Promise.all([use(), use(), use()]);
    expect(accepted).toBe(1);
  });

  it('hand out copies, so a caller cannot change the store by accident', async () => {
    const store = await createActivationStore();
    await store.update('k', () => ({ sms: { phone: '+32470123456', activatedAt: 'x' } }));
    store.get('k')!.sms!.phone = '+32000000000';
    expect(store.get('k')?.sms?.phone).toBe('+32470123456');
  });
});
