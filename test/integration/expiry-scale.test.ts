/**
 * The expiry sweep at scale and with bad items, through the real ASL on the local runner, which enforces
 * Step Functions' 256 KiB limit on every state's input and output: a day with more due items than one
 * payload can carry completes page by page, and an item that fails for good is reported while the rest
 * of the day, and the record of the day swept, go on.
 */
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { keys } from '#lib/adapters/dynamodb/keys';
import { membershipItems } from '#lib/adapters/dynamodb/memberships-store';
import { type Email, MailRefusedError } from '#lib/domain/ports';
import type { RuntimeDeps } from '#lib/runtime/deps';
import { findDueItems } from '#lib/services/expiry/find-due';
import { observeSweep, type SweepEvent } from '#lib/services/expiry/shared';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { batchPut, personWithDueRight } from '../support/items.ts';

const en = DEMO.boekhouding;
const DAY = '2028-03-01';
/** Warned 60 days ahead. */
const ENDS = '2028-04-30';

let app: TestApp;
afterEach(async () => {
  app.workflows.stop();
  delete process.env.SWEEP_PAGE_SIZE;
  await app.table.client.send(new DeleteTableCommand({ TableName: app.table.tableName }));
});

/** `n` persons of Boekhouding, each with a relationship and a right ending on ENDS, written in batches. */
async function duePersons(
  deps: RuntimeDeps,
  n: number,
  email = (i: number) => `persoon${i}@boekhouding-test.be`,
  endDate = ENDS,
) {
  const items: Record<string, unknown>[] = [];
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const personId = deps.newId();
    ids.push(personId);
    const { aggregate } = personWithDueRight({
      personId,
      grantId: deps.newId(),
      enterpriseNumber: en,
      index: endDate === ENDS ? i : 10_000 + i,
      endDate,
      startDate: '2025-01-01',
      email: email(i),
      pseudonymize: deps.pseudonymize,
    });
    for (const t of membershipItems(deps.tableName, null, aggregate, [], '2025-01-01'))
      if (t.Put?.Item) items.push(t.Put.Item);
  }
  await batchPut(deps.clients.client, deps.tableName, items, 8);
  return ids;
}

async function lastSweep(): Promise<unknown> {
  const out = await app.deps.clients.doc.send(
    new GetCommand({ TableName: app.deps.tableName, Key: keys.sweep(), ConsistentRead: true }),
  );
  return out.Item?.through;
}

describe('a day with more due items than one payload holds', () => {
  const DUE = 1_400;
  const LIMIT = 256 * 1024;

  it(`${DUE} due rights: one page of them all is over 256 KiB and fails the run, as in AWS; pages of 500 fit`, {
    timeout: 240_000,
  }, async () => {
    app = await createTestApp({ today: DAY });
    const ids = await duePersons(app.deps, DUE);

    // One page for the whole day, as FindDue returned before: States.DataLimitExceeded, nothing recorded.
    process.env.SWEEP_PAGE_SIZE = String(DUE);
    await expect(app.workflows.runExpiry({ date: DAY })).rejects.toMatchObject({
      name: 'States.DataLimitExceeded',
    });
    expect(await lastSweep()).toBeUndefined();
    expect(app.outbox).toHaveLength(0);

    // The pages FindDue gives by default, as the state machine asks for them: each under the limit, and
    // together every due item once.
    delete process.env.SWEEP_PAGE_SIZE;
    const seen: string[] = [];
    let page = await findDueItems(app.deps, { input: { date: DAY } });
    let pages = 1;
    for (;;) {
      expect(Buffer.byteLength(JSON.stringify(page))).toBeLessThan(LIMIT);
      seen.push(...page.items.map((i) => i.personId));
      if (!page.cursor) break;
      page = await findDueItems(app.deps, {
        page: { date: DAY, from: DAY, through: DAY, cursor: page.cursor },
      });
      pages += 1;
    }
    expect(pages).toBe(Math.ceil(DUE / 500));
    expect(seen.sort()).toEqual([...ids].sort());
  });

  // The whole run page after page through the ASL, with small pages so that many pages stay quick here.
  it('a day of several pages completes: every item handled once, the day recorded', {
    timeout: 240_000,
  }, async () => {
    const due = 90;
    app = await createTestApp({ today: DAY });
    await duePersons(app.deps, due);
    process.env.SWEEP_PAGE_SIZE = '20';
    const events: SweepEvent[] = [];
    const stop = observeSweep((e) => events.push(e));
    try {
      await app.workflows.runExpiry({ date: DAY });
    } finally {
      stop();
    }
    const handled = events.filter((e) => e.type === 'handled');
    expect(handled).toHaveLength(due);
    expect(new Set(handled.map((e) => (e.type === 'handled' ? e.item.personId : '')))).toHaveProperty(
      'size',
      due,
    );
    expect(handled.every((e) => e.type === 'handled' && e.result.outcome === 'warned')).toBe(true);
    expect(await lastSweep()).toBe(DAY);
    expect(app.outbox.filter((m) => /^persoon\d+@/.test(m.to[0]!))).toHaveLength(due);
  });
});

