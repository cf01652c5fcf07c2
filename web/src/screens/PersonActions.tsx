/**
 * The actions of *Gegevens van gebruiker*, each in a dialog: pause and resume, edit, delete and extend
 * the work relationship; edit and revoke a right. Every change sends If-Match with the version shown,
 * so a change made meanwhile by someone else is refused (412) instead of overwritten.
 */
import {
  DeleteRequest,
  ExtendRelationshipRequest,
  PauseRelationshipRequest,
  ResumeRelationshipRequest,
  UpdateGrantRequest,
  UpdateRelationshipRequest,
} from '@contracts/api.ts';
import { ApiError, useApi, useIdempotencyKeys } from '../app/api.ts';
import { formatDate, GRANT_STATE_LABELS } from '../app/format.ts';
import type { PersonPageDto, RightDto } from '../app/types.ts';
import { ActionDialog, CheckboxInput, DialogButtons, ReasonDialog } from '../components/dialog.tsx';
import {
  ContractForm,
  DateInput,
  DualListInput,
  TextAreaInput,
  useContractForm,
} from '../components/forms.tsx';
import { RELATIONSHIP_FIELD_LABELS, RelationshipFields } from '../components/relationship-fields.tsx';
import { Notice } from '../components/ui.tsx';

type Grant = PersonPageDto['grants'][number];

export interface ActionProps {
  person: PersonPageDto;
  /** The API path of the person. */
  path: string;
  /** After a change: reload the page and say what happened. */
  done(message: string): void;
}

/** A 412 (or 409) in plain words, thrown on: someone else changed it meanwhile. */
export function rethrowConflictAware(error: unknown): never {
  if (error instanceof ApiError && (error.status === 412 || error.status === 409)) {
    throw new ApiError(
      error.status,
      error.code,
      error.title,
      `${error.detail ?? error.title} Sluit dit venster en laad de pagina opnieuw: iemand anders wijzigde de gegevens intussen.`,
      error.fieldErrors,
    );
  }
  throw error;
}

const name = (p: PersonPageDto) => `${p.firstName} ${p.lastName}`;

export function PauseDialog({ person, path, done }: ActionProps) {
  const api = useApi();
  const keyFor = useIdempotencyKeys();
  return (
    <ReasonDialog
      label="Pauzeer werkrelatie"
      title={`Pauzeer de werkrelatie van ${name(person)}`}
      schema={PauseRelationshipRequest}
      reason="contract"
      submitLabel="Pauzeer"
      onConfirm={async (request, close) => {
        await api
          .post(`${path}/work-relationship/pause`, request, { idempotencyKey: keyFor(request) })
          .catch(rethrowConflictAware);
        close();
        done(`De werkrelatie van ${name(person)} is gepauzeerd; de gebruikersrechten zijn opgeschort.`);
      }}
    >
      <p>
        Tijdens de pauze zijn alle gebruikersrechten van {name(person)} opgeschort. U kan de werkrelatie later
        hervatten.
      </p>
    </ReasonDialog>
  );
}

export function ResumeDialog({ person, path, done }: ActionProps) {
  const api = useApi();
  const keyFor = useIdempotencyKeys();
  return (
    <ReasonDialog
      label="Hervat werkrelatie"
      title={`Hervat de werkrelatie van ${name(person)}`}
      schema={ResumeRelationshipRequest}
      submitLabel="Hervat"
      onConfirm={async (request, close) => {
        await api
          .post(`${path}/work-relationship/resume`, request, { idempotencyKey: keyFor(request) })
          .catch(rethrowConflictAware);
        close();
        done(`De werkrelatie van ${name(person)} is hervat; de gebruikersrechten gelden weer.`);
      }}
    >
      {person.relationship?.pauseReason && <p>Gepauzeerd omdat: {person.relationship.pauseReason}</p>}
    </ReasonDialog>
  );
}

type RelationshipValues = Record<keyof typeof RELATIONSHIP_FIELD_LABELS | 'reason', string>;

const RELATIONSHIP_LABELS: Record<keyof RelationshipValues, string> = {
  ...RELATIONSHIP_FIELD_LABELS,
  reason: 'Reden',
};

export function EditRelationshipDialog(props: ActionProps) {
  return (
    <ActionDialog label="Bewerk werkrelatie" title={`Bewerk de werkrelatie van ${name(props.person)}`}>
      {(close) => <EditRelationshipForm {...props} close={close} />}
    </ActionDialog>
  );
}

