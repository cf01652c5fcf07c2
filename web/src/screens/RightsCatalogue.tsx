import { useApi, useResource } from '../app/api.ts';
import { useOrganisation } from '../app/session.tsx';
import type { RightCatalogueDto } from '../app/types.ts';
import { EmptyState, PageTitle, ResourceView } from '../components/ui.tsx';

/** *Gebruikersrechten*: the catalogue of rights one can grant, with their profiles. */
export function RightsCatalogue() {
  const org = useOrganisation();
  const api = useApi();
  const rights = useResource('rights', (signal) => api.get<RightCatalogueDto>('/rights', { signal }));
  return (
    <div className="stack">
      <PageTitle kicker={org.name}>Gebruikersrechten</PageTitle>
      <p className="lead">
        Deze gebruikersrechten kan u toekennen aan personen met een werkrelatie met uw organisatie. Een recht
        geldt voor de gekozen profielen en hoogstens het aantal jaren dat erbij staat.
      </p>
      <ResourceView resource={rights} loadingText="De gebruikersrechten worden opgehaald…">
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState title="Er zijn nog geen gebruikersrechten beschikbaar." />
          ) : (
            <ul className="card-list">
              {data.items.map((r) => (
                <li key={r.rightId} className="card">
                  <h2>{r.name}</h2>
                  <p>{r.description}</p>
                  <p>
                    <strong>Profielen:</strong> {r.profiles.join(', ')}
                  </p>
                  <p>
                    <strong>Maximumperiode:</strong> {r.maxYears} jaar
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </ResourceView>
    </div>
  );
}
