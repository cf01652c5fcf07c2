import { useEffect, useState } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import { useLocation, useParams } from 'react-router';
import { errorText, useApi, useResource } from '../app/api.ts';
import {
  FIELD_LABELS,
  formatDate,
  formatDateTime,
  formatEnterpriseNumber,
  GRANT_STATE_LABELS,
  HISTORY_ACTION_LABELS,
  LOGIN_METHOD_LABELS,
} from '../app/format.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import type {
  HistoryEntryDto,
  HistoryPageDto,
  PersonAccountsDto,
  PersonPageDto,
  RightCatalogueDto,
} from '../app/types.ts';
import {
  Button,
  ButtonLink,
  EmptyState,
  Loading,
  NationalNumber,
  Notice,
  PageTitle,
  PersonBlock,
  ResourceView,
  TableScroll,
} from '../components/ui.tsx';
import {
  type ActionProps,
  DeleteRelationshipDialog,
  EditGrantDialog,
  EditRelationshipDialog,
  ExtendDialog,
  PauseDialog,
  ResumeDialog,
  RevokeGrantDialog,
} from './PersonActions.tsx';

/** *Gegevens van gebruiker*: the person, the work relationship and rights, accounts and history. */
export function PersonPage() {
  const org = useOrganisation();
  const api = useApi();
  const { personId = '' } = useParams();
  const location = useLocation();
  const flash = (location.state as { flash?: string } | null)?.flash;
  const person = useResource(`person:${org.enterpriseNumber}:${personId}`, (signal) =>
    api.get<PersonPageDto>(`/organisations/${org.enterpriseNumber}/persons/${personId}`, { signal }),
  );
  // Bumped after a change and by *Pagina herladen*: the history and accounts tabs load again.
  const [tabsGeneration, setTabsGeneration] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const catalogue = useResource('rights', (signal) => api.get<RightCatalogueDto>('/rights', { signal }));
  const path = `/organisations/${org.enterpriseNumber}/persons/${personId}`;
  // After an action whose button is replaced (pause ↔ resume, delete), focus would fall to the page's
  // body: put it back on the page title, right above the message, so keyboard use continues.
  useEffect(() => {
    if (message && person.data && document.activeElement === document.body)
      document.querySelector<HTMLElement>('main h1')?.focus();
  }, [message, person.data]);
  const done = (text: string) => {
    setMessage(text);
    person.reload();
    setTabsGeneration((g) => g + 1);
  };

  return (
    <div className="stack">
      <PageTitle kicker={org.name}>Gegevens van gebruiker</PageTitle>
      <div role="status">
        {(message ?? flash) && (
          <Notice kind="success">
            <p>{message ?? flash}</p>
          </Notice>
        )}
      </div>
      <ResourceView resource={person} loadingText="De gegevens van de gebruiker worden opgehaald…">
        {(p) => {
          const base = orgPath(org.enterpriseNumber, `/personen/${p.personId}`);
          return (
            <>
              <PersonBlock person={p} />
              <Tabs className="tabs" defaultSelectedKey="werkrelatie">
                <TabList aria-label="Gegevens van de gebruiker" className="tab-list">
                  <Tab id="werkrelatie" className="tab">
                    Werkrelatie
                  </Tab>
                  <Tab id="details" className="tab">
                    Werkrelatie details
                  </Tab>
                  <Tab id="accounts" className="tab">
                    Accounts
                  </Tab>
                  <Tab id="historiek" className="tab">
                    Historiek
                  </Tab>
                </TabList>
                <TabPanel id="werkrelatie" className="tab-panel">
                  <RelationshipTab
                    person={p}
                    actions={{ person: p, path, done }}
                    rights={catalogue.data?.items ?? []}
                  />
                </TabPanel>
                <TabPanel id="details" className="tab-panel">
                  <RelationshipDetailsTab person={p} />
                </TabPanel>
                <TabPanel id="accounts" className="tab-panel">
                  <AccountsTab person={p} generation={tabsGeneration} />
                </TabPanel>
                <TabPanel id="historiek" className="tab-panel">
                  <HistoryTab personId={p.personId} generation={tabsGeneration} />
                </TabPanel>
              </Tabs>

              <section aria-labelledby="acties" className="actions">
                <h2 id="acties" className="visually-hidden">
                  Acties
                </h2>
                <div className="button-row">
                  {p.relationship ? (
                    <ButtonLink href={`${base}/rechten/nieuw`}>Ken gebruikersrecht toe</ButtonLink>
                  ) : (
                    <ButtonLink href={`${base}/werkrelatie`}>Koppel gebruiker aan organisatie</ButtonLink>
                  )}
                  {p.relationship && (
                    <>
                      <EditRelationshipDialog person={p} path={path} done={done} />
                      <ExtendDialog person={p} path={path} done={done} />
                      {p.relationship.paused ? (
                        <ResumeDialog person={p} path={path} done={done} />
                      ) : (
                        <PauseDialog person={p} path={path} done={done} />
                      )}
                      <DeleteRelationshipDialog person={p} path={path} done={done} />
                    </>
                  )}
                  <Button
                    variant="secondary"
                    isPending={person.loading}
                    onPress={() => {
                      person.reload();
                      setTabsGeneration((g) => g + 1);
                    }}
                  >
                    Pagina herladen
                  </Button>
                </div>
              </section>
            </>
          );
        }}
      </ResourceView>
    </div>
  );
}

