/**
 * Every change emits exactly the events documented (docs/events.md, "What each change emits"): this test
 * reads that table and runs each row through the real handlers and workflows against DynamoDB Local,
 * comparing the events the change's transaction wrote to its outbox with the row. A route of the route
 * table that changes something but has no row fails the test, as does a row without a scenario here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routes } from '#functions/routes';
import { changeEventsPage } from '#lib/adapters/dynamodb/events-store';
import { ChangeEventSchema } from '#lib/contracts/events';
import type { ChangeEvent } from '#lib/domain/events';
import { addDays } from '#lib/domain/period';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';
import { until } from '../support/wait.ts';

const VLAIO = 'VLAIO Inkom Gebruiker Nieuw';
const SP = 'Dienstverlener kmo-portefeuille';
const ORGS = [DEMO.adviesbureau, DEMO.boekhouding, DEMO.consultancy];

interface Row {
  change: string;
  case: string;
  events: string[];
}

/** The table of docs/events.md, row by row. */
function documentedRows(): Row[] {
  const text = readFileSync(resolve(import.meta.dirname, '../../docs/events.md'), 'utf8');
  const section = text.split('## What each change emits')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => /^\| (`|workflow)/.test(line))
    .map((line) => {
      const [change = '', kase = '', events = ''] = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim());
      return {
        change: change.replaceAll('`', ''),
        case: kase,
        events: events === '—' ? [] : events.split(',').map((e) => e.trim().replaceAll('`', '')),
      };
    });
}

const rowKey = (r: Pick<Row, 'change' | 'case'>) => `${r.change} | ${r.case}`;

let app: TestApp;

/** Every event in the three demo organisations' outboxes, by id. */
async function allEvents(): Promise<Map<string, ChangeEvent>> {
  const table = { db: app.deps.clients.doc, tableName: app.deps.tableName };
  const out = new Map<string, ChangeEvent>();
  for (const en of ORGS) {
    let cursor: string | undefined;
    do {
      const page = await changeEventsPage(table, en, {
        limit: 100,
        consistent: true,
        ...(cursor ? { cursor } : {}),
      });
      for (const e of page.items) out.set(e.id, e);
      cursor = page.cursor ?? undefined;
    } while (cursor);
  }
  return out;
}

/**
 * The events `change` wrote, in the order they were made (their ids sort so). A change that a workflow
 * completes waits for it inside `change` (an approval waiting for a decision keeps the runner busy).
 */
async function eventsOf(change: () => Promise<unknown>): Promise<ChangeEvent[]> {
  const before = await allEvents();
  await change();
  const after = await allEvents();
  return [...after.values()].filter((e) => !before.has(e.id)).sort((a, b) => a.id.localeCompare(b.id));
}

const personId = async (nationalNumber: string) =>
  (await app.deps.persons.get(app.deps.pseudonymize(nationalNumber)))!.personId;

