import { GrantRightRequest } from '@contracts/api.ts';
import { lastDayOfYears } from '@contracts/common.ts';
import { useTranslation } from 'react-i18next';
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

interface Values {
  right: string;
  profiles: string[];
  startDate: string;
  endDate: string;
  reason: string;
}

/** *Ken gebruikersrecht toe*, in three steps: the right → dates, profiles, reason → confirm. */
export function GrantRight() {
  const { t } = useTranslation(['grant', 'routes']);
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
      <PageTitle kicker={org.name}>{t('routes:grant')}</PageTitle>
      <ResourceView resource={data} loadingText={t('loading')}>
        {({ person, rights }) => (
          <>
            <PersonBlock person={person} />
            {person.relationship ? (
              <GrantForm person={person} rights={rights} />
            ) : (
              <Notice kind="warning" title={t('linkFirst')}>
                <p>{t('linkFirstText')}</p>
                <ButtonLink href={orgPath(org.enterpriseNumber, `/personen/${person.personId}/werkrelatie`)}>
                  {t('routes:link')}
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
  const { t } = useTranslation(['grant', 'common']);
  const LABELS: Record<keyof Values, string> = {
    right: t('common:right'),
    profiles: t('common:profile'),
    startDate: t('common:startDate'),
    endDate: t('common:endDate'),
    reason: t('common:reason'),
  };
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
  const wizard = useWizard([t('step1'), t('step2'), t('step3')]);
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
          ? t(portal ? 'grantedProviderPortal' : 'grantedProvider')
          : t(portal ? 'grantedPortal' : 'granted'),
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
      <section className="readonly-group" aria-label={t('relationship')}>
        <OrganisationFields />
        <ReadOnlyField label={t('common:category')}>{categoryLabel(relationship.category)}</ReadOnlyField>
        <ReadOnlyField label={t('relationship')}>
          {t('common:periodFromTo', {
            from: formatDate(relationship.startDate),
            to: formatDate(relationship.endDate),
          })}
        </ReadOnlyField>
        {step > 1 && right && <ReadOnlyField label={t('common:right')}>{right.name}</ReadOnlyField>}
        {step > 1 && right && <ReadOnlyField label={t('description')}>{right.description}</ReadOnlyField>}
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
              <strong>{t('descriptionLabel')}</strong> {right.description}
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
              description={
                latest
                  ? t('maximumLatest', { count: maxYears, date: formatDate(latest) })
                  : t('maximum', { count: maxYears })
              }
            />
          </div>
          <DualListInput
            name="profiles"
            label={LABELS.profiles}
            required
            available={right.profiles}
            description={t('profilesDescription')}
          />
          {right.profiles.includes(PROFILE_USER) && right.profiles.includes(PROFILE_SERVICE_PROVIDER) && (
            <Notice kind="info" title={t('tip')}>
              <p>{t('tipText', { profile: PROFILE_USER })}</p>
            </Notice>
          )}
          <TextAreaInput name="reason" label={LABELS.reason} />
        </>
      )}

      {step === 3 && (
        <ConfirmStep
          fields={[
            [t('common:startDate'), v.startDate],
            [t('common:endDate'), v.endDate],
            [t('common:profiles'), (v.profiles ?? []).join(', ')],
            [LABELS.reason, orDash(v.reason)],
          ]}
        />
      )}
    </WizardForm>
  );
}
