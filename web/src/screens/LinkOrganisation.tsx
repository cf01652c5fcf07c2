import { CreateRelationshipRequest } from '@contracts/api.ts';
import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useApi, useConfig, useIdempotencyKeys, useResource } from '../app/api.ts';
import { addYears, formatDate, formatEnterpriseNumber, parseDmy, todayInBrussels } from '../app/format.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import type { PersonPageDto } from '../app/types.ts';
import {
  ContractForm,
  DateInput,
  ReadOnlyField,
  SelectInput,
  TextAreaInput,
  TextInput,
  useContractForm,
  useFocusOnChange,
} from '../components/forms.tsx';
import {
  Button,
  ButtonLink,
  Notice,
  PageTitle,
  PersonBlock,
  ResourceView,
  StepHeading,
  TextLink,
} from '../components/ui.tsx';

/** Mirrors RELATIONSHIP_CATEGORIES of lib/domain/catalogue.ts; the contract (zCategory) is the judge. */
export const CATEGORIES = [
  'Vaste medewerker',
  'Tijdelijke medewerker',
  'Externe medewerker',
  'Stagiair',
] as const;

const STEPS = ['Organisatie en categorie', 'Werkrelatie details', 'Bevestig'] as const;

interface Values {
  category: string;
  startDate: string;
  endDate: string;
  phone: string;
  email: string;
  reason: string;
}

const LABELS: Record<keyof Values, string> = {
  category: 'Categorie',
  startDate: 'Begindatum',
  endDate: 'Einddatum',
  phone: 'Telefoonnummer',
  email: 'E-mailadres',
  reason: 'Reden',
};

/** *Koppel gebruiker aan organisatie*: the work relationship, at most 10 years. */
export function LinkOrganisation() {
  const org = useOrganisation();
  const api = useApi();
  const { personId = '' } = useParams();
  const person = useResource(`person:${org.enterpriseNumber}:${personId}`, (signal) =>
    api.get<PersonPageDto>(`/organisations/${org.enterpriseNumber}/persons/${personId}`, { signal }),
  );
  return (
    <div className="stack">
      <PageTitle kicker={org.name}>Koppel gebruiker aan organisatie</PageTitle>
      <ResourceView resource={person} loadingText="De gegevens van de gebruiker worden opgehaald…">
        {(p) => (
          <>
            <PersonBlock person={p} />
            {p.relationship ? (
              <Notice kind="info" title={`${p.firstName} ${p.lastName} is al gekoppeld aan ${org.name}.`}>
                <p>
                  Geldig van {formatDate(p.relationship.startDate)} tot {formatDate(p.relationship.endDate)}.{' '}
                  <TextLink href={orgPath(org.enterpriseNumber, `/personen/${p.personId}`)}>
                    Terug naar de gebruiker
                  </TextLink>
                </p>
              </Notice>
            ) : (
              <RelationshipForm person={p} />
            )}
          </>
        )}
      </ResourceView>
    </div>
  );
}

function RelationshipForm({ person }: { person: PersonPageDto }) {
  const org = useOrganisation();
  const api = useApi();
  const config = useConfig();
  const navigate = useNavigate();
  const keyFor = useIdempotencyKeys();
  const today = config.today ?? todayInBrussels();
  const form = useContractForm<Values>(CreateRelationshipRequest, {
    defaultValues: {
      category: 'Vaste medewerker',
      startDate: formatDate(today),
      endDate: formatDate(addYears(today, 10)),
      phone: '',
      email: '',
      reason: '',
    },
    dates: ['startDate', 'endDate'],
    optional: ['reason'],
  });
  const [step, setStep] = useState(1);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(headingRef, step);
  const personPath = orgPath(org.enterpriseNumber, `/personen/${person.personId}`);

  const next = async () => {
    if (step === 1 && (await form.validateStep(['category']))) setStep(2);
    if (step === 2 && (await form.validateStep(['startDate', 'endDate', 'phone', 'email', 'reason'])))
      setStep(3);
  };

  const save = async (request: Record<string, unknown>) => {
    await api.post(
      `/organisations/${org.enterpriseNumber}/persons/${person.personId}/work-relationship`,
      request,
      {
        idempotencyKey: keyFor(request),
      },
    );
    navigate(personPath, {
      state: {
        flash: `${person.firstName} ${person.lastName} is gekoppeld aan ${org.name}. Ken nu het gebruikersrecht toe.`,
      },
    });
  };

  const v = form.watch();
  // The API's 10-year rule, shown as the date it allows (the contract judges it on Verder).
  const start = parseDmy(v.startDate ?? '');
  const maxEnd = start ? formatDate(addYears(start, 10)) : null;

  return (
    <ContractForm form={form} labels={LABELS} onValid={save} intercept={step < 3 ? next : undefined}>
      <StepHeading step={step} steps={STEPS} headingRef={headingRef} />
      <section className="readonly-group" aria-label="Organisatie">
        <ReadOnlyField label="Organisatie">{org.name}</ReadOnlyField>
        <ReadOnlyField label="Ondernemingsnummer">
          {formatEnterpriseNumber(org.enterpriseNumber)}
        </ReadOnlyField>
        {step > 1 && <ReadOnlyField label="Categorie">{v.category}</ReadOnlyField>}
      </section>

      {step === 1 && (
        <SelectInput
          name="category"
          label={LABELS.category}
          required
          options={CATEGORIES.map((c) => ({ id: c, label: c }))}
        />
      )}

      {step === 2 && (
        <>
          <div className="field-row">
            <DateInput name="startDate" label={LABELS.startDate} required />
            <DateInput
              name="endDate"
              label={LABELS.endDate}
              required
              description={`Maximumperiode = 10 jaar; je kan dit aanpassen.${maxEnd ? ` Uiterlijk ${maxEnd}.` : ''}`}
            />
          </div>
          <TextInput
            name="phone"
            type="tel"
            label={`${LABELS.phone} (bv. +3212345678)`}
            required
            autoComplete="tel"
            inputMode="tel"
            width="medium"
          />
          <TextInput
            name="email"
            type="email"
            label={LABELS.email}
            required
            autoComplete="email"
            inputMode="email"
          />
          <TextAreaInput name="reason" label={LABELS.reason} />
        </>
      )}

      {step === 3 && (
        <section className="readonly-group" aria-label="Wat u bevestigt">
          <ReadOnlyField label="Begindatum">{v.startDate}</ReadOnlyField>
          <ReadOnlyField label="Einddatum">{v.endDate}</ReadOnlyField>
          <ReadOnlyField label={LABELS.phone}>{v.phone}</ReadOnlyField>
          <ReadOnlyField label={LABELS.email}>{v.email}</ReadOnlyField>
          <ReadOnlyField label={LABELS.reason}>{v.reason?.trim() || '—'}</ReadOnlyField>
          <ReadOnlyField label="Status werkstroom">wordt Actief</ReadOnlyField>
        </section>
      )}

      <div className="button-row">
        <ButtonLink href={personPath} variant="link">
          Annuleer
        </ButtonLink>
        {step > 1 && (
          <Button variant="secondary" onPress={() => setStep(step - 1)}>
            Terug
          </Button>
        )}
        {step < 3 ? (
          <Button type="submit">Verder</Button>
        ) : (
          <Button type="submit" isPending={form.formState.isSubmitting}>
            Bevestig
          </Button>
        )}
      </div>
    </ContractForm>
  );
}
