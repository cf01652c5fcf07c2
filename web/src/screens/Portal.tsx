import { AccessRequestBody, OrgParams } from '@contracts/api.ts';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { createApiClient, useApi, useConfig, useIdempotencyKeys, useResource } from '../app/api.ts';
import { useAuth } from '../app/auth.tsx';
import { digitsOf, formatDate, formatDateTime, formatEnterpriseNumber } from '../app/format.ts';
import { useMe } from '../app/session.tsx';
import {
  type AccessRequestDto,
  type LegalRepresentativesDto,
  type MyAccessDto,
  PROFILE_SERVICE_PROVIDER,
  VLAIO_RIGHT,
} from '../app/types.ts';
import { ContractForm, TextAreaInput, TextInput, useContractForm } from '../components/forms.tsx';
import {
  Button,
  ButtonLink,
  EmptyState,
  Notice,
  PageTitle,
  RepresentativeList,
  ResourceView,
  TextLink,
} from '../components/ui.tsx';

/** *Dienstverlener voor de kmo-portefeuille*: the portal's landing page with *Login dienstverleners*. */
export function PortalLanding() {
  const { t } = useTranslation('portal');
  const auth = useAuth();
  const strong = { strong: <strong /> };
  const names = { right: VLAIO_RIGHT, profile: PROFILE_SERVICE_PROVIDER };
  return (
    <div className="stack">
      <PageTitle kicker={t('kicker')}>{t('title')}</PageTitle>
      <p className="lead">{t('lead')}</p>
      <p>{t('intro')}</p>
      <p>
        {auth.status === 'authenticated' ? (
          <ButtonLink href="/portaal/toegang">{t('login')}</ButtonLink>
        ) : (
          <Button onPress={() => void auth.login('/portaal/toegang')}>{t('login')}</Button>
        )}
      </p>
      <section className="card" aria-labelledby="drie-stappen">
        <h2 id="drie-stappen">{t('stepsTitle')}</h2>
        <ol className="numbered">
          <li>
            <Trans t={t} i18nKey="step1" components={strong} />
          </li>
          <li>
            <Trans t={t} i18nKey="step2" values={names} components={strong} />
          </li>
          <li>
            <Trans t={t} i18nKey="step3" values={names} components={strong} />
          </li>
        </ol>
      </section>
      <LegalRepresentativesLookup />
    </div>
  );
}

/** An enterprise number to look something up by, in one line with its button. */
function EnterpriseNumberForm({
  labelledBy,
  initial = '',
  onValid,
  submitLabel,
  showPending = false,
}: {
  /** The heading that names the form. */
  labelledBy: string;
  initial?: string;
  onValid(request: Record<string, unknown>): Promise<void> | void;
  submitLabel: string;
  /** Show the button busy while `onValid` runs (for a look-up that takes a while). */
  showPending?: boolean;
}) {
  const { t } = useTranslation(['portal', 'common']);
  const form = useContractForm<{ enterpriseNumber: string }>(OrgParams, {
    defaultValues: { enterpriseNumber: initial },
  });
  const labels = { enterpriseNumber: t('common:enterpriseNumber') };
  return (
    <ContractForm form={form} labels={labels} onValid={onValid} aria-labelledby={labelledBy}>
      <div className="inline-form">
        <TextInput
          name="enterpriseNumber"
          label={labels.enterpriseNumber}
          description={t('enterpriseExample')}
          required
          inputMode="numeric"
          width="medium"
        />
        <Button type="submit" {...(showPending ? { isPending: form.formState.isSubmitting } : {})}>
          {submitLabel}
        </Button>
      </div>
    </ContractForm>
  );
}

/** Anyone may look up who the legal representatives of an enterprise are (public, throttled). */
function LegalRepresentativesLookup() {
  const { t } = useTranslation('portal');
  const config = useConfig();
  const [result, setResult] = useState<LegalRepresentativesDto | null>(null);
  const lookup = async (request: Record<string, unknown>) => {
    setResult(null);
    const api = createApiClient(
      config.apiBaseUrl,
      () => null,
      () => undefined,
    );
    const en = digitsOf(String(request.enterpriseNumber)).slice(-10);
    setResult(await api.get<LegalRepresentativesDto>(`/public/enterprises/${en}/legal-representatives`));
  };
  return (
    <section className="card" aria-labelledby="vertegenwoordigers">
      <h2 id="vertegenwoordigers">{t('representativesTitle')}</h2>
      <p>{t('representativesText')}</p>
      <EnterpriseNumberForm
        labelledBy="vertegenwoordigers"
        onValid={lookup}
        submitLabel={t('lookUp')}
        showPending
      />
      {result && (
        <div aria-live="polite" className="stack-small">
          <h3>
            {result.name} ({formatEnterpriseNumber(result.enterpriseNumber)})
          </h3>
          {result.legalRepresentatives.length === 0 ? (
            <p>{t('noRepresentatives')}</p>
          ) : (
            <RepresentativeList representatives={result.legalRepresentatives} />
          )}
        </div>
      )}
    </section>
  );
}

