import { type FormEvent, useEffect, useState } from 'react';
import { Input, Label, SearchField } from 'react-aria-components';
import { useSearchParams } from 'react-router';
import { errorText, useApi, useResource } from '../app/api.ts';
import { statusLabel } from '../app/format.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import type { PersonListDto } from '../app/types.ts';
import {
  Button,
  ButtonLink,
  EmptyState,
  Loading,
  Notice,
  PageTitle,
  ResourceView,
  TableScroll,
  TextLink,
} from '../components/ui.tsx';

type Person = PersonListDto['items'][number];

/** *Toon alle personen* and the results of *Persoon zoeken* (`?zoek=`), 25 at a time. */
export function Persons() {
  const org = useOrganisation();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const search = params.get('zoek') ?? '';
  const status = params.get('status') ?? '';
  const [text, setText] = useState(search);
  useEffect(() => setText(search), [search]);
  const [more, setMore] = useState<{
    items: Person[];
    cursor: string | null;
    loading: boolean;
    error?: string;
  }>();
  const base = orgPath(org.enterpriseNumber);

  const key = `persons:${org.enterpriseNumber}:${search}:${status}`;
  const first = useResource(key, (signal) =>
    api.get<PersonListDto>(`/organisations/${org.enterpriseNumber}/persons`, {
      signal,
      query: { search, status, limit: 25 },
    }),
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query starts a new list.
  useEffect(() => setMore(undefined), [key]);

  const loadMore = async (cursor: string) => {
    setMore((m) => ({ items: m?.items ?? [], cursor, loading: true }));
    try {
      const page = await api.get<PersonListDto>(`/organisations/${org.enterpriseNumber}/persons`, {
        query: { search, status, limit: 25, cursor },
      });
      setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], cursor: page.cursor, loading: false }));
    } catch (e) {
      setMore((m) => ({ items: m?.items ?? [], cursor, loading: false, error: errorText(e) }));
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams(params);
    if (text.trim()) next.set('zoek', text.trim());
    else next.delete('zoek');
    setParams(next);
  };

  return (
    <div className="stack">
      <PageTitle kicker={org.name}>{search ? 'Zoekresultaten' : 'Alle personen'}</PageTitle>
      <div className="toolbar">
        <form onSubmit={submit} className="inline-form">
          <SearchField value={text} onChange={setText} className="field">
            <Label className="field-label">Persoon zoeken (naam of roepnaam)</Label>
            <Input className="input input-medium" />
          </SearchField>
          <Button type="submit">Zoek</Button>
        </form>
        <fieldset className="filter">
          <legend className="field-label">Status werkstroom</legend>
          {[
            ['', 'Alle'],
            ['pending', 'In afwachting'],
            ['active', 'Actief'],
          ].map(([value, label]) => (
            <TextLink
              key={value}
              href={`${base}/personen?${new URLSearchParams({ ...(search ? { zoek: search } : {}), ...(value ? { status: value } : {}) })}`}
              className={status === value ? 'filter-active' : ''}
              aria-current={status === value ? 'true' : undefined}
            >
              {label}
            </TextLink>
          ))}
        </fieldset>
        <ButtonLink href={`${base}/personen/nieuw`}>Nieuwe persoon toevoegen</ButtonLink>
      </div>
      <ResourceView resource={first} loadingText="De personen worden opgehaald…">
        {(page) => {
          const items = [...page.items, ...(more?.items ?? [])];
          const cursor = more ? more.cursor : page.cursor;
          if (items.length === 0) {
            return search ? (
              <EmptyState title={`Geen personen gevonden voor “${search}”.`}>
                <p>Controleer de schrijfwijze, zoek op een deel van de naam, of voeg de persoon toe.</p>
              </EmptyState>
            ) : (
              <EmptyState title="Er zijn nog geen personen in uw organisatie.">
                <p>Voeg een persoon toe met het rijksregisternummer of BIS-nummer.</p>
                <ButtonLink href={`${base}/personen/nieuw`}>Nieuwe persoon toevoegen</ButtonLink>
              </EmptyState>
            );
          }
          return (
            <>
              <TableScroll label="Personen">
                <table className="table">
                  <caption className="visually-hidden">Personen van {org.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Naam</th>
                      <th scope="col">Roepnaam</th>
                      <th scope="col">Rijksregisternummer</th>
                      <th scope="col">Status werkstroom</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((p) => (
                      <tr key={p.personId}>
                        <td>
                          <TextLink href={`${base}/personen/${p.personId}`}>
                            {p.lastName} {p.firstName}
                          </TextLink>
                        </td>
                        <td>{p.nickname ?? ''}</td>
                        <td className="nowrap">{p.nationalNumber}</td>
                        <td>
                          <span className={`badge badge-${p.status}`}>{statusLabel(p.status)}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableScroll>
              {more?.error && (
                <Notice kind="error" role="alert">
                  <p>{more.error}</p>
                </Notice>
              )}
              {more?.loading && <Loading>Meer personen worden opgehaald…</Loading>}
              {cursor && !more?.loading && (
                <Button variant="secondary" onPress={() => void loadMore(cursor)}>
                  Meer laden
                </Button>
              )}
            </>
          );
        }}
      </ResourceView>
    </div>
  );
}
