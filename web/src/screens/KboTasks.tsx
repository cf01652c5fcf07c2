/**
 * What follows the KBO in the UI: the decisions on the tasks it opens (*Werkrelaties hervatten?* for the
 * local administrators, *Bevestig lokale beheerder* for the legal representatives), the banner of a
 * stopped enterprise and the organisation's KBO history on *Lokale beheerders*.
 */
import { DecisionRequest } from '@contracts/api.ts';
import * as z from 'zod/mini';
import { useApi, useIdempotencyKeys } from '../app/api.ts';
import { formatDate, formatDateTime } from '../app/format.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import type { HistoryEntryDto, TaskDto } from '../app/types.ts';
import { ReasonDialog } from '../components/dialog.tsx';
import { Notice, TextLink } from '../components/ui.tsx';

export type KboDecision = 'resume' | 'reject' | 'keep' | 'remove';

const ReasonRequired = z.object({ reason: DecisionRequest.shape.reason });

const LABEL: Record<KboDecision, string> = {
  resume: 'Hervat',
  reject: 'Niet hervatten',
  keep: 'Behouden',
  remove: 'Verwijderen',
};

function doneText(task: TaskDto, decision: KboDecision, answer: TaskDto): string {
  if (decision === 'resume') {
    const n = answer.subject.count ?? 0;
    return n === 1 ? '1 werkrelatie is hervat.' : `${n} werkrelaties zijn hervat.`;
  }
  if (decision === 'reject') return 'De werkrelaties blijven gepauzeerd.';
  if (decision === 'keep') return `${task.subject.name} blijft lokale beheerder.`;
  return `${task.subject.name} is geen lokale beheerder meer.`;
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
  const org = useOrganisation();
  const api = useApi();
  const keyFor = useIdempotencyKeys();
  const label = LABEL[decision];
  const title =
    task.kind === 'resume'
      ? decision === 'resume'
        ? 'Hervat de werkrelaties die de KBO pauzeerde'
        : 'Laat de werkrelaties gepauzeerd'
      : decision === 'keep'
        ? `Behoud ${task.subject.name} als lokale beheerder`
        : `Verwijder ${task.subject.name} als lokale beheerder`;
  return (
    <ReasonDialog
      label={label}
      buttonLabel={`${label}: ${task.title}`}
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
            ? `De ${task.subject.count ?? ''} werkrelaties die gepauzeerd werden toen ${org.name} stopgezet was, lopen weer; hun gebruikersrechten geven opnieuw toegang.`
            : 'De werkrelaties blijven gepauzeerd; u kunt ze later nog een voor een hervatten.'}
        </p>
      ) : decision === 'keep' ? (
        <p>
          U bevestigt dat {task.subject.name} lokale beheerder van {org.name} blijft.
        </p>
      ) : (
        <Notice kind="warning">
          <p>{task.subject.name} kan daarna geen personen of rechten meer beheren voor deze organisatie.</p>
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
      <p className="muted">Een wettelijk vertegenwoordiger beslist hierover.</p>
    );
  if (task.kind === 'appoint-admin')
    return (
      <TextLink href={`${orgPath(org.enterpriseNumber)}/lokale-beheerders`}>
        Duid een lokale beheerder aan
      </TextLink>
    );
  return null;
}

/** The banner of an enterprise the KBO has as stopped. */
export function StoppedNotice({ name, stoppedOn }: { name: string; stoppedOn: string | null }) {
  return (
    <Notice kind="warning" title="Stopgezet in de KBO">
      <p>
        Volgens de KBO is {name} stopgezet{stoppedOn ? ` sinds ${formatDate(stoppedOn)}` : ''}. De
        werkrelaties zijn gepauzeerd (reden: "onderneming stopgezet in de KBO"); een werkrelatie starten of
        hervatten kan pas als de onderneming opnieuw actief is.
      </p>
    </Notice>
  );
}

type View = { name: string; function: string };

function describe(entry: HistoryEntryDto): string {
  const after = (entry.after ?? {}) as { stoppedOn?: string | null; left?: View[]; arrived?: View[] };
  const names = (list: View[] | undefined) => (list ?? []).map((r) => `${r.name} (${r.function})`).join(', ');
  if (entry.action === 'kbo.stopped')
    return `Stopgezet in de KBO${after.stoppedOn ? ` sinds ${formatDate(after.stoppedOn)}` : ''}`;
  if (entry.action === 'kbo.active-again') return 'Opnieuw actief in de KBO';
  if (entry.action === 'kbo.representatives-changed') {
    const parts = [
      after.left?.length ? `niet meer: ${names(after.left)}` : '',
      after.arrived?.length ? `nieuw: ${names(after.arrived)}` : '',
    ].filter(Boolean);
    return `Wettelijk vertegenwoordigers gewijzigd${parts.length ? ` (${parts.join('; ')})` : ''}`;
  }
  return entry.action;
}

/** What the KBO changed under the organisation, newest first. */
export function KboHistory({ entries }: { entries: HistoryEntryDto[] }) {
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="kbo-historiek" className="stack-small">
      <h2 id="kbo-historiek">Wijzigingen in de KBO</h2>
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
