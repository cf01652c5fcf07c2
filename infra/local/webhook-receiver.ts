/**
 * A small webhook receiver: verifies each delivery's Standard Webhooks signature (the `standardwebhooks`
 * library, as a partner would), refuses a bad or stale one with 401, and recognises a second delivery of
 * the same event (a retry, a replay) by its `webhook-id`. Used by the tests and by
 * `npm run webhook-receiver -- --secret whsec_… [--port 4000] [--fail 2]` to watch the events locally.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import type { ChangeEvent } from '#lib/domain/events';

export interface Received {
  id: string;
  event: ChangeEvent;
  /** The same webhook-id came before. */
  duplicate: boolean;
  headers: Record<string, string>;
  body: string;
}

export interface WebhookReceiver {
  url: string;
  received: Received[];
  /** Deliveries refused for their signature. */
  rejected: number;
  /** Tries answered with 500 on purpose (see `fail`). */
  failedOnPurpose: number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startWebhookReceiver(options: {
  secret: string;
  port?: number;
  /** Answer 500 to this many tries first (to see retries), or for ever (`Infinity`). */
  fail?: number;
  onEvent?: (received: Received) => void;
}): Promise<WebhookReceiver> {
  const webhook = new Webhook(options.secret);
  const seen = new Set<string>();
  const state = { received: [] as Received[], rejected: 0, failedOnPurpose: 0 };
  const server: Server = createServer(async (req, res) => {
    const body = await readBody(req);
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]),
    );
    let event: ChangeEvent;
    try {
      event = webhook.verify(body, headers) as ChangeEvent;
    } catch (error) {
      state.rejected += 1;
      res.writeHead(error instanceof WebhookVerificationError ? 401 : 400).end();
      return;
    }
    if (state.failedOnPurpose < (options.fail ?? 0)) {
      state.failedOnPurpose += 1;
      res.writeHead(500).end();
      return;
    }
    const id = headers['webhook-id'] ?? '';
    const received = { id, event, duplicate: seen.has(id), headers, body };
    seen.add(id);
    state.received.push(received);
    options.onEvent?.(received);
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    get received() {
      return state.received;
    },
    get rejected() {
      return state.rejected;
    },
    get failedOnPurpose() {
      return state.failedOnPurpose;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// `npm run webhook-receiver`: prints each event it accepts.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { parseArgs } = await import('node:util');
  const { values } = parseArgs({
    options: { secret: { type: 'string' }, port: { type: 'string' }, fail: { type: 'string' } },
  });
  if (!values.secret?.startsWith('whsec_')) {
    console.error('Gebruik: npm run webhook-receiver -- --secret whsec_… [--port 4000] [--fail N]');
    process.exit(2);
  }
  const receiver = await startWebhookReceiver({
    secret: values.secret,
    port: Number(values.port ?? 4000),
    fail: Number(values.fail ?? 0),
    onEvent: (r) =>
      console.log(
        `${r.duplicate ? 'opnieuw ' : ''}${r.event.time} ${r.event.type} ${r.event.enterpriseNumber}` +
          `${r.event.right ? ` ${r.event.right} [${r.event.profiles.join(', ')}]` : ''}` +
          ` geldig tot ${r.event.validUntil ?? '-'} (${r.id})`,
      ),
  });
  console.log(`Ontvanger luistert op ${receiver.url}; handtekeningen worden nagekeken.`);
}