describe('paging', () => {
  it('pages of one item each give exactly the items of one page, across partitions and within one', async () => {
    app = await createTestApp({ today: DAY });
    await duePersons(app.deps, 5);
    // Two more in another partition: warned 7 days ahead.
    await duePersons(app.deps, 2, (i) => `later${i}@boekhouding-test.be`, '2028-03-08');
    const all = await findDueItems(app.deps, { input: { date: DAY } }, 100);
    expect(all.items).toHaveLength(7);
    expect(new Set(all.items.map((i) => i.endDate))).toEqual(new Set(['2028-03-08', ENDS]));
    expect(all.cursor).toBeNull();
    const paged: unknown[] = [];
    let page = await findDueItems(app.deps, { input: { date: DAY } }, 2);
    paged.push(...page.items);
    while (page.cursor) {
      page = await findDueItems(
        app.deps,
        { page: { date: DAY, from: DAY, through: DAY, cursor: page.cursor } },
        2,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.items);
    }
    expect(paged).toEqual(all.items);
    await expect(
      findDueItems(app.deps, { page: { date: DAY, from: DAY, through: DAY, cursor: 'bm9wZQ' } }),
    ).rejects.toMatchObject({ name: 'ValidationError' });
  });
});

describe('one bad item does not stop the day', () => {
  it('a refused address and a broken item are reported; the other items are handled and the day is recorded', async () => {
    app = await createTestApp({ today: DAY });
    // Marc, Boekhouding's local administrator, with an address of his own there.
    const marc = await app.call('add-person', {
      as: DEMO.marc,
      params: { enterpriseNumber: en },
      body: { nationalNumber: DEMO.marc },
    });
    const linked = await app.call('create-work-relationship', {
      as: DEMO.marc,
      params: { enterpriseNumber: en, personId: marc.body.personId },
      body: {
        category: 'Vaste medewerker',
        startDate: '2025-01-01',
        endDate: '2034-06-30',
        phone: '+3293456780',
        email: 'marc.peeters@boekhouding-test.be',
      },
    });
    expect(linked.status).toBe(201);
    const [good, refused, broken] = await duePersons(app.deps, 3, (i) =>
      i === 1 ? 'zoë@boekhouding-test.be' : `persoon${i}@boekhouding-test.be`,
    );
    // A membership without its register data, as a bug or a bad migration might leave it.
    const member = await app.deps.clients.doc.send(
      new GetCommand({ TableName: app.deps.tableName, Key: keys.membership(en, broken!) }),
    );
    const { person: _gone, ...withoutPerson } = member.Item!;
    await app.deps.clients.doc.send(new PutCommand({ TableName: app.deps.tableName, Item: withoutPerson }));
    // The mail service as SES behaves: an address with a non-ASCII local part is refused for good.
    const sent: Email[] = [];
    app.deps.mailer = {
      async send(email) {
        if (email.to.some((a) => /[^\x21-\x7e]/.test(a.split('@')[0]!)))
          throw new MailRefusedError('MessageRejected');
        sent.push(email);
      },
    };

    await app.workflows.runExpiry({ date: DAY });

    expect(await lastSweep()).toBe(DAY);
    expect(sent.filter((m) => m.to[0] === 'persoon0@boekhouding-test.be')).toHaveLength(1);
    // The administrator still hears of the person whose own address was refused: in the day's digest,
    // one e-mail for both handled items (the broken one has no line: it did not happen).
    const adminMails = sent.filter((m) => m.to[0] === 'marc.peeters@boekhouding-test.be');
    expect(adminMails.map((m) => m.subject)).toEqual([
      'Overzicht Boekhouding Test NV: 2 lopen binnenkort af',
    ]);
    expect(adminMails[0]!.text).toContain('Gebruikersrecht VLAIO Inkom Gebruiker Nieuw van Persoon0 Test');
    expect(adminMails[0]!.text).toContain('Gebruikersrecht VLAIO Inkom Gebruiker Nieuw van Persoon1 Test');
    const report = await app.deps.expiry.failures(DAY);
    expect(report.map((r) => [r.reason, r.itemKey.split('#')[2]])).toEqual(
      expect.arrayContaining([
        ['mail-refused', refused],
        ['failed', broken],
      ]),
    );
    expect(report).toHaveLength(2);
    expect(JSON.stringify(report)).not.toContain('zoë');
    expect(report.map((r) => r.itemKey).join()).not.toContain(good);

    // The next run does not try the refused address again.
    const before = sent.length;
    await app.workflows.runExpiry({ date: DAY });
    expect(sent.length).toBe(before);
  });
});
