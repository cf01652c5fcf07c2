import { categoryLabel, formatDate, formatEnterpriseNumber } from '../../app/format.ts';
import type { PersonPageDto } from '../../app/types.ts';
import { EmptyState } from '../../components/ui.tsx';

/** *Werkrelatie details*: every field of the work relationship, including contact data and the pause. */
export function RelationshipDetailsTab({ person }: { person: PersonPageDto }) {
  const r = person.relationship;
  if (!r) {
    return (
      <EmptyState title="Er zijn nog geen werkrelatie details.">
        <p>Ze worden ingevuld wanneer u de gebruiker aan de organisatie koppelt.</p>
      </EmptyState>
    );
  }
  return (
    <dl className="details">
      <div>
        <dt>Organisatie</dt>
        <dd>
          {person.organisation.name} ({formatEnterpriseNumber(person.organisation.enterpriseNumber)})
        </dd>
      </div>
      <div>
        <dt>Categorie</dt>
        <dd>{categoryLabel(r.category)}</dd>
      </div>
      <div>
        <dt>Begindatum</dt>
        <dd>{formatDate(r.startDate)}</dd>
      </div>
      <div>
        <dt>Einddatum</dt>
        <dd>{formatDate(r.endDate)}</dd>
      </div>
      <div>
        <dt>Telefoonnummer</dt>
        <dd>{r.phone}</dd>
      </div>
      <div>
        <dt>E-mailadres</dt>
        <dd>{r.email}</dd>
      </div>
      <div>
        <dt>Gepauzeerd</dt>
        <dd>{r.paused ? `ja${r.pauseReason ? ` (${r.pauseReason})` : ''}` : 'nee'}</dd>
      </div>
    </dl>
  );
}
