import { CreateRelationshipRequest } from '@contracts/api.ts';
import { lastDayOfYears } from '@contracts/common.ts';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useApi, useConfig, useIdempotencyKeys, useResource } from '../app/api.ts';
import { categoryLabel, formatDate, formatPhone, parseDmy, todayInBrussels } from '../app/format.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import type { PersonPageDto } from '../app/types.ts';
import { ReadOnlyField, TextAreaInput, useContractForm } from '../components/forms.tsx';
import {
  RelationshipCategoryField,
  RelationshipContactFields,
  RelationshipPeriodFields,
  useRelationshipFieldLabels,
} from '../components/relationship-fields.tsx';
import { Notice, PageTitle, PersonBlock, ResourceView, TextLink } from '../components/ui.tsx';
import { ConfirmStep, OrganisationFields, orDash, useWizard, WizardForm } from '../components/wizard.tsx';
import { EditRelationshipDialog } from './PersonActions.tsx';

interface Values {
  category: string;
  startDate: string;
  endDate: string;
  phone: string;
  email: string;
  reason: string;
}

/** *Koppel gebruiker aan organisatie*: the work relationship, at most 10 years. */
export function LinkOrganisation() {
  const { t } = useTranslation(['link', 'common', 'routes', 'person']);
  const org = useOrganisation();
  const api = useApi();
  const { personId = '' } = useParams();
  const person = useResource(`person:${org.enterpriseNumber}:${personId}`, (signal) =>
    api.get<PersonPageDto>(`/organisations/${org.enterpriseNumber}/persons/${personId}`, { signal }),
  );
  return (
    <div className="stack">
      <PageTitle kicker={org.name}>{t('routes:link')}</PageTitle>
      <ResourceView resource={person} loadingText={t('person:loading')}>
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
  const { t } = useTranslation(['link', 'common']);
  const org = useOrganisation();
  const navigate = useNavigate();
  const r = person.relationship!;
  const personPath = orgPath(org.enterpriseNumber, `/personen/${person.personId}`);
  const name = `${person.firstName} ${person.lastName}`;
  return (
    <Notice kind="info" title={t('alreadyLinked', { name, organisation: org.name })}>
      <p>
        {t('onePerOrganisation', {
          category: categoryLabel(r.category),
          from: formatDate(r.startDate),
          to: formatDate(r.endDate),
        })}
      </p>
      <div className="button-row">
        <EditRelationshipDialog
          person={person}
          path={`/organisations/${org.enterpriseNumber}/persons/${person.personId}`}
          done={(message) => navigate(personPath, { state: { flash: message } })}
        />
        <TextLink href={personPath}>{t('backToPerson')}</TextLink>
      </div>
    </Notice>
  );
}

function RelationshipForm({ person }: { person: PersonPageDto }) {
  const { t } = useTranslation(['link', 'common']);
  const fieldLabels = useRelationshipFieldLabels();
  const LABELS: Record<keyof Values, string> = { ...fieldLabels, reason: t('common:reason') };
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
  const wizard = useWizard([t('step1'), t('step2'), t('step3')]);
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
        flash: t('linked', { name: `${person.firstName} ${person.lastName}`, organisation: org.name }),
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
      <section className="readonly-group" aria-label={t('common:organisation')}>
        <OrganisationFields />
        {step > 1 && <ReadOnlyField label={t('common:category')}>{categoryLabel(v.category)}</ReadOnlyField>}
      </section>

      {step === 1 && <RelationshipCategoryField />}

      {step === 2 && (
        <>
          <div className="field-row">
            <RelationshipPeriodFields
              endDescription={maxEnd ? t('maximumLatest', { date: maxEnd }) : t('maximum')}
            />
          </div>
          <RelationshipContactFields />
          <TextAreaInput name="reason" label={LABELS.reason} />
        </>
      )}

      {step === 3 && (
        <ConfirmStep
          fields={[
            [t('common:startDate'), v.startDate],
            [t('common:endDate'), v.endDate],
            [LABELS.phone, formatPhone(v.phone)],
            [LABELS.email, v.email],
            [LABELS.reason, orDash(v.reason)],
            [t('common:status'), t('becomesActive')],
          ]}
        />
      )}
    </WizardForm>
  );
}
