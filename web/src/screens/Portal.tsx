import { AccessRequestBody, OrgParams } from '@contracts/api.ts';
import { useState } from 'react';
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
  const auth = useAuth();
  return (
    <div className="stack">
      <PageTitle kicker="Werken met de kmo-portefeuille">Dienstverlener voor de kmo-portefeuille</PageTitle>
      <p className="lead">
        Om de kmo-portefeuille voor jouw dienstverlening te kunnen aanbieden, meld je jouw organisatie aan via
        de knop ‘Login dienstverleners’.
      </p>
      <p>
        Je krijgt toegang tot het online platform na een identiteitscontrole via het Toegangsbeheer van de
        overheid én als je over het juiste gebruikersrecht beschikt. Die rechten beheert de lokale beheerder
        van jouw organisatie in Gebruikersbeheer.
      </p>
      <p>
        {auth.status === 'authenticated' ? (
          <ButtonLink href="/portaal/toegang">Login dienstverleners</ButtonLink>
        ) : (
          <Button onPress={() => void auth.login('/portaal/toegang')}>Login dienstverleners</Button>
        )}
      </p>
      <section className="card" aria-labelledby="drie-stappen">
        <h2 id="drie-stappen">In 3 stappen</h2>
        <ol className="numbered">
          <li>
            <strong>Identiteitscontrole:</strong> je meldt aan met eID, itsme, het federaal token of een
            beveiligingscode via app of sms.
          </li>
          <li>
            <strong>Wie is de lokale beheerder?</strong> We gaan na of je het gebruikersrecht {VLAIO_RIGHT}{' '}
            hebt. Bij een eerste gebruik heeft niemand dit recht: de lokale beheerder van jouw organisatie
            moet het toekennen.
          </li>
          <li>
            <strong>Toekenning gebruikersrecht:</strong> de lokale beheerder voegt je toe, koppelt je aan de
            organisatie en kent het recht toe met het profiel {PROFILE_SERVICE_PROVIDER}.
          </li>
        </ol>
      </section>
      <LegalRepresentativesLookup />
    </div>
  );
}

const ORG_LABELS = { enterpriseNumber: 'Ondernemingsnummer' };

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
  const form = useContractForm<{ enterpriseNumber: string }>(OrgParams, {
    defaultValues: { enterpriseNumber: initial },
  });
  return (
    <ContractForm form={form} labels={ORG_LABELS} onValid={onValid} aria-labelledby={labelledBy}>
      <div className="inline-form">
        <TextInput
          name="enterpriseNumber"
          label={ORG_LABELS.enterpriseNumber}
          description="Bijvoorbeeld 0795.012.394"
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
      <h2 id="vertegenwoordigers">Wie zijn de wettelijke vertegenwoordigers van jouw onderneming?</h2>
      <p>
        Ken je de lokale beheerder niet, vraag het dan aan een wettelijk vertegenwoordiger. Zij staan in de
        Kruispuntbank van Ondernemingen bij de functies van jouw onderneming; is er nog geen lokale beheerder,
        dan duiden zij die aan.
      </p>
      <EnterpriseNumberForm
        labelledBy="vertegenwoordigers"
        onValid={lookup}
        submitLabel="Zoek op"
        showPending
      />
      {result && (
        <div aria-live="polite" className="stack-small">
          <h3>
            {result.name} ({formatEnterpriseNumber(result.enterpriseNumber)})
          </h3>
          {result.legalRepresentatives.length === 0 ? (
            <p>Voor deze onderneming zijn geen wettelijke vertegenwoordigers gekend.</p>
          ) : (
            <RepresentativeList representatives={result.legalRepresentatives} />
          )}
        </div>
      )}
    </section>
  );
}

const REASON_TEXT: Record<MyAccessDto['reason'], string> = {
  granted: '',
  'no-relationship': 'U heeft (nog) geen werkrelatie met deze organisatie in Gebruikersbeheer.',
  'relationship-paused': 'Uw werkrelatie met deze organisatie is gepauzeerd.',
  'not-yet-valid': 'Uw gebruikersrecht of werkrelatie is nog niet ingegaan.',
  expired: 'Uw gebruikersrecht of werkrelatie is verlopen.',
  'no-grant': `U heeft het gebruikersrecht ${VLAIO_RIGHT} niet voor deze organisatie.`,
  'profile-missing': `U heeft het gebruikersrecht wel, maar niet met het profiel ${PROFILE_SERVICE_PROVIDER}.`,
};

const REQUEST_STATUS: Record<AccessRequestDto['status'], string> = {
  pending: 'Wacht op een beslissing van de lokale beheerder',
  approved: 'Goedgekeurd',
  rejected: 'Geweigerd',
  expired: 'Verlopen: er werd niet binnen 30 dagen beslist',
  failed: 'Kon niet verwerkt worden; u kunt opnieuw aanvragen',
};

/** After *Login dienstverleners*: does this person have access for the organisation, and if not, what now. */
export function PortalAccess() {
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
      <PageTitle kicker="Dienstverlener voor de kmo-portefeuille">Uw toegang tot het platform</PageTitle>
      <p>
        U bent aangemeld als <strong>{auth.name ?? 'onbekend'}</strong>. We kijken na of u het gebruikersrecht{' '}
        <strong>{VLAIO_RIGHT}</strong> met het profiel <strong>{PROFILE_SERVICE_PROVIDER}</strong> heeft.
      </p>
      <section className="card" aria-labelledby="welke-organisatie">
        <h2 id="welke-organisatie">Voor welke organisatie?</h2>
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
          submitLabel="Controleer mijn toegang"
        />
      </section>
      {en ? (
        <AccessFor key={en} enterpriseNumber={en} />
      ) : (
        me.data && (
          <EmptyState title="Geef het ondernemingsnummer van uw organisatie op.">
            <p>Dan ziet u of u toegang heeft, en zo niet, wie u die toegang kan geven.</p>
          </EmptyState>
        )
      )}
    </div>
  );
}

