/**
 * What follows the KBO in the UI: the decisions on the tasks it opens (*Werkrelaties hervatten?* for the
 * local administrators, *Bevestig lokale beheerder* for the legal representatives), the banner of a
 * stopped enterprise and the organisation's KBO history on *Lokale beheerders*.
 */
import { DecisionRequest } from '@contracts/api.ts';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';
import { useApi, useIdempotencyKeys } from '../app/api.ts';
import { formatDate, formatDateTime } from '../app/format.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import type { HistoryEntryDto, TaskDto } from '../app/types.ts';
import { ReasonDialog } from '../components/dialog.tsx';
import { Notice, TextLink } from '../components/ui.tsx';
import i18n from '../i18n/index.ts';
import { taskTitle } from './Tasks.tsx';

export type KboDecision = 'resume' | 'reject' | 'keep' | 'remove';

const ReasonRequired = z.object({ reason: DecisionRequest.shape.reason });

const LABEL = { resume: 'resume', reject: 'reject', keep: 'keep', remove: 'remove' } as const;

function doneText(task: TaskDto, decision: KboDecision, answer: TaskDto): string {
  const t = i18n.getFixedT(null, 'kbo');
  if (decision === 'resume') return t('resumed', { count: answer.subject.count ?? 0 });
  if (decision === 'reject') return t('stayPaused');
  if (decision === 'keep') return t('kept', { name: task.subject.name });
  return t('removed', { name: task.subject.name });
}

/** One decision on a KBO task: a dialog that asks the reason, then says what happened. */
export function KboDecisionButton({
  task,
  decision,
  done,
}: {
  task: TaskDto;
  decision: KboDecision;
  done(text: string): void;
}) {
  const { t } = useTranslation('kbo');
  const org = useOrganisation();
  const api = useApi();
  const keyFor = useIdempotencyKeys();
  const label = t(LABEL[decision]);
  const title =
    task.kind === 'resume'
      ? decision === 'resume'
        ? t('resumeTitle')
        : t('rejectTitle')
      : decision === 'keep'
        ? t('keepTitle', { name: task.subject.name })
        : t('removeTitle', { name: task.subject.name });
  return (
    <ReasonDialog
      label={label}
      buttonLabel={t('buttonLabel', { label, title: taskTitle(task, org.name) })}
      title={title}
      variant={decision === 'resume' || decision === 'keep' ? 'primary' : 'secondary'}
      schema={ReasonRequired}
      reason="contract"
      submitLabel={label}
      submitVariant={decision === 'remove' ? 'danger' : 'primary'}
      onConfirm={async (request, close) => {
        const body = { decision, reason: request.reason ?? '' };
        const answer = await api.post<TaskDto>(
          `/organisations/${org.enterpriseNumber}/tasks/${task.taskId}/decision`,
          body,
          { idempotencyKey: keyFor(body) },
        );
        close();
        done(doneText(task, decision, answer));
      }}
    >
      {task.kind === 'resume' ? (
        <p>
          {decision === 'resume'
            ? t('resumeText', { count: task.subject.count ?? 0, organisation: org.name })
            : t('rejectText')}
        </p>
      ) : decision === 'keep' ? (
        <p>{t('keepText', { name: task.subject.name, organisation: org.name })}</p>
      ) : (
        <Notice kind="warning">
          <p>{t('removeText', { name: task.subject.name })}</p>
        </Notice>
      )}
    </ReasonDialog>
  );
}

/** The actions of a KBO task in a task list; null for other kinds. */
export function KboTaskActions({
  task,
  representative,
  done,
}: {
  task: TaskDto;
  representative: boolean;
  done(text: string): void;
}) {
  const { t } = useTranslation('kbo');
  const org = useOrganisation();
  if (task.kind === 'resume')
    return (
      <>
        <KboDecisionButton task={task} decision="resume" done={done} />
        <KboDecisionButton task={task} decision="reject" done={done} />
      </>
    );
  if (task.kind === 'confirm-admin')
    return representative ? (
      <>
        <KboDecisionButton task={task} decision="keep" done={done} />
        <KboDecisionButton task={task} decision="remove" done={done} />
      </>
    ) : (
      <p className="muted">{t('representativeDecides')}</p>
    );
  if (task.kind === 'appoint-admin')
    return <TextLink href={`${orgPath(org.enterpriseNumber)}/lokale-beheerders`}>{t('appoint')}</TextLink>;
  return null;
}

/** The banner of an enterprise the KBO has as stopped. */
export function StoppedNotice({ name, stoppedOn }: { name: string; stoppedOn: string | null }) {
  const { t } = useTranslation(['kbo', 'common']);
  return (
    <Notice kind="warning" title={t('common:kboStopped')}>
      <p>{stoppedOn ? t('stoppedSince', { name, date: formatDate(stoppedOn) }) : t('stopped', { name })}</p>
    </Notice>
  );
}

type View = { name: string; function: string };

function describe(entry: HistoryEntryDto): string {
  const t = i18n.getFixedT(null, 'kbo');
  const after = (entry.after ?? {}) as { stoppedOn?: string | null; left?: View[]; arrived?: View[] };
  const names = (list: View[] | undefined) => (list ?? []).map((r) => `${r.name} (${r.function})`).join(', ');
  if (entry.action === 'kbo.stopped')
    return after.stoppedOn
      ? t('historyStoppedSince', { date: formatDate(after.stoppedOn) })
      : t('historyStopped');
  if (entry.action === 'kbo.active-again') return t('historyActive');
  if (entry.action === 'kbo.representatives-changed') {
    const parts = [
      after.left?.length ? t('historyLeft', { names: names(after.left) }) : '',
      after.arrived?.length ? t('historyArrived', { names: names(after.arrived) }) : '',
    ].filter(Boolean);
    return parts.length
      ? t('historyRepresentativesWhat', { what: parts.join('; ') })
      : t('historyRepresentatives');
  }
  return entry.action;
}

/** What the KBO changed under the organisation, newest first. */
export function KboHistory({ entries }: { entries: HistoryEntryDto[] }) {
  const { t } = useTranslation('kbo');
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="kbo-historiek" className="stack-small">
      <h2 id="kbo-historiek">{t('history')}</h2>
      <ul className="plain-list">
        {entries.map((e) => (
          <li key={e.entryId}>
            <span className="muted nowrap">{formatDateTime(e.at)}</span> · {describe(e)}
          </li>
        ))}
      </ul>
    </section>
  );
}
