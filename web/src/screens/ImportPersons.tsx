/**
 * *Importeer personen (CSV)*: a CSV file with a person per row (national number, work relationship,
 * optionally a right) is uploaded (POST …/imports) and checked first, row by row, with the rules of the
 * single screens; the preview says per row what will happen. *Bevestig* applies it (POST …/confirm), each
 * row on its own, with a progress bar; then the result per row and the result file.
 */
import { IMPORT_COLUMNS, IMPORT_EXAMPLE, MAX_BULK_ROWS } from '@contracts/bulk.ts';
import { useState } from 'react';
import { ApiError, type FieldProblem, useApi, useIdempotencyKeys } from '../app/api.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import type { JobDto } from '../app/types.ts';
import { JobProgress, JobRows, JobSummary, ResultDownload, useJob } from '../components/bulk-job.tsx';
import { Button, Notice, PageTitle, TextLink } from '../components/ui.tsx';

const COLUMN_HELP: Record<keyof typeof IMPORT_COLUMNS, string> = {
  nationalNumber: 'rijksregisternummer of BIS-nummer (verplicht)',
  category: 'categorie van de werkrelatie, bv. Vaste medewerker (verplicht)',
  startDate: 'begindatum van de werkrelatie, dd/mm/jjjj of jjjj-mm-dd (verplicht)',
  endDate: 'einddatum van de werkrelatie, maximaal 10 jaar (verplicht)',
  phone: 'telefoonnummer (verplicht)',
  email: 'e-mailadres (verplicht)',
  right: 'gebruikersrecht, bv. VLAIO Inkom Gebruiker Nieuw (optioneel)',
  profiles: 'profielen, gescheiden door | (met een recht)',
  grantStartDate: 'begindatum van het recht (met een recht)',
  grantEndDate: 'einddatum van het recht, maximaal 5 jaar (met een recht)',
};

export function ImportPersons() {
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
        : { text: 'Er ging iets mis. Probeer het opnieuw.', fields: [] },
    );

  const upload = async () => {
    if (!file) {
      setProblem({ text: 'Kies eerst een CSV-bestand.', fields: [] });
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
      <PageTitle kicker={org.name}>Importeer personen (CSV)</PageTitle>
      <p>
        Voeg tot {MAX_BULK_ROWS.toLocaleString('nl-BE')} personen tegelijk toe, elk met een werkrelatie en
        eventueel een gebruikersrecht. Het bestand wordt eerst gecontroleerd: u ziet per rij wat er zal
        gebeuren, en pas na <strong>Bevestig</strong> wordt het uitgevoerd. Wie al gekend is, blijft zoals hij
        is.
      </p>
      <section className="card stack-small" aria-labelledby="bestand-titel">
        <h2 id="bestand-titel">Bestand</h2>
        <p>
          Een CSV-bestand (puntkomma of komma als scheidingsteken, zoals Excel het bewaart) met op de eerste
          regel deze kolommen:
        </p>
        <ul className="plain-list">
          {Object.entries(IMPORT_COLUMNS).map(([key, names]) => (
            <li key={key}>
              <strong>{names[0]}</strong>: {COLUMN_HELP[key as keyof typeof IMPORT_COLUMNS]}
            </li>
          ))}
        </ul>
        <Button variant="link" onPress={example}>
          Download voorbeeldbestand
        </Button>
        <div className="field">
          <label className="field-label" htmlFor="import-bestand">
            CSV-bestand
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
          Controleer bestand
        </Button>
      </section>

      {problem && (
        <Notice kind="error" role="alert" title="Dit bestand kan niet ingelezen worden">
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
              ? 'Resultaat van de import'
              : job.status === 'applying'
                ? 'De import loopt'
                : job.status === 'failed'
                  ? 'De import liep fout'
                  : 'Controle van het bestand'}
          </h2>
          {job.fileName && <p>Bestand: {job.fileName}</p>}
          {running && <JobProgress job={job} />}
          {job.status === 'previewed' && (
            <>
              <JobSummary job={job} />
              <p>Zo wordt het bestand verwerkt. Rijen met fouten worden overgeslagen.</p>
              <JobRows job={job} show="preview" />
              <div className="toolbar">
                <Button onPress={() => void confirm()} isPending={busy} isDisabled={busy}>
                  Bevestig
                </Button>
                <ResultDownload enterpriseNumber={org.enterpriseNumber} jobId={job.jobId} />
              </div>
            </>
          )}
          {job.status === 'done' && (
            <>
              <Notice kind="success" role="status" title="De import is klaar">
                <JobSummary job={job} />
              </Notice>
              <JobRows job={job} show="result" />
              <ResultDownload enterpriseNumber={org.enterpriseNumber} jobId={job.jobId} />
              <p>
                <TextLink href={`${base}/personen`}>Naar alle personen</TextLink>
              </p>
            </>
          )}
          {job.status === 'failed' && (
            <Notice kind="error" role="alert">
              <p>
                De verwerking kon niet afgerond worden. Wat al verwerkt was, blijft; laad het bestand opnieuw
                op om de rest te verwerken.
              </p>
            </Notice>
          )}
        </section>
      )}
    </div>
  );
}
