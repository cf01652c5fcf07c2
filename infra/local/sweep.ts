/**
 * `npm run sweep [-- --date 2027-01-31]`: runs the day's scheduled work for a day (default: today in
 * Brussels): first the KBO follow, then the expiry sweep, then the access reviews' day, through the same ASL and handlers as the
 * schedule, whether or not `npm start` runs. With `--date` that day is "today" for the run, so MAGDA
 * (the stand-in) answers as the KBO would on it. It
 * uses the running stack's database when `.data/runtime.json` points at one that answers; otherwise it
 * starts DynamoDB Local on `.data/dynamodb` for the duration of the run (creating the table and the
 * demo world when needed). E-mail goes to `.data/outbox/` as `.eml` files. DATA_DIR and PORT apply.
 */
import { mkdir } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { JavaMissingError, localDynamoClientConfig, startDynamoDbLocal } from '#infra/local/dynamodb-local';
import { magdaForTool, pointAtMagda, pseudonymSecret, ROOT, runningStack } from '#infra/local/stack';
import { ensureTable, isTableEmpty } from '#infra/local/table';
import { createLocalWorkflows } from '#infra/local/workflows';
import { ENV } from '#lib/config/env-names';
import { parseCalendarDate } from '#lib/domain/period';
import { getDeps, type RuntimeDeps } from '#lib/runtime/deps';
import { logger } from '#lib/runtime/logger';
// The demo world is seeded through the registries.
import '#lib/runtime/registries-adapter';
import { seedDemoWorld } from '#lib/services/demo-seed';
import { observeSweep, type SweepEvent } from '#lib/services/expiry/shared';
import { type KboEvent, observeKboFollow } from '#lib/services/kbo/shared';
import { type AdvanceResult, observeReviews } from '#lib/services/reviews/advance';

const USAGE = 'Gebruik: npm run sweep [-- --date JJJJ-MM-DD]';

const nl = (date: string) => date.split('-').reverse().join('/');

/** The outbox as the user would type it: relative when it lies under the current directory. */
function shown(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return `${rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : dir}/`;
}

function summary(events: SweepEvent[], outbox: string): string {
  const planned = events.find((e) => e.type === 'planned');
  const handled = events.flatMap((e) => (e.type === 'handled' ? [e.result] : []));
  const count = (outcome: string) => handled.filter((r) => r.outcome === outcome);
  const warned = count('warned');
  const expired = count('expired');
  const skipped = count('skipped');
  const mails = (rs: typeof handled) => rs.reduce((n, r) => n + r.emails, 0);
  const tasks = handled.filter((r) => r.taskOpened).length;
  const refused = handled.reduce((n, r) => n + (r.refused ?? 0), 0);
  const failed = events.filter((e) => e.type === 'failed').length;
  const digests = events.flatMap((e) => (e.type === 'digest' ? [e.result] : []));
  const digestPlan = events.find((e) => e.type === 'digests-planned');
  const sum = (k: 'digests' | 'lines' | 'held' | 'refused') => digests.reduce((n, r) => n + r[k], 0);
  const digestFailed = events.filter((e) => e.type === 'digest-failed').length;
  const completed = events.find((e) => e.type === 'completed');
  const days =
    planned && planned.from !== planned.through
      ? ` (met ingehaalde dagen: ${nl(planned.from)} t.e.m. ${nl(planned.through)})`
      : '';
  return [
    `Vervaldatumcontrole voor ${planned ? nl(planned.date) : '?'}${days}`,
    `  Te behandelen:  ${handled.length}`,
    `  Waarschuwingen: ${warned.length} (${mails(warned)} e-mails)`,
    `  Vervallen:      ${expired.length} (${mails(expired)} e-mails)`,
    `  Taken geopend:  ${tasks} (Verlengen?)`,
    `  Overgeslagen:   ${skipped.length} (al gedaan, of intussen verlengd of gewijzigd)`,
    ...(refused > 0 ? [`  Geweigerd:      ${refused} e-mailadres(sen), door de mailserver (gemeld)`] : []),
    ...(failed > 0 ? [`  Mislukt:        ${failed} (gemeld; de rest van de dag ging door)`] : []),
    `  Overzichten:    ${sum('digests')} e-mails aan lokale beheerders (${sum('lines')} lijnen)${digestPlan?.weekly ? ', met de wekelijkse' : ''}`,
    ...(sum('held') > 0 ? [`  Bewaard:        ${sum('held')} wekelijkse overzichten, voor maandag`] : []),
    ...(sum('refused') + digestFailed > 0
      ? [`  Niet verstuurd: ${sum('refused') + digestFailed} overzicht(en) (gemeld)`]
      : []),
    ...(mails(handled) + sum('digests') > 0 ? [`  E-mails in ${outbox}`] : []),
    ...(completed ? [`Laatste gecontroleerde dag: ${nl(completed.through)}`] : []),
  ].join('\n');
}

