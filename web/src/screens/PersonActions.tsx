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
import { Trans, useTranslation } from 'react-i18next';
import { ApiError, useApi, useIdempotencyKeys } from '../app/api.ts';
import { formatDate, grantStateLabel } from '../app/format.ts';
import type { PersonPageDto, RightDto } from '../app/types.ts';
import { ActionDialog, CheckboxInput, DialogButtons, ReasonDialog } from '../components/dialog.tsx';
import {
  ContractForm,
  DateInput,
  DualListInput,
  TextAreaInput,
  useContractForm,
} from '../components/forms.tsx';
import { RelationshipFields, useRelationshipFieldLabels } from '../components/relationship-fields.tsx';
import { Notice } from '../components/ui.tsx';
import i18n from '../i18n/index.ts';

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
      i18n.t('actions:conflict', { problem: error.detail ?? error.title }),
      error.fieldErrors,
    );
  }
  throw error;
}

const name = (p: PersonPageDto) => `${p.firstName} ${p.lastName}`;

export function PauseDialog({ person, path, done }: ActionProps) {
  const { t } = useTranslation('actions');
  const api = useApi();
  const keyFor = useIdempotencyKeys();
  return (
    <ReasonDialog
      label={t('pause')}
      title={t('pauseTitle', { name: name(person) })}
      schema={PauseRelationshipRequest}
      reason="contract"
      submitLabel={t('pauseSubmit')}
      onConfirm={async (request, close) => {
        await api
          .post(`${path}/work-relationship/pause`, request, { idempotencyKey: keyFor(request) })
          .catch(rethrowConflictAware);
        close();
        done(t('paused', { name: name(person) }));
      }}
    >
      <p>{t('pauseText', { name: name(person) })}</p>
    </ReasonDialog>
  );
}

export function ResumeDialog({ person, path, done }: ActionProps) {
  const { t } = useTranslation('actions');
  const api = useApi();
  const keyFor = useIdempotencyKeys();
  return (
    <ReasonDialog
      label={t('resume')}
      title={t('resumeTitle', { name: name(person) })}
      schema={ResumeRelationshipRequest}
      submitLabel={t('resumeSubmit')}
      onConfirm={async (request, close) => {
        await api
          .post(`${path}/work-relationship/resume`, request, { idempotencyKey: keyFor(request) })
          .catch(rethrowConflictAware);
        close();
        done(t('resumed', { name: name(person) }));
      }}
    >
      {person.relationship?.pauseReason && (
        <p>{t('pausedBecause', { reason: person.relationship.pauseReason })}</p>
      )}
    </ReasonDialog>
  );
}

type RelationshipValues = Record<'category' | 'startDate' | 'endDate' | 'phone' | 'email' | 'reason', string>;

export function EditRelationshipDialog(props: ActionProps) {
  const { t } = useTranslation('actions');
  return (
    <ActionDialog label={t('edit')} title={t('editTitle', { name: name(props.person) })}>
      {(close) => <EditRelationshipForm {...props} close={close} />}
    </ActionDialog>
  );
}

function EditRelationshipForm({ person, path, done, close }: ActionProps & { close(): void }) {
  const { t } = useTranslation(['actions', 'common']);
  const fieldLabels = useRelationshipFieldLabels();
  const labels: Record<keyof RelationshipValues, string> = { ...fieldLabels, reason: t('common:reason') };
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
      labels={labels}
      onValid={async (request) => {
        await api
          .patch(`${path}/work-relationship`, request, { ifMatch: r.version })
          .catch(rethrowConflictAware);
        close();
        done(t('edited', { name: name(person) }));
      }}
    >
      <RelationshipFields />
      <TextAreaInput name="reason" label={t('common:reasonOptional')} />
      <DialogButtons submitLabel={t('common:save')} pending={form.formState.isSubmitting} close={close} />
    </ContractForm>
  );
}

export function RightsList({ grants, empty }: { grants: readonly Grant[]; empty: string }) {
  const { t } = useTranslation('actions');
  if (grants.length === 0) return <p>{empty}</p>;
  return (
    <ul className="plain-list">
      {grants.map((g) => (
        <li key={g.grantId}>
          <Trans
            t={t}
            i18nKey="rightLine"
            values={{
              right: g.rightName,
              profiles: g.profiles.join(', '),
              from: formatDate(g.startDate),
              to: formatDate(g.endDate),
            }}
            components={{ strong: <strong /> }}
          />
        </li>
      ))}
    </ul>
  );
}