const REASON_KEYS = {
  granted: 'reasons.granted',
  'no-relationship': 'reasons.noRelationship',
  'relationship-paused': 'reasons.relationshipPaused',
  'not-yet-valid': 'reasons.notYetValid',
  expired: 'reasons.expired',
  'no-grant': 'reasons.noGrant',
  'profile-missing': 'reasons.profileMissing',
} as const satisfies Record<MyAccessDto['reason'], string>;

const REQUEST_STATUS_KEYS = {
  pending: 'requestStatus.pending',
  approved: 'requestStatus.approved',
  rejected: 'requestStatus.rejected',
  expired: 'requestStatus.expired',
  failed: 'requestStatus.failed',
} as const satisfies Record<AccessRequestDto['status'], string>;

/** After *Login dienstverleners*: does this person have access for the organisation, and if not, what now. */
export function PortalAccess() {
  const { t } = useTranslation(['portal', 'common']);
  const auth = useAuth();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('onderneming');
  const fallback = me.data
    ? (me.data.lastOrganisation ?? me.data.organisations[0]?.enterpriseNumber ?? null)
    : null;
  const en = chosen ?? fallback;
  const choose = (request: Record<string, unknown>) => {
    setParams({ onderneming: digitsOf(String(request.enterpriseNumber)).slice(-10) });
  };

  return (
    <div className="stack">
      <PageTitle kicker={t('title')}>{t('accessTitle')}</PageTitle>
      <p>
        <Trans
          t={t}
          i18nKey="accessIntro"
          values={{
            name: auth.name ?? t('common:unknown'),
            right: VLAIO_RIGHT,
            profile: PROFILE_SERVICE_PROVIDER,
          }}
          components={{ strong: <strong /> }}
        />
      </p>
      <section className="card" aria-labelledby="welke-organisatie">
        <h2 id="welke-organisatie">{t('whichOrganisation')}</h2>
        {me.data && me.data.organisations.length > 0 && (
          <ul className="plain-list">
            {me.data.organisations.map((o) => (
              <li key={o.enterpriseNumber}>
                <TextLink href={`/portaal/toegang?onderneming=${o.enterpriseNumber}`}>
                  {o.name} ({formatEnterpriseNumber(o.enterpriseNumber)})
                </TextLink>
              </li>
            ))}
          </ul>
        )}
        <EnterpriseNumberForm
          labelledBy="welke-organisatie"
          initial={en ? formatEnterpriseNumber(en) : ''}
          onValid={choose}
          submitLabel={t('check')}
        />
      </section>
      {en ? (
        <AccessFor key={en} enterpriseNumber={en} />
      ) : (
        me.data && (
          <EmptyState title={t('giveNumberTitle')}>
            <p>{t('giveNumberText')}</p>
          </EmptyState>
        )
      )}
    </div>
  );
}

