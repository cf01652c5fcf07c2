import { CreateRelationshipRequest } from '@contracts/api.ts';
import { lastDayOfYears } from '@contracts/common.ts';
import { useNavigate, useParams } from 'react-router';
import { useApi, useConfig, useIdempotencyKeys, useResource } from '../app/api.ts';
import { categoryLabel, formatDate, parseDmy, todayInBrussels } from '../app/format.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import type { PersonPageDto } from '../app/types.ts';
import { ReadOnlyField, TextAreaInput, useContractForm } from '../components/forms.tsx';
import {
  RELATIONSHIP_FIELD_LABELS,
  RelationshipCategoryField,
  RelationshipContactFields,
  RelationshipPeriodFields,
} from '../components/relationship-fields.tsx';
import { Notice, PageTitle, PersonBlock, ResourceView, TextLink } from '../components/ui.tsx';
import { ConfirmStep, OrganisationFields, orDash, useWizard, WizardForm } from '../components/wizard.tsx';
import { EditRelationshipDialog } from './PersonActions.tsx';

const STEPS = ['Organisatie en categorie', 'Werkrelatie details', 'Bevestig'] as const;

interface Values {
  category: string;
  startDate: string;
  endDate: string;
  phone: string;
  email: string;
  reason: string;
}

const LABELS: Record<keyof Values, string> = { ...RELATIONSHIP_FIELD_LABELS, reason: 'Reden' };

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
            {p.relationship ? <AlreadyLinked person={p} /> : <RelationshipForm person={p} />}
          </>
        )}
      </ResourceView>
    </div>
  );
}

/**
 * The person has a work relationship here already: one organisation has one relationship per person,
 * so this page offers to edit that one (*Bewerk werkrelatie*, as on the person page) instead.
 */
function AlreadyLinked({ person }: { person: PersonPageDto }) {
  const org = useOrganisation();
  const navigate = useNavigate();
  const r = person.relationship!;
  const personPath = orgPath(org.enterpriseNumber, `/personen/${person.personId}`);
  const name = `${person.firstName} ${person.lastName}`;
  return (
    <Notice kind="info" title={`${name} is al gekoppeld aan ${org.name}.`}>
      <p>
        Een persoon heeft per organisatie één werkrelatie: {categoryLabel(r.category)}, geldig van{' '}
        {formatDate(r.startDate)} tot {formatDate(r.endDate)}. Wilt u de categorie, de periode, het
        telefoonnummer of het e-mailadres wijzigen, bewerk dan die werkrelatie.
      </p>
      <div className="button-row">
        <EditRelationshipDialog
          person={person}
          path={`/organisations/${org.enterpriseNumber}/persons/${person.personId}`}
          done={(message) => navigate(personPath, { state: { flash: message } })}
        />
        <TextLink href={personPath}>Terug naar de gebruiker</TextLink>
      </div>
    </Notice>
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
      endDate: formatDate(lastDayOfYears(today, 10)),
      phone: '',
      email: '',
      reason: '',
    },
    dates: ['startDate', 'endDate'],
    optional: ['reason'],
  });
  const wizard = useWizard(STEPS);
  const { step, setStep } = wizard;
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
  const maxEnd = start ? formatDate(lastDayOfYears(start, 10)) : null;

  return (
    <WizardForm
      wizard={wizard}
      form={form}
      labels={LABELS}
      onValid={save}
      next={next}
      cancelHref={personPath}
    >
      <section className="readonly-group" aria-label="Organisatie">
        <OrganisationFields />
        {step > 1 && <ReadOnlyField label="Categorie">{categoryLabel(v.category)}</ReadOnlyField>}
      </section>

      {step === 1 && <RelationshipCategoryField />}

      {step === 2 && (
        <>
          <div className="field-row">
            <RelationshipPeriodFields
              endDescription={`Maximumperiode = 10 jaar ; je kan dit aanpassen.${maxEnd ? ` Uiterlijk ${maxEnd}.` : ''}`}
            />
          </div>
          <RelationshipContactFields />
          <TextAreaInput name="reason" label={LABELS.reason} />
        </>
      )}

      {step === 3 && (
        <ConfirmStep
          fields={[
            ['Begindatum', v.startDate],
            ['Einddatum', v.endDate],
            [LABELS.phone, v.phone],
            [LABELS.email, v.email],
            [LABELS.reason, orDash(v.reason)],
            ['Status werkstroom', 'wordt Actief'],
          ]}
        />
      )}
    </WizardForm>
  );
}