function AccessFor({ enterpriseNumber }: { enterpriseNumber: string }) {
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
    <ResourceView resource={access} loadingText="Uw toegang wordt nagekeken…">
      {(a) => {
        const orgName = a.organisation.name ?? formatEnterpriseNumber(enterpriseNumber);
        if (a.allowed) {
          return (
            <Notice kind="success" role="status" title="U heeft toegang">
              <p>
                U heeft toegang tot de beveiligde pagina's van een dienstverlener kmo-portefeuille voor{' '}
                <strong>{orgName}</strong> ({formatEnterpriseNumber(enterpriseNumber)})
                {a.validUntil ? `, geldig tot ${formatDate(a.validUntil)}` : ''}.
              </p>
            </Notice>
          );
        }
        return (
          <section className="stack" aria-labelledby="geen-toegang">
            <Notice kind="warning" title={`U heeft nog geen toegang voor ${orgName}`}>
              <p id="geen-toegang">{REASON_TEXT[a.reason]}</p>
            </Notice>
            <ol className="personal-steps">
              <li className="personal-step personal-step-done">
                <h2>Stap 1: identiteitscontrole</h2>
                <p>
                  <span aria-hidden="true">✓ </span>In orde: u bent aangemeld als {auth.name ?? 'uzelf'}.
                </p>
              </li>
              <li className="personal-step">
                <h2>Stap 2: wie is de lokale beheerder?</h2>
                {a.localAdministrators.length > 0 ? (
                  <>
                    <p>
                      De lokale {a.localAdministrators.length === 1 ? 'beheerder' : 'beheerders'} van{' '}
                      {orgName}:
                    </p>
                    <ul className="plain-list">
                      {a.localAdministrators.map((l) => (
                        <li key={l.name}>
                          <strong>{l.name}</strong>
                        </li>
                      ))}
                    </ul>
                    <p>Vraag hen om u het gebruikersrecht toe te kennen, of vraag het hieronder aan.</p>
                  </>
                ) : a.hasLocalAdministrators ? (
                  <p>
                    {orgName} heeft een lokale beheerder. Vraag het gebruikersrecht hieronder aan: uw aanvraag
                    komt bij de lokale beheerder terecht. Hun namen ziet alleen wie een werkrelatie met{' '}
                    {orgName} heeft.
                  </p>
                ) : (
                  <p>
                    {orgName} heeft nog geen lokale beheerder. Een wettelijk vertegenwoordiger duidt die aan;
                    vraag het hen.
                  </p>
                )}
                {a.legalRepresentatives.length > 0 && (
                  <>
                    <p>De wettelijke vertegenwoordigers van {orgName}:</p>
                    <RepresentativeList representatives={a.legalRepresentatives} />
                  </>
                )}
              </li>
              <li className="personal-step">
                <h2>Stap 3: toekenning gebruikersrecht</h2>
                {pending ? (
                  <Notice kind="info" role="status" title="Uw aanvraag is verstuurd">
                    <p>
                      Aangevraagd op {formatDateTime(pending.createdAt)}. {REQUEST_STATUS.pending}. U krijgt
                      een bericht zodra er beslist is.
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
                  <p>Zodra er een lokale beheerder is, kan u hier toegang aanvragen.</p>
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

const REQUEST_LABELS: Record<keyof RequestValues, string> = {
  enterpriseNumber: 'Ondernemingsnummer',
  right: 'Gebruikersrecht',
  profiles: 'Profiel',
  reason: 'Reden van uw aanvraag',
  email: 'E-mailadres',
};

function RequestAccessForm({ enterpriseNumber, onSent }: { enterpriseNumber: string; onSent(): void }) {
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
    <ContractForm form={form} labels={REQUEST_LABELS} onValid={send}>
      <p>Vraag het gebruikersrecht aan bij de lokale beheerder: uw aanvraag verschijnt bij hen als taak.</p>
      <TextAreaInput
        name="reason"
        label={REQUEST_LABELS.reason}
        required
        description="Bijvoorbeeld: ik dien de aanvragen kmo-portefeuille in voor onze klanten."
      />
      <TextInput
        name="email"
        type="email"
        label={REQUEST_LABELS.email}
        autoComplete="email"
        inputMode="email"
        description="Niet verplicht. Hierop krijgt u bericht van de beslissing."
      />
      <div className="button-row">
        <Button type="submit" isPending={form.formState.isSubmitting}>
          Vraag toegang aan
        </Button>
      </div>
    </ContractForm>
  );
}

function RequestList({ requests, loading }: { requests: AccessRequestDto[]; loading: boolean }) {
  if (requests.length === 0) return null;
  return (
    <section aria-labelledby="uw-aanvragen" className="stack-small" aria-busy={loading}>
      <h2 id="uw-aanvragen">Uw aanvragen</h2>
      <ul className="plain-list">
        {requests.map((r) => (
          <li key={r.requestId}>
            {formatDateTime(r.createdAt)}: {r.right} ({r.profiles.join(', ')}) —{' '}
            <strong>{REQUEST_STATUS[r.status]}</strong>
            {r.decisionReason ? ` (${r.decisionReason})` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
