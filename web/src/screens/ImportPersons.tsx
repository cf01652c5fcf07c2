/**
 * *Importeer personen (CSV)*: a CSV file with a person per row (national number, work relationship,
 * optionally a right) is uploaded (POST …/imports) and checked first, row by row, with the rules of the
 * single screens; the preview says per row what will happen. *Bevestig* applies it (POST …/confirm), each
 * row on its own, with a progress bar; then the result per row and the result file.
 */
import { IMPORT_COLUMNS, IMPORT_EXAMPLE, MAX_BULK_ROWS } from '@contracts/bulk.ts';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { ApiError, type FieldProblem, useApi, useIdempotencyKeys } from '../app/api.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import type { JobDto } from '../app/types.ts';
import { JobProgress, JobRows, JobSummary, ResultDownload, useJob } from '../components/bulk-job.tsx';
import { Button, Notice, PageTitle, TextLink } from '../components/ui.tsx';
import { currentLocale } from '../i18n/index.ts';

export function ImportPersons() {
  const { t } = useTranslation(['import', 'routes', 'common']);
  // The columns keep their Dutch names (the file's format); what they hold is said in the UI's language.
  const COLUMN_HELP: Record<keyof typeof IMPORT_COLUMNS, string> = {
    nationalNumber: t('colNationalNumber'),
    category: t('colCategory'),
    startDate: t('colStartDate'),
    endDate: t('colEndDate'),
    phone: t('colPhone'),
    email: t('colEmail'),
    right: t('colRight'),
    profiles: t('colProfiles'),
    grantStartDate: t('colGrantStartDate'),
    grantEndDate: t('colGrantEndDate'),
  };
  const org = useOrganisation();
  const api = useApi();
  const keyFor = useIdempotencyKeys();
  const base = orgPath(org.enterpriseNumber);
  const [file, setFile] = useState<File | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ text: string; fields: FieldProblem[] } | null>(null);
  const { job, error } = useJob(org.enterpriseNumber, jobId, version);

  const fail = (e: unknown) =>
    setProblem(
      e instanceof ApiError
        ? { text: e.detail ?? e.title, fields: e.fieldErrors }
        : { text: t('failed'), fields: [] },
    );

  const upload = async () => {
    if (!file) {
      setProblem({ text: t('chooseFile'), fields: [] });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const body = { fileName: file.name, content: await file.text() };
      const started = await api.post<JobDto>(`/organisations/${org.enterpriseNumber}/imports`, body, {
        idempotencyKey: keyFor(body),
      });
      setJobId(started.jobId);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!jobId) return;
    setBusy(true);
    setProblem(null);
    try {
      await api.post(`/organisations/${org.enterpriseNumber}/imports/${jobId}/confirm`, {});
      setVersion((v) => v + 1);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const example = () => {
    const url = URL.createObjectURL(new Blob([IMPORT_EXAMPLE], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'voorbeeld-import-personen.csv';
    a.click();
    URL.revokeObjectURL(url);
  };

  const running = job && (job.status === 'validating' || job.status === 'applying');

  return (
    <div className="stack">
      <PageTitle kicker={org.name}>{t('routes:importPersons')}</PageTitle>
      <p>
        <Trans
          t={t}
          i18nKey="intro"
          values={{ max: MAX_BULK_ROWS.toLocaleString(currentLocale()) }}
          components={{ strong: <strong /> }}
        />
      </p>
      <section className="card stack-small" aria-labelledby="bestand-titel">
        <h2 id="bestand-titel">{t('file')}</h2>
        <p>{t('fileText')}</p>
        <ul className="plain-list">
          {Object.entries(IMPORT_COLUMNS).map(([key, names]) => (
            <li key={key}>
              <strong>{names[0]}</strong>: {COLUMN_HELP[key as keyof typeof IMPORT_COLUMNS]}
            </li>
          ))}
        </ul>
        <Button variant="link" onPress={example}>
          {t('example')}
        </Button>
        <div className="field">
          <label className="field-label" htmlFor="import-bestand">
            {t('csvFile')}
          </label>
          <input
            id="import-bestand"
            className="input input-long"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setJobId(null);
              setProblem(null);
            }}
          />
        </div>
        <Button onPress={() => void upload()} isPending={busy && !jobId} isDisabled={busy || !!running}>
          {t('check')}
        </Button>
      </section>

      {problem && (
        <Notice kind="error" role="alert" title={t('unreadable')}>
          <p>{problem.text}</p>
          {problem.fields.length > 0 && (
            <ul>
              {problem.fields.map((f) => (
                <li key={`${f.path}-${f.code}`}>
                  {f.path}: {f.message}
                </li>
              ))}
            </ul>
          )}
        </Notice>
      )}
      {error && (
        <Notice kind="error" role="alert">
          <p>{error}</p>
        </Notice>
      )}

      {job && (
        <section className="card stack-small" aria-labelledby="import-titel">
          <h2 id="import-titel">
            {job.status === 'done'
              ? t('resultTitle')
              : job.status === 'applying'
                ? t('runningTitle')
                : job.status === 'failed'
                  ? t('failedTitle')
                  : t('checkTitle')}
          </h2>
          {job.fileName && <p>{t('fileName', { name: job.fileName })}</p>}
          {running && <JobProgress job={job} />}
          {job.status === 'previewed' && (
            <>
              <JobSummary job={job} />
              <p>{t('previewText')}</p>
              <JobRows job={job} show="preview" />
              <div className="toolbar">
                <Button onPress={() => void confirm()} isPending={busy} isDisabled={busy}>
                  {t('common:confirm')}
                </Button>
                <ResultDownload enterpriseNumber={org.enterpriseNumber} jobId={job.jobId} />
              </div>
            </>
          )}
          {job.status === 'done' && (
            <>
              <Notice kind="success" role="status" title={t('done')}>
                <JobSummary job={job} />
              </Notice>
              <JobRows job={job} show="result" />
              <ResultDownload enterpriseNumber={org.enterpriseNumber} jobId={job.jobId} />
              <p>
                <TextLink href={`${base}/personen`}>{t('toPersons')}</TextLink>
              </p>
            </>
          )}
          {job.status === 'failed' && (
            <Notice kind="error" role="alert">
              <p>{t('failedText')}</p>
            </Notice>
          )}
        </section>
      )}
    </div>
  );
}
