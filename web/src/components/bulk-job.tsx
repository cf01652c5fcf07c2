/**
 * A bulk job as the import and *Verlengen* show it (GET …/jobs/{jobId}): a progress bar while a phase
 * runs (polled), then what the rows came to, a table per row and the result file (GET …/result, CSV for
 * Excel). National numbers come masked from the API.
 */
import { useEffect, useState } from 'react';
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
  const label =
    job.progress.phase === 'preview'
      ? 'Controle van het bestand'
      : job.kind === 'import'
        ? 'Importeren'
        : 'Verlengen';
  return (
    <div className="stack-small" role="status">
      <label className="field-label" htmlFor={`voortgang-${job.jobId}`}>
        {label}: {job.progress.done} van {job.progress.total} rijen
      </label>
      <progress
        id={`voortgang-${job.jobId}`}
        className="progress"
        max={job.progress.total}
        value={job.progress.done}
      >
        {job.progress.done} van {job.progress.total}
      </progress>
    </div>
  );
}

function whatLabel(o: JobRowOutcomeDto, kind: JobDto['kind'], applied: boolean): string {
  if (o.outcome === 'present') return 'Al aanwezig: er verandert niets';
  if (o.outcome === 'error') return 'Fout: er verandert niets';
  if (kind === 'extension') {
    return `${applied ? 'Verlengd' : 'Verlengen'} tot ${formatDate(o.endDate ?? '')}${o.right ? ', met gebruikersrechten' : ''}`;
  }
  const parts = [
    o.person && 'nieuwe persoon',
    o.relationship && 'nieuwe werkrelatie',
    o.right && 'nieuw gebruikersrecht',
  ].filter(Boolean);
  const text = parts.join(', ');
  return applied ? `Toegevoegd: ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
}

/** The rows with what the dry run found (`preview`) or what was done. */
export function JobRows({ job, show }: { job: JobDto; show: 'preview' | 'result' }) {
  const items = job.items ?? [];
  return (
    <TableScroll label={show === 'preview' ? 'Voorbeeld van de import' : 'Resultaat per rij'}>
      <table className="table table-compact">
        <caption className="visually-hidden">
          {show === 'preview' ? 'Voorbeeld van de import' : 'Resultaat per rij'}
        </caption>
        <thead>
          <tr>
            <th scope="col">Rij</th>
            {job.kind === 'extension' && <th scope="col">Naam</th>}
            <th scope="col">Rijksregisternummer</th>
            <th scope="col">{show === 'preview' ? 'Wat gebeurt er' : 'Resultaat'}</th>
            <th scope="col">Fouten</th>
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
                <td>{o ? whatLabel(o, job.kind, show === 'result') : 'Niet verwerkt'}</td>
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
  const s = job.summary;
  if (!s) return null;
  const previewed = job.status === 'previewed';
  const newLabel = job.kind === 'extension' ? 'verlengd' : previewed ? 'met iets nieuws' : 'toegevoegd';
  return (
    <p>
      {job.rows} {job.rows === 1 ? 'rij' : 'rijen'}: <strong>{s.new}</strong> {newLabel},{' '}
      <strong>{s.present}</strong> al aanwezig, <strong>{s.error}</strong> met fouten.
    </p>
  );
}

/** *Download resultaat (CSV)*: the result file the API sends, as it is (its BOM tells Excel it is UTF-8). */
export function ResultDownload({ enterpriseNumber, jobId }: { enterpriseNumber: string; jobId: string }) {
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
        Download resultaat (CSV)
      </Button>
      {error && (
        <Notice kind="error" role="alert">
          <p>{error}</p>
        </Notice>
      )}
    </div>
  );
}
