/**
 * The authorization matrix: every route of the route table × every persona × an organisation where
 * the persona has a role and one where it has none, over HTTP against the local stack with real
 * tokens. Each request carries an empty body, so an authorized call stops at validation: the whole
 * matrix must leave the table unchanged. A route missing from RULES fails the test.
 */
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Route, routes } from '#functions/routes';
import { localDynamoClientConfig } from '#infra/local/dynamodb-local';
import { ITEM_TYPES } from '#lib/adapters/dynamodb/keys';
import { DEMO } from '#lib/services/demo-seed';
import { startTestStack } from '../support/stack.ts';

type Role = 'admin' | 'representative';
type Rule =
  | { kind: 'public' }
  | { kind: 'user' }
  | { kind: 'service' }
  | { kind: 'helpdesk' }
  | { kind: 'org'; roles: Role[] };

/** Who may call what; the route table is the list of what exists. */
const RULES: Record<string, Rule> = {
  health: { kind: 'public' },
  openapi: { kind: 'public' },
  'get-legal-representatives': { kind: 'public' },
  'list-rights': { kind: 'user' },
  'get-me': { kind: 'user' },
  'get-preferences': { kind: 'user' },
  'update-preferences': { kind: 'user' },
  'get-my-access': { kind: 'user' },
  'check-access': { kind: 'service' },
  'request-access': { kind: 'user' },
  'list-my-requests': { kind: 'user' },
  'list-tasks': { kind: 'org', roles: ['admin'] },
  // A legal representative decides the KBO's tasks for them (the task's kind decides, after the route's check).
  'list-audit': { kind: 'org', roles: ['admin'] },
  'export-audit': { kind: 'org', roles: ['admin'] },
  'list-right-holders': { kind: 'org', roles: ['admin'] },
  'helpdesk-organisation': { kind: 'helpdesk' },
  'helpdesk-person': { kind: 'helpdesk' },
  'helpdesk-access-check': { kind: 'helpdesk' },
  'list-reviews': { kind: 'org', roles: ['admin'] },
  'start-review': { kind: 'org', roles: ['admin'] },
  'update-review-settings': { kind: 'org', roles: ['admin'] },
  'get-review': { kind: 'org', roles: ['admin'] },
  'answer-review-line': { kind: 'org', roles: ['admin'] },
  'keep-remaining-review-lines': { kind: 'org', roles: ['admin'] },
  'decide-task': { kind: 'org', roles: ['admin', 'representative'] },
  'lookup-national-register': { kind: 'org', roles: ['admin'] },
  'add-person': { kind: 'org', roles: ['admin'] },
  'list-persons': { kind: 'org', roles: ['admin'] },
  'get-person': { kind: 'org', roles: ['admin'] },
  'update-person': { kind: 'org', roles: ['admin'] },
  'remove-person': { kind: 'org', roles: ['admin'] },
  'get-work-relationship': { kind: 'org', roles: ['admin'] },
  'get-grant': { kind: 'org', roles: ['admin'] },
  'create-work-relationship': { kind: 'org', roles: ['admin'] },
  'update-work-relationship': { kind: 'org', roles: ['admin'] },
  'delete-work-relationship': { kind: 'org', roles: ['admin'] },
  'extend-work-relationship': { kind: 'org', roles: ['admin'] },
  'pause-work-relationship': { kind: 'org', roles: ['admin'] },
  'resume-work-relationship': { kind: 'org', roles: ['admin'] },
  'grant-right': { kind: 'org', roles: ['admin'] },
  'update-grant': { kind: 'org', roles: ['admin'] },
  'revoke-grant': { kind: 'org', roles: ['admin'] },
  'get-history': { kind: 'org', roles: ['admin'] },
  'get-person-accounts': { kind: 'org', roles: ['admin'] },
  'compare-persons': { kind: 'org', roles: ['admin'] },
  'quick-grant': { kind: 'org', roles: ['admin'] },
  // Bulk work, like the other organisation write routes: the organisation's local administrators only.
  'create-import': { kind: 'org', roles: ['admin'] },
  'confirm-import': { kind: 'org', roles: ['admin'] },
  'create-extension': { kind: 'org', roles: ['admin'] },
  'get-job': { kind: 'org', roles: ['admin'] },
  'export-job-result': { kind: 'org', roles: ['admin'] },
  'list-local-admins': { kind: 'org', roles: ['admin', 'representative'] },
  'appoint-local-admin': { kind: 'org', roles: ['representative'] },
  'remove-local-admin': { kind: 'org', roles: ['representative'] },
};

interface Persona {
  name: string;
  token: () => Promise<string | undefined>;
  kind: 'anonymous' | 'person' | 'service';
  roles: Record<string, Role[]>;
  helpdesk?: boolean;
}

