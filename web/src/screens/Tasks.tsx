/**
 * *Mijn taken*: the open tasks of the organisation (on the home page and on their own page). An
 * approval task (someone asked access) is approved or rejected with a reason; approving someone who has
 * no work relationship yet asks its details (category, period, phone, e-mail). An extension task
 * (*Verlengen?*) is extended or rejected. Decisions are answered 202: the workflow applies them. The
 * KBO's tasks (resume what it paused; for a legal representative, confirm or appoint a local
 * administrator) are decided in KboTasks.tsx.
 */

import { DecisionRequest, RelationshipDetails } from '@contracts/api.ts';
import { lastDayOfYears } from '@contracts/common.ts';
import type { TFunction } from 'i18next';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as z from 'zod/mini';
import { useApi, useIdempotencyKeys, useResource } from '../app/api.ts';
import { formatDate, formatDateTime, todayInBrussels } from '../app/format.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import type { LocalAdminsDto, TaskDto } from '../app/types.ts';
import { ActionDialog, DialogButtons } from '../components/dialog.tsx';
import { ContractForm, DateInput, TextAreaInput, useContractForm } from '../components/forms.tsx';
import {
  askRelationshipOn,
  RelationshipFields,
  useRelationshipFieldLabels,
} from '../components/relationship-fields.tsx';
import { EmptyState, Notice, PageTitle, ResourceView, TextLink } from '../components/ui.tsx';
import i18n from '../i18n/index.ts';
import { KboTaskActions } from './KboTasks.tsx';

/**
 * A task's title in the UI's language, from its kind and subject (the API's `title` is the Dutch one,
 * kept for what reads the API directly).
 */
export function taskTitle(task: TaskDto, organisation: string): string {
  const t = i18n.getFixedT(null, 'tasks');
  const s = task.subject;
  const date = s.endDate ? formatDate(s.endDate) : '';
  switch (task.kind) {
    case 'approval':
      return t('titles.approval', { right: s.right ?? '', name: s.name });
    case 'extension':
      return t('titles.extension', {
        what: s.item === 'grant' ? t('titles.grant', { right: s.right ?? '' }) : t('titles.relationship'),
        name: s.name,
        date,
      });
    case 'resume':
      return t('titles.resume', { name: s.name });
    case 'confirm-admin':
      return t('titles.confirmAdmin', { name: s.name, organisation });
    case 'appoint-admin':
      return t('titles.appointAdmin', { name: s.name });
    case 'access-review':
      return t('titles.accessReview', { name: s.name, date });
    default:
      return task.title;
  }
}

/** The page *Mijn taken*. */
export function Tasks() {
  const { t } = useTranslation('routes');
  const org = useOrganisation();
  return (
    <div className="stack">
      <PageTitle kicker={org.name}>{t('tasks')}</PageTitle>
      <TaskList headingLevel={2} />
    </div>
  );
}

