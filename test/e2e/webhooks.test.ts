/**
 * Change events from the table to a partner's URL on the local stack, the way they travel in AWS: the
 * change's transaction writes the outbox item, the pipe reads DynamoDB Local's stream, the bus runs the
 * webhook rule's fan-out, the FIFO queue delivers, signed (Standard Webhooks), and a receiver verifies
 * the signature with the `standardwebhooks` library as a partner would. Waits are shortened.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebhookReceiver, type WebhookReceiver } from '#infra/local/webhook-receiver';
import { ChangeEventSchema } from '#lib/contracts/events';
import type { ChangeEvent } from '#lib/domain/events';
import { WEBHOOK_MAX_ATTEMPTS } from '#lib/domain/webhooks';
import { webhookDeps } from '#lib/runtime/webhooks';
import { DEMO } from '#lib/services/demo-seed';
import { createSubscription, removeSubscription, signedHeaders } from '#lib/services/webhooks';
import { startTestStack, type TestStack } from '../support/stack.ts';
import { until } from '../support/wait.ts';

const EMMA = '90041812490';

describe('change events and signed webhooks on the local stack', () => {
  let stack: TestStack;
  let sofie: string;
  const receivers: WebhookReceiver[] = [];
  const api = (path: string) => `${stack.url}/api/organisations/${DEMO.adviesbureau}${path}`;
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(api(path), {
      method,
      headers: {
        authorization: `Bearer ${sofie}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };

  /** A receiver and a subscription to it; `secret` other than the receiver's makes every signature bad. */
  async function subscribe(opts: { types?: string[]; fail?: number; wrongSecret?: boolean } = {}) {
    const wh = webhookDeps();
    const sub = await createSubscription(wh, {
      url: 'http://127.0.0.1:1/placeholder',
      types: opts.types ?? [],
    });
    const receiver = await startWebhookReceiver({
      secret: opts.wrongSecret ? `whsec_${Buffer.alloc(32, 7).toString('base64')}` : sub.secret,
      ...(opts.fail !== undefined ? { fail: opts.fail } : {}),
    });
    receivers.push(receiver);
    await wh.subscriptions.save(sub, { ...sub, url: receiver.url, version: sub.version + 1 });
    return { sub, receiver };
  }

  beforeAll(async () => {
    stack = await startTestStack({
      today: '2026-11-26',
      // Every wait (a retry, the visibility timeout) 20 ms; replays are not deduplicated by the queue.
      events: { delayMs: () => 20, pollMs: 50, dedupWindowMs: 0 },
    });
    sofie = await stack.token(DEMO.sofie);
  });
  afterAll(async () => {
    for (const r of receivers) await r.close();
    await stack?.stop();
  });

  it('delivers each change to a subscriber, in order, signed, with the event id as webhook-id', async () => {
    const { sub, receiver } = await subscribe();
    const other = await subscribe({ types: ['grant.revoked'] });

    const added = await send('POST', '/persons', { nationalNumber: EMMA });
    expect(added.status).toBe(201);
    const id = added.body.personId as string;
    expect(
      (
        await send('POST', `/persons/${id}/work-relationship`, {
          category: 'Vaste medewerker',
          startDate: '2026-11-26',
          endDate: '2036-11-25',
          phone: '+3212345678',
          email: 'emma.willems@example.be',
        })
      ).status,
    ).toBe(201);
    const granted = await send('POST', `/persons/${id}/rights`, {
      right: 'VLAIO Inkom Gebruiker Nieuw',
      profiles: ['Dienstverlener kmo-portefeuille'],
      startDate: '2026-11-26',
      endDate: '2031-11-25',
    });
    expect(granted.status).toBe(201);
    expect(
      (await send('POST', `/persons/${id}/work-relationship/pause`, { reason: 'Ouderschapsverlof' })).status,
    ).toBe(200);

    await until(async () => receiver.received.length >= 3, 15_000);
    await stack.events?.idle();
    const events = receiver.received.map((r) => r.event);
    // Adding a person grants no access: no event. Then the three changes, in the order they were made.
    expect(events.map((e) => e.type)).toEqual([
      'relationship.created',
      'grant.created',
      'relationship.paused',
    ]);
    for (const r of receiver.received) {
      expect(ChangeEventSchema.safeParse(r.event).success).toBe(true);
      expect(r.id).toBe(r.event.id);
      expect(r.duplicate).toBe(false);
      expect(r.headers['webhook-signature']).toMatch(/^v1,/);
      // No national number anywhere in what a partner receives.
      expect(r.body).not.toContain(EMMA);
      expect(JSON.stringify(r.headers)).not.toContain(EMMA);
    }
    expect(events[1]).toMatchObject({
      enterpriseNumber: DEMO.adviesbureau,
      personId: id,
      right: 'VLAIO Inkom Gebruiker Nieuw',
      profiles: ['Dienstverlener kmo-portefeuille'],
      validFrom: '2026-11-26',
      validUntil: '2031-11-25',
    });
    expect(events[0]?.person).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(new Set(events.map((e) => e.person)).size).toBe(1);
    // The other subscriber wanted revocations only.
    expect(other.receiver.received).toEqual([]);

    await removeSubscription(webhookDeps(), sub.subscriptionId);
    await removeSubscription(webhookDeps(), other.sub.subscriptionId);
  });

  it('tries a refused delivery again, and a replay carries the same webhook-id so the receiver recognises it', async () => {
    const { sub, receiver } = await subscribe({ fail: 2 });
    const emma = (await send('GET', '/persons?search=emma')).body.items[0].personId as string;
    expect((await send('POST', `/persons/${emma}/work-relationship/resume`, {})).status).toBe(200);

    await until(async () => receiver.received.length >= 1, 15_000);
    expect(receiver.failedOnPurpose).toBe(2);
    const first = receiver.received[0] as { event: ChangeEvent; duplicate: boolean };
    expect(first.event.type).toBe('relationship.resumed');
    expect(first.duplicate).toBe(false);

    // The bus's archive replays the event: delivered again, under the same id.
    await stack.events?.replay([first.event]);
    await until(async () => receiver.received.length >= 2, 15_000);
    expect(receiver.received[1]).toMatchObject({ id: first.event.id, duplicate: true });
    await removeSubscription(webhookDeps(), sub.subscriptionId);
  });

  it('sets a delivery aside in the dead-letter queue after the last try', async () => {
    const { sub, receiver } = await subscribe({ fail: Number.POSITIVE_INFINITY });
    const before = stack.events?.deadLetters().length ?? 0;
    const emma = (await send('GET', '/persons?search=emma')).body.items[0].personId as string;
    expect(
      (await send('POST', `/persons/${emma}/work-relationship/pause`, { reason: 'Verlof' })).status,
    ).toBe(200);

    const letters = await until(async () => {
      const all = stack.events?.deadLetters() ?? [];
      return all.length > before ? all.slice(before) : null;
    }, 20_000);
    expect(receiver.failedOnPurpose).toBe(WEBHOOK_MAX_ATTEMPTS);
    expect(receiver.received).toEqual([]);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      kind: 'delivery',
      receiveCount: WEBHOOK_MAX_ATTEMPTS,
      delivery: { subscriptionId: sub.subscriptionId, event: { type: 'relationship.paused' } },
    });
    expect(JSON.stringify(letters)).not.toContain(EMMA);
    await removeSubscription(webhookDeps(), sub.subscriptionId);
  });

  it('a receiver refuses a delivery signed with another secret, and a body changed on the way', async () => {
    const { sub, receiver } = await subscribe({ wrongSecret: true });
    const emma = (await send('GET', '/persons?search=emma')).body.items[0].personId as string;
    expect((await send('POST', `/persons/${emma}/work-relationship/resume`, {})).status).toBe(200);
    await until(async () => receiver.rejected >= 1, 15_000);
    expect(receiver.received).toEqual([]);
    await removeSubscription(webhookDeps(), sub.subscriptionId);

    // A body altered after signing: the signature no longer matches.
    const good = await subscribe();
    const body = JSON.stringify({ type: 'grant.revoked' });
    const headers = signedHeaders(good.sub.secret, '01JZZZZZZZZZZZZZZZZZZZZZZZ', new Date(), body);
    const tampered = await fetch(good.receiver.url, {
      method: 'POST',
      headers,
      body: body.replace('revoked', 'created'),
    });
    expect(tampered.status).toBe(401);
    // An old timestamp (a captured delivery sent again later) is refused too.
    const old = new Date(Date.now() - 10 * 60_000);
    const stale = await fetch(good.receiver.url, {
      method: 'POST',
      headers: signedHeaders(good.sub.secret, '01JZZZZZZZZZZZZZZZZZZZZZZZ', old, body),
      body,
    });
    expect(stale.status).toBe(401);
    // The signature is an HMAC-SHA256 over "id.timestamp.body" with the secret's bytes, as the spec says.
    const at = new Date();
    const h = signedHeaders(good.sub.secret, 'msg_1', at, body);
    const key = Buffer.from(good.sub.secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key)
      .update(`msg_1.${Math.floor(at.getTime() / 1000)}.${body}`)
      .digest('base64');
    expect(h['webhook-signature']).toBe(`v1,${expected}`);
    await removeSubscription(webhookDeps(), good.sub.subscriptionId);
  });
});
