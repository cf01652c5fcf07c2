import { type FormEvent, useState } from 'react';
import { Input, Label, SearchField } from 'react-aria-components';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../app/auth.tsx';
import { formatEnterpriseNumber } from '../app/format.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import { Button, ButtonLink, Notice, PageTitle, TextLink } from '../components/ui.tsx';
import { TaskList } from './Tasks.tsx';

/** *HOOFDPAGINA*: Mijn Taken, Snel recht toekennen, Personen, Persoon zoeken. */
export function Home() {
  const org = useOrganisation();
  const auth = useAuth();
  const base = orgPath(org.enterpriseNumber);
  // What a change that led here did (removing a person from the organisation).
  const flash = (useLocation().state as { flash?: string } | null)?.flash;

  return (
    <div className="stack">
      <PageTitle kicker="Hoofdpagina">Welkom{auth.name ? `, ${auth.name}` : ''}</PageTitle>
      <div role="status">
        {flash && (
          <Notice kind="success">
            <p>{flash}</p>
          </Notice>
        )}
      </div>
      <p className="lead">
        U werkt voor <strong>{org.name}</strong> (ondernemingsnummer{' '}
        {formatEnterpriseNumber(org.enterpriseNumber)}).
      </p>
      <div className="home-grid">
        <section className="card" aria-labelledby="mijn-taken">
          <h2 id="mijn-taken">Mijn Taken</h2>
          <TaskList />
          <p className="more-link">
            <TextLink href={`${base}/taken`}>Alle taken op één pagina</TextLink>
          </p>
        </section>

        <section className="card" aria-labelledby="snel-recht">
          <h2 id="snel-recht">Snel recht toekennen</h2>
          <p>Ken een nieuw recht toe aan een persoon in naam van een organisatie.</p>
          <ButtonLink href={`${base}/snel-recht`}>Nieuw recht toekennen</ButtonLink>
        </section>

        <section className="card" aria-labelledby="personen">
          <h2 id="personen">Personen</h2>
          <ul className="action-list">
            <li>
              <TextLink href={`${base}/personen/nieuw`}>Nieuwe persoon toevoegen</TextLink>
            </li>
            <li>
              <TextLink href={`${base}/personen`}>Toon alle personen</TextLink>
            </li>
            <li>
              <TextLink href={`${base}/vergelijk`}>Vergelijk meerdere personen</TextLink>
            </li>
            <li>
              <TextLink href={`${base}/lokale-beheerders`}>Lokale beheerders</TextLink>
            </li>
            <li>
              <TextLink href={`${base}/historiek`}>Historiek organisatie</TextLink>
            </li>
            <li>
              <TextLink href={`${base}/toegangsreview`}>Toegangsreview</TextLink>
            </li>
          </ul>
        </section>

        <section className="card" aria-labelledby="persoon-zoeken">
          <h2 id="persoon-zoeken">Persoon zoeken</h2>
          <HomeSearch base={base} />
        </section>
      </div>
    </div>
  );
}

function HomeSearch({ base }: { base: string }) {
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const q = text.trim();
    navigate(`${base}/personen${q ? `?zoek=${encodeURIComponent(q)}` : ''}`);
  };
  return (
    <form onSubmit={submit} className="inline-form">
      <SearchField value={text} onChange={setText} className="field">
        <Label className="field-label">Naam of roepnaam</Label>
        <Input className="input input-medium" />
      </SearchField>
      <Button type="submit">Zoek</Button>
    </form>
  );
}