/** The list of open tasks with their decisions; also on the home page. */
export function TaskList({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation(['tasks', 'common']);
  const org = useOrganisation();
  const api = useApi();
  const representative = org.roles.includes('legal-representative');
  // A legal representative's own tasks (from the KBO) come with the page of local administrators.
  const tasks = useResource(`tasks:${org.enterpriseNumber}`, async (signal) => {
    const [own, asRepresentative] = await Promise.all([
      api.get<{ items: TaskDto[] }>(`/organisations/${org.enterpriseNumber}/tasks`, { signal }),
      representative
        ? api.get<LocalAdminsDto>(`/organisations/${org.enterpriseNumber}/local-admins`, { signal })
        : null,
    ]);
    return { items: [...own.items, ...(asRepresentative?.representativeTasks ?? [])] };
  });
  const [message, setMessage] = useState<string | null>(null);
  const base = orgPath(org.enterpriseNumber);
  // The decided item disappears with its button: keep keyboard focus near, on the message.
  const statusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message && tasks.data && document.activeElement === document.body) statusRef.current?.focus();
  }, [message, tasks.data]);
  const done = (text: string) => {
    setMessage(text);
    tasks.reload();
  };
  const Title = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <div role="status" ref={statusRef} tabIndex={-1}>
        {message && (
          <Notice kind="success">
            <p>{message}</p>
          </Notice>
        )}
      </div>
      <ResourceView resource={tasks} loadingText={t('loading')}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title={t('none')}>
              <p>{t('noneText')}</p>
            </EmptyState>
          ) : (
            <ul className="task-list">
              {data.items.map((task) => (
                <li key={task.taskId} className="task">
                  <Title className="task-title">{taskTitle(task, org.name)}</Title>
                  <p className="task-meta">
                    <TaskSubject task={task} />
                  </p>
                  {task.reason && <p className="task-reason">{t('reasonValue', { reason: task.reason })}</p>}
                  {task.lastFailure && (
                    <Notice kind="warning">
                      <p>
                        {task.lastFailure.decidedBy
                          ? t('failedBy', {
                              name: task.lastFailure.decidedBy,
                              problem: task.lastFailure.message,
                            })
                          : t('failed', { problem: task.lastFailure.message })}
                      </p>
                    </Notice>
                  )}
                  <p className="task-meta muted">{t('since', { date: formatDateTime(task.createdAt) })}</p>
                  {task.subject.personId && (
                    <TextLink href={`${base}/personen/${task.subject.personId}`}>
                      {t('view', { name: task.subject.name })}
                    </TextLink>
                  )}
                  <div className="task-actions">
                    {task.kind === 'access-review' ? (
                      <TextLink href={`${base}/toegangsreview`}>{t('toReview')}</TextLink>
                    ) : task.kind === 'resume' ||
                      task.kind === 'confirm-admin' ||
                      task.kind === 'appoint-admin' ? (
                      <KboTaskActions task={task} representative={representative} done={done} />
                    ) : task.kind === 'approval' ? (
                      <>
                        <DecisionDialog task={task} decision="approve" done={done} />
                        <DecisionDialog task={task} decision="reject" done={done} />
                      </>
                    ) : (
                      <>
                        <DecisionDialog task={task} decision="extend" done={done} />
                        <DecisionDialog task={task} decision="reject" done={done} />
                      </>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          )
        }
      </ResourceView>
    </>
  );
}

/** What a task is about: who, the right and profiles, until when. */
function TaskSubject({ task }: { task: TaskDto }) {
  const { t } = useTranslation('tasks');
  const s = task.subject;
  return (
    <>
      {s.name}
      {s.right ? ` · ${s.right}` : ''}
      {s.profiles.length > 0 ? ` (${s.profiles.join(', ')})` : ''}
      {s.endDate ? ` · ${t('until', { date: formatDate(s.endDate) })}` : ''}
    </>
  );
}

type Decision = 'approve' | 'reject' | 'extend';

const BUTTON = { approve: 'approve', reject: 'reject', extend: 'extend' } as const;

function dialogTitle(t: TFunction<'tasks'>, task: TaskDto, decision: Decision): string {
  const name = task.subject.name;
  if (decision === 'approve') return t('approveTitle', { name });
  if (decision === 'extend') return t('extendTitle', { name });
  return task.kind === 'extension' ? t('noExtendTitle', { name }) : t('rejectTitle', { name });
}

function DecisionDialog({
  task,
  decision,
  done,
}: {
  task: TaskDto;
  decision: Decision;
  done(m: string): void;
}) {
  const { t } = useTranslation('tasks');
  const org = useOrganisation();
  const label = decision === 'reject' && task.kind === 'extension' ? t('noExtend') : t(BUTTON[decision]);
  return (
    <ActionDialog
      label={label}
      buttonLabel={t('buttonLabel', { label, title: taskTitle(task, org.name), name: task.subject.name })}
      title={dialogTitle(t, task, decision)}
      variant={decision === 'reject' ? 'secondary' : 'primary'}
    >
      {(close) => <DecisionForm task={task} decision={decision} done={done} close={close} />}
    </ActionDialog>
  );
}

interface DecisionValues {
  reason: string;
  category: string;
  startDate: string;
  endDate: string;
  phone: string;
  email: string;
}

/**
 * The decision's own contract (DecisionRequest) judges the reason; the relationship details, when
 * asked, are judged by RelationshipDetails, the same contract the API applies to them.
 */
function decisionSchema(needsRelationship: () => boolean, extension: boolean) {
  return z.any().check(
    z.superRefine((value: Record<string, unknown>, ctx) => {
      const reason = DecisionRequest.shape.reason.safeParse(value.reason);
      if (!reason.success)
        for (const issue of reason.error.issues)
          ctx.addIssue({ code: 'custom', message: issue.message, path: ['reason'] });
      if (extension && value.endDate) {
        const end = DecisionRequest.shape.endDate.safeParse(value.endDate);
        if (!end.success)
          for (const issue of end.error.issues)
            ctx.addIssue({ code: 'custom', message: issue.message, path: ['endDate'] });
      }
      if (!extension && needsRelationship()) {
        // Empty fields are judged as empty text (their own "fill in" messages), not as missing.
        const relationship = Object.fromEntries(
          (['category', 'startDate', 'endDate', 'phone', 'email'] as const).map((k) => [k, value[k] ?? '']),
        );
        const result = RelationshipDetails.safeParse(relationship);
        if (!result.success)
          for (const issue of result.error.issues)
            ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as PropertyKey[] });
      }
    }),
  );
}

