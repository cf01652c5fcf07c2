/**
 * *Historiek organisatie*: every change in the organisation, newest first (GET …/audit), filtered by
 * period and kind of action, a page at a time, and the same selection as a CSV for Excel
 * (GET …/audit/export). National numbers come masked from the API.
 */
import { AUDIT_ACTION_FILTERS, HISTORY_ACTION_LABELS } from '@contracts/history-labels.ts';
import { useState } from 'react';
import { ApiError, useApi } from '../app/api.ts';
import { formatDateTime } from '../app/format.ts';
import { useOrganisation } from '../app/session.tsx';
import type { AuditEntryDto, AuditPageDto } from '../app/types.ts';
import { Button, EmptyState, Notice, PageTitle, TableScroll } from '../components/ui.tsx';

interface Filter {
  from: string;
  to: string;
  action: string;
}

export function OrganisationHistory() {
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
      setError(
        e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.detail ?? e.title) : 'Er ging iets mis.',
      );
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
      setError(
        e instanceof ApiError ? (e.fieldErrors[0]?.message ?? e.detail ?? e.title) : 'Er ging iets mis.',
      );
    }
  };

  const field = (name: keyof Filter) => ({
    value: filter[name],
    onChange: (e: { target: { value: string } }) => setFilter({ ...filter, [name]: e.target.value }),
  });

  return (
    <div className="stack">
      <PageTitle kicker={org.name}>Historiek organisatie</PageTitle>
      <p>
        Elke wijziging in {org.name}: personen, werkrelaties, gebruikersrechten, lokale beheerders en wat de
        KBO wijzigde, de nieuwste eerst.
      </p>
      <form
        className="card stack-small"
        aria-labelledby="filter-titel"
        onSubmit={(e) => {
          e.preventDefault();
          void load();
        }}
      >
        <h2 id="filter-titel">Filter</h2>
        <div className="field">
          <label className="field-label" htmlFor="historiek-van">
            Van
          </label>
          <input id="historiek-van" className="input input-medium" type="date" {...field('from')} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="historiek-tot">
            Tot en met
          </label>
          <input id="historiek-tot" className="input input-medium" type="date" {...field('to')} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor="historiek-actie">
            Soort wijziging
          </label>
          <select id="historiek-actie" className="input input-medium" {...field('action')}>
            <option value="">Alle</option>
            {Object.entries(AUDIT_ACTION_FILTERS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row">
          <Button type="submit" isPending={busy}>
            Toon
          </Button>
          <Button variant="secondary" onPress={() => void download()}>
            Download als CSV (Excel)
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
          <EmptyState title="Geen wijzigingen in deze selectie." />
        ) : (
          <TableScroll label="Historiek organisatie">
            <table className="table">
              <caption className="visually-hidden">Historiek organisatie</caption>
              <thead>
                <tr>
                  <th scope="col">Wanneer</th>
                  <th scope="col">Door</th>
                  <th scope="col">Wijziging</th>
                  <th scope="col">Persoon</th>
                  <th scope="col">Reden</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.entryId}>
                    <td className="nowrap">{formatDateTime(e.at)}</td>
                    <td>{e.actor.name}</td>
                    <td>{HISTORY_ACTION_LABELS[e.action] ?? e.action}</td>
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
          Toon meer
        </Button>
      )}
    </div>
  );
}
