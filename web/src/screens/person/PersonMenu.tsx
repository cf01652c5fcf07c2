/**
 * *Bewerk ▼* on *Gegevens van gebruiker*, as in the seed: *Bewerk gegevens* (the nickname and initials,
 * the only details of the person that are ours, with a reason for the history) and *Verwijder uit
 * organisatie*. The national register's details stay as the register gives them (*Bron: VKBP*). Both
 * send If-Match with the person's version, so a change made meanwhile is refused, not overwritten.
 */
import { RemovePersonRequest, UpdatePersonRequest } from '@contracts/api.ts';
import { useRef, useState } from 'react';
import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
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
  const [open, setOpen] = useState<Open>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const close = () => setOpen(null);
  return (
    <>
      <MenuTrigger>
        <AriaButton ref={trigger} className="button button-secondary">
          Bewerk <span aria-hidden="true">▼</span>
        </AriaButton>
        <Popover className="popover" placement="bottom start">
          <Menu className="listbox" onAction={(key) => setOpen(key as Open)}>
            <MenuItem id="edit" className="listbox-item">
              Bewerk gegevens
            </MenuItem>
            <MenuItem id="remove" className="listbox-item">
              Verwijder uit organisatie
            </MenuItem>
          </Menu>
        </Popover>
      </MenuTrigger>
      <ControlledDialog
        isOpen={open === 'edit'}
        onClose={close}
        returnFocus={trigger}
        title={`Bewerk de gegevens van ${fullName(props.person)}`}
      >
        {(done) => <EditPersonForm {...props} close={done} />}
      </ControlledDialog>
      <ControlledDialog
        isOpen={open === 'remove'}
        onClose={close}
        returnFocus={trigger}
        title={`Verwijder ${fullName(props.person)} uit ${props.person.organisation.name}`}
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

const EDIT_LABELS: Record<keyof EditValues, string> = {
  nickname: 'Roepnaam',
  initials: 'Initialen',
  reason: 'Reden',
};

function EditPersonForm({ person, path, done, close }: ActionProps & { close(): void }) {
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
        done(`De gegevens van ${fullName(person)} zijn gewijzigd.`);
      }}
    >
      <section className="readonly-group" aria-label="Gegevens uit het rijksregister">
        <ReadOnlyField label="Voornaam">{person.firstName}</ReadOnlyField>
        <ReadOnlyField label="Naam">{person.lastName}</ReadOnlyField>
        <ReadOnlyField label="Geboortedatum">
          {person.birthDate ? formatDate(person.birthDate) : 'onbekend'}
        </ReadOnlyField>
        <ReadOnlyField label="Geslacht">{sexLabel(person.sex)}</ReadOnlyField>
        <ReadOnlyField label="Bron">{person.source}</ReadOnlyField>
      </section>
      <p className="muted">
        Deze gegevens komen uit het rijksregister en kan u hier niet wijzigen. Roepnaam en initialen houdt uw
        organisatie zelf bij.
      </p>
      <TextInput name="nickname" label={EDIT_LABELS.nickname} width="medium" maxLength={50} />
      <TextInput name="initials" label={EDIT_LABELS.initials} width="short" maxLength={10} />
      <TextAreaInput
        name="reason"
        label="Reden (niet verplicht)"
        description="Waarom wijzigt u deze gegevens? Dit komt in de historiek."
      />
      <DialogButtons submitLabel="Bewaar" pending={form.formState.isSubmitting} close={close} />
    </ContractForm>
  );
}

function RemovePersonForm({ person, path, close }: ActionProps & { close(): void }) {
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
      labels={{ reason: 'Reden' }}
      onValid={async (request) => {
        if (!request.reason) {
          form.setError('reason', { type: 'required', message: 'Geef een reden op voor het verwijderen.' });
          form.failAttempt();
          return;
        }
        // What ends was listed here and confirmed with the button: the API needs that said explicitly.
        const body = r ? { ...request, endRelationship: true } : request;
        await api.delete(path, body, { ifMatch: person.version }).catch(rethrowConflictAware);
        close();
        const ended = r
          ? ` De werkrelatie is beëindigd${
              live.length > 0
                ? ` en ${live.length === 1 ? 'het gebruikersrecht is' : 'de gebruikersrechten zijn'} ingetrokken`
                : ''
            }.`
          : '';
        navigate(orgPath(org.enterpriseNumber), {
          state: { flash: `${fullName(person)} is verwijderd uit ${org.name}.${ended}` },
        });
      }}
    >
      <Notice kind="warning" title="Dit kan u niet ongedaan maken">
        <p>
          {fullName(person)} is daarna niet meer gekend in {org.name}. De historiek blijft bewaard.
        </p>
        {r && (
          <>
            <p>Samen met {fullName(person)} eindigen:</p>
            <ul className="plain-list">
              <li>
                de werkrelatie: <strong>{categoryLabel(r.category)}</strong>, geldig van{' '}
                {formatDate(r.startDate)} tot {formatDate(r.endDate)}
              </li>
            </ul>
            <RightsList grants={live} empty="Er zijn geen gebruikersrechten die ingetrokken worden." />
          </>
        )}
      </Notice>
      <TextAreaInput name="reason" label="Reden" required />
      <DialogButtons
        submitLabel="Ja, verwijder uit de organisatie"
        variant="danger"
        pending={form.formState.isSubmitting}
        close={close}
      />
    </ContractForm>
  );
}
