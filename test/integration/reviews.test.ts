/**
 * Access reviews through the real handlers and the review workflow's ASL on the local runner: the first
 * schedule, a campaign opened by the interval and one started on demand, its lines (every active right,
 * with the last login), the task and the e-mail, answers (keep, revoke with a reason, bulk keep), the
 * reminders after 7 and 14 days and the close after 21 with the organisation's setting for unanswered
 * lines, each decision and revocation in the history, and the rules: separation of duties, a closed
 * campaign, an answered line, bad settings.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addDays } from '#lib/domain/period';
import { createTestApp, DEMO, type TestApp } from '../support/app.ts';

const en = DEMO.adviesbureau;
const VLAIO = 'VLAIO Inkom Gebruiker Nieuw';
const SP = 'Dienstverlener kmo-portefeuille';
const START = '2027-01-04';
let app: TestApp;

afterEach(() => app?.workflows.stop());

async function day(date: string) {
  await app.setToday(date);
  await app.workflows.runReview({ date });
}

const sofieId = async () => (await app.deps.persons.get(app.deps.pseudonymize(DEMO.sofie)))!.personId;

/** Emma added, linked and granted the right; Sofie (the only local administrator) grants herself too. */
async function arrange() {
  app = await createTestApp({ today: START });
  const added = await app.call('add-person', {
    as: DEMO.sofie,
    params: { enterpriseNumber: en },
    body: { nationalNumber: DEMO.emma },
  });
  const emmaId = added.body.personId as string;
  const linked = await app.call('create-work-relationship', {
    as: DEMO.sofie,
    params: { enterpriseNumber: en, personId: emmaId },
    body: {
      category: 'Vaste medewerker',
      startDate: START,
      endDate: '2033-12-31',
      phone: '+3212345678',
      email: 'emma@example.be',
    },
  });
  expect(linked.status).toBe(201);
  for (const personId of [emmaId, await sofieId()]) {
    const granted = await app.call('grant-right', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, personId },
      body: { right: VLAIO, profiles: [SP], startDate: START, endDate: '2031-12-31' },
    });
    expect(granted.status).toBe(201);
  }
  return { emmaId };
}

const overview = async () =>
  (await app.call('list-reviews', { as: DEMO.sofie, params: { enterpriseNumber: en } })).body;
const campaign = async (campaignId: string) =>
  (await app.call('get-review', { as: DEMO.sofie, params: { enterpriseNumber: en, campaignId } })).body;
const answer = (campaignId: string, body: Record<string, unknown>, as: string = DEMO.sofie) =>
  app.call('answer-review-line', { as, params: { enterpriseNumber: en, campaignId }, body });