function kboSummary(events: KboEvent[]): string {
  const planned = events.find((e) => e.type === 'planned');
  const followed = events.flatMap((e) => (e.type === 'followed' ? [e.result] : []));
  const failed = events.filter((e) => e.type === 'failed').length;
  const completed = events.some((e) => e.type === 'completed');
  const withChange = (c: string) => followed.filter((r) => (r.changes as string[]).includes(c)).length;
  const sum = (k: 'paused' | 'tasksOpened') => followed.reduce((n, r) => n + r[k], 0);
  const emails = events.reduce((n, e) => n + (e.type === 'delivered' ? e.emails : 0), 0);
  if (planned && planned.organisations === 0 && followed.length === 0)
    return `KBO-opvolging voor ${nl(planned.date)}: al gedaan.`;
  return [
    `KBO-opvolging voor ${planned ? nl(planned.date) : '?'}${planned?.resumed ? ' (hervat)' : ''}`,
    `  Organisaties:   ${followed.length} (${followed.filter((r) => r.outcome === 'changed').length} met wijzigingen, ${followed.filter((r) => r.outcome === 'skipped').length} niets te volgen)`,
    `  Stopgezet:      ${withChange('stopped')} (${sum('paused')} werkrelaties gepauzeerd)`,
    `  Opnieuw actief: ${withChange('active-again')}`,
    `  Vertegenwoordigers gewijzigd: ${withChange('representatives')}`,
    `  Taken geopend:  ${sum('tasksOpened')}`,
    `  E-mails:        ${emails}`,
    ...(followed.some((r) => r.outcome === 'not-in-kbo')
      ? [`  Niet in de KBO: ${followed.filter((r) => r.outcome === 'not-in-kbo').length}`]
      : []),
    ...(failed > 0 ? [`  Mislukt:        ${failed} (gemeld; de rest van de dag ging door)`] : []),
    ...(completed ? [] : ['  Niet afgerond: een volgende run gaat verder waar deze stopte.']),
  ].join('\n');
}

function reviewSummary(results: AdvanceResult[]): string {
  const count = (step: AdvanceResult['step']) => results.filter((r) => r.step === step);
  const opened = count('open');
  return [
    'Toegangsreviews',
    `  Geopend:        ${opened.length} (${opened.reduce((n, r) => n + (r.lines ?? 0), 0)} lijnen)`,
    `  Herinneringen:  ${count('remind').length}`,
    `  Gesloten:       ${count('close').length} (${count('close').reduce((n, r) => n + (r.revoked ?? 0), 0)} onbeantwoorde rechten ingetrokken)`,
    `  Ingepland:      ${count('schedule').length} (eerste review over een interval)`,
  ].join('\n');
}

