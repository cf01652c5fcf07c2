/**
 * A short memory of the KBO's answers in this container: what was asked within the last `ttlMs` (at
 * most a minute) is answered again without a call, and questions asked while the first is on its way
 * wait for that one, so a burst of requests makes one call. A failure is not remembered. The
 * authorisations that depend on the KBO still read it "at the time", give or take that minute.
 */
import type { EnterpriseRegistry } from '#lib/domain/ports';

export const MAX_KBO_MEMORY_MS = 60_000;

export function memoize<K, V>(ask: (key: K) => Promise<V>, ttlMs: number, now: () => number) {
  const kept = new Map<K, { at: number; value: Promise<V> }>();
  return (key: K): Promise<V> => {
    const t = now();
    const hit = kept.get(key);
    if (hit && t - hit.at < ttlMs) return hit.value;
    // Keep the memory small: drop what has gone stale whenever something new is asked.
    for (const [k, v] of kept) if (t - v.at >= ttlMs) kept.delete(k);
    const value = ask(key);
    kept.set(key, { at: t, value });
    value.catch(() => {
      if (kept.get(key)?.value === value) kept.delete(key);
    });
    return value;
  };
}

export function rememberedEnterpriseRegistry(
  inner: EnterpriseRegistry,
  options: { ttlMs: number; now?: () => number },
): EnterpriseRegistry {
  const ttl = Math.min(options.ttlMs, MAX_KBO_MEMORY_MS);
  const now = options.now ?? Date.now;
  return {
    getEnterprise: memoize((en: string) => inner.getEnterprise(en), ttl, now),
    findRepresentations: memoize((nn: string) => inner.findRepresentations(nn), ttl, now),
  };
}
