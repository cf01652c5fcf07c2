/**
 * *Helpdesk* (VLAIO 1700), for the helpdesk group only: an enterprise number and a ticket number, then
 * the organisation's local administrators, legal representatives and persons, a person's data and
 * rights read only, and what the access check answers for a right and profile, with the reason. The
 * API records every read with the ticket in the organisation's history; nothing here changes anything.
 */
import { useState } from 'react';
import { errorText, useApi } from '../app/api.ts';
import { categoryLabel, digitsOf, formatDate, formatEnterpriseNumber } from '../app/format.ts';
import { useMe } from '../app/session.tsx';
import type { PersonPageDto } from '../app/types.ts';
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

const REASONS: Record<string, string> = {
  granted: 'Toegang: het recht en het profiel gelden vandaag.',
  'no-relationship': 'Geen toegang: de persoon heeft geen werkrelatie met deze organisatie.',
  'relationship-paused': 'Geen toegang: de werkrelatie is gepauzeerd.',
  'not-yet-valid': 'Geen toegang: de werkrelatie of het recht begint later.',
  expired: 'Geen toegang: de werkrelatie of het recht is verlopen.',
  'no-grant': 'Geen toegang: de persoon heeft dit gebruikersrecht niet.',
  'profile-missing': 'Geen toegang: de persoon heeft het recht, maar niet met dit profiel.',
};

export function Helpdesk() {
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
        <PageTitle>Helpdesk</PageTitle>
        <Notice kind="error">
          <p>Deze pagina is alleen voor de helpdesk.</p>
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
      <PageTitle>Helpdesk</PageTitle>
      <p>
        Zoek een onderneming op haar ondernemingsnummer. U leest alleen; elke inzage wordt met uw naam en het
        ticketnummer bewaard in de historiek van de organisatie.
      </p>
      <form
        className="card stack-small"
        aria-labelledby="helpdesk-zoek"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <h2 id="helpdesk-zoek">Onderneming zoeken</h2>
        <div className="field">
          <label className="field-label" htmlFor="helpdesk-en">
            Ondernemingsnummer
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
            Ticketnummer
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
            Zoek
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
  return (
    <section className="stack" aria-labelledby="helpdesk-org">
      <h2 id="helpdesk-org">
        {org.name} ({formatEnterpriseNumber(org.enterpriseNumber)})
      </h2>
      {org.status === 'stopped' && (
        <Notice kind="warning">
          <p>Stopgezet in de KBO{org.stoppedOn ? ` op ${formatDate(org.stoppedOn)}` : ''}.</p>
        </Notice>
      )}
      <div className="card stack-small">
        <h3>Lokale beheerders</h3>
        {org.localAdmins.length === 0 ? (
          <p>Geen lokale beheerder.</p>
        ) : (
          <ul>
            {org.localAdmins.map((a) => (
              <li key={a.personId}>
                {a.name} (sinds {formatDate(a.appointedAt.slice(0, 10))})
              </li>
            ))}
          </ul>
        )}
        <h3>Wettelijk vertegenwoordigers (KBO)</h3>
        <ul>
          {org.legalRepresentatives.map((r) => (
            <li key={`${r.name}-${r.function}`}>
              {r.name}, {r.function}
            </li>
          ))}
        </ul>
      </div>
      {org.persons.length === 0 ? (
        <EmptyState title="Deze organisatie heeft nog geen personen." />
      ) : (
        <TableScroll label="Personen">
          <table className="table">
            <caption className="visually-hidden">Personen van {org.name}</caption>
            <thead>
              <tr>
                <th scope="col">Persoon</th>
                <th scope="col">Rijksregisternummer</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Actie</span>
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
                  <td>{p.status === 'active' ? 'Actief' : 'Nog niet gekoppeld'}</td>
                  <td>
                    <Button variant="secondary" onPress={() => onOpen(p.personId)}>
                      Bekijk {p.firstName} {p.lastName}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {org.morePersons && <p>De eerste 100 personen worden getoond.</p>}
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
  const api = useApi();
  const rights = [...new Set(person.grants.map((g) => g.right))];
  const [right, setRight] = useState(rights[0] ?? 'VLAIO Inkom Gebruiker Nieuw');
  const [profile, setProfile] = useState(person.grants[0]?.profiles[0] ?? 'Dienstverlener kmo-portefeuille');
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
      <h2 id="helpdesk-persoon">Gegevens van gebruiker in {org.name} (alleen lezen)</h2>
      <div>
        <Button variant="secondary" onPress={onBack}>
          Terug naar de organisatie
        </Button>
      </div>
      <PersonBlock person={person} />
      <div className="card stack-small">
        <h3>Werkrelatie</h3>
        {r ? (
          <p>
            {categoryLabel(r.category)}, van {formatDate(r.startDate)} tot en met {formatDate(r.endDate)}
            {r.paused ? ` — gepauzeerd${r.pauseReason ? `: ${r.pauseReason}` : ''}` : ''}
          </p>
        ) : (
          <p>Geen werkrelatie.</p>
        )}
        <h3>Gebruikersrechten</h3>
        {person.grants.length === 0 ? (
          <p>Geen gebruikersrechten.</p>
        ) : (
          <ul>
            {person.grants.map((g) => (
              <li key={g.grantId}>
                {g.rightName}: {g.profiles.join(', ')}, van {formatDate(g.startDate)} tot en met{' '}
                {formatDate(g.endDate)}
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
        <h3 id="helpdesk-controle">Toegangscontrole</h3>
        <div className="field">
          <label className="field-label" htmlFor="helpdesk-recht">
            Gebruikersrecht
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
            Profiel
          </label>
          <input
            id="helpdesk-profiel"
            className="input"
            value={profile}
            onChange={(e) => setProfile(e.target.value)}
          />
        </div>
        <div className="button-row">
          <Button type="submit">Controleer toegang</Button>
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
                {REASONS[answer.reason] ?? answer.reason}
                {answer.validUntil ? ` Geldig tot en met ${formatDate(answer.validUntil)}.` : ''}
              </p>
            </Notice>
          )}
        </div>
      </form>
    </section>
  );
}
