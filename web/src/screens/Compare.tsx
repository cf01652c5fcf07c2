/**
 * *Vergelijk meerdere personen*: pick two to ten persons of the organisation, then a matrix of rights ×
 * profiles with a column per person (`GET …/comparison?personIds=a,b`); rows where the persons differ
 * are highlighted and marked *verschilt* (not by colour alone). The choice is kept in the address
 * (`?personen=a,b`), so a comparison can be shared or reloaded.
 */
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation(['compare', 'routes']);
  const org = useOrganisation();
  const [params, setParams] = useSearchParams();
  const chosen = (params.get('personen') ?? '').split(',').filter(Boolean);
  return (
    <div className="stack">
      <PageTitle kicker={org.name}>{t('routes:compare')}</PageTitle>
      {chosen.length >= 2 ? (
        <>
          <Matrix personIds={chosen} />
          <p>
            <Button variant="secondary" onPress={() => setParams(new URLSearchParams())}>
              {t('chooseOthers')}
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
  const { t } = useTranslation(['compare', 'persons', 'home']);
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
    if (selected.size < 2) setError(t('tooFew'));
    else if (selected.size > 10) setError(t('tooMany'));
    else onCompare([...selected.keys()]);
  };
  return (
    <>
      <p>{t('intro')}</p>
      <PersonSearch text={text} onText={setText} onSearch={onSearch} />
      <ResourceView resource={pages.first} loadingText={t('persons:loading')}>
        {(page) => {
          const { items, cursor } = loaded(pages, page);
          if (items.length === 0)
            return (
              <EmptyState title={search ? t('persons:noneFound', { search }) : t('none')}>
                <p>{t('noneText')}</p>
              </EmptyState>
            );
          return (
            <fieldset className="field">
              <legend className="field-label">{t('home:persons')}</legend>
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
        {selected.size === 0 ? t('noneChosen') : t('chosen', { count: selected.size })}
      </div>
      {error && (
        <Notice kind="error" role="alert">
          <p>{error}</p>
        </Notice>
      )}
      <p className="button-row">
        <Button onPress={compare}>{t('compare')}</Button>
      </p>
    </>
  );
}

function Matrix({ personIds }: { personIds: string[] }) {
  const { t } = useTranslation(['compare', 'common', 'home']);
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
    <ResourceView resource={comparison} loadingText={t('loading')}>
      {(data) => {
        const differing = data.rows.filter((r) => r.differs).length;
        if (data.rows.length === 0)
          return (
            <EmptyState title={t('noRights')}>
              <p>
                <Trans
                  t={t}
                  i18nKey="noRightsText"
                  components={{ page: <TextLink href={`${base}/snel-recht`}>{''}</TextLink> }}
                />
              </p>
            </EmptyState>
          );
        return (
          <>
            <p>{differing === 0 ? t('same') : t('differ', { count: differing })}</p>
            <TableScroll label={t('tableLabel')}>
              <table className="table">
                <caption className="visually-hidden">{t('caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('common:right')}</th>
                    <th scope="col">{t('common:profile')}</th>
                    {data.persons.map((p) => (
                      <th scope="col" key={p.personId}>
                        <TextLink href={`${base}/personen/${p.personId}`}>
                          {p.firstName} {p.lastName}
                        </TextLink>
                      </th>
                    ))}
                    <th scope="col">{t('difference')}</th>
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
                              <span aria-hidden="true">✓ </span>
                              {c.endDate ? t('yesUntil', { date: formatDate(c.endDate) }) : t('common:yes')}
                            </>
                          ) : (
                            t('common:no')
                          )}
                        </td>
                      ))}
                      <td>{r.differs ? <strong>{t('differs')}</strong> : t('equal')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
            <p>
              <ButtonLink variant="secondary" href={`${base}/personen`}>
                {t('home:allPersons')}
              </ButtonLink>
            </p>
          </>
        );
      }}
    </ResourceView>
  );
}
