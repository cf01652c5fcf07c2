import { categoryLabel, formatDate, formatEnterpriseNumber, GRANT_STATE_LABELS } from '../../app/format.ts';
import type { PersonPageDto, RightCatalogueDto } from '../../app/types.ts';
import { EmptyState, TableScroll } from '../../components/ui.tsx';
import { type ActionProps, EditGrantDialog, RevokeGrantDialog } from '../PersonActions.tsx';

/** *Werkrelatie*: the work relationship with the organisation and the rights granted under it. */
export function RelationshipTab({
  person,
  actions,
  rights,
}: {
  person: PersonPageDto;
  actions: ActionProps;
  rights: readonly RightCatalogueDto['items'][number][];
}) {
  const r = person.relationship;
  if (!r) {
    return (
      <EmptyState
        title={`${person.firstName} ${person.lastName} heeft nog geen werkrelatie met ${person.organisation.name}.`}
      >
        <p>
          Koppel de gebruiker aan de organisatie (knop <strong>Koppel gebruiker aan organisatie</strong>{' '}
          hieronder). Daarna kan u gebruikersrechten toekennen.
        </p>
      </EmptyState>
    );
  }
  return (
    <div className="stack-small">
      <div className="relationship-card">
        <p>
          <span className="mono">{formatEnterpriseNumber(person.organisation.enterpriseNumber)}</span>{' '}
          <strong>{person.organisation.name}</strong> · {categoryLabel(r.category)}
        </p>
        <p>
          Geldig van {formatDate(r.startDate)} tot {formatDate(r.endDate)}
          {r.paused && <span className="badge badge-paused">Gepauzeerd</span>}
        </p>
      </div>
      {person.grants.length === 0 ? (
        <EmptyState title="Geen gebruikersrechten toegekend">
          <p>
            Ken een gebruikersrecht toe met de knop <strong>Ken gebruikersrecht toe</strong> hieronder.
          </p>
        </EmptyState>
      ) : (
        <TableScroll label="Gebruikersrechten">
          <table className="table">
            <caption className="visually-hidden">Gebruikersrechten</caption>
            <thead>
              <tr>
                <th scope="col">Gebruikersrecht</th>
                <th scope="col">Profielen</th>
                <th scope="col">Begindatum</th>
                <th scope="col">Einddatum</th>
                <th scope="col">Toestand</th>
                <th scope="col">Acties</th>
              </tr>
            </thead>
            <tbody>
              {person.grants.map((g) => (
                <tr key={g.grantId}>
                  <td>{g.rightName}</td>
                  <td>{g.profiles.join(', ')}</td>
                  <td className="nowrap">{formatDate(g.startDate)}</td>
                  <td className="nowrap">{formatDate(g.endDate)}</td>
                  <td>
                    <span className={`badge badge-${g.state}`}>{GRANT_STATE_LABELS[g.state] ?? g.state}</span>
                  </td>
                  <td className="nowrap">
                    {g.state === 'expired' ? (
                      <span className="muted">—</span>
                    ) : (
                      <span className="row-actions">
                        <EditGrantDialog
                          {...actions}
                          grant={g}
                          right={rights.find((r) => r.rightId === g.right)}
                        />
                        <RevokeGrantDialog {...actions} grant={g} />
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </div>
  );
}
