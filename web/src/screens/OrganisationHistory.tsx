/**
 * *Historiek organisatie*: every change in the organisation, newest first (GET …/audit), filtered by
 * period and kind of action, a page at a time, and the same selection as a CSV for Excel
 * (GET …/audit/export). National numbers come masked from the API.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorText, useApi } from '../app/api.ts';
import { AUDIT_ACTION_FILTERS, auditFilterLabel, formatDateTime, historyActionLabel } from '../app/format.ts';
import { useOrganisation } from '../app/session.tsx';
import type { AuditEntryDto, AuditPageDto } from '../app/types.ts';
import { Button, EmptyState, Notice, PageTitle, TableScroll } from '../components/ui.tsx';

interface Filter {
  from: string;
  to: string;
  action: string;
}

export function OrganisationHistory() {
  const { t } = useTranslation(['history', 'common', 'routes']);
  const org = useOrganisation();
  const api = useApi();
  const path = `/organisations/${org.enterpriseNumber}/audit`;
  const [filter, setFilter] = useState<Filter>({ from: '', to: '', action: '' });
  const [entries, setEntries] = useState<AuditEntryDto[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (next?: string) => {
    setBusy(true);
    setError(null);
    try {
      const page = await api.get<AuditPageDto>(path, { query: { ...filter, limit: 50, cursor: next } });
      setEntries((current) => (next && current ? [...current, ...page.items] : page.items));
      setCursor(page.cursor);
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.detail ?? e.title) : errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    setError(null);
    try {
      const file = await api.download(`${path}/export`, { query: { ...filter } });
      const url = URL.createObjectURL(new Blob([file.bytes], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.detail ?? e.title) : errorText(e));
    }
  };

  const field = (name: keyof Filter) => ({
    value: filter[name],
    onChange: (e: { target: { value: string } }) => setFilter({ ...filter, [name]: e.target.value }),
  });

  return (
    <div className="stack">
      <PageTitle kicker={org.name}>{t('routes:history')}</PageTitle>
      <p>{t('intro', { organisation: org.name })}</p>
      <form
        className="card stack-small"
        aria-labelledby="filter-titel"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <h2 id="filter-titel">{t('filter')}</h2>
        <div className="field">
          <label className="field-label" htmlFor="historiek-van">
            {t('from')}
          </label>
          <input id="historiek-van" className="input input-medium" type="date" {...field('from')} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="historiek-tot">
            {t('through')}
          </label>
          <input id="historiek-tot" className="input input-medium" type="date" {...field('to')} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="historiek-actie">
            {t('kind')}
          </label>
          <select id="historiek-actie" className="input input-medium" {...field('action')}>
            <option value="">{t('all')}</option>
            {Object.keys(AUDIT_ACTION_FILTERS).map((value) => (
              <option key={value} value={value}>
                {auditFilterLabel(value)}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row">
          <Button type="submit" isPending={busy}>
            {t('show')}
          </Button>
          <Button variant="secondary" onPress={() => void download()}>
            {t('download')}
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
      {entries &&
        (entries.length === 0 ? (
          <EmptyState title={t('none')} />
        ) : (
          <TableScroll label={t('routes:history')}>
            <table className="table">
              <caption className="visually-hidden">{t('routes:history')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('common:when')}</th>
                  <th scope="col">{t('common:who')}</th>
                  <th scope="col">{t('change')}</th>
                  <th scope="col">{t('person')}</th>
                  <th scope="col">{t('common:reason')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.entryId}>
                    <td className="nowrap">{formatDateTime(e.at)}</td>
                    <td>{e.actor.name}</td>
                    <td>{historyActionLabel(e.action)}</td>
                    <td>{e.subject ? `${e.subject.name} (${e.subject.nationalNumber})` : ''}</td>
                    <td>{e.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        ))}
      {cursor && (
        <Button variant="secondary" isPending={busy} onPress={() => void load(cursor)}>
          {t('more')}
        </Button>
      )}
    </div>
  );
}