function EditRelationshipForm({ person, path, done, close }: ActionProps & { close(): void }) {
  const api = useApi();
  const r = person.relationship!;
  const form = useContractForm<RelationshipValues>(UpdateRelationshipRequest, {
    defaultValues: {
      category: r.category,
      startDate: formatDate(r.startDate),
      endDate: formatDate(r.endDate),
      phone: r.phone,
      email: r.email,
      reason: '',
    },
    dates: ['startDate', 'endDate'],
    optional: ['reason'],
  });
  return (
    <ContractForm
      form={form}
      labels={RELATIONSHIP_LABELS}
      onValid={async (request) => {
        await api
          .patch(`${path}/work-relationship`, request, { ifMatch: r.version })
          .catch(rethrowConflictAware);
        close();
        done(`De werkrelatie van ${name(person)} is gewijzigd.`);
      }}
    >
      <RelationshipFields />
      <TextAreaInput name="reason" label="Reden (niet verplicht)" />
      <DialogButtons submitLabel="Bewaar" pending={form.formState.isSubmitting} close={close} />
    </ContractForm>
  );
}

export function RightsList({ grants, empty }: { grants: readonly Grant[]; empty: string }) {
  if (grants.length === 0) return <p>{empty}</p>;
  return (
    <ul className="plain-list">
      {grants.map((g) => (
        <li key={g.grantId}>
          <strong>{g.rightName}</strong> ({g.profiles.join(', ')}), van {formatDate(g.startDate)} tot{' '}
          {formatDate(g.endDate)}
        </li>
      ))}
    </ul>
  );
}

export function DeleteRelationshipDialog({ person, path, done }: ActionProps) {
  const api = useApi();
  const r = person.relationship!;
  const live = person.grants.filter((g) => g.state !== 'expired');
  return (
    <ReasonDialog
      label="Verwijder werkrelatie"
      title={`Verwijder de werkrelatie van ${name(person)}`}
      schema={DeleteRequest}
      reason="Geef een reden op voor het verwijderen."
      submitLabel="Ja, verwijder de werkrelatie"
      submitVariant="danger"
      onConfirm={async (request, close) => {
        await api
          .delete(`${path}/work-relationship`, request, { ifMatch: r.version })
          .catch(rethrowConflictAware);
        close();
        done(
          `De werkrelatie van ${name(person)} met ${person.organisation.name} is verwijderd${
            live.length > 0
              ? ` en ${live.length === 1 ? 'het gebruikersrecht is' : 'de gebruikersrechten zijn'} ingetrokken`
              : ''
          }.`,
        );
      }}
    >
      <Notice kind="warning" title="Dit kan u niet ongedaan maken">
        <p>
          {name(person)} is daarna niet meer gekoppeld aan {person.organisation.name}.{' '}
          {live.length > 0 ? 'Deze gebruikersrechten worden ingetrokken:' : ''}
        </p>
        <RightsList grants={live} empty="Er zijn geen gebruikersrechten die ingetrokken worden." />
      </Notice>
    </ReasonDialog>
  );
}

interface ExtendValues {
  endDate: string;
  includeRights: boolean;
  reason: string;
}

export function ExtendDialog(props: ActionProps) {
  return (
    <ActionDialog
      label="Verleng werkrelatie en gebruikersrechten"
      title={`Verleng de werkrelatie van ${name(props.person)}`}
    >
      {(close) => <ExtendForm {...props} close={close} />}
    </ActionDialog>
  );
}

