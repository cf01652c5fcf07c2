/** Webhook rules (lib/domain/webhooks.ts), the published event schema, and the local event patterns. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OUTBOX_FILTER, WEBHOOK_RULE } from '#functions/events';
import { type EventPattern, matchesPattern } from '#infra/local/event-pattern';
import { CHANGE_EVENT_SCHEMA_FILE, schemaText } from '#infra/local/event-schema';
import type { ChangeEvent } from '#lib/domain/events';
import {
  checkSubscription,
  deliveryGroup,
  retryDelaySeconds,
  subscribes,
  WEBHOOK_MAX_ATTEMPTS,
  type WebhookSubscription,
} from '#lib/domain/webhooks';

const event: ChangeEvent = {
  schemaVersion: 1,
  type: 'grant.revoked',
  id: '01KBM3V7Q0W4C9N5J3Z8D2X6F1',
  time: '2026-11-26T09:14:03.512Z',
  enterpriseNumber: '0795012394',
  person: 'pseudo',
  personId: '01KBM3T2A8R6P1X0Y9Q7W5N3M2',
  right: 'VLAIO Inkom Gebruiker Nieuw',
  grantId: '01KBM3TZ4H3S2J1K0L9M8N7P6Q',
  profiles: ['Gebruiker'],
  validFrom: null,
  validUntil: null,
};

const subscription = (s: Partial<WebhookSubscription>): WebhookSubscription => ({
  subscriptionId: 'S1',
  url: 'https://portaal.example.be/hooks',
  types: [],
  enterpriseNumbers: [],
  secret: 'whsec_x',
  description: '',
  createdAt: '2026-11-26T00:00:00.000Z',
  version: 1,
  ...s,
});

describe('webhook subscriptions', () => {
  it('take https URLs without credentials, known types and enterprise numbers; plain http to this machine only locally', () => {
    expect(
      checkSubscription(
        {
          url: 'https://portaal.example.be/hooks',
          types: ['grant.revoked', 'grant.revoked'],
          enterpriseNumbers: [],
        },
        { allowLocalHttp: false },
      ),
    ).toEqual({ url: 'https://portaal.example.be/hooks', types: ['grant.revoked'], enterpriseNumbers: [] });
    const codes = (
      input: { url: string; types?: string[]; enterpriseNumbers?: string[] },
      allowLocalHttp = false,
    ) => {
      try {
        checkSubscription({ types: [], enterpriseNumbers: [], ...input }, { allowLocalHttp });
        return [];
      } catch (error) {
        return (error as { errors: { code: string }[] }).errors.map((e) => e.code);
      }
    };
    expect(codes({ url: 'http://portaal.example.be/hooks' })).toEqual(['webhook.url-https']);
    expect(codes({ url: 'http://127.0.0.1:4000/hooks' })).toEqual(['webhook.url-https']);
    expect(codes({ url: 'http://127.0.0.1:4000/hooks' }, true)).toEqual([]);
    expect(codes({ url: 'http://portaal.example.be/hooks' }, true)).toEqual(['webhook.url-https']);
    expect(codes({ url: 'https://user:pw@portaal.example.be/hooks' })).toEqual(['webhook.url-credentials']);
    expect(codes({ url: 'niet een url' })).toEqual(['webhook.url']);
    expect(codes({ url: 'https://a.be', types: ['grant.granted'] })).toEqual(['webhook.type-unknown']);
    expect(codes({ url: 'https://a.be', enterpriseNumbers: ['0795.012.394'] })).toEqual([
      'webhook.enterprise-number',
    ]);
  });

  it('get the types and organisations they asked for; an empty list means all', () => {
    expect(subscribes(subscription({}), event)).toBe(true);
    expect(subscribes(subscription({ types: ['grant.revoked'] }), event)).toBe(true);
    expect(subscribes(subscription({ types: ['grant.created'] }), event)).toBe(false);
    expect(subscribes(subscription({ enterpriseNumbers: ['0812345603'] }), event)).toBe(false);
    expect(subscribes(subscription({ enterpriseNumbers: ['0795012394'] }), event)).toBe(true);
  });

  it('keep one person’s deliveries in one group per subscription, by pseudonym', () => {
    expect(deliveryGroup('S1', event)).toBe('S1:pseudo');
    expect(deliveryGroup('S1', { ...event, person: null })).toBe('S1:0795012394');
  });

  it('are tried eight times over about 21 hours, waiting longer each time', () => {
    const waits = Array.from({ length: WEBHOOK_MAX_ATTEMPTS - 1 }, (_, i) => retryDelaySeconds(i + 1));
    expect(WEBHOOK_MAX_ATTEMPTS).toBe(8);
    expect(waits).toEqual([...waits].sort((a, b) => a - b));
    expect(waits.reduce((a, b) => a + b, 0) / 3600).toBeCloseTo(20.9, 0);
    expect(Math.max(...waits)).toBeLessThanOrEqual(43_200);
  });
});

describe('the published event schema', () => {
  it('is the file in the repository (npm run events:schema writes it)', () => {
    expect(readFileSync(CHANGE_EVENT_SCHEMA_FILE, 'utf8')).toBe(schemaText());
  });
});

describe('event patterns, as the local pipe and bus apply them', () => {
  const record = (type: string, eventName = 'INSERT') => ({
    eventName,
    dynamodb: { NewImage: { pk: { S: 'EVENTS#ORG#0795012394' }, type: { S: type } } },
  });

  it('let the pipe pass new outbox items only', () => {
    const filter = OUTBOX_FILTER as unknown as EventPattern;
    expect(matchesPattern(filter, record('ChangeEvent'))).toBe(true);
    expect(matchesPattern(filter, record('ChangeEvent', 'REMOVE'))).toBe(false);
    expect(matchesPattern(filter, record('ChangeEvent', 'MODIFY'))).toBe(false);
    expect(matchesPattern(filter, record('History'))).toBe(false);
    expect(matchesPattern(filter, { eventName: 'INSERT' })).toBe(false);
  });

  it('route our own events to the webhook rule, matching arrays as EventBridge does', () => {
    const rule = WEBHOOK_RULE as unknown as EventPattern;
    expect(matchesPattern(rule, { source: 'gebruikersbeheer', detail: {} })).toBe(true);
    expect(matchesPattern(rule, { source: 'aws.events' })).toBe(false);
    expect(
      matchesPattern({ detail: { profiles: ['Gebruiker'] } }, { detail: { profiles: ['A', 'Gebruiker'] } }),
    ).toBe(true);
    expect(() => matchesPattern({ source: [{ prefix: 'g' }] as never }, { source: 'g' })).toThrow();
  });
});
