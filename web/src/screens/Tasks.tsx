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
import { useEffect, useRef, useState } from 'react';
import * as z from 'zod/mini';
import { useApi, useIdempotencyKeys, useResource } from '../app/api.ts';
import { formatDate, formatDateTime, todayInBrussels } from '../app/format.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import type { LocalAdminsDto, TaskDto } from '../app/types.ts';
import { ActionDialog, DialogButtons } from '../components/dialog.tsx';
import { ContractForm, DateInput, TextAreaInput, useContractForm } from '../components/forms.tsx';
import {
  askRelationshipOn,
  RELATIONSHIP_FIELD_LABELS,
  RelationshipFields,
} from '../components/relationship-fields.tsx';
import { EmptyState, Notice, PageTitle, ResourceView, TextLink } from '../components/ui.tsx';
import { KboTaskActions } from './KboTasks.tsx';

/** The page *Mijn taken*. */
export function Tasks() {
  const org = useOrganisation();
  return (
    <div className="stack">
      <PageTitle kicker={org.name}>Mijn Taken</PageTitle>
      <TaskList headingLevel={2} />
    </div>
  );
}

/** The list of open tasks with their decisions; also on the home page. */
export function TaskList({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
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
      <ResourceView resource={tasks} loadingText="Uw taken worden opgehaald…">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="U heeft momenteel geen openstaande taken">
              <p>Aanvragen om toegang en rechten die bijna vervallen, verschijnen hier.</p>
            </EmptyState>
          ) : (
            <ul className="task-list">
              {data.items.map((t) => (
                <li key={t.taskId} className="task">
                  <Title className="task-title">{t.title}</Title>
                  <p className="task-meta">
                    {t.subject.name}
                    {t.subject.right ? ` · ${t.subject.right}` : ''}
                    {t.subject.profiles.length > 0 ? ` (${t.subject.profiles.join(', ')})` : ''}
                    {t.subject.endDate ? ` · tot ${formatDate(t.subject.endDate)}` : ''}
                  </p>
                  {t.reason && <p className="task-reason">Reden: {t.reason}</p>}
                  {t.lastFailure && (
                    <Notice kind="warning">
                      <p>
                        De vorige beslissing{t.lastFailure.decidedBy ? ` van ${t.lastFailure.decidedBy}` : ''}{' '}
                        kon niet uitgevoerd worden: {t.lastFailure.message} Beslis opnieuw.
                      </p>
                    </Notice>
                  )}
                  <p className="task-meta muted">Sinds {formatDateTime(t.createdAt)}</p>
                  {t.subject.personId && (
                    <TextLink href={`${base}/personen/${t.subject.personId}`}>
                      Bekijk {t.subject.name}
                    </TextLink>
                  )}
                  <div className="task-actions">
                    {t.kind === 'access-review' ? (
                      <TextLink href={`${base}/toegangsreview`}>Naar de toegangsreview</TextLink>
                    ) : t.kind === 'resume' || t.kind === 'confirm-admin' || t.kind === 'appoint-admin' ? (
                      <KboTaskActions task={t} representative={representative} done={done} />
                    ) : t.kind === 'approval' ? (
                      <>
                        <DecisionDialog task={t} decision="approve" done={done} />
                        <DecisionDialog task={t} decision="reject" done={done} />
                      </>
                    ) : (
                      <>
                        <DecisionDialog task={t} decision="extend" done={done} />
                        <DecisionDialog task={t} decision="reject" done={done} />
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

type Decision = 'approve' | 'reject' | 'extend';

const BUTTON: Record<Decision, string> = { approve: 'Keur goed', reject: 'Keur af', extend: 'Verleng' };

function dialogTitle(task: TaskDto, decision: Decision): string {
  const who = task.subject.name;
  if (decision === 'approve') return `Keur de aanvraag van ${who} goed`;
  if (decision === 'extend') return `Verleng voor ${who}`;
  return task.kind === 'extension' ? `Verleng niet voor ${who}` : `Keur de aanvraag van ${who} af`;
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
  const label = decision === 'reject' && task.kind === 'extension' ? 'Verleng niet' : BUTTON[decision];
  return (
    <ActionDialog
      label={label}
      buttonLabel={`${label}: ${task.title} (${task.subject.name})`}
      title={dialogTitle(task, decision)}
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

const LABELS: Record<keyof DecisionValues, string> = { ...RELATIONSHIP_FIELD_LABELS, reason: 'Reden' };

const EXTENSION_END_LABEL = 'Nieuwe einddatum van de werkrelatie';

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
              `${task.subject.name} heeft nog geen werkrelatie met ${org.name}. Vul de gegevens van de werkrelatie in en bevestig opnieuw.`,
              () => setNeedsRelationship(true),
            ),
          );
        close();
        done(
          decision === 'approve'
            ? `De aanvraag van ${task.subject.name} is goedgekeurd. Het recht wordt nu toegekend; dit kan even duren.`
            : decision === 'extend'
              ? `De werkrelatie en de gebruikersrechten van ${task.subject.name} zijn verlengd.`
              : extension
                ? `Niet verlengd voor ${task.subject.name}.`
                : `De aanvraag van ${task.subject.name} is afgekeurd.`,
        );
      }}
    >
      <p>
        {task.subject.name}
        {task.subject.right ? ` · ${task.subject.right}` : ''}
        {task.subject.profiles.length > 0 ? ` (${task.subject.profiles.join(', ')})` : ''}
        {task.subject.endDate ? ` · tot ${formatDate(task.subject.endDate)}` : ''}
      </p>
      {showRelationship && (
        <fieldset className="fieldset">
          <legend className="field-label">Werkrelatie met {org.name}</legend>
          <p className="field-description">
            {task.subject.name} heeft nog geen werkrelatie met de organisatie; die wordt samen met de
            goedkeuring aangemaakt.
          </p>
          <RelationshipFields />
        </fieldset>
      )}
      {extension && decision === 'extend' && (
        <DateInput
          name="endDate"
          label={EXTENSION_END_LABEL}
          description="De werkrelatie loopt tot deze datum, maximaal 10 jaar; de gebruikersrechten lopen mee, elk maximaal 5 jaar vanaf vandaag en niet later dan de werkrelatie. Niet verplicht: leeg is de maximumperiode."
        />
      )}
      <TextAreaInput name="reason" label={LABELS.reason} required />
      <DialogButtons
        submitLabel={decision === 'reject' ? 'Bevestig' : BUTTON[decision]}
        pending={form.formState.isSubmitting}
        close={close}
      />
    </ContractForm>
  );
}
