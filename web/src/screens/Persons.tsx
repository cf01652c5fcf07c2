import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { statusLabel } from '../app/format.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import { loaded, MorePersons, PersonSearch, usePersonPages } from '../components/person-pages.tsx';
import { ButtonLink, EmptyState, PageTitle, ResourceView, TableScroll, TextLink } from '../components/ui.tsx';
import { BulkExtension } from './BulkExtension.tsx';

/**
 * *Toon alle personen* and the results of *Persoon zoeken* (`?zoek=`), 25 at a time, with a checkbox per
 * person for *Verlengen* (several relationships and rights at once) and the way to the CSV import.
 */
export function Persons() {
  const { t } = useTranslation(['persons', 'common', 'home', 'routes']);
  const org = useOrganisation();
  const [params, setParams] = useSearchParams();
  const search = params.get('zoek') ?? '';
  const status = params.get('status') ?? '';
  const [text, setText] = useState(search);
  useEffect(() => setText(search), [search]);
  const base = orgPath(org.enterpriseNumber);
  const pages = usePersonPages(`persons:${org.enterpriseNumber}:${search}:${status}`, { search, status }, 25);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const toggle = (personId: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(personId);
      else next.delete(personId);
      return next;
    });

  const onSearch = (text: string) => {
    const next = new URLSearchParams(params);
    if (text) next.set('zoek', text);
    else next.delete('zoek');
    setParams(next);
  };

  return (
    <div className="stack">
      <PageTitle kicker={org.name}>{search ? t('results') : t('all')}</PageTitle>
      <div className="toolbar">
        <PersonSearch text={text} onText={setText} onSearch={onSearch} />
        <fieldset className="filter">
          <legend className="field-label">{t('common:status')}</legend>
          {[
            ['', t('filterAll')],
            ['pending', t('common:statusPending')],
            ['active', t('common:statusActive')],
          ].map(([value = '', label]) => (
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
        <ButtonLink href={`${base}/personen/nieuw`}>{t('home:addPerson')}</ButtonLink>
        <ButtonLink variant="secondary" href={`${base}/personen/importeren`}>
          {t('routes:importPersons')}
        </ButtonLink>
      </div>
      <ResourceView resource={pages.first} loadingText={t('loading')}>
        {(page) => {
          const { items, cursor } = loaded(pages, page);
          if (items.length === 0) {
            return search ? (
              <EmptyState title={t('noneFound', { search })}>
                <p>{t('noneFoundText')}</p>
              </EmptyState>
            ) : (
              <EmptyState title={t('noneYet')}>
                <p>{t('noneYetText')}</p>
                <ButtonLink href={`${base}/personen/nieuw`}>{t('home:addPerson')}</ButtonLink>
              </EmptyState>
            );
          }
          return (
            <>
              <TableScroll label={t('home:persons')}>
                <table className="table">
                  <caption className="visually-hidden">{t('caption', { name: org.name })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">
                        <span className="visually-hidden">{t('selection')}</span>
                      </th>
                      <th scope="col">{t('common:name')}</th>
                      <th scope="col">{t('common:nickname')}</th>
                      <th scope="col">{t('common:nationalNumber')}</th>
                      <th scope="col">{t('common:status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {items.map((p) => (
                      <tr key={p.personId}>
                        <td>
                          <input
                            type="checkbox"
                            className="row-check"
                            aria-label={t('select', { name: `${p.firstName} ${p.lastName}` })}
                            checked={selected.has(p.personId)}
                            disabled={p.status !== 'active'}
                            onChange={(e) => toggle(p.personId, e.target.checked)}
                          />
                        </td>
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
              <MorePersons pages={pages} cursor={cursor} />
              <BulkExtension
                selected={[...selected]}
                onDone={() => {
                  setSelected(new Set());
                  pages.reset();
                  pages.first.reload();
                }}
              />
            </>
          );
        }}
      </ResourceView>
    </div>
  );
}
