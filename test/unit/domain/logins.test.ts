import { describe, expect, it } from 'vitest';
import { toSummary } from '#lib/adapters/dynamodb/logins-store';
import { methodFromAmr } from '#lib/domain/logins';

describe('methodFromAmr', () => {
  it.each([
    [['eid'], 'eid'],
    [['sc', 'pin'], 'eid'],
    [['itsme'], 'itsme'],
    [['fas'], 'federaal-token'],
    [['totp'], 'app'],
    [['otp'], 'app'],
    [['sms'], 'sms'],
    [['otp', 'sms'], 'sms'],
    [['EID'], 'eid'],
    [['pwd'], 'other'],
    [[], 'other'],
  ] as const)('%j → %s', (amr, method) => {
    expect(methodFromAmr(amr)).toBe(method);
  });
});

describe('toSummary', () => {
  it('reads the flat per-method attributes, newest method first, and ignores unknown ones', () => {
    expect(
      toSummary({
        pk: 'NRN#x',
        sk: 'LOGINS',
        lastLoginAt: '2026-11-25T10:00:00.000Z',
        lastMethod: 'sms',
        'firstUsedAt#eid': '2026-01-01T10:00:00.000Z',
        'lastUsedAt#eid': '2026-02-01T10:00:00.000Z',
        'count#eid': 3,
        'firstUsedAt#sms': '2026-11-25T10:00:00.000Z',
        'lastUsedAt#sms': '2026-11-25T10:00:00.000Z',
        'count#sms': 1,
        'count#bogus': 5,
      }),
    ).toEqual({
      lastLoginAt: '2026-11-25T10:00:00.000Z',
      lastMethod: 'sms',
      methods: [
        {
          method: 'sms',
          firstUsedAt: '2026-11-25T10:00:00.000Z',
          lastUsedAt: '2026-11-25T10:00:00.000Z',
          count: 1,
        },
        {
          method: 'eid',
          firstUsedAt: '2026-01-01T10:00:00.000Z',
          lastUsedAt: '2026-02-01T10:00:00.000Z',
          count: 3,
        },
      ],
    });
    expect(toSummary({ pk: 'NRN#x', sk: 'LOGINS' })).toBeNull();
  });
});