function RelationshipTab({
  person,
  actions,
  rights,
}: {
  person: PersonPageDto;
  actions: ActionProps;
  rights: readonly RightCatalogueDto['items'][number][];
}) {
  const r = person.relationship;
  if (!r) {
    return (
      <EmptyState
        title={`${person.firstName} ${person.lastName} heeft nog geen werkrelatie met ${person.organisation.name}.`}
      >
        <p>
          Koppel de gebruiker aan de organisatie (knop <strong>Koppel gebruiker aan organisatie</strong>{' '}
          hieronder). Daarna kan u gebruikersrechten toekennen.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="stack-small">
      <div className="relationship-card">
        <p>
          <span className="mono">{formatEnterpriseNumber(person.organisation.enterpriseNumber)}</span>{' '}
          <strong>{person.organisation.name}</strong> · {r.category}
        </p>
        <p>
          Geldig van {formatDate(r.startDate)} tot {formatDate(r.endDate)}
          {r.paused && <span className="badge badge-paused">Gepauzeerd</span>}
        </p>
      </div>
      {person.grants.length === 0 ? (
        <EmptyState title="Geen gebruikersrechten toegekend">
          <p>
            Ken een gebruikersrecht toe met de knop <strong>Ken gebruikersrecht toe</strong> hieronder.
          </p>
        </EmptyState>
      ) : (
        <TableScroll label="Gebruikersrechten">
          <table className="table">
            <caption className="visually-hidden">Gebruikersrechten</caption>
            <thead>
              <tr>
                <th scope="col">Gebruikersrecht</th>
                <th scope="col">Profielen</th>
                <th scope="col">Begindatum</th>
                <th scope="col">Einddatum</th>
                <th scope="col">Toestand</th>
                <th scope="col">Acties</th>
              </tr>
            </thead>
            <tbody>
              {person.grants.map((g) => (
                <tr key={g.grantId}>
                  <td>{g.rightName}</td>
                  <td>{g.profiles.join(', ')}</td>
                  <td className="nowrap">{formatDate(g.startDate)}</td>
                  <td className="nowrap">{formatDate(g.endDate)}</td>
                  <td>
                    <span className={`badge badge-${g.state}`}>{GRANT_STATE_LABELS[g.state] ?? g.state}</span>
                  </td>
                  <td className="nowrap">
                    {g.state === 'expired' ? (
                      <span className="muted">—</span>
                    ) : (
                      <span className="row-actions">
                        <EditGrantDialog
                          {...actions}
                          grant={g}
                          right={rights.find((r) => r.rightId === g.right)}
                        />
                        <RevokeGrantDialog {...actions} grant={g} />
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}

function RelationshipDetailsTab({ person }: { person: PersonPageDto }) {
  const r = person.relationship;
  if (!r) {
    return (
      <EmptyState title="Er zijn nog geen werkrelatie details.">
        <p>Ze worden ingevuld wanneer u de gebruiker aan de organisatie koppelt.</p>
      </EmptyState>
    );
  }
  return (
    <dl className="details">
      <div>
        <dt>Organisatie</dt>
        <dd>
          {person.organisation.name} ({formatEnterpriseNumber(person.organisation.enterpriseNumber)})
        </dd>
      </div>
      <div>
        <dt>Categorie</dt>
        <dd>{r.category}</dd>
      </div>
      <div>
        <dt>Begindatum</dt>
        <dd>{formatDate(r.startDate)}</dd>
      </div>
      <div>
        <dt>Einddatum</dt>
        <dd>{formatDate(r.endDate)}</dd>
      </div>
      <div>
        <dt>Telefoonnummer</dt>
        <dd>{r.phone}</dd>
      </div>
      <div>
        <dt>E-mailadres</dt>
        <dd>{r.email}</dd>
      </div>
      <div>
        <dt>Gepauzeerd</dt>
        <dd>{r.paused ? `ja${r.pauseReason ? ` (${r.pauseReason})` : ''}` : 'nee'}</dd>
      </div>
    </dl>
  );
}

/**
 * *Accounts*: how the person logs in, and the login methods they used (first and last use, count). The
 * logins have their own route, loaded when the tab opens, so the person page stays one read.
 */
function AccountsTab({ person, generation }: { person: PersonPageDto; generation: number }) {
  const org = useOrganisation();
  const api = useApi();
  const path = `/organisations/${org.enterpriseNumber}/persons/${person.personId}/accounts`;
  const logins = useResource(`accounts:${person.personId}:${generation}`, (signal) =>
    api.get<PersonAccountsDto>(path, { signal }),
  );
  return (
    <div className="stack-small">
      <dl className="details">
        <div>
          <dt>Rijksregisternummer</dt>
          <dd>
            <NationalNumber masked={person.nationalNumber} />
          </dd>
        </div>
        <div>
          <dt>Aanmelden</dt>
          <dd>Via het Toegangsbeheer (ACM) met het eigen rijksregisternummer</dd>
        </div>
      </dl>
      <ResourceView resource={logins} loadingText="De aanmeldingen worden opgehaald…">
        {({ accounts }) =>
          accounts ? (
            <TableScroll label="Aanmeldmethoden">
              <table className="table">
                <caption className="visually-hidden">Aanmeldmethoden</caption>
                <thead>
                  <tr>
                    <th scope="col">Aanmeldmethode</th>
                  </tr>
                </thead>
                <tbody>
                  {accounts.methods.map((m) => (
                    <tr key={m.method}>
                      <th scope="row">{LOGIN_METHOD_LABELS[m.method] ?? m.method}</th>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <EmptyState title="Deze persoon heeft nog niet aangemeld.">
              <p>Zodra {person.firstName} aanmeldt via het Toegangsbeheer, ziet u hier met welke methoden.</p>
            </EmptyState>
          )
        }
      </ResourceView>
      <p className="muted">
        Gebruikersbeheer houdt geen gebruikersnamen of wachtwoorden bij. {person.firstName} meldt aan met eID
        en kaartlezer, itsme, een beveiligingscode via app of sms, of het federaal token.
      </p>
    </div>
  );
}

const VALUE_LABELS: Record<string, Record<string, string>> = {
  status: { pending: 'In afwachting', active: 'Actief' },
  state: GRANT_STATE_LABELS,
  sex: { M: 'M', F: 'V' },
};

function show(value: unknown, field?: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (Array.isArray(value)) return value.map((v) => show(v)).join(', ');
  if (typeof value === 'string' && field && VALUE_LABELS[field]?.[value]) return VALUE_LABELS[field][value];
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Technical or repeated fields of a snapshot that a person reading the history does not need. */
const HIDDEN_FIELDS = new Set(['version', 'personId', 'grantId', 'enterpriseNumber', 'pseudonym', 'rightId']);

/** A snapshot as flat fields: nested objects (e.g. `person`) contribute their own fields. */
function flatten(snapshot: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!snapshot || typeof snapshot !== 'object') return out;
  for (const [k, v] of Object.entries(snapshot as Record<string, unknown>)) {
    if (v && typeof v === 'object' && !Array.isArray(v)) Object.assign(out, flatten(v));
    else out[k] = v;
  }
  if ('rightName' in out && 'right' in out) delete out.right;
  return out;
}

/** The fields that changed (or were set), as rows *gegeven · voor · na*, in the order of FIELD_LABELS. */
function changes(before: unknown, after: unknown) {
  const b = flatten(before);
  const a = flatten(after);
  const order = Object.keys(FIELD_LABELS);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => !HIDDEN_FIELDS.has(k))
    .sort((x, y) => rank(x) - rank(y));
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ field: FIELD_LABELS[k] ?? k, before: show(b[k], k), after: show(a[k], k) }));
}

function HistoryItem({ entry }: { entry: HistoryEntryDto }) {
  const rows = changes(entry.before, entry.after);
  const hasBefore = entry.before !== null && entry.before !== undefined;
  return (
    <li className="timeline-item">
      <p className="timeline-when">{formatDateTime(entry.at)}</p>
      <p className="timeline-what">
        <strong>{HISTORY_ACTION_LABELS[entry.action] ?? entry.action}</strong> door {entry.actor.name}
      </p>
      {entry.reason && <p>Reden: {entry.reason}</p>}
      {rows.length > 0 && (
        <table className="table table-compact">
          <caption className="visually-hidden">Wijzigingen</caption>
          <thead>
            <tr>
              <th scope="col">Gegeven</th>
              {hasBefore && <th scope="col">Voor</th>}
              <th scope="col">{hasBefore ? 'Na' : 'Waarde'}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.field}>
                <th scope="row">{r.field}</th>
                {hasBefore && <td>{r.before}</td>}
                <td>{r.after}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

function HistoryTab({ personId, generation }: { personId: string; generation: number }) {
  const org = useOrganisation();
  const api = useApi();
  const path = `/organisations/${org.enterpriseNumber}/persons/${personId}/history`;
  const first = useResource(`history:${personId}:${generation}`, (signal) =>
    api.get<HistoryPageDto>(path, { signal, query: { limit: 50 } }),
  );
  const [more, setMore] = useState<{
    items: HistoryEntryDto[];
    cursor: string | null;
    loading: boolean;
    error?: string;
  }>();
  const loadMore = async (cursor: string) => {
    setMore((m) => ({ items: m?.items ?? [], cursor, loading: true }));
    try {
      const page = await api.get<HistoryPageDto>(path, { query: { limit: 50, cursor } });
      setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], cursor: page.cursor, loading: false }));
    } catch (e) {
      setMore((m) => ({ items: m?.items ?? [], cursor, loading: false, error: errorText(e) }));
    }
  };
  return (
    <ResourceView resource={first} loadingText="De historiek wordt opgehaald…">
      {(page) => {
        const items = [...page.items, ...(more?.items ?? [])];
        const cursor = more ? more.cursor : page.cursor;
        if (items.length === 0) return <EmptyState title="Er is nog geen historiek." />;
        return (
          <>
            <ol className="timeline" aria-label="Historiek">
              {items.map((e) => (
                <HistoryItem key={e.entryId} entry={e} />
              ))}
            </ol>
            {more?.error && (
              <Notice kind="error" role="alert">
                <p>{more.error}</p>
              </Notice>
            )}
            {more?.loading && <Loading>Oudere historiek wordt opgehaald…</Loading>}
            {cursor && !more?.loading && (
              <Button variant="secondary" onPress={() => void loadMore(cursor)}>
                Oudere historiek tonen
              </Button>
            )}
          </>
        );
      }}
    </ResourceView>
  );
}