function AccessFor({ enterpriseNumber }: { enterpriseNumber: string }) {
  const { t } = useTranslation('portal');
  const api = useApi();
  const auth = useAuth();
  const access = useResource(`access:${enterpriseNumber}`, (signal) =>
    api.get<MyAccessDto>('/me/access', {
      signal,
      query: { enterpriseNumber, right: VLAIO_RIGHT, profile: PROFILE_SERVICE_PROVIDER },
    }),
  );
  const requests = useResource(`requests:${enterpriseNumber}`, (signal) =>
    api.get<{ items: AccessRequestDto[] }>('/me/access-requests', { signal }),
  );
  const mine = (requests.data?.items ?? []).filter((r) => r.enterpriseNumber === enterpriseNumber);
  const pending = mine.find((r) => r.status === 'pending');

  return (
    <ResourceView resource={access} loadingText={t('checking')}>
      {(a) => {
        const orgName = a.organisation.name ?? formatEnterpriseNumber(enterpriseNumber);
        if (a.allowed) {
          return (
            <Notice kind="success" role="status" title={t('allowedTitle')}>
              <p>
                <Trans
                  t={t}
                  i18nKey={a.validUntil ? 'allowedUntil' : 'allowed'}
                  values={{
                    name: orgName,
                    number: formatEnterpriseNumber(enterpriseNumber),
                    date: a.validUntil ? formatDate(a.validUntil) : '',
                  }}
                  components={{ strong: <strong /> }}
                />
              </p>
            </Notice>
          );
        }
        return (
          <section className="stack" aria-labelledby="geen-toegang">
            <Notice kind="warning" title={t('notAllowedTitle', { name: orgName })}>
              <p id="geen-toegang">
                {t(REASON_KEYS[a.reason], { right: VLAIO_RIGHT, profile: PROFILE_SERVICE_PROVIDER })}
              </p>
            </Notice>
            <ol className="personal-steps">
              <li className="personal-step personal-step-done">
                <h2>{t('step1Title')}</h2>
                <p>
                  <span aria-hidden="true">✓ </span>
                  {t('step1Done', { name: auth.name ?? t('yourself') })}
                </p>
              </li>
              <li className="personal-step">
                <h2>{t('step2Title')}</h2>
                {a.localAdministrators.length > 0 ? (
                  <>
                    <p>{t('localAdmins', { count: a.localAdministrators.length, name: orgName })}</p>
                    <ul className="plain-list">
                      {a.localAdministrators.map((l) => (
                        <li key={l.name}>
                          <strong>{l.name}</strong>
                        </li>
                      ))}
                    </ul>
                    <p>{t('askThem')}</p>
                  </>
                ) : a.hasLocalAdministrators ? (
                  <p>{t('hasLocalAdmin', { name: orgName })}</p>
                ) : (
                  <p>{t('noLocalAdmin', { name: orgName })}</p>
                )}
                {a.legalRepresentatives.length > 0 && (
                  <>
                    <p>{t('representativesOf', { name: orgName })}</p>
                    <RepresentativeList representatives={a.legalRepresentatives} />
                  </>
                )}
              </li>
              <li className="personal-step">
                <h2>{t('step3Title')}</h2>
                {pending ? (
                  <Notice kind="info" role="status" title={t('sentTitle')}>
                    <p>
                      {t('sentText', {
                        date: formatDateTime(pending.createdAt),
                        status: t(REQUEST_STATUS_KEYS.pending),
                      })}
                    </p>
                  </Notice>
                ) : a.hasLocalAdministrators ? (
                  <RequestAccessForm
                    enterpriseNumber={enterpriseNumber}
                    onSent={() => {
                      requests.reload();
                    }}
                  />
                ) : (
                  <p>{t('onceAdmin')}</p>
                )}
              </li>
            </ol>
            <RequestList requests={mine} loading={requests.loading} />
          </section>
        );
      }}
    </ResourceView>
  );
}

interface RequestValues {
  enterpriseNumber: string;
  right: string;
  profiles: string[];
  reason: string;
  email: string;
}

function RequestAccessForm({ enterpriseNumber, onSent }: { enterpriseNumber: string; onSent(): void }) {
  const { t } = useTranslation(['portal', 'common']);
  const labels: Record<keyof RequestValues, string> = {
    enterpriseNumber: t('common:enterpriseNumber'),
    right: t('common:right'),
    profiles: t('common:profile'),
    reason: t('requestReason'),
    email: t('common:email'),
  };
  const api = useApi();
  const keyFor = useIdempotencyKeys();
  const form = useContractForm<RequestValues>(AccessRequestBody, {
    defaultValues: {
      enterpriseNumber,
      right: VLAIO_RIGHT,
      profiles: [PROFILE_SERVICE_PROVIDER],
      reason: '',
      email: '',
    },
    optional: ['email'],
  });
  const send = async (request: Record<string, unknown>) => {
    await api.post('/me/access-requests', request, { idempotencyKey: keyFor(request) });
    onSent();
  };
  return (
    <ContractForm form={form} labels={labels} onValid={send}>
      <p>{t('requestIntro')}</p>
      <TextAreaInput name="reason" label={labels.reason} required description={t('requestReasonExample')} />
      <TextInput
        name="email"
        type="email"
        label={labels.email}
        autoComplete="email"
        inputMode="email"
        description={t('requestEmail')}
      />
      <div className="button-row">
        <Button type="submit" isPending={form.formState.isSubmitting}>
          {t('requestButton')}
        </Button>
      </div>
    </ContractForm>
  );
}

function RequestList({ requests, loading }: { requests: AccessRequestDto[]; loading: boolean }) {
  const { t } = useTranslation('portal');
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="uw-aanvragen" className="stack-small" aria-busy={loading}>
      <h2 id="uw-aanvragen">{t('yourRequests')}</h2>
      <ul className="plain-list">
        {requests.map((r) => (
          <li key={r.requestId}>
            {formatDateTime(r.createdAt)}: {r.right} ({r.profiles.join(', ')}) —{' '}
            <strong>{t(REQUEST_STATUS_KEYS[r.status])}</strong>
            {r.decisionReason ? ` (${r.decisionReason})` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
