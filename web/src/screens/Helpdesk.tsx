/**
 * *Helpdesk* (VLAIO 1700), for the helpdesk group only: an enterprise number and a ticket number, then
 * the organisation's local administrators, legal representatives and persons, a person's data and
 * rights read only, and what the access check answers for a right and profile, with the reason. The
 * API records every read with the ticket in the organisation's history; nothing here changes anything.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, useApi } from '../app/api.ts';
import { categoryLabel, digitsOf, dynamicLabel, formatDate, formatEnterpriseNumber } from '../app/format.ts';
import { useMe } from '../app/session.tsx';
import { type PersonPageDto, PROFILE_SERVICE_PROVIDER, VLAIO_RIGHT } from '../app/types.ts';
import { Button, EmptyState, Notice, PageTitle, PersonBlock, TableScroll } from '../components/ui.tsx';

interface OrganisationView {
  enterpriseNumber: string;
  name: string;
  status: 'active' | 'stopped';
  stoppedOn: string | null;
  localAdmins: { personId: string; name: string; appointedAt: string }[];
  legalRepresentatives: { name: string; function: string }[];
  persons: {
    personId: string;
    firstName: string;
    lastName: string;
    nationalNumber: string;
    status: string;
  }[];
  morePersons: boolean;
}

interface AccessAnswer {
  allowed: boolean;
  reason: string;
  validUntil?: string;
  right: string;
  profile: string;
}

export function Helpdesk() {
  const { t } = useTranslation(['helpdesk', 'common']);
  const me = useMe();
  const api = useApi();
  const [en, setEn] = useState('');
  const [ticket, setTicket] = useState('');
  const [org, setOrg] = useState<OrganisationView | null>(null);
  const [person, setPerson] = useState<PersonPageDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (me.data && !me.data.helpdesk) {
    return (
      <div className="stack">
        <PageTitle>{t('title')}</PageTitle>
        <Notice kind="error">
          <p>{t('onlyHelpdesk')}</p>
        </Notice>
      </div>
    );
  }

  const search = async () => {
    setBusy(true);
    setError(null);
    setPerson(null);
    try {
      setOrg(
        await api.get<OrganisationView>(`/helpdesk/organisations/${digitsOf(en)}`, { query: { ticket } }),
      );
    } catch (e) {
      setOrg(null);
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const openPerson = async (personId: string) => {
    if (!org) return;
    setError(null);
    try {
      setPerson(
        await api.get<PersonPageDto>(`/helpdesk/organisations/${org.enterpriseNumber}/persons/${personId}`, {
          query: { ticket },
        }),
      );
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div className="stack">
      <PageTitle>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      <form
        className="card stack-small"
        aria-labelledby="helpdesk-zoek"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <h2 id="helpdesk-zoek">{t('search')}</h2>
        <div className="field">
          <label className="field-label" htmlFor="helpdesk-en">
            {t('common:enterpriseNumber')}
          </label>
          <input
            id="helpdesk-en"
            className="input input-medium"
            inputMode="numeric"
            value={en}
            onChange={(e) => setEn(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="helpdesk-ticket">
            {t('ticket')}
          </label>
          <input
            id="helpdesk-ticket"
            className="input input-medium"
            value={ticket}
            onChange={(e) => setTicket(e.target.value)}
          />
        </div>
        <div className="button-row">
          <Button type="submit" isPending={busy}>
            {t('common:search')}
          </Button>
        </div>
      </form>
      <div role="status">
        {error && (
          <Notice kind="error">
            <p>{error}</p>
          </Notice>
        )}
      </div>
      {org && !person && <OrganisationPanel org={org} onOpen={(id) => void openPerson(id)} />}
      {org && person && (
        <PersonPanel org={org} person={person} ticket={ticket} onBack={() => setPerson(null)} />
      )}
    </div>
  );
}

function OrganisationPanel({ org, onOpen }: { org: OrganisationView; onOpen: (personId: string) => void }) {
  const { t } = useTranslation(['helpdesk', 'common', 'localAdmins', 'persons']);
  return (
    <section className="stack" aria-labelledby="helpdesk-org">
      <h2 id="helpdesk-org">
        {org.name} ({formatEnterpriseNumber(org.enterpriseNumber)})
      </h2>
      {org.status === 'stopped' && (
        <Notice kind="warning">
          <p>{org.stoppedOn ? t('stoppedOn', { date: formatDate(org.stoppedOn) }) : t('stopped')}</p>
        </Notice>
      )}
      <div className="card stack-small">
        <h3>{t('localAdmins:title')}</h3>
        {org.localAdmins.length === 0 ? (
          <p>{t('noLocalAdmin')}</p>
        ) : (
          <ul>
            {org.localAdmins.map((a) => (
              <li key={a.personId}>
                {t('adminSince', { name: a.name, date: formatDate(a.appointedAt.slice(0, 10)) })}
              </li>
            ))}
          </ul>
        )}
        <h3>{t('localAdmins:representatives')}</h3>
        <ul>
          {org.legalRepresentatives.map((r) => (
            <li key={`${r.name}-${r.function}`}>
              {r.name}, {r.function}
            </li>
          ))}
        </ul>
      </div>
      {org.persons.length === 0 ? (
        <EmptyState title={t('noPersons')} />
      ) : (
        <TableScroll label={t('persons')}>
          <table className="table">
            <caption className="visually-hidden">{t('persons:caption', { name: org.name })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('person')}</th>
                <th scope="col">{t('common:nationalNumber')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {org.persons.map((p) => (
                <tr key={p.personId}>
                  <td>
                    {p.firstName} {p.lastName}
                  </td>
                  <td className="nowrap">{p.nationalNumber}</td>
                  <td>{p.status === 'active' ? t('common:statusActive') : t('notLinked')}</td>
                  <td>
                    <Button variant="secondary" onPress={() => onOpen(p.personId)}>
                      {t('view', { name: `${p.firstName} ${p.lastName}` })}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {org.morePersons && <p>{t('first100')}</p>}
    </section>
  );
}

function PersonPanel({
  org,
  person,
  ticket,
  onBack,
}: {
  org: OrganisationView;
  person: PersonPageDto;
  ticket: string;
  onBack: () => void;
}) {
  const { t } = useTranslation(['helpdesk', 'common']);
  const api = useApi();
  const rights = [...new Set(person.grants.map((g) => g.right))];
  const [right, setRight] = useState(rights[0] ?? VLAIO_RIGHT);
  const [profile, setProfile] = useState(person.grants[0]?.profiles[0] ?? PROFILE_SERVICE_PROVIDER);
  const [answer, setAnswer] = useState<AccessAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const r = person.relationship;

  const check = async () => {
    setError(null);
    try {
      setAnswer(
        await api.get<AccessAnswer>(
          `/helpdesk/organisations/${org.enterpriseNumber}/persons/${person.personId}/access`,
          { query: { ticket, right, profile } },
        ),
      );
    } catch (e) {
      setAnswer(null);
      setError(errorText(e));
    }
  };

  return (
    <section className="stack" aria-labelledby="helpdesk-persoon">
      <h2 id="helpdesk-persoon">{t('personTitle', { organisation: org.name })}</h2>
      <div>
        <Button variant="secondary" onPress={onBack}>
          {t('back')}
        </Button>
      </div>
      <PersonBlock person={person} />
      <div className="card stack-small">
        <h3>{t('relationship')}</h3>
        {r ? (
          <p>
            {t('relationshipLine', {
              category: categoryLabel(r.category),
              from: formatDate(r.startDate),
              to: formatDate(r.endDate),
            })}
            {r.paused ? (r.pauseReason ? t('pausedWhy', { reason: r.pauseReason }) : t('paused')) : ''}
          </p>
        ) : (
          <p>{t('noRelationship')}</p>
        )}
        <h3>{t('common:rights')}</h3>
        {person.grants.length === 0 ? (
          <p>{t('noRights')}</p>
        ) : (
          <ul>
            {person.grants.map((g) => (
              <li key={g.grantId}>
                {t('grantLine', {
                  right: g.rightName,
                  profiles: g.profiles.join(', '),
                  from: formatDate(g.startDate),
                  to: formatDate(g.endDate),
                })}
              </li>
            ))}
          </ul>
        )}
      </div>
      <form
        className="card stack-small"
        aria-labelledby="helpdesk-controle"
        onSubmit={(e) => {
          e.preventDefault();
          void check();
        }}
      >
        <h3 id="helpdesk-controle">{t('check')}</h3>
        <div className="field">
          <label className="field-label" htmlFor="helpdesk-recht">
            {t('common:right')}
          </label>
          <input
            id="helpdesk-recht"
            className="input"
            value={right}
            onChange={(e) => setRight(e.target.value)}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="helpdesk-profiel">
            {t('common:profile')}
          </label>
          <input
            id="helpdesk-profiel"
            className="input"
            value={profile}
            onChange={(e) => setProfile(e.target.value)}
          />
        </div>
        <div className="button-row">
          <Button type="submit">{t('checkButton')}</Button>
        </div>
        <div role="status">
          {error && (
            <Notice kind="error">
              <p>{error}</p>
            </Notice>
          )}
          {answer && (
            <Notice kind={answer.allowed ? 'success' : 'warning'}>
              <p>
                {dynamicLabel(`helpdesk:reasons.${answer.reason}`, answer.reason)}
                {answer.validUntil ? ` ${t('validUntil', { date: formatDate(answer.validUntil) })}` : ''}
              </p>
            </Notice>
          )}
        </div>
      </form>
    </section>
  );
}
