import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, useApi, useResource } from '../../app/api.ts';
import {
  categoryLabel,
  FIELD_ORDER,
  fieldLabel,
  formatDate,
  formatDateTime,
  formatPhone,
  grantStateLabel,
  historyActionLabel,
  sexLabel,
  statusLabel,
} from '../../app/format.ts';
import { useOrganisation } from '../../app/session.tsx';
import type { HistoryEntryDto, HistoryPageDto } from '../../app/types.ts';
import { Button, EmptyState, Loading, Notice, ResourceView } from '../../components/ui.tsx';
import i18n from '../../i18n/index.ts';

/** Coded values of a snapshot in the UI's language: a status, a right's state, the sex, a category. */
const VALUE_LABELS: Record<string, (value: string) => string> = {
  status: (v) => (v === 'pending' || v === 'active' ? statusLabel(v) : v),
  state: grantStateLabel,
  sex: (v) => (v === 'M' || v === 'F' ? sexLabel(v) : v),
  category: categoryLabel,
  phone: formatPhone,
};

function show(value: unknown, field?: string): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? i18n.t('common:yes') : i18n.t('common:no');
  if (Array.isArray(value)) return value.map((v) => show(v)).join(', ');
  const label = field ? VALUE_LABELS[field] : undefined;
  if (typeof value === 'string' && label) return label(value);
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

/** The fields that changed (or were set), as rows *gegeven · voor · na*, in the order of FIELD_ORDER. */
function changes(before: unknown, after: unknown) {
  const b = flatten(before);
  const a = flatten(after);
  // The right's name stands where the right does.
  const rank = (k: string) => {
    const i = FIELD_ORDER.indexOf(k === 'rightName' ? 'right' : k);
    return i === -1 ? FIELD_ORDER.length : i;
  };
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => !HIDDEN_FIELDS.has(k))
    .sort((x, y) => rank(x) - rank(y));
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => ({ field: fieldLabel(k), before: show(b[k], k), after: show(a[k], k) }));
}

function HistoryItem({ entry }: { entry: HistoryEntryDto }) {
  const { t } = useTranslation(['person', 'common']);
  const rows = changes(entry.before, entry.after);
  const hasBefore = entry.before !== null && entry.before !== undefined;
  return (
    <li className="timeline-item">
      <p className="timeline-when">{formatDateTime(entry.at)}</p>
      <p className="timeline-what">
        <strong>{historyActionLabel(entry.action)}</strong> {t('by', { name: entry.actor.name })}
      </p>
      {entry.reason && <p>{t('reasonValue', { reason: entry.reason })}</p>}
      {rows.length > 0 && (
        <table className="table table-compact">
          <caption className="visually-hidden">{t('changes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('field')}</th>
              {hasBefore && <th scope="col">{t('before')}</th>}
              <th scope="col">{hasBefore ? t('after') : t('value')}</th>
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

/** *Historiek*: who changed what and when, 50 entries at a time; *Oudere historiek tonen* loads the next. */
export function HistoryTab({ personId, generation }: { personId: string; generation: number }) {
  const { t } = useTranslation('person');
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
    <ResourceView resource={first} loadingText={t('historyLoading')}>
      {(page) => {
        const items = [...page.items, ...(more?.items ?? [])];
        const cursor = more ? more.cursor : page.cursor;
        if (items.length === 0) return <EmptyState title={t('noHistory')} />;
        return (
          <>
            <ol className="timeline" aria-label={t('tabHistory')}>
              {items.map((e) => (
                <HistoryItem key={e.entryId} entry={e} />
              ))}
            </ol>
            {more?.error && (
              <Notice kind="error" role="alert">
                <p>{more.error}</p>
              </Notice>
            )}
            {more?.loading && <Loading>{t('olderLoading')}</Loading>}
            {cursor && !more?.loading && (
              <Button variant="secondary" onPress={() => void loadMore(cursor)}>
                {t('older')}
              </Button>
            )}
          </>
        );
      }}
    </ResourceView>
  );
}
