import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatEnterpriseNumber, parseEnterpriseNumber } from '#lib/domain/enterprise-number';

function codeOf(input: unknown): string | undefined {
  const result = parseEnterpriseNumber(input);
  return result.ok ? undefined : result.code;
}

describe('parseEnterpriseNumber', () => {
  it.each([
    ['0795012394', '0795012394'],
    ['0795.012.394', '0795012394'],
    ['BE 0812.345.603', '0812345603'],
    ['be0812345603', '0812345603'],
    ['1001.234.592', '1001234592'],
    ['0403.019.261', '0403019261'],
  ])('accepts %s', (input, value) => {
    expect(parseEnterpriseNumber(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['0431150351', 'enterprise-number.check-digits'],
    ['2147812701', 'enterprise-number.establishment-unit'],
    ['2.147.812.701', 'enterprise-number.establishment-unit'],
    [795012394, 'enterprise-number.type'],
    [null, 'enterprise-number.type'],
    ['', 'enterprise-number.empty'],
    ['BE', 'enterprise-number.empty'],
    ['795.012.394', 'enterprise-number.length'],
    ['07950123945', 'enterprise-number.length'],
    ['0795-012-394', 'enterprise-number.characters'],
    ['NL0795012394', 'enterprise-number.characters'],
    ['０７９５０１２３９４', 'enterprise-number.characters'],
    ['0795012394BE', 'enterprise-number.characters'],
  ])('refuses %j with %s', (input, code) => {
    expect(codeOf(input)).toBe(code);
  });

  it('explains what an establishment unit number is', () => {
    const result = parseEnterpriseNumber('2147812701');
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('vestigingseenheidsnummer') });
  });

  const valid = fc.integer({ min: 0, max: 19_999_999 }).map((n) => {
    const first8 = String(n).padStart(8, '0');
    return `${first8}${String(97 - (n % 97)).padStart(2, '0')}`;
  });

  it('accepts generated numbers, and round-trips through formatting', () => {
    fc.assert(
      fc.property(valid, (number) => {
        expect(parseEnterpriseNumber(number)).toEqual({ ok: true, value: number });
        const formatted = formatEnterpriseNumber(number);
        expect(formatted).toMatch(/^\d{4}\.\d{3}\.\d{3}$/);
        expect(parseEnterpriseNumber(`BE ${formatted}`)).toEqual({ ok: true, value: number });
      }),
    );
  });

  it('refuses any single-digit change', () => {
    fc.assert(
      fc.property(
        valid,
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (number, pos, delta) => {
          const digits = [...number];
          digits[pos] = String((Number(digits[pos]) + delta) % 10);
          expect(parseEnterpriseNumber(digits.join('')).ok).toBe(false);
        },
      ),
    );
  });

  it('formats', () => {
    expect(formatEnterpriseNumber('0795012394')).toBe('0795.012.394');
  });
});