export function DeleteRelationshipDialog({ person, path, done }: ActionProps) {
  const { t } = useTranslation('actions');
  const api = useApi();
  const r = person.relationship!;
  const live = person.grants.filter((g) => g.state !== 'expired');
  return (
    <ReasonDialog
      label={t('delete')}
      title={t('deleteTitle', { name: name(person) })}
      schema={DeleteRequest}
      reason={t('deleteReason')}
      submitLabel={t('deleteSubmit')}
      submitVariant="danger"
      onConfirm={async (request, close) => {
        await api
          .delete(`${path}/work-relationship`, request, { ifMatch: r.version })
          .catch(rethrowConflictAware);
        close();
        const what = { name: name(person), organisation: person.organisation.name };
        done(live.length > 0 ? t('deletedRevoked', { ...what, count: live.length }) : t('deleted', what));
      }}
    >
      <Notice kind="warning" title={t('cannotUndo')}>
        <p>
          {t('deleteText', { name: name(person), organisation: person.organisation.name })}{' '}
          {live.length > 0 ? t('deleteRights') : ''}
        </p>
        <RightsList grants={live} empty={t('deleteNoRights')} />
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
  const { t } = useTranslation('actions');
  return (
    <ActionDialog label={t('extend')} title={t('extendTitle', { name: name(props.person) })}>
      {(close) => <ExtendForm {...props} close={close} />}
    </ActionDialog>
  );
}

function ExtendForm({ person, path, done, close }: ActionProps & { close(): void }) {
  const { t } = useTranslation(['actions', 'common']);
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
      labels={{ endDate: t('newEndDate'), includeRights: t('common:rights'), reason: t('common:reason') }}
      onValid={async (request) => {
        await api
          .post(`${path}/work-relationship/extension`, request, { idempotencyKey: keyFor(request) })
          .catch(rethrowConflictAware);
        close();
        done(
          request.includeRights
            ? t('extendedWithRights', { name: name(person) })
            : t('extended', { name: name(person) }),
        );
      }}
    >
      <p>{t('extendText', { date: formatDate(r.endDate) })}</p>
      <DateInput name="endDate" label={t('newEndDate')} description={t('optional')} />
      <CheckboxInput name="includeRights" label={t('includeRights')} description={t('includeRightsText')} />
      <TextAreaInput name="reason" label={t('common:reasonOptional')} />
      <DialogButtons submitLabel={t('extendSubmit')} pending={form.formState.isSubmitting} close={close} />
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
  const { t } = useTranslation('actions');
  return (
    <ActionDialog
      label={t('editGrant')}
      buttonLabel={t('editGrantButton', { right: grant.rightName })}
      title={t('editGrantTitle', { right: grant.rightName, name: name(props.person) })}
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
  const { t } = useTranslation(['actions', 'common']);
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
      labels={{
        profiles: t('common:profiles'),
        startDate: t('common:startDate'),
        endDate: t('common:endDate'),
        reason: t('common:reason'),
      }}
      onValid={async (request) => {
        await api
          .patch(`${path}/rights/${grant.grantId}`, request, { ifMatch: grant.version })
          .catch(rethrowConflictAware);
        close();
        done(t('grantEdited', { right: grant.rightName, name: name(person) }));
      }}
    >
      <DualListInput name="profiles" label={t('common:profiles')} available={available} required />
      <DateInput name="startDate" label={t('common:startDate')} required />
      <DateInput
        name="endDate"
        label={t('common:endDate')}
        required
        description={t('grantMaximum', { count: right?.maxYears ?? 5 })}
      />
      <TextAreaInput name="reason" label={t('common:reasonOptional')} />
      <DialogButtons submitLabel={t('common:save')} pending={form.formState.isSubmitting} close={close} />
    </ContractForm>
  );
}

export function RevokeGrantDialog({ grant, person, path, done }: ActionProps & { grant: Grant }) {
  const { t } = useTranslation('actions');
  const api = useApi();
  return (
    <ReasonDialog
      label={t('revoke')}
      buttonLabel={t('revokeButton', { right: grant.rightName })}
      title={t('revokeTitle', { right: grant.rightName, name: name(person) })}
      variant="link"
      schema={DeleteRequest}
      reason={t('revokeReason')}
      submitLabel={t('revokeSubmit')}
      submitVariant="danger"
      onConfirm={async (request, close) => {
        await api
          .delete(`${path}/rights/${grant.grantId}`, request, { ifMatch: grant.version })
          .catch(rethrowConflictAware);
        close();
        done(t('revoked', { right: grant.rightName, name: name(person) }));
      }}
    >
      <Notice kind="warning" title={t('cannotUndo')}>
        <p>
          {t('revokeText', {
            name: name(person),
            right: grant.rightName,
            profiles: grant.profiles.join(', '),
            state: grantStateLabel(grant.state).toLowerCase(),
            date: formatDate(grant.endDate),
          })}
        </p>
      </Notice>
    </ReasonDialog>
  );
}
