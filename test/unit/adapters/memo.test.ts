/** The KBO's short memory per container: a burst makes one call, a minute at most, failures forgotten. */
import { describe, expect, it } from 'vitest';
import { MAX_KBO_MEMORY_MS, rememberedEnterpriseRegistry } from '#lib/adapters/registries/memo';
import type { Enterprise, EnterpriseRegistry } from '#lib/domain/ports';

const ENTERPRISE: Enterprise = {
  enterpriseNumber: '0795012394',
  name: 'Adviesbureau Voorbeeld BV',
  status: 'active',
  stoppedOn: null,
  legalForm: null,
  legalRepresentatives: [],
};

function counting(fail = false) {
  const calls: string[] = [];
  const inner: EnterpriseRegistry = {
    async getEnterprise(en) {
      calls.push(en);
      await new Promise((r) => setTimeout(r, 5));
      if (fail) throw new Error('down');
      return en === ENTERPRISE.enterpriseNumber ? ENTERPRISE : null;
    },
    async findRepresentations(nn) {
      calls.push(`reps:${nn}`);
      return [];
    },
  };
  return { inner, calls };
}

describe('the KBO, remembered for a minute at most', () => {
  it('a burst of questions about one enterprise makes one call', async () => {
    const { inner, calls } = counting();
    let now = 0;
    const kbo = rememberedEnterpriseRegistry(inner, { ttlMs: 60_000, now: () => now });
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => kbo.getEnterprise(ENTERPRISE.enterpriseNumber)),
    );
    expect(answers.every((a) => a?.name === ENTERPRISE.name)).toBe(true);
    expect(calls).toHaveLength(1);
    now = 59_999;
    await kbo.getEnterprise(ENTERPRISE.enterpriseNumber);
    expect(calls).toHaveLength(1);
    now = 60_000;
    await kbo.getEnterprise(ENTERPRISE.enterpriseNumber);
    expect(calls).toHaveLength(2);
  });

  it('remembers "no such enterprise" too, and each enterprise and person apart', async () => {
    const { inner, calls } = counting();
    const kbo = rememberedEnterpriseRegistry(inner, { ttlMs: 60_000, now: () => 0 });
    expect(await kbo.getEnterprise('0812345603')).toBeNull();
    expect(await kbo.getEnterprise('0812345603')).toBeNull();
    await kbo.getEnterprise(ENTERPRISE.enterpriseNumber);
    await kbo.findRepresentations('75031201557');
    await kbo.findRepresentations('75031201557');
    expect(calls).toEqual(['0812345603', ENTERPRISE.enterpriseNumber, 'reps:75031201557']);
  });

  it('never longer than a minute, whatever is configured', async () => {
    const { inner, calls } = counting();
    let now = 0;
    const kbo = rememberedEnterpriseRegistry(inner, { ttlMs: 10 * MAX_KBO_MEMORY_MS, now: () => now });
    await kbo.getEnterprise(ENTERPRISE.enterpriseNumber);
    now = MAX_KBO_MEMORY_MS;
    await kbo.getEnterprise(ENTERPRISE.enterpriseNumber);
    expect(calls).toHaveLength(2);
  });

  it('0 remembers nothing', async () => {
    const { inner, calls } = counting();
    const kbo = rememberedEnterpriseRegistry(inner, { ttlMs: 0, now: () => 0 });
    await kbo.getEnterprise(ENTERPRISE.enterpriseNumber);
    await kbo.getEnterprise(ENTERPRISE.enterpriseNumber);
    expect(calls).toHaveLength(2);
  });

  it('a failure is not remembered: the next question asks again', async () => {
    const failing = counting(true);
    const kbo = rememberedEnterpriseRegistry(failing.inner, { ttlMs: 60_000, now: () => 0 });
    const burst = await Promise.allSettled([
      kbo.getEnterprise('0795012394'),
      kbo.getEnterprise('0795012394'),
    ]);
    expect(burst.map((b) => b.status)).toEqual(['rejected', 'rejected']);
    expect(failing.calls).toHaveLength(1);
    await kbo.getEnterprise('0795012394').catch(() => undefined);
    expect(failing.calls).toHaveLength(2);
  });
});
