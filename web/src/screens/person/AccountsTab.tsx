import { useApi, useResource } from '../../app/api.ts';
import { LOGIN_METHOD_LABELS } from '../../app/format.ts';
import { useOrganisation } from '../../app/session.tsx';
import type { PersonAccountsDto, PersonPageDto } from '../../app/types.ts';
import { EmptyState, NationalNumber, ResourceView, TableScroll } from '../../components/ui.tsx';

/**
 * *Accounts*: how the person logs in, and the login methods they used (first and last use, count). The
 * logins have their own route, loaded when the tab opens, so the person page stays one read.
 */
export function AccountsTab({ person, generation }: { person: PersonPageDto; generation: number }) {
  const org = useOrganisation();
  const api = useApi();
  const path = `/organisations/${org.enterpriseNumber}/persons/${person.personId}/accounts`;
  const logins = useResource(`accounts:${person.personId}:${generation}`, (signal) =>
    api.get<PersonAccountsDto>(path, { signal }),
  );
  return (
    <div className="stack-small">
      <dl className="details">
        <div>
          <dt>Rijksregisternummer</dt>
          <dd>
            <NationalNumber masked={person.nationalNumber} />
          </dd>
        </div>
        <div>
          <dt>Aanmelden</dt>
          <dd>Via het Toegangsbeheer (ACM) met het eigen rijksregisternummer</dd>
        </div>
      </dl>
      <ResourceView resource={logins} loadingText="De aanmeldingen worden opgehaald…">
        {({ accounts }) =>
          accounts ? (
            <TableScroll label="Aanmeldmethoden">
              <table className="table">
                <caption className="visually-hidden">Aanmeldmethoden</caption>
                <thead>
                  <tr>
                    <th scope="col">Aanmeldmethode</th>
                  </tr>
                </thead>
                <tbody>
                  {accounts.methods.map((m) => (
                    <tr key={m.method}>
                      <th scope="row">{LOGIN_METHOD_LABELS[m.method] ?? m.method}</th>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          ) : (
            <EmptyState title="Deze persoon heeft nog niet aangemeld.">
              <p>Zodra {person.firstName} aanmeldt via het Toegangsbeheer, ziet u hier met welke methoden.</p>
            </EmptyState>
          )
        }
      </ResourceView>
      <p className="muted">
        Gebruikersbeheer houdt geen gebruikersnamen of wachtwoorden bij. {person.firstName} meldt aan met eID
        en kaartlezer, itsme, een beveiligingscode via app of sms, of het federaal token.
      </p>
    </div>
  );
}
