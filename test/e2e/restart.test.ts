/**
 * Nothing is lost when the local stack restarts: an approval waiting at the restart is picked up again
 * from DynamoDB state, and approving it afterwards grants the right exactly once.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type LocalStack, startLocalStack } from '#infra/local/stack';
import { DEMO } from '#lib/services/demo-seed';
import { until } from '../support/wait.ts';

const RIGHT = 'VLAIO Inkom Gebruiker Nieuw';

describe('a restart while an approval waits', () => {
  let dataDir: string;
  let stack: LocalStack | undefined;
  afterAll(async () => {
    await stack?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  const start = () => startLocalStack({ port: 0, dataDir, today: '2026-11-26', schedule: false });
  const api = async (method: string, path: string, as: string, body?: unknown) => {
    const token = await stack!.idp.issueUserToken({ nationalNumber: as });
    const res = await fetch(`${stack!.url}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  it('re-drives the waiting approval and grants exactly once', async () => {
    process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
    dataDir = await mkdtemp(join(tmpdir(), 'gebruikersbeheer-restart-'));
    stack = await start();
    const asked = await api('POST', '/me/access-requests', DEMO.emma, {
      enterpriseNumber: DEMO.adviesbureau,
      right: RIGHT,
      profiles: ['Dienstverlener kmo-portefeuille'],
      reason: 'Graag toegang',
    });
    expect(asked.status).toBe(202);
    const tasksPath = `/organisations/${DEMO.adviesbureau}/tasks`;
    await until(async () => (await api('GET', tasksPath, DEMO.sofie)).body.items.length === 1, 15_000, 50);
    expect(stack.workflows.running()).toBe(1);

    await stack.stop();
    stack = await start();
    // The re-driven execution waits again, on the same task.
    await until(async () => stack!.workflows.running() === 1, 15_000, 50);
    const tasks = (await api('GET', tasksPath, DEMO.sofie)).body.items;
    expect(tasks).toHaveLength(1);

    const decided = await api('POST', `${tasksPath}/${tasks[0].taskId}/decision`, DEMO.sofie, {
      decision: 'approve',
      reason: 'Na herstart',
      relationship: {
        category: 'Vaste medewerker',
        startDate: '2026-11-26',
        endDate: '2036-11-25',
        phone: '+3212345678',
        email: 'emma@example.be',
      },
    });
    expect(decided.status).toBe(202);
    await stack.workflows.idle();

    const mine = await api('GET', '/me/access-requests', DEMO.emma);
    expect(mine.body.items.map((r: { status: string }) => r.status)).toEqual(['approved']);
    const persons = await api('GET', `/organisations/${DEMO.adviesbureau}/persons?search=emma`, DEMO.sofie);
    const emma = persons.body.items[0];
    const history = await api(
      'GET',
      `/organisations/${DEMO.adviesbureau}/persons/${emma.personId}/history`,
      DEMO.sofie,
    );
    const actions = history.body.items.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'grant.created')).toHaveLength(1);
    const page = await api('GET', `/organisations/${DEMO.adviesbureau}/persons/${emma.personId}`, DEMO.sofie);
    expect(page.body.grants).toHaveLength(1);
  });
});
