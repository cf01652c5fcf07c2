import { GrantRightRequest } from '@contracts/api.ts';
import { lastDayOfYears } from '@contracts/common.ts';
import { useNavigate, useParams } from 'react-router';
import { useApi, useConfig, useIdempotencyKeys, useResource } from '../app/api.ts';
import { categoryLabel, formatDate, maxDate, minDate, parseDmy, todayInBrussels } from '../app/format.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import {
  type PersonPageDto,
  PROFILE_SERVICE_PROVIDER,
  PROFILE_USER,
  type RightCatalogueDto,
} from '../app/types.ts';
import {
  DateInput,
  DualListInput,
  ReadOnlyField,
  SelectInput,
  TextAreaInput,
  useContractForm,
} from '../components/forms.tsx';
import { ButtonLink, Notice, PageTitle, PersonBlock, ResourceView } from '../components/ui.tsx';
import { ConfirmStep, OrganisationFields, orDash, useWizard, WizardForm } from '../components/wizard.tsx';

const STEPS = ['Selecteer gebruikersrecht', 'Details gebruikersrecht', 'Bevestig'] as const;

interface Values {
  right: string;
  profiles: string[];
  startDate: string;
  endDate: string;
  reason: string;
}

const LABELS: Record<keyof Values, string> = {
  right: 'Gebruikersrecht',
  profiles: 'Profiel',
  startDate: 'Begindatum',
  endDate: 'Einddatum',
  reason: 'Reden',
};

/** *Ken gebruikersrecht toe*, in three steps: the right → dates, profiles, reason → confirm. */
export function GrantRight() {
  const org = useOrganisation();
  const api = useApi();
  const { personId = '' } = useParams();
  const data = useResource(`grant:${org.enterpriseNumber}:${personId}`, async (signal) => {
    const [person, rights] = await Promise.all([
      api.get<PersonPageDto>(`/organisations/${org.enterpriseNumber}/persons/${personId}`, { signal }),
      api.get<RightCatalogueDto>('/rights', { signal }),
    ]);
    return { person, rights };
  });
  return (
    <div className="stack">
      <PageTitle kicker={org.name}>Ken gebruikersrecht toe</PageTitle>
      <ResourceView resource={data} loadingText="De gebruiker en de gebruikersrechten worden opgehaald…">
        {({ person, rights }) => (
          <>
            <PersonBlock person={person} />
            {person.relationship ? (
              <GrantForm person={person} rights={rights} />
            ) : (
              <Notice kind="warning" title="Koppel de gebruiker eerst aan de organisatie.">
                <p>Een gebruikersrecht hoort bij een werkrelatie met de organisatie.</p>
                <ButtonLink href={orgPath(org.enterpriseNumber, `/personen/${person.personId}/werkrelatie`)}>
                  Koppel gebruiker aan organisatie
                </ButtonLink>
              </Notice>
            )}
          </>
        )}
      </ResourceView>
    </div>
  );
}

