/**
 * The organisation's persons a page at a time (`GET …/persons?search=&limit=&cursor=`), as *Toon alle
 * personen* and the picker of *Vergelijk meerdere personen* list them: the first page as a resource,
 * further pages with *Meer laden*; and *Persoon zoeken* above such a list.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { errorText, type Resource, useApi, useResource } from '../app/api.ts';
import { useOrganisation } from '../app/session.tsx';
import type { PersonListDto } from '../app/types.ts';
import { Button, Loading, Notice } from './ui.tsx';

export type Person = PersonListDto['items'][number];

interface More {
  items: Person[];
  cursor: string | null;
  loading: boolean;
  error?: string;
}

export interface PersonPages {
  first: Resource<PersonListDto>;
  more: More | undefined;
  loadMore(cursor: string): Promise<void>;
  /** Forget the pages loaded after the first. */
  reset(): void;
}

/** `key` names the query (a new key starts a new list); `query` is sent with every page. */
export function usePersonPages(key: string, query: Record<string, string>, limit: number): PersonPages {
  const org = useOrganisation();
  const api = useApi();
  const path = `/organisations/${org.enterpriseNumber}/persons`;
  const [more, setMore] = useState<More>();
  const first = useResource(key, (signal) =>
    api.get<PersonListDto>(path, { signal, query: { ...query, limit } }),
  );
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new query starts a new list.
  useEffect(() => setMore(undefined), [key]);
  const loadMore = async (cursor: string) => {
    setMore((m) => ({ items: m?.items ?? [], cursor, loading: true }));
    try {
      const page = await api.get<PersonListDto>(path, { query: { ...query, limit, cursor } });
      setMore((m) => ({ items: [...(m?.items ?? []), ...page.items], cursor: page.cursor, loading: false }));
    } catch (e) {
      setMore((m) => ({ items: m?.items ?? [], cursor, loading: false, error: errorText(e) }));
    }
  };
  return { first, more, loadMore, reset: () => setMore(undefined) };
}

/** The persons loaded so far, after the first page, and the cursor of the next page (null: no more). */
export function loaded(pages: PersonPages, page: PersonListDto) {
  return {
    items: [...page.items, ...(pages.more?.items ?? [])],
    cursor: pages.more ? pages.more.cursor : page.cursor,
  };
}

/** Under the list: *Meer laden*, its progress, or why it failed. */
export function MorePersons({ pages, cursor }: { pages: PersonPages; cursor: string | null }) {
  const { t } = useTranslation('components');
  const { more } = pages;
  return (
    <>
      {more?.error && (
        <Notice kind="error" role="alert">
          <p>{more.error}</p>
        </Notice>
      )}
      {more?.loading && <Loading>{t('morePersonsLoading')}</Loading>}
      {cursor && !more?.loading && (
        <Button variant="secondary" onPress={() => void pages.loadMore(cursor)}>
          {t('loadMore')}
        </Button>
      )}
    </>
  );
}

/** *Persoon zoeken (naam of roepnaam)* with its *Zoek* button. */
export function PersonSearch({
  text,
  onText,
  onSearch,
}: {
  text: string;
  onText(text: string): void;
  /** Called with the trimmed text. */
  onSearch(search: string): void;
}) {
  const { t } = useTranslation(['common', 'components']);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form onSubmit={submit} className="inline-form">
      <SearchField value={text} onChange={onText} className="field">
        <Label className="field-label">{t('components:personSearch')}</Label>
        <Input className="input input-medium" />
      </SearchField>
      <Button type="submit">{t('search')}</Button>
    </form>
  );
}