function ExtendForm({ person, path, done, close }: ActionProps & { close(): void }) {
  const api = useApi();
  const keyFor = useIdempotencyKeys();
  const r = person.relationship!;
  const form = useContractForm<ExtendValues>(ExtendRelationshipRequest, {
    defaultValues: { endDate: '', includeRights: true, reason: '' },
    dates: ['endDate'],
    optional: ['endDate', 'reason'],
  });
  return (
    <ContractForm
      form={form}
      labels={{ endDate: 'Nieuwe einddatum', includeRights: 'Gebruikersrechten', reason: 'Reden' }}
      onValid={async (request) => {
        await api
          .post(`${path}/work-relationship/extension`, request, { idempotencyKey: keyFor(request) })
          .catch(rethrowConflictAware);
        close();
        done(
          request.includeRights
            ? `De werkrelatie en de gebruikersrechten van ${name(person)} zijn verlengd.`
            : `De werkrelatie van ${name(person)} is verlengd.`,
        );
      }}
    >
      <p>
        Nu geldig tot {formatDate(r.endDate)}. Laat de nieuwe einddatum leeg om de maximumperiode te nemen.
      </p>
      <DateInput name="endDate" label="Nieuwe einddatum" description="Niet verplicht." />
      <CheckboxInput
        name="includeRights"
        label="Verleng ook de gebruikersrechten"
        description="De gebruikersrechten lopen dan tot de nieuwe einddatum, binnen hun eigen maximumperiode."
      />
      <TextAreaInput name="reason" label="Reden (niet verplicht)" />
      <DialogButtons submitLabel="Verleng" pending={form.formState.isSubmitting} close={close} />
    </ContractForm>
  );
}

interface GrantValues {
  profiles: string[];
  startDate: string;
  endDate: string;
  reason: string;
}

export function EditGrantDialog({
  grant,
  right,
  ...props
}: ActionProps & { grant: Grant; right: RightDto | undefined }) {
  return (
    <ActionDialog
      label="Bewerk"
      buttonLabel={`Bewerk: ${grant.rightName}`}
      title={`Bewerk ${grant.rightName} van ${name(props.person)}`}
      variant="link"
    >
      {(close) => <EditGrantForm {...props} grant={grant} right={right} close={close} />}
    </ActionDialog>
  );
}

function EditGrantForm({
  person,
  path,
  done,
  close,
  grant,
  right,
}: ActionProps & { close(): void; grant: Grant; right: RightDto | undefined }) {
  const api = useApi();
  const form = useContractForm<GrantValues>(UpdateGrantRequest, {
    defaultValues: {
      profiles: grant.profiles,
      startDate: formatDate(grant.startDate),
      endDate: formatDate(grant.endDate),
      reason: '',
    },
    dates: ['startDate', 'endDate'],
    optional: ['reason'],
  });
  const available = [...new Set([...(right?.profiles ?? []), ...grant.profiles])];
  return (
    <ContractForm
      form={form}
      labels={{ profiles: 'Profielen', startDate: 'Begindatum', endDate: 'Einddatum', reason: 'Reden' }}
      onValid={async (request) => {
        await api
          .patch(`${path}/rights/${grant.grantId}`, request, { ifMatch: grant.version })
          .catch(rethrowConflictAware);
        close();
        done(`${grant.rightName} van ${name(person)} is gewijzigd.`);
      }}
    >
      <DualListInput name="profiles" label="Profielen" available={available} required />
      <DateInput name="startDate" label="Begindatum" required />
      <DateInput
        name="endDate"
        label="Einddatum"
        required
        description={`Maximumperiode = ${right?.maxYears ?? 5} jaar, en niet later dan de werkrelatie.`}
      />
      <TextAreaInput name="reason" label="Reden (niet verplicht)" />
      <DialogButtons submitLabel="Bewaar" pending={form.formState.isSubmitting} close={close} />
    </ContractForm>
  );
}

export function RevokeGrantDialog({ grant, person, path, done }: ActionProps & { grant: Grant }) {
  const api = useApi();
  return (
    <ReasonDialog
      label="Intrekken"
      buttonLabel={`Intrekken: ${grant.rightName}`}
      title={`Trek ${grant.rightName} van ${name(person)} in`}
      variant="link"
      schema={DeleteRequest}
      reason="Geef een reden op voor het intrekken."
      submitLabel="Ja, trek in"
      submitVariant="danger"
      onConfirm={async (request, close) => {
        await api
          .delete(`${path}/rights/${grant.grantId}`, request, { ifMatch: grant.version })
          .catch(rethrowConflictAware);
        close();
        done(`${grant.rightName} van ${name(person)} is ingetrokken.`);
      }}
    >
      <Notice kind="warning" title="Dit kan u niet ongedaan maken">
        <p>
          {name(person)} verliest {grant.rightName} ({grant.profiles.join(', ')}),{' '}
          {GRANT_STATE_LABELS[grant.state]?.toLowerCase() ?? grant.state}, geldig tot{' '}
          {formatDate(grant.endDate)}.
        </p>
      </Notice>
    </ReasonDialog>
  );
}
