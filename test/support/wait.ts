/** Waiting in tests: for a condition to hold, and for a free port. No vitest in here. */
import { createServer } from 'node:net';

/**
 * Probes every `intervalMs` until `probe` gives a truthy value and returns it; throws after `ms`.
 */
export async function until<T>(
  probe: () => Promise<T | undefined | null | false>,
  ms = 10_000,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