const ORGS = [DEMO.adviesbureau, DEMO.boekhouding] as const;
const SOME_ID = '01HZZZZZZZZZZZZZZZZZZZZZZZ';

describe('authorization matrix over the route table', () => {
  let stack: Awaited<ReturnType<typeof startTestStack>>;
  let personas: Persona[];

  const snapshot = async () => {
    const client = new DynamoDBClient(localDynamoClientConfig(stack.dynamoEndpoint));
    const out = await client.send(new ScanCommand({ TableName: stack.tableName, ConsistentRead: true }));
    client.destroy();
    return (
      (out.Items ?? [])
        .map((i) => unmarshall(i))
        // The register's kept answers are a cache (a refused call may have read the register first).
        .filter((i) => i.type !== ITEM_TYPES.registerRead)
        .sort((a, b) => `${a.pk}|${a.sk}`.localeCompare(`${b.pk}|${b.sk}`))
    );
  };

  const call = async (route: Route, en: string, token: string | undefined) => {
    const path = route.path
      .replace('{enterpriseNumber}', en)
      .replace('{personId}', SOME_ID)
      .replace('{grantId}', SOME_ID)
      .replace('{taskId}', SOME_ID)
      .replace('{rightId}', SOME_ID)
      .replace('{campaignId}', SOME_ID)
      .replace('{jobId}', SOME_ID);
    const hasBody = route.method !== 'GET';
    const res = await fetch(`${stack.url}${path}`, {
      method: route.method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(hasBody ? { 'content-type': 'application/json' } : {}),
      },
      ...(hasBody ? { body: '{}' } : {}),
    });
    await res.arrayBuffer();
    return res.status;
  };

  beforeAll(async () => {
    stack = await startTestStack({ today: '2026-11-26' });
    const serviceToken = await stack.idp.issueServiceToken({
      clientId: 'kmo-portefeuille',
      scope: 'access/check',
    });
    const person = (nationalNumber: string) => () => stack.token(nationalNumber);
    personas = [
      { name: 'anonymous', kind: 'anonymous', token: async () => undefined, roles: {} },
      { name: 'Emma (no rights)', kind: 'person', token: person(DEMO.emma), roles: {} },
      { name: 'Sofie', kind: 'person', token: person(DEMO.sofie), roles: { [DEMO.adviesbureau]: ['admin'] } },
      {
        name: 'Marc',
        kind: 'person',
        token: person(DEMO.marc),
        roles: { [DEMO.boekhouding]: ['admin', 'representative'] },
      },
      {
        name: 'Pieter',
        kind: 'person',
        token: person(DEMO.pieter),
        roles: { [DEMO.adviesbureau]: ['representative'] },
      },
      { name: 'Lotte', kind: 'person', token: person(DEMO.lotte), roles: {} },
      // In the helpdesk group: reads everywhere on the helpdesk routes, writes nowhere.
      { name: 'Hilde (helpdesk)', kind: 'person', token: person(DEMO.hilde), roles: {}, helpdesk: true },
      { name: 'portal service', kind: 'service', token: async () => serviceToken, roles: {} },
    ];
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('has a rule for every route', () => {
    const missing = routes.filter((r) => !(r.fn in RULES)).map((r) => r.fn);
    expect(missing).toEqual([]);
  });

  it('answers every persona on every route as the rules say, and changes nothing', async () => {
    const before = await snapshot();
    const failures: string[] = [];
    for (const route of routes) {
      const rule = RULES[route.fn]!;
      if (rule.kind === 'public') {
        // Public routes answer anyone; the throttled one is called once per organisation.
        for (const en of ORGS) {
          const status = await call(route, en, undefined);
          if (status >= 400 && status !== 404) failures.push(`${route.fn} anonymous ${en}: ${status}`);
        }
        continue;
      }
      for (const persona of personas) {
        const token = await persona.token();
        for (const en of ORGS) {
          const status = await call(route, en, token);
          let expected: 'authorized' | number;
          if (persona.kind === 'anonymous') expected = 401;
          else if (rule.kind === 'service') expected = persona.kind === 'service' ? 'authorized' : 403;
          else if (persona.kind === 'service') expected = 401;
          else if (rule.kind === 'user') expected = 'authorized';
          // The helpdesk reads every organisation on its own routes, and nothing else of theirs.
          else if (rule.kind === 'helpdesk') expected = persona.helpdesk ? 'authorized' : 403;
          else expected = rule.roles.some((r) => persona.roles[en]?.includes(r)) ? 'authorized' : 403;
          const ok =
            expected === 'authorized'
              ? status !== 401 && status !== 403 && status < 500
              : status === expected;
          if (!ok)
            failures.push(
              `${route.method} ${route.path} as ${persona.name} on ${en}: ${status}, expected ${expected}`,
            );
        }
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});