function DecisionForm({
  task,
  decision,
  done,
  close,
}: {
  task: TaskDto;
  decision: Decision;
  done(m: string): void;
  close(): void;
}) {
  const { t } = useTranslation(['tasks', 'common']);
  const fieldLabels = useRelationshipFieldLabels();
  const LABELS: Record<keyof DecisionValues, string> = { ...fieldLabels, reason: t('common:reason') };
  const EXTENSION_END_LABEL = t('extensionEnd');
  const org = useOrganisation();
  const api = useApi();
  const keyFor = useIdempotencyKeys();
  const approving = decision === 'approve';
  const extension = task.kind === 'extension';
  const [needsRelationship, setNeedsRelationship] = useState(approving && task.subject.personId === null);
  const needsRef = useRef(needsRelationship);
  needsRef.current = needsRelationship;
  const today = todayInBrussels();
  const [schema] = useState(() => decisionSchema(() => needsRef.current, extension));
  const form = useContractForm<DecisionValues>(schema, {
    defaultValues: {
      reason: '',
      category: '',
      startDate: formatDate(today),
      endDate: extension ? '' : formatDate(lastDayOfYears(today, 10)),
      phone: '',
      email: '',
    },
    dates: extension ? ['endDate'] : ['startDate', 'endDate'],
    optional: extension ? ['endDate'] : ['category', 'startDate', 'endDate', 'phone', 'email'],
  });
  const showRelationship = approving && needsRelationship;
  return (
    <ContractForm
      form={form}
      labels={extension ? { ...LABELS, endDate: EXTENSION_END_LABEL } : LABELS}
      onValid={async (values) => {
        const body: Record<string, unknown> = { decision, reason: values.reason };
        if (extension && decision === 'extend' && values.endDate) body.endDate = values.endDate;
        if (showRelationship) {
          body.relationship = {
            category: values.category,
            startDate: values.startDate,
            endDate: values.endDate,
            phone: values.phone,
            email: values.email,
          };
        }
        await api
          .post(`/organisations/${org.enterpriseNumber}/tasks/${task.taskId}/decision`, body, {
            idempotencyKey: keyFor(body),
          })
          .catch(
            askRelationshipOn(
              'decision.relationship-required',
              t('relationshipRequired', { name: task.subject.name, organisation: org.name }),
              () => setNeedsRelationship(true),
            ),
          );
        close();
        const name = task.subject.name;
        done(
          decision === 'approve'
            ? t('approved', { name })
            : decision === 'extend'
              ? t('extended', { name })
              : extension
                ? t('notExtended', { name })
                : t('rejected', { name }),
        );
      }}
    >
      <p>
        <TaskSubject task={task} />
      </p>
      {showRelationship && (
        <fieldset className="fieldset">
          <legend className="field-label">{t('relationshipWith', { organisation: org.name })}</legend>
          <p className="field-description">{t('relationshipWithText', { name: task.subject.name })}</p>
          <RelationshipFields />
        </fieldset>
      )}
      {extension && decision === 'extend' && (
        <DateInput name="endDate" label={EXTENSION_END_LABEL} description={t('extensionEndText')} />
      )}
      <TextAreaInput name="reason" label={LABELS.reason} required />
      <DialogButtons
        submitLabel={decision === 'reject' ? t('common:confirm') : t(BUTTON[decision])}
        pending={form.formState.isSubmitting}
        close={close}
      />
    </ContractForm>
  );
}
