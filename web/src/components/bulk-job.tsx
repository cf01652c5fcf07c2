/**
 * A bulk job as the import and *Verlengen* show it (GET …/jobs/{jobId}): a progress bar while a phase
 * runs (polled), then what the rows came to, a table per row and the result file (GET …/result, CSV for
 * Excel). National numbers come masked from the API.
 */
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { errorText, useApi } from '../app/api.ts';
import { formatDate } from '../app/format.ts';
import type { JobDto, JobRowOutcomeDto } from '../app/types.ts';
import { Button, Notice, TableScroll } from './ui.tsx';

const POLL_MS = 700;

/** Polls the job while a phase runs; `version` restarts the polling (after *Bevestig*). */
export function useJob(enterpriseNumber: string, jobId: string | null, version = 0) {
  const api = useApi();
  const [job, setJob] = useState<JobDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the restart trigger.
  useEffect(() => {
    if (!jobId) {
      setJob(null);
      return;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const running = (j: JobDto) => j.status === 'validating' || j.status === 'applying';
        const light = await api.get<JobDto>(`/organisations/${enterpriseNumber}/jobs/${jobId}`);
        if (stopped) return;
        if (running(light)) {
          setJob((current) => ({ ...light, items: current?.items }));
          timer = setTimeout(poll, POLL_MS);
          return;
        }
        const full = await api.get<JobDto>(`/organisations/${enterpriseNumber}/jobs/${jobId}`, {
          query: { rows: 'true' },
        });
        if (!stopped) setJob(full);
      } catch (e) {
        if (!stopped) setError(errorText(e));
      }
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [api, enterpriseNumber, jobId, version]);
  return { job, error };
}

export function JobProgress({ job }: { job: JobDto }) {
  const { t } = useTranslation('bulk');
  const label =
    job.progress.phase === 'preview'
      ? t('phaseCheck')
      : job.kind === 'import'
        ? t('phaseImport')
        : t('phaseExtend');
  return (
    <div className="stack-small" role="status">
      <label className="field-label" htmlFor={`voortgang-${job.jobId}`}>
        {t('progressLabel', { label, done: job.progress.done, total: job.progress.total })}
      </label>
      <progress
        id={`voortgang-${job.jobId}`}
        className="progress"
        max={job.progress.total}
        value={job.progress.done}
      >
        {t('progress', { done: job.progress.done, total: job.progress.total })}
      </progress>
    </div>
  );
}

function whatLabel(
  t: TFunction<'bulk'>,
  o: JobRowOutcomeDto,
  kind: JobDto['kind'],
  applied: boolean,
): string {
  if (o.outcome === 'present') return t('present');
  if (o.outcome === 'error') return t('error');
  if (kind === 'extension') {
    const date = formatDate(o.endDate ?? '');
    if (applied) return o.right ? t('extendedWithRights', { date }) : t('extended', { date });
    return o.right ? t('toExtendWithRights', { date }) : t('toExtend', { date });
  }
  const parts = [
    o.person && t('newPerson'),
    o.relationship && t('newRelationship'),
    o.right && t('newRight'),
  ].filter(Boolean);
  const text = parts.join(', ');
  return applied ? t('added', { what: text }) : text.charAt(0).toUpperCase() + text.slice(1);
}

/** The rows with what the dry run found (`preview`) or what was done. */
export function JobRows({ job, show }: { job: JobDto; show: 'preview' | 'result' }) {
  const { t } = useTranslation(['bulk', 'common']);
  const items = job.items ?? [];
  return (
    <TableScroll label={show === 'preview' ? t('previewTable') : t('resultTable')}>
      <table className="table table-compact">
        <caption className="visually-hidden">
          {show === 'preview' ? t('previewTable') : t('resultTable')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('row')}</th>
            {job.kind === 'extension' && <th scope="col">{t('common:name')}</th>}
            <th scope="col">{t('common:nationalNumber')}</th>
            <th scope="col">{show === 'preview' ? t('whatHappens') : t('result')}</th>
            <th scope="col">{t('errors')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const o = show === 'preview' ? item.preview : (item.result ?? item.preview);
            return (
              <tr key={item.row} className={o?.outcome === 'error' ? 'row-error' : undefined}>
                <td>{item.row}</td>
                {job.kind === 'extension' && <td>{item.name ?? ''}</td>}
                <td className="nowrap">{item.nationalNumber ?? '—'}</td>
                <td>{o ? whatLabel(t, o, job.kind, show === 'result') : t('notProcessed')}</td>
                <td>
                  {o?.errors.length ? (
                    <ul className="plain-list">
                      {o.errors.map((e) => (
                        <li key={`${e.path}-${e.code}`}>
                          {e.path ? <strong>{e.path}: </strong> : null}
                          {e.message}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

export function JobSummary({ job }: { job: JobDto }) {
  const { t } = useTranslation('bulk');
  const s = job.summary;
  if (!s) return null;
  const previewed = job.status === 'previewed';
  const key = job.kind === 'extension' ? 'summaryExtended' : previewed ? 'summaryPreview' : 'summaryAdded';
  return (
    <p>
      <Trans
        t={t}
        i18nKey={key}
        values={{ count: job.rows, new: s.new, present: s.present, error: s.error }}
        components={{ strong: <strong /> }}
      />
    </p>
  );
}

/** *Download resultaat (CSV)*: the result file the API sends, as it is (its BOM tells Excel it is UTF-8). */
export function ResultDownload({ enterpriseNumber, jobId }: { enterpriseNumber: string; jobId: string }) {
  const { t } = useTranslation('bulk');
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setError(null);
    try {
      const file = await api.download(`/organisations/${enterpriseNumber}/jobs/${jobId}/result`);
      const url = URL.createObjectURL(new Blob([file.bytes], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename;
      a.click();
      URL.revokeObjectURL(url);
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div className="stack-small">
      <Button variant="secondary" onPress={() => void download()}>
        {t('download')}
      </Button>
      {error && (
        <Notice kind="error" role="alert">
          <p>{error}</p>
        </Notice>
      )}
    </div>
  );
}
