/**
 * *Vergelijk meerdere personen*: pick two to ten persons of the organisation, then a matrix of rights ×
 * profiles with a column per person (`GET …/comparison?personIds=a,b`); rows where the persons differ
 * are highlighted and marked *verschilt* (not by colour alone). The choice is kept in the address
 * (`?personen=a,b`), so a comparison can be shared or reloaded.
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useApi, useResource } from '../app/api.ts';
import { formatDate, statusLabel } from '../app/format.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import type { ComparisonDto } from '../app/types.ts';
import {
  loaded,
  MorePersons,
  type Person,
  PersonSearch,
  usePersonPages,
} from '../components/person-pages.tsx';
import {
  Button,
  ButtonLink,
  EmptyState,
  Notice,
  PageTitle,
  ResourceView,
  TableScroll,
  TextLink,
} from '../components/ui.tsx';

export function Compare() {
  const org = useOrganisation();
  const [params, setParams] = useSearchParams();
  const chosen = (params.get('personen') ?? '').split(',').filter(Boolean);
  return (
    <div className="stack">
      <PageTitle kicker={org.name}>Vergelijk meerdere personen</PageTitle>
      {chosen.length >= 2 ? (
        <>
          <Matrix personIds={chosen} />
          <p>
            <Button variant="secondary" onPress={() => setParams(new URLSearchParams())}>
              Kies andere personen
            </Button>
          </p>
        </>
      ) : (
        <Picker
          initial={chosen}
          onCompare={(ids) => setParams(new URLSearchParams({ personen: ids.join(',') }))}
        />
      )}
    </div>
  );
}

function Picker({ initial, onCompare }: { initial: string[]; onCompare(ids: string[]): void }) {
  const org = useOrganisation();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<Map<string, string>>(new Map(initial.map((id) => [id, id])));
  const [error, setError] = useState<string | null>(null);
  const pages = usePersonPages(`compare-persons:${org.enterpriseNumber}:${search}`, { search }, 50);
  const toggle = (p: Person, on: boolean) =>
    setSelected((s) => {
      const next = new Map(s);
      if (on) next.set(p.personId, `${p.firstName} ${p.lastName}`);
      else next.delete(p.personId);
      return next;
    });
  const onSearch = (text: string) => {
    pages.reset();
    setSearch(text);
  };
  const compare = () => {
    if (selected.size < 2) setError('Kies minstens twee personen om te vergelijken.');
    else if (selected.size > 10) setError('Vergelijk maximaal tien personen tegelijk.');
    else onCompare([...selected.keys()]);
  };
  return (
    <>
      <p>Kies twee tot tien personen. U ziet dan hun gebruikersrechten en profielen naast elkaar.</p>
      <PersonSearch text={text} onText={setText} onSearch={onSearch} />
      <ResourceView resource={pages.first} loadingText="De personen worden opgehaald…">
        {(page) => {
          const { items, cursor } = loaded(pages, page);
          if (items.length === 0)
            return (
              <EmptyState
                title={search ? `Geen personen gevonden voor “${search}”.` : 'Er zijn nog geen personen.'}
              >
                <p>Zoek op een andere naam, of voeg eerst personen toe.</p>
              </EmptyState>
            );
          return (
            <fieldset className="field">
              <legend className="field-label">Personen</legend>
              <ul className="plain-list check-list">
                {items.map((p) => (
                  <li key={p.personId}>
                    <label className="checkbox-label">
                      <input
                        type="checkbox"
                        checked={selected.has(p.personId)}
                        onChange={(e) => toggle(p, e.target.checked)}
                      />{' '}
                      {p.lastName} {p.firstName}{' '}
                      <span className={`badge badge-${p.status}`}>{statusLabel(p.status)}</span>
                    </label>
                  </li>
                ))}
              </ul>
              <MorePersons pages={pages} cursor={cursor} />
            </fieldset>
          );
        }}
      </ResourceView>
      <div role="status" className="muted">
        {selected.size === 0 ? 'Nog niemand gekozen.' : `${selected.size} gekozen.`}
      </div>
      {error && (
        <Notice kind="error" role="alert">
          <p>{error}</p>
        </Notice>
      )}
      <p className="button-row">
        <Button onPress={compare}>Vergelijk</Button>
      </p>
    </>
  );
}

function Matrix({ personIds }: { personIds: string[] }) {
  const org = useOrganisation();
  const api = useApi();
  const comparison = useResource(`comparison:${org.enterpriseNumber}:${personIds.join(',')}`, (signal) =>
    api.get<ComparisonDto>(`/organisations/${org.enterpriseNumber}/comparison`, {
      signal,
      query: { personIds: personIds.join(',') },
    }),
  );
  const base = orgPath(org.enterpriseNumber);
  return (
    <ResourceView resource={comparison} loadingText="De vergelijking wordt opgehaald…">
      {(data) => {
        const differing = data.rows.filter((r) => r.differs).length;
        if (data.rows.length === 0)
          return (
            <EmptyState title="Geen van deze personen heeft een gebruikersrecht.">
              <p>
                Ken een gebruikersrecht toe vanuit de pagina van de persoon, of{' '}
                <TextLink href={`${base}/snel-recht`}>ken snel een recht toe</TextLink>.
              </p>
            </EmptyState>
          );
        return (
          <>
            <p>
              {differing === 0
                ? 'Deze personen hebben dezelfde gebruikersrechten en profielen.'
                : `${differing} ${differing === 1 ? 'rij verschilt' : 'rijen verschillen'} (gemarkeerd).`}
            </p>
            <TableScroll label="Vergelijking van gebruikersrechten">
              <table className="table">
                <caption className="visually-hidden">Gebruikersrechten en profielen per persoon</caption>
                <thead>
                  <tr>
                    <th scope="col">Gebruikersrecht</th>
                    <th scope="col">Profiel</th>
                    {data.persons.map((p) => (
                      <th scope="col" key={p.personId}>
                        <TextLink href={`${base}/personen/${p.personId}`}>
                          {p.firstName} {p.lastName}
                        </TextLink>
                      </th>
                    ))}
                    <th scope="col">Verschil</th>
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((r) => (
                    <tr key={`${r.right}|${r.profile}`} className={r.differs ? 'compare-differs' : ''}>
                      <th scope="row">{r.right}</th>
                      <td>{r.profile}</td>
                      {r.cells.map((c, i) => (
                        <td key={data.persons[i]?.personId ?? i} className="nowrap">
                          {c.granted ? (
                            <>
                              <span aria-hidden="true">✓ </span>ja
                              {c.endDate ? `, tot ${formatDate(c.endDate)}` : ''}
                            </>
                          ) : (
                            'nee'
                          )}
                        </td>
                      ))}
                      <td>{r.differs ? <strong>verschilt</strong> : 'gelijk'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <p>
              <ButtonLink variant="secondary" href={`${base}/personen`}>
                Toon alle personen
              </ButtonLink>
            </p>
          </>
        );
      }}
    </ResourceView>
  );
}