async function main(): Promise<number> {
  let date: string | undefined;
  try {
    const { values } = parseArgs({
      options: { date: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    if (values.date !== undefined) {
      const parsed = parseCalendarDate(values.date);
      if (!parsed.ok) throw new Error(parsed.message);
      date = parsed.value;
    }
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
    return 2;
  }

  const dataDir = resolve(ROOT, process.env.DATA_DIR ?? '.data');
  const port = Number(process.env.PORT ?? 3000);
  await mkdir(dataDir, { recursive: true });
  const runtime = await runningStack(dataDir);
  const tableName = runtime?.tableName ?? 'gebruikersbeheer';
  let stop = async () => {};
  let endpoint = runtime?.dynamoEndpoint;
  if (!endpoint) {
    const db = await startDynamoDbLocal({ dataDir: join(dataDir, 'dynamodb') });
    endpoint = db.endpoint;
    stop = db.stop;
  }
  console.log(
    runtime ? `Database van de draaiende stack (${endpoint}).` : `DynamoDB Local gestart op ${endpoint}.`,
  );
  const magda = await magdaForTool(dataDir, runtime);

  const outbox = join(dataDir, 'outbox');
  const events: SweepEvent[] = [];
  const kboEvents: KboEvent[] = [];
  const unsubscribe = observeSweep((e) => events.push(e));
  const unsubscribeKbo = observeKboFollow((e) => kboEvents.push(e));
  const reviewEvents: AdvanceResult[] = [];
  const unsubscribeReviews = observeReviews((r) => reviewEvents.push(r));
  const workflows = createLocalWorkflows({ root: ROOT });
  const client = new DynamoDBClient(localDynamoClientConfig(endpoint));
  let deps: RuntimeDeps | undefined;
  try {
    await ensureTable(client, tableName);
    process.env[ENV.tableName] = tableName;
    process.env[ENV.dynamoEndpoint] = endpoint;
    process.env[ENV.pseudonymSecret] = await pseudonymSecret(dataDir);
    pointAtMagda(magda.connection);
    process.env[ENV.mailTransport] = 'outbox';
    process.env[ENV.outboxDir] = outbox;
    process.env[ENV.appUrl] ??= runtime?.url ?? `http://localhost:${port}`;
    process.env.AWS_REGION ??= 'eu-west-1';
    // The logger was made at import: quiet it here (the MAGDA calls' trace is INFO), unless asked otherwise.
    if (!process.env.POWERTOOLS_LOG_LEVEL) logger.setLogLevel('WARN');
    // The day of the run is today for it: the registries answer as on that day.
    if (date) process.env[ENV.today] = date;
    deps = await getDeps();
    if (await isTableEmpty(client, tableName)) {
      await seedDemoWorld(deps);
      console.log('Lege tabel: demogegevens geladen.');
    }
    let kboFailed = false;
    try {
      await workflows.runKbo(date ? { date } : {});
    } catch (error) {
      kboFailed = true;
      console.error(
        `De KBO-opvolging is niet volledig gelukt (${error instanceof Error ? error.message : 'onbekende fout'}). ` +
          'Een volgende run gaat verder waar deze stopte.',
      );
    }
    console.log(kboSummary(kboEvents));
    try {
      await workflows.runExpiry(date ? { date } : {});
    } catch (error) {
      console.log(summary(events, shown(outbox)));
      console.error(
        `De vervaldatumcontrole is niet volledig gelukt (${error instanceof Error ? error.message : 'onbekende fout'}). ` +
          'Wat wel gebeurde blijft bewaard; een volgende run vult de rest aan.',
      );
      return 1;
    }
    console.log(summary(events, shown(outbox)));
    let reviewFailed = false;
    try {
      await workflows.runReview(date ? { date } : {});
    } catch (error) {
      reviewFailed = true;
      console.error(
        `De toegangsreviews zijn niet volledig bijgewerkt (${error instanceof Error ? error.message : 'onbekende fout'}).`,
      );
    }
    console.log(reviewSummary(reviewEvents));
    return kboFailed || reviewFailed ? 1 : 0;
  } finally {
    deps?.clients.client.destroy();
    unsubscribe();
    unsubscribeKbo();
    unsubscribeReviews();
    workflows.stop();
    client.destroy();
    await magda.stop();
    await stop();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof JavaMissingError || error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