/** A call that must succeed; its body. */
async function ok(fn: string, options: Parameters<TestApp['call']>[1]) {
  const res = await app.call(fn, options);
  if (res.status >= 300) throw new Error(`${fn}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

const at = (en: string, id?: string) => ({ enterpriseNumber: en, ...(id ? { personId: id } : {}) });

async function addAndLink(as: string, en: string, nationalNumber: string, period: [string, string]) {
  const added = await app.call('add-person', { as, params: at(en), body: { nationalNumber } });
  const id = (added.status === 201 ? added.body.personId : await personId(nationalNumber)) as string;
  await ok('create-work-relationship', {
    as,
    params: at(en, id),
    body: {
      category: 'Vaste medewerker',
      startDate: period[0],
      endDate: period[1],
      phone: '+3212345678',
      email: `${nationalNumber.slice(-4)}@example.be`,
    },
  });
  return id;
}

const grant = (as: string, en: string, id: string, period: [string, string]) =>
  ok('grant-right', {
    as,
    params: at(en, id),
    body: { right: VLAIO, profiles: [SP], startDate: period[0], endDate: period[1] },
  });

const etagOf = async (fn: string, params: Record<string, string>, as = DEMO.sofie) =>
  (await ok(fn, { as, params })).headers.etag as string;

const openTask = async (en: string, as: string, kind: string) =>
  until(async () => {
    const items = (await app.call('list-tasks', { as, params: at(en) })).body.items as {
      taskId: string;
      kind: string;
    }[];
    return items.find((t) => t.kind === kind);
  });

/** A bulk job's phase ended as expected (the runner may be busy with an approval waiting meanwhile). */
const jobEnded = (jobId: string, status: string) =>
  until(async () => {
    const job = (await ok('get-job', { as: DEMO.sofie, params: { enterpriseNumber: en, jobId } })).body;
    if (job.status === 'failed') throw new Error(`job ${jobId} failed: ${job.failure}`);
    return job.status === status;
  });

type Scenario = { group: 'routes' | 'expiry' | 'kbo' | 'review'; run: () => Promise<ChangeEvent[]> };

const en = DEMO.adviesbureau;
const TODAY = '2026-11-26';
/** Two persons new to the organisation for the import: Pieter with a right, Lotte without. */
const IMPORT = [
  'rijksregisternummer;categorie;begindatum;einddatum;telefoon;e-mail;recht;profielen;begindatum recht;einddatum recht',
  `${DEMO.pieter};Vaste medewerker;${TODAY};2030-11-25;+3212345678;pieter@example.be;${VLAIO};${SP};${TODAY};2029-11-25`,
  `${DEMO.lotte};Stagiair;${TODAY};2027-05-31;+3212345678;lotte@example.be;;;;`,
].join('\r\n');
const ctx: Record<string, string> = {};

const scenarios: Record<string, Scenario> = {
  // ---- the routes, one organisation, in the order of the table
  'lookup-national-register | look a person up in the national register': {
    group: 'routes',
    run: () =>
      eventsOf(() =>
        ok('lookup-national-register', {
          as: DEMO.sofie,
          params: at(en),
          body: { nationalNumber: DEMO.emma },
        }),
      ),
  },
  'add-person | add a person': {
    group: 'routes',
    run: () =>
      eventsOf(async () => {
        ctx.emma = (
          await ok('add-person', { as: DEMO.sofie, params: at(en), body: { nationalNumber: DEMO.emma } })
        ).body.personId;
      }),
  },
  'update-person | a new nickname': {
    group: 'routes',
    run: async () => {
      const etag = await etagOf('get-person', at(en, ctx.emma));
      return eventsOf(() =>
        ok('update-person', {
          as: DEMO.sofie,
          params: at(en, ctx.emma),
          headers: { 'if-match': etag },
          body: { nickname: 'Em' },
        }),
      );
    },
  },
  'create-work-relationship | link a person': {
    group: 'routes',
    run: () =>
      eventsOf(() =>
        ok('create-work-relationship', {
          as: DEMO.sofie,
          params: at(en, ctx.emma),
          body: {
            category: 'Vaste medewerker',
            startDate: TODAY,
            endDate: '2030-12-31',
            phone: '+3212345678',
            email: 'emma@example.be',
          },
        }),
      ),
  },
  'update-work-relationship | a new end date': {
    group: 'routes',
    run: async () => {
      const etag = await etagOf('get-work-relationship', at(en, ctx.emma));
      return eventsOf(() =>
        ok('update-work-relationship', {
          as: DEMO.sofie,
          params: at(en, ctx.emma),
          headers: { 'if-match': etag },
          body: { endDate: '2031-12-31' },
        }),
      );
    },
  },
  'update-work-relationship | a new phone number only': {
    group: 'routes',
    run: async () => {
      const etag = await etagOf('get-work-relationship', at(en, ctx.emma));
      return eventsOf(() =>
        ok('update-work-relationship', {
          as: DEMO.sofie,
          params: at(en, ctx.emma),
          headers: { 'if-match': etag },
          body: { phone: '+32470123456' },
        }),
      );
    },
  },
  'pause-work-relationship | pause': {
    group: 'routes',
    run: () =>
      eventsOf(() =>
        ok('pause-work-relationship', {
          as: DEMO.sofie,
          params: at(en, ctx.emma),
          body: { reason: 'Verlof' },
        }),
      ),
  },
  'resume-work-relationship | resume': {
    group: 'routes',
    run: () =>
      eventsOf(() => ok('resume-work-relationship', { as: DEMO.sofie, params: at(en, ctx.emma), body: {} })),
  },
  'grant-right | grant a right': {
    group: 'routes',
    run: () =>
      eventsOf(async () => {
        ctx.emmaGrant = (
          await grant(DEMO.sofie, en, ctx.emma as string, [TODAY, '2028-12-31'])
        ).body.grants[0].grantId;
      }),
  },
  'grant-right | to oneself while another local administrator can decide (an access request)': {
    group: 'routes',
    run: async () => {
      await ok('appoint-local-admin', {
        as: DEMO.pieter,
        params: at(en),
        body: { nationalNumber: DEMO.lucas },
      });
      const sofie = await personId(DEMO.sofie);
      return eventsOf(async () => {
        const asked = await app.call('grant-right', {
          as: DEMO.sofie,
          params: at(en, sofie),
          body: { right: VLAIO, profiles: [SP], startDate: TODAY, endDate: '2028-12-31' },
        });
        expect(asked.status).toBe(202);
        await openTask(en, DEMO.lucas, 'approval');
      });
    },
  },
  'update-grant | a new end date': {
    group: 'routes',
    run: async () => {
      const params = { ...at(en, ctx.emma), grantId: ctx.emmaGrant as string };
      const etag = await etagOf('get-grant', params);
      return eventsOf(() =>
        ok('update-grant', {
          as: DEMO.sofie,
          params,
          headers: { 'if-match': etag },
          body: { endDate: '2029-06-30' },
        }),
      );
    },
  },
  'extend-work-relationship | with its rights': {
    group: 'routes',
    run: () =>
      eventsOf(() =>
        ok('extend-work-relationship', {
          as: DEMO.sofie,
          params: at(en, ctx.emma),
          body: { includeRights: true },
        }),
      ),
  },
  'extend-work-relationship | without its rights': {
    group: 'routes',
    run: async () => {
      ctx.jonas = await addAndLink(DEMO.sofie, en, DEMO.jonas, [TODAY, '2027-12-31']);
      return eventsOf(() =>
        ok('extend-work-relationship', {
          as: DEMO.sofie,
          params: at(en, ctx.jonas),
          body: { includeRights: false },
        }),
      );
    },
  },
  'revoke-grant | revoke a right': {
    group: 'routes',
    run: async () => {
      const params = { ...at(en, ctx.emma), grantId: ctx.emmaGrant as string };
      const etag = await etagOf('get-grant', params);
      return eventsOf(() => ok('revoke-grant', { as: DEMO.sofie, params, headers: { 'if-match': etag } }));
    },
  },
  'delete-work-relationship | with one right': {
    group: 'routes',
    run: async () => {
      await grant(DEMO.sofie, en, ctx.jonas as string, [TODAY, '2028-12-31']);
      const etag = await etagOf('get-work-relationship', at(en, ctx.jonas));
      return eventsOf(() =>
        ok('delete-work-relationship', {
          as: DEMO.sofie,
          params: at(en, ctx.jonas),
          headers: { 'if-match': etag },
        }),
      );
    },
  },
  'remove-person | without a work relationship': {
    group: 'routes',
    run: async () => {
      ctx.hilde = (
        await ok('add-person', { as: DEMO.sofie, params: at(en), body: { nationalNumber: DEMO.hilde } })
      ).body.personId;
      const etag = await etagOf('get-person', at(en, ctx.hilde));
      return eventsOf(() =>
        ok('remove-person', {
          as: DEMO.sofie,
          params: at(en, ctx.hilde),
          headers: { 'if-match': etag },
          body: { reason: 'Verkeerd toegevoegd' },
        }),
      );
    },
  },
  'remove-person | with its work relationship and one right (confirmed)': {
    group: 'routes',
    run: async () => {
      // Added again after the removal above: the same person, a membership anew.
      const id = await addAndLink(DEMO.sofie, en, DEMO.hilde, [TODAY, '2030-12-31']);
      await grant(DEMO.sofie, en, id, [TODAY, '2028-12-31']);
      const etag = await etagOf('get-person', at(en, id));
      return eventsOf(() =>
        ok('remove-person', {
          as: DEMO.sofie,
          params: at(en, id),
          headers: { 'if-match': etag },
          body: { endRelationship: true, reason: 'Uit dienst' },
        }),
      );
    },
  },
  'quick-grant | a person new to the organisation': {
    group: 'routes',
    run: () =>
      eventsOf(() =>
        ok('quick-grant', {
          as: DEMO.sofie,
          params: at(en),
          body: {
            nationalNumber: DEMO.tom,
            right: VLAIO,
            profiles: [SP],
            relationship: {
              category: 'Vaste medewerker',
              startDate: TODAY,
              endDate: '2030-11-25',
              phone: '+3212345678',
              email: 'tom@example.be',
            },
          },
        }),
      ),
  },
  'create-import | upload a CSV file (the dry run)': {
    group: 'routes',
    run: () =>
      eventsOf(async () => {
        ctx.importJob = (
          await ok('create-import', { as: DEMO.sofie, params: at(en), body: { content: IMPORT } })
        ).body.jobId;
        await jobEnded(ctx.importJob as string, 'previewed');
      }),
  },
  'confirm-import | *Bevestig*: a new person with a right, a new person without': {
    group: 'routes',
    run: () =>
      eventsOf(async () => {
        await ok('confirm-import', {
          as: DEMO.sofie,
          params: { enterpriseNumber: en, jobId: ctx.importJob as string },
          body: {},
        });
        await jobEnded(ctx.importJob as string, 'done');
      }),
  },
  'confirm-import | *Bevestig* of the same file uploaded again': {
    group: 'routes',
    run: async () => {
      const again = (await ok('create-import', { as: DEMO.sofie, params: at(en), body: { content: IMPORT } }))
        .body.jobId;
      await jobEnded(again, 'previewed');
      return eventsOf(async () => {
        await ok('confirm-import', {
          as: DEMO.sofie,
          params: { enterpriseNumber: en, jobId: again },
          body: {},
        });
        await jobEnded(again, 'done');
      });
    },
  },
  'create-extension | *Verlengen*: two persons, one with a right': {
    group: 'routes',
    run: async () => {
      const [first, second] = await Promise.all([personId(DEMO.pieter), personId(DEMO.lotte)]);
      return eventsOf(async () => {
        const started = await ok('create-extension', {
          as: DEMO.sofie,
          params: at(en),
          body: { personIds: [first, second], endDate: '2033-12-31', includeRights: true },
        });
        await jobEnded(started.body.jobId, 'done');
      });
    },
  },
  'appoint-local-admin | appoint a local administrator': {
    group: 'routes',
    run: () =>
      eventsOf(() =>
        ok('appoint-local-admin', { as: DEMO.pieter, params: at(en), body: { nationalNumber: DEMO.jonas } }),
      ),
  },
  'remove-local-admin | remove a local administrator': {
    group: 'routes',
    run: async () => {
      const page = (await ok('list-local-admins', { as: DEMO.pieter, params: at(en) })).body;
      const jonas = page.localAdmins.find((a: { name: string }) => a.name === 'Jonas Bakker');
      return eventsOf(() =>
        ok('remove-local-admin', {
          as: DEMO.pieter,
          params: at(en, jonas.personId),
          headers: { 'if-match': `"${jonas.version}"` },
          body: {},
        }),
      );
    },
  },
  'request-access | ask for access': {
    group: 'routes',
    run: () =>
      eventsOf(async () => {
        await ok('request-access', {
          as: DEMO.marc,
          body: { enterpriseNumber: en, right: VLAIO, profiles: [SP], reason: 'Ik dien aanvragen in.' },
        });
        await until(async () =>
          (await app.deps.tasks.listOpen(en)).some((t) => t.subject.name === 'Marc Peeters'),
        );
      }),
  },
  'decide-task | approve an access request (the approval workflow grants)': {
    group: 'routes',
    run: async () => {
      const task = (await app.deps.tasks.listOpen(en)).find((t) => t.subject.name === 'Marc Peeters');
      const marc = app.deps.pseudonymize(DEMO.marc);
      return eventsOf(async () => {
        await ok('decide-task', {
          as: DEMO.sofie,
          params: { enterpriseNumber: en, taskId: task!.taskId },
          body: {
            decision: 'approve',
            reason: 'Consultant',
            relationship: {
              category: 'Vaste medewerker',
              startDate: TODAY,
              endDate: '2030-11-25',
              phone: '+3212345678',
              email: 'marc@example.be',
            },
          },
        });
        // ApplyDecision grants: the request ends approved.
        await until(async () => (await app.deps.requests.listMine(marc))[0]?.status === 'approved');
      });
    },
  },
  'decide-task | reject an access request': {
    group: 'routes',
    run: async () => {
      await ok('request-access', {
        as: DEMO.lotte,
        body: { enterpriseNumber: en, right: VLAIO, profiles: [SP], reason: 'Graag.' },
      });
      const task = await until(async () =>
        (await app.deps.tasks.listOpen(en)).find((t) => t.subject.name === 'Lotte Maes'),
      );
      return eventsOf(() =>
        ok('decide-task', {
          as: DEMO.sofie,
          params: { enterpriseNumber: en, taskId: task.taskId },
          body: { decision: 'reject', reason: 'Niet bij ons' },
        }),
      );
    },
  },
  'update-preferences | remember the organisation': {
    group: 'routes',
    run: () => eventsOf(() => ok('update-preferences', { as: DEMO.sofie, body: { lastOrganisation: en } })),
  },
  "check-access | the portal's access check": {
    group: 'routes',
    run: () =>
      eventsOf(() =>
        ok('check-access', {
          asService: ['access/check'],
          body: { nationalNumber: DEMO.tom, enterpriseNumber: en, right: VLAIO, profile: SP },
        }),
      ),
  },

  // ---- the expiry sweep (Tom at Boekhouding, whose right ends 2029-12-31; Emma there for a month)
  'workflow expiry | a grant ended yesterday': {
    group: 'expiry',
    run: async () => {
      await app.setToday('2029-11-01');
      ctx.emmaB = await addAndLink(DEMO.marc, DEMO.boekhouding, DEMO.emma, ['2029-11-01', '2029-11-30']);
      await grant(DEMO.marc, DEMO.boekhouding, ctx.emmaB, ['2029-11-01', '2029-11-15']);
      await app.setToday('2029-11-16');
      return eventsOf(() => app.workflows.runExpiry({ date: '2029-11-16' }));
    },
  },
  'workflow expiry | a work relationship ended yesterday': {
    group: 'expiry',
    run: async () => {
      await app.setToday('2029-12-01');
      return eventsOf(() => app.workflows.runExpiry({ date: '2029-12-01' }));
    },
  },
  'decide-task | extend (*Verlengen?*)': {
    group: 'expiry',
    run: async () => {
      // Sixty days before Tom's right ends: a warning (no change) and the task Verlengen?.
      await app.setToday('2029-11-01');
      const warned = await eventsOf(() => app.workflows.runExpiry({ date: '2029-11-01' }));
      expect(warned).toEqual([]);
      const task = await openTask(DEMO.boekhouding, DEMO.marc, 'extension');
      return eventsOf(() =>
        ok('decide-task', {
          as: DEMO.marc,
          params: { enterpriseNumber: DEMO.boekhouding, taskId: task.taskId },
          body: { decision: 'extend', reason: 'Blijft' },
        }),
      );
    },
  },

  // ---- the KBO follow (Boekhouding stops on 2031-04-01 and is active again on 2031-07-01)
  'workflow kbo | the KBO stopped the enterprise (one relationship)': {
    group: 'kbo',
    run: async () => {
      await app.setToday('2030-12-30');
      expect(await eventsOf(() => app.workflows.runKbo({ date: '2030-12-30' }))).toEqual([]);
      await app.setToday('2031-04-01');
      return eventsOf(() => app.workflows.runKbo({ date: '2031-04-01' }));
    },
  },
  'decide-task | resume after the KBO (*Werkrelaties hervatten?*)': {
    group: 'kbo',
    run: async () => {
      await app.setToday('2031-07-01');
      expect(await eventsOf(() => app.workflows.runKbo({ date: '2031-07-01' }))).toEqual([]);
      const task = await openTask(DEMO.boekhouding, DEMO.marc, 'resume');
      return eventsOf(() =>
        ok('decide-task', {
          as: DEMO.marc,
          params: { enterpriseNumber: DEMO.boekhouding, taskId: task.taskId },
          body: { decision: 'resume', reason: 'Opnieuw actief' },
        }),
      );
    },
  },

  // ---- access reviews (Emma, Jonas and Sofie hold the right; Lucas is a second local administrator)
  'update-review-settings | change the review settings': {
    group: 'review',
    run: async () => {
      for (const n of [DEMO.emma, DEMO.jonas]) {
        ctx[n] = await addAndLink(DEMO.sofie, en, n, [TODAY, '2030-12-31']);
        await grant(DEMO.sofie, en, ctx[n] as string, [TODAY, '2029-12-31']);
      }
      await grant(DEMO.sofie, en, await personId(DEMO.sofie), [TODAY, '2029-12-31']);
      await ok('appoint-local-admin', {
        as: DEMO.pieter,
        params: at(en),
        body: { nationalNumber: DEMO.lucas },
      });
      return eventsOf(() =>
        ok('update-review-settings', {
          as: DEMO.sofie,
          params: at(en),
          body: { intervalMonths: 12, unanswered: 'revoke' },
        }),
      );
    },
  },
  'start-review | start an access review (the review workflow opens it)': {
    group: 'review',
    run: () =>
      eventsOf(async () => {
        ctx.campaign = (
          await ok('start-review', { as: DEMO.sofie, params: at(en), body: { confirm: true } })
        ).body.campaignId;
        await app.workflows.idle();
      }),
  },
  'answer-review-line | *Behouden*': {
    group: 'review',
    run: () => eventsOf(() => answerLine(DEMO.emma, { decision: 'keep' })),
  },
  'answer-review-line | *Intrekken*': {
    group: 'review',
    run: () => eventsOf(() => answerLine(DEMO.jonas, { decision: 'revoke', reason: 'Werkt er niet meer' })),
  },
  'keep-remaining-review-lines | *Behoud alle overige*': {
    group: 'review',
    run: () =>
      eventsOf(async () => {
        const kept = await ok('keep-remaining-review-lines', {
          as: DEMO.sofie,
          params: { enterpriseNumber: en, campaignId: ctx.campaign as string },
          body: { confirm: true },
        });
        // Sofie's own line waits for Lucas, who does not answer it.
        expect(kept.body).toEqual({ kept: 0, leftForOthers: 1 });
      }),
  },
  'workflow review | the close revokes an unanswered line': {
    group: 'review',
    run: async () => {
      const close = addDays(TODAY, 21);
      await app.setToday(close);
      return eventsOf(() => app.workflows.runReview({ date: close }));
    },
  },
};

async function answerLine(nationalNumber: string, answer: Record<string, string>) {
  const campaignId = ctx.campaign as string;
  const { lines } = (await ok('get-review', { as: DEMO.sofie, params: { enterpriseNumber: en, campaignId } }))
    .body;
  const line = lines.find((l: { personId: string }) => l.personId === ctx[nationalNumber]);
  return ok('answer-review-line', {
    as: DEMO.sofie,
    params: { enterpriseNumber: en, campaignId },
    body: { personId: line.personId, grantId: line.grantId, ...answer },
  });
}

const rows = documentedRows();

describe('change events: exactly the documented events for every change', () => {
  it('documents every route that changes something, and has a scenario for every documented row', () => {
    const documented = new Set(rows.map((r) => r.change));
    const changing = routes.filter((r) => r.method !== 'GET').map((r) => r.fn);
    expect(changing.filter((fn) => !documented.has(fn))).toEqual([]);
    expect(rows.map(rowKey).filter((k) => !(k in scenarios))).toEqual([]);
    expect(Object.keys(scenarios).filter((k) => !rows.some((r) => rowKey(r) === k))).toEqual([]);
  });

  const start: Record<Scenario['group'], string> = {
    routes: TODAY,
    expiry: '2029-11-01',
    kbo: '2030-12-30',
    review: TODAY,
  };
  for (const group of ['routes', 'expiry', 'kbo', 'review'] as const) {
    it(`${group}: each change writes its events in its own transaction, and only those`, async () => {
      app = await createTestApp({ today: start[group] });
      try {
        for (const key of Object.keys(ctx)) delete ctx[key];
        // In the order of the scenarios (some build on the one before), each against its row.
        for (const [key, scenario] of Object.entries(scenarios).filter(([, sc]) => sc.group === group)) {
          const row = rows.find((r) => rowKey(r) === key);
          if (!row) throw new Error(`No row in docs/events.md for ${key}`);
          const events = await scenario.run();
          expect(
            events.map((e) => e.type),
            rowKey(row),
          ).toEqual(row.events);
          for (const event of events) {
            expect(ChangeEventSchema.safeParse(event).success, rowKey(row)).toBe(true);
            expect(JSON.stringify(event)).not.toMatch(/\d{11}/);
          }
        }
      } finally {
        app.workflows.stop();
      }
    }, 120_000);
  }
});
