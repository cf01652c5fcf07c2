/**
 * *Bewerk ▼* on *Gegevens van gebruiker*, as in the seed: *Bewerk gegevens* (the nickname and initials,
 * the only details of the person that are ours, with a reason for the history) and *Verwijder uit
 * organisatie*. The national register's details stay as the register gives them (*Bron: VKBP*). Both
 * send If-Match with the person's version, so a change made meanwhile is refused, not overwritten.
 */
import { RemovePersonRequest, UpdatePersonRequest } from '@contracts/api.ts';
import { useRef, useState } from 'react';
import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { Trans, useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useApi } from '../../app/api.ts';
import { categoryLabel, formatDate, sexLabel } from '../../app/format.ts';
import { orgPath } from '../../app/session.tsx';
import { ControlledDialog, DialogButtons } from '../../components/dialog.tsx';
import {
  ContractForm,
  ReadOnlyField,
  TextAreaInput,
  TextInput,
  useContractForm,
} from '../../components/forms.tsx';
import { Notice } from '../../components/ui.tsx';
import { type ActionProps, RightsList, rethrowConflictAware } from '../PersonActions.tsx';

type Open = 'edit' | 'remove' | null;

const fullName = (p: ActionProps['person']) => `${p.firstName} ${p.lastName}`;

export function PersonMenu(props: ActionProps) {
  const { t } = useTranslation('personMenu');
  const [open, setOpen] = useState<Open>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const close = () => setOpen(null);
  return (
    <>
      <MenuTrigger>
        <AriaButton ref={trigger} className="button button-secondary">
          {t('menu')} <span aria-hidden="true">▼</span>
        </AriaButton>
        <Popover className="popover" placement="bottom start">
          <Menu className="listbox" onAction={(key) => setOpen(key as Open)}>
            <MenuItem id="edit" className="listbox-item">
              {t('edit')}
            </MenuItem>
            <MenuItem id="remove" className="listbox-item">
              {t('remove')}
            </MenuItem>
          </Menu>
        </Popover>
      </MenuTrigger>
      <ControlledDialog
        isOpen={open === 'edit'}
        onClose={close}
        returnFocus={trigger}
        title={t('editTitle', { name: fullName(props.person) })}
      >
        {(done) => <EditPersonForm {...props} close={done} />}
      </ControlledDialog>
      <ControlledDialog
        isOpen={open === 'remove'}
        onClose={close}
        returnFocus={trigger}
        title={t('removeTitle', {
          name: fullName(props.person),
          organisation: props.person.organisation.name,
        })}
      >
        {(done) => <RemovePersonForm {...props} close={done} />}
      </ControlledDialog>
    </>
  );
}

interface EditValues {
  nickname: string;
  initials: string;
  reason: string;
}

function EditPersonForm({ person, path, done, close }: ActionProps & { close(): void }) {
  const { t } = useTranslation(['personMenu', 'common', 'addPerson']);
  const EDIT_LABELS: Record<keyof EditValues, string> = {
    nickname: t('common:nickname'),
    initials: t('common:initials'),
    reason: t('common:reason'),
  };
  const api = useApi();
  // Both fields are always sent: an emptied field clears it.
  const form = useContractForm<EditValues>(UpdatePersonRequest, {
    defaultValues: { nickname: person.nickname ?? '', initials: person.initials ?? '', reason: '' },
    optional: ['reason'],
  });
  return (
    <ContractForm
      form={form}
      labels={EDIT_LABELS}
      onValid={async (request) => {
        await api.patch(path, request, { ifMatch: person.version }).catch(rethrowConflictAware);
        close();
        done(t('edited', { name: fullName(person) }));
      }}
    >
      <section className="readonly-group" aria-label={t('addPerson:fromRegister')}>
        <ReadOnlyField label={t('common:firstName')}>{person.firstName}</ReadOnlyField>
        <ReadOnlyField label={t('common:lastName')}>{person.lastName}</ReadOnlyField>
        <ReadOnlyField label={t('common:birthDate')}>
          {person.birthDate ? formatDate(person.birthDate) : t('common:unknown')}
        </ReadOnlyField>
        <ReadOnlyField label={t('common:sex')}>{sexLabel(person.sex)}</ReadOnlyField>
        <ReadOnlyField label={t('common:source')}>{person.source}</ReadOnlyField>
      </section>
      <p className="muted">{t('registerText')}</p>
      <TextInput name="nickname" label={EDIT_LABELS.nickname} width="medium" maxLength={50} />
      <TextInput name="initials" label={EDIT_LABELS.initials} width="short" maxLength={10} />
      <TextAreaInput
        name="reason"
        label={t('common:reasonOptional')}
        description={t('editReasonDescription')}
      />
      <DialogButtons submitLabel={t('common:save')} pending={form.formState.isSubmitting} close={close} />
    </ContractForm>
  );
}

function RemovePersonForm({ person, path, close }: ActionProps & { close(): void }) {
  const { t } = useTranslation(['personMenu', 'common']);
  const api = useApi();
  const navigate = useNavigate();
  const r = person.relationship;
  const live = person.grants.filter((g) => g.state !== 'expired');
  const form = useContractForm<{ reason: string }>(RemovePersonRequest, {
    defaultValues: { reason: '' },
    optional: ['reason'],
  });
  const org = person.organisation;
  return (
    <ContractForm
      form={form}
      labels={{ reason: t('common:reason') }}
      onValid={async (request) => {
        if (!request.reason) {
          form.setError('reason', { type: 'required', message: t('removeReason') });
          form.failAttempt();
          return;
        }
        // What ends was listed here and confirmed with the button: the API needs that said explicitly.
        const body = r ? { ...request, endRelationship: true } : request;
        await api.delete(path, body, { ifMatch: person.version }).catch(rethrowConflictAware);
        close();
        const values = { name: fullName(person), organisation: org.name, count: live.length };
        const flash = !r
          ? t('removed', values)
          : live.length > 0
            ? t('removedEndedRevoked', values)
            : t('removedEnded', values);
        navigate(orgPath(org.enterpriseNumber), { state: { flash } });
      }}
    >
      <Notice kind="warning" title={t('cannotUndo')}>
        <p>{t('removeText', { name: fullName(person), organisation: org.name })}</p>
        {r && (
          <>
            <p>{t('endingWith', { name: fullName(person) })}</p>
            <ul className="plain-list">
              <li>
                <Trans
                  t={t}
                  i18nKey="endingRelationship"
                  values={{
                    category: categoryLabel(r.category),
                    from: formatDate(r.startDate),
                    to: formatDate(r.endDate),
                  }}
                  components={{ strong: <strong /> }}
                />
              </li>
            </ul>
            <RightsList grants={live} empty={t('noRights')} />
          </>
        )}
      </Notice>
      <TextAreaInput name="reason" label={t('common:reason')} required />
      <DialogButtons
        submitLabel={t('removeSubmit')}
        variant="danger"
        pending={form.formState.isSubmitting}
        close={close}
      />
    </ContractForm>
  );
}