function GrantForm({ person, rights }: { person: PersonPageDto; rights: RightCatalogueDto }) {
  const org = useOrganisation();
  const api = useApi();
  const config = useConfig();
  const navigate = useNavigate();
  const keyFor = useIdempotencyKeys();
  const relationship = person.relationship!;
  const today = config.today ?? todayInBrussels();
  const form = useContractForm<Values>(GrantRightRequest, {
    defaultValues: { right: '', profiles: [], startDate: '', endDate: '', reason: '' },
    dates: ['startDate', 'endDate'],
    optional: ['reason'],
  });
  const wizard = useWizard(STEPS);
  const { step, setStep } = wizard;
  const personPath = orgPath(org.enterpriseNumber, `/personen/${person.personId}`);
  const v = form.watch();
  const right = rights.items.find((r) => r.rightId === v.right);

  const next = async () => {
    if (step === 1 && (await form.validateStep(['right']))) {
      // Defaults: from today (or the relationship's start) for the right's maximum, within the relationship.
      if (!form.getValues('startDate')) {
        const start = maxDate(today, relationship.startDate);
        const years = right?.maxYears ?? 5;
        const end = minDate(lastDayOfYears(start, years), relationship.endDate);
        form.setValue('startDate', formatDate(start));
        form.setValue('endDate', formatDate(end));
      }
      setStep(2);
    }
    if (step === 2 && (await form.validateStep(['startDate', 'endDate', 'profiles', 'reason']))) setStep(3);
  };

  const save = async (request: Record<string, unknown>) => {
    const answer = await api.post<{ outcome?: 'requested'; message?: string }>(
      `/organisations/${org.enterpriseNumber}/persons/${person.personId}/rights`,
      request,
      { idempotencyKey: keyFor(request) },
    );
    // For oneself, with another local administrator: it became a request for them (202).
    if (answer?.outcome === 'requested') {
      navigate(personPath, { state: { flash: answer.message } });
      return;
    }
    const profiles = request.profiles as string[];
    const granted = rights.items.find((r) => r.rightId === request.right);
    // The seed's closing message, with the portal's address (the catalogue's portalUrl) as a link:
    // only a web address, whatever the catalogue holds.
    const portal =
      granted?.portalUrl && /^https?:\/\//.test(granted.portalUrl) ? granted.portalUrl : undefined;
    navigate(personPath, {
      state: {
        flash: profiles.includes(PROFILE_SERVICE_PROVIDER)
          ? `Het gebruikersrecht is toegekend. De persoon heeft nu toegang tot de beveiligde pagina's van een dienstverlener kmo-portefeuille${portal ? ' :' : '.'}`
          : `Het gebruikersrecht is toegekend.${portal ? ' De persoon meldt aan op:' : ''}`,
        ...(portal ? { flashLink: portal } : {}),
      },
    });
  };

  const start = parseDmy(v.startDate ?? '');
  const maxYears = right?.maxYears ?? 5;
  const latest = start ? minDate(lastDayOfYears(start, maxYears), relationship.endDate) : null;

  return (
    <WizardForm
      wizard={wizard}
      form={form}
      labels={LABELS}
      onValid={save}
      next={next}
      cancelHref={personPath}
    >
      <section className="readonly-group" aria-label="Werkrelatie">
        <OrganisationFields />
        <ReadOnlyField label="Categorie">{categoryLabel(relationship.category)}</ReadOnlyField>
        <ReadOnlyField label="Werkrelatie">
          van {formatDate(relationship.startDate)} tot {formatDate(relationship.endDate)}
        </ReadOnlyField>
        {step > 1 && right && <ReadOnlyField label="Gebruikersrecht">{right.name}</ReadOnlyField>}
        {step > 1 && right && (
          <ReadOnlyField label="Omschrijving van het recht">{right.description}</ReadOnlyField>
        )}
      </section>

      {step === 1 && (
        <>
          <SelectInput
            name="right"
            label={LABELS.right}
            required
            options={rights.items.map((r) => ({ id: r.rightId, label: r.name }))}
          />
          {right && (
            <p className="field-description" aria-live="polite">
              <strong>Omschrijving van het recht:</strong> {right.description}
            </p>
          )}
        </>
      )}

      {step === 2 && right && (
        <>
          <div className="field-row">
            <DateInput name="startDate" label={LABELS.startDate} required />
            <DateInput
              name="endDate"
              label={LABELS.endDate}
              required
              description={`Maximumperiode = ${maxYears} jaar ; je kan dit aanpassen.${latest ? ` Uiterlijk ${formatDate(latest)} (binnen de werkrelatie).` : ''}`}
            />
          </div>
          <DualListInput
            name="profiles"
            label={LABELS.profiles}
            required
            available={right.profiles}
            description="Selecteer een profiel in Beschikbaar en kies Toevoegen aan lijst."
          />
          {right.profiles.includes(PROFILE_USER) && right.profiles.includes(PROFILE_SERVICE_PROVIDER) && (
            <Notice kind="info" title="Tip">
              <p>
                Als deze persoon ook steunaanvragen kmo-portefeuille dient aan te vragen, selecteer dan ook
                het profiel ‘{PROFILE_USER}’.
              </p>
            </Notice>
          )}
          <TextAreaInput name="reason" label={LABELS.reason} />
        </>
      )}

      {step === 3 && (
        <ConfirmStep
          fields={[
            ['Begindatum', v.startDate],
            ['Einddatum', v.endDate],
            ['Profielen', (v.profiles ?? []).join(', ')],
            [LABELS.reason, orDash(v.reason)],
          ]}
        />
      )}
    </WizardForm>
  );
}