describe('access reviews', () => {
  it('opens by the interval, reminds after 7 and 14 days, closes after 21 and revokes what nobody answered', async () => {
    const { emmaId } = await arrange();
    await day(START);
    const first = await overview();
    expect(first.nextOn).toBe('2028-01-04');
    expect(first.current).toBeNull();
    // Every 3 months and unanswered revoked: the next campaign three months after today (none before).
    const set = await app.call('update-review-settings', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      body: { intervalMonths: 3, unanswered: 'revoke' },
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({
      settings: { intervalMonths: 3, unanswered: 'revoke', remindAfterDays: [7, 14], closeAfterDays: 21 },
      nextOn: '2027-04-04',
    });
    await day('2027-04-03');
    expect((await overview()).current).toBeNull();

    app.outbox.length = 0;
    await day('2027-04-04');
    const opened = (await overview()).current;
    expect(opened).toMatchObject({
      status: 'open',
      trigger: 'schedule',
      openedOn: '2027-04-04',
      closesOn: '2027-04-25',
    });
    const { lines } = await campaign(opened.campaignId);
    expect(lines.map((l: { name: string }) => l.name)).toEqual(['Emma Willems', 'Sofie Janssens']);
    expect(lines[0]).toMatchObject({
      personId: emmaId,
      rightId: VLAIO,
      profiles: [SP],
      endDate: '2031-12-31',
      nationalNumber: '90.04.18-***.**',
      decision: null,
    });
    expect(JSON.stringify(lines)).not.toContain(DEMO.emma);
    const tasks = (await app.call('list-tasks', { as: DEMO.sofie, params: { enterpriseNumber: en } })).body
      .items;
    const task = tasks.find((t: { kind: string }) => t.kind === 'access-review');
    expect(task).toMatchObject({ campaignId: opened.campaignId, subject: { count: 2 } });
    expect(task.title).toContain('Toegangsreview');
    expect(app.outbox.map((m) => m.subject)).toEqual(['Toegangsreview voor Adviesbureau Voorbeeld BV']);
    expect(app.outbox[0]!.text).toContain('/o/0795012394/toegangsreview');
    // The task is not decided through the task route.
    const decided = await app.call('decide-task', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, taskId: task.taskId },
      body: { decision: 'approve', reason: 'x' },
    });
    expect(decided.status).toBe(422);

    // Emma's right kept; Sofie's own is left unanswered.
    const kept = await answer(opened.campaignId, {
      personId: emmaId,
      grantId: lines[0].grantId,
      decision: 'keep',
    });
    expect(kept.status).toBe(200);
    expect(kept.body).toMatchObject({ decision: 'keep', decidedBy: 'Sofie Janssens' });

    // A day again changes nothing; the reminders go on days 7 and 14, once each.
    app.outbox.length = 0;
    await day('2027-04-10');
    expect(app.outbox).toHaveLength(0);
    await day('2027-04-11');
    await day('2027-04-11');
    await day('2027-04-18');
    expect(app.outbox.map((m) => m.subject)).toEqual([
      'Herinnering: toegangsreview voor Adviesbureau Voorbeeld BV',
      'Herinnering: toegangsreview voor Adviesbureau Voorbeeld BV',
    ]);
    expect(app.outbox[0]!.text).toContain('1 gebruikersrecht');

    // The close: Sofie's unanswered right revoked, with its history; the summary; the task closed.
    await day('2027-04-25');
    const after = await overview();
    expect(after.current).toBeNull();
    expect(after.nextOn).toBe('2027-07-04');
    expect(after.campaigns[0]).toMatchObject({
      status: 'closed',
      closedOn: '2027-04-25',
      summary: { lines: 2, kept: 1, revoked: 0, unanswered: 1, revokedUnanswered: 1 },
    });
    const sofie = (await app.deps.memberships.load(en, await sofieId()))!;
    expect(sofie.grants).toHaveLength(0);
    const history = await app.deps.memberships.history(en, await sofieId(), { limit: 10 });
    expect(history.items[0]).toMatchObject({
      action: 'grant.revoked',
      actor: { name: 'Toegangsreview' },
      reason: 'Toegangsreview: niet beantwoord voor de sluiting.',
    });
    const emmaHistory = await app.deps.memberships.history(en, emmaId, { limit: 10 });
    expect(emmaHistory.items[0]).toMatchObject({ action: 'review.kept', actor: { name: 'Sofie Janssens' } });
    expect(
      (await app.call('list-tasks', { as: DEMO.sofie, params: { enterpriseNumber: en } })).body.items,
    ).toEqual([]);
    const audit = await app.call('list-audit', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      query: { action: 'review' },
    });
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'review.closed',
      'review.kept',
      'review.opened',
      'review.settings-changed',
    ]);
    // A closed campaign takes no answer.
    const late = await answer(opened.campaignId, {
      personId: emmaId,
      grantId: lines[0].grantId,
      decision: 'keep',
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('review.not-open');
  });

  it('on demand: revoke with a reason, one answer per line, keep all remaining; the default leaves the unanswered', async () => {
    const { emmaId } = await arrange();
    const started = await app.call('start-review', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      body: { confirm: true },
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'opening', trigger: 'demand', startedBy: 'Sofie Janssens' });
    const again = await app.call('start-review', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      body: { confirm: true },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('review.already-open');
    await app.workflows.idle();
    const id = started.body.campaignId as string;
    const { lines } = await campaign(id);
    expect(lines).toHaveLength(2);
    const emmaLine = lines.find((l: { personId: string }) => l.personId === emmaId);

    // Revoking needs a reason; an unknown line is 404; nothing is written by either.
    const before = await app.snapshot();
    const noReason = await answer(id, { personId: emmaId, grantId: emmaLine.grantId, decision: 'revoke' });
    expect(noReason.status).toBe(400);
    expect(JSON.stringify(noReason.body)).toContain('Geef een reden op om in te trekken.');
    const unknown = await answer(id, {
      personId: emmaId,
      grantId: '01HZZZZZZZZZZZZZZZZZZZZZZZ',
      decision: 'keep',
    });
    expect(unknown.status).toBe(404);
    expect(await app.snapshot()).toEqual(before);

    const revoked = await answer(id, {
      personId: emmaId,
      grantId: emmaLine.grantId,
      decision: 'revoke',
      reason: 'Werkt niet meer met de kmo-portefeuille',
    });
    expect(revoked.status).toBe(200);
    expect((await app.deps.memberships.load(en, emmaId))!.grants).toHaveLength(0);
    const history = await app.deps.memberships.history(en, emmaId, { limit: 5 });
    expect(history.items[0]).toMatchObject({
      action: 'grant.revoked',
      reason: 'Toegangsreview: Werkt niet meer met de kmo-portefeuille',
    });
    const twice = await answer(id, { personId: emmaId, grantId: emmaLine.grantId, decision: 'keep' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('review.line-answered');

    const noConfirm = await app.call('keep-remaining-review-lines', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, campaignId: id },
      body: {},
    });
    expect(noConfirm.status).toBe(400);
    const bulk = await app.call('keep-remaining-review-lines', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, campaignId: id },
      body: { confirm: true },
    });
    expect(bulk.body).toEqual({ kept: 1, leftForOthers: 0 });
    expect((await campaign(id)).campaign.summary).toMatchObject({
      lines: 2,
      kept: 1,
      revoked: 1,
      unanswered: 0,
    });

    await day(addDays(START, 21));
    expect((await overview()).campaigns[0]).toMatchObject({
      status: 'closed',
      summary: { lines: 2, kept: 1, revoked: 1, unanswered: 0, revokedUnanswered: 0 },
    });
  });

  it('leaves one’s own right to another local administrator, and refuses bad settings', async () => {
    await arrange();
    const appointed = await app.call('appoint-local-admin', {
      as: DEMO.pieter,
      params: { enterpriseNumber: en },
      body: { nationalNumber: DEMO.lucas },
    });
    expect(appointed.status).toBe(201);
    const started = await app.call('start-review', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en },
      body: { confirm: true },
    });
    await app.workflows.idle();
    const id = started.body.campaignId as string;
    const own = (await campaign(id)).lines.find((l: { name: string }) => l.name === 'Sofie Janssens');
    const refused = await answer(id, { personId: own.personId, grantId: own.grantId, decision: 'keep' });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('review.own-line');
    const bulk = await app.call('keep-remaining-review-lines', {
      as: DEMO.sofie,
      params: { enterpriseNumber: en, campaignId: id },
      body: { confirm: true },
    });
    expect(bulk.body).toEqual({ kept: 1, leftForOthers: 1 });
    const byLucas = await answer(
      id,
      { personId: own.personId, grantId: own.grantId, decision: 'keep' },
      DEMO.lucas,
    );
    expect(byLucas.status).toBe(200);

    const before = await app.snapshot();
    for (const body of [
      { intervalMonths: 2, unanswered: 'nothing' },
      { intervalMonths: 25, unanswered: 'nothing' },
      { intervalMonths: 12, unanswered: 'later' },
      { intervalMonths: 12, unanswered: 'nothing', remindAfterDays: [7, 30], closeAfterDays: 21 },
    ]) {
      const res = await app.call('update-review-settings', {
        as: DEMO.sofie,
        params: { enterpriseNumber: en },
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toBe('application/problem+json');
    }
    expect(await app.snapshot()).toEqual(before);
  });
});
