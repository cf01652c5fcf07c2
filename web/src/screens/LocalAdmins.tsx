/**
 * *Lokale beheerders*: who manages the organisation's persons and rights, and its legal representatives
 * (per the KBO). A legal representative appoints a local administrator by national number and removes
 * one (If-Match = its version); removing the last one is allowed, with the API's warning shown.
 * Local administrators see the page too, read-only. What the KBO changed is shown here too: a stopped
 * enterprise, the tasks for the legal representatives (confirm or appoint a local administrator) and
 * the organisation's KBO history.
 */
import { AppointLocalAdminRequest, DeleteRequest } from '@contracts/api.ts';
import { useEffect, useRef, useState } from 'react';
import { useApi, useIdempotencyKeys, useResource } from '../app/api.ts';
import { digitsOf, formatDateTime } from '../app/format.ts';
import { useOrganisation } from '../app/session.tsx';
import type { LocalAdminsDto } from '../app/types.ts';
import { ReasonDialog } from '../components/dialog.tsx';
import { ContractForm, TextAreaInput, useContractForm } from '../components/forms.tsx';
import { NATIONAL_NUMBER_LABEL, NationalNumberInput } from '../components/national-number-input.tsx';
import {
  Button,
  EmptyState,
  Notice,
  PageTitle,
  RepresentativeList,
  ResourceView,
  TableScroll,
} from '../components/ui.tsx';
import { KboHistory, KboTaskActions, StoppedNotice } from './KboTasks.tsx';

type Admin = LocalAdminsDto['localAdmins'][number];

export function LocalAdmins() {
  const org = useOrganisation();
  const api = useApi();
  const path = `/organisations/${org.enterpriseNumber}/local-admins`;
  const admins = useResource(`admins:${org.enterpriseNumber}`, (signal) =>
    api.get<LocalAdminsDto>(path, { signal }),
  );
  const representative = org.roles.includes('legal-representative');
  const localAdmin = org.roles.includes('local-admin');
  const [message, setMessage] = useState<{ kind: 'success' | 'warning'; text: string } | null>(null);
  // The decided item disappears with its button: keep keyboard focus near, on the message.
  const statusRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message && admins.data && document.activeElement === document.body) statusRef.current?.focus();
  }, [message, admins.data]);
  const done = (kind: 'success' | 'warning', text: string) => {
    setMessage({ kind, text });
    admins.reload();
  };

  return (
    <div className="stack">
      <PageTitle kicker={org.name}>Lokale beheerders</PageTitle>
      {representative && !localAdmin && (
        <Notice kind="info">
          <p>
            U bent wettelijk vertegenwoordiger van {org.name}, maar geen lokale beheerder. Personen en
            gebruikersrechten beheert de lokale beheerder; u duidt die hier aan.
          </p>
        </Notice>
      )}
      {!representative && (
        <Notice kind="info">
          <p>
            Lokale beheerders worden aangeduid door een wettelijk vertegenwoordiger van {org.name} (volgens de
            KBO). Vraag het aan een van de wettelijk vertegenwoordigers hieronder.
          </p>
        </Notice>
      )}
      <div role="status" ref={statusRef} tabIndex={-1}>
        {message && (
          <Notice kind={message.kind} {...(message.kind === 'warning' ? { title: 'Let op' } : {})}>
            <p>{message.text}</p>
          </Notice>
        )}
      </div>
      <ResourceView resource={admins} loadingText="De lokale beheerders worden opgehaald…">
        {(data) => (
          <>
            {data.status === 'stopped' && <StoppedNotice name={data.name} stoppedOn={data.stoppedOn} />}
            {data.representativeTasks.length > 0 && (
              <section aria-labelledby="taken-vertegenwoordigers" className="stack-small">
                <h2 id="taken-vertegenwoordigers">Taken voor de wettelijk vertegenwoordigers</h2>
                <ul className="task-list">
                  {data.representativeTasks.map((t) => (
                    <li key={t.taskId} className="task">
                      <h3 className="task-title">{t.title}</h3>
                      <p className="task-meta muted">Sinds {formatDateTime(t.createdAt)}</p>
                      <div className="task-actions">
                        <KboTaskActions
                          task={t}
                          representative={representative}
                          done={(text) => done('success', text)}
                        />
                      </div>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <section aria-labelledby="beheerders" className="stack-small">
              <h2 id="beheerders">Lokale beheerders</h2>
              {data.localAdmins.length === 0 ? (
                <EmptyState title="Er is nog geen lokale beheerder aangesteld.">
                  <p>
                    {representative
                      ? 'Duid een lokale beheerder aan met zijn of haar rijksregisternummer (hieronder).'
                      : 'Vraag een wettelijk vertegenwoordiger om een lokale beheerder aan te duiden.'}
                  </p>
                </EmptyState>
              ) : (
                <TableScroll label="Lokale beheerders">
                  <table className="table">
                    <caption className="visually-hidden">Lokale beheerders</caption>
                    <thead>
                      <tr>
                        <th scope="col">Naam</th>
                        <th scope="col">Aangeduid op</th>
                        <th scope="col">Aangeduid door</th>
                        {representative && <th scope="col">Acties</th>}
                      </tr>
                    </thead>
                    <tbody>
                      {data.localAdmins.map((a) => (
                        <tr key={a.personId}>
                          <td>{a.name}</td>
                          <td className="nowrap">{formatDateTime(a.appointedAt)}</td>
                          <td>{a.appointedBy}</td>
                          {representative && (
                            <td>
                              <RemoveDialog
                                admin={a}
                                path={path}
                                organisation={org.name}
                                last={data.localAdmins.length === 1}
                                done={done}
                              />
                            </td>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableScroll>
              )}
            </section>
            {representative && <AppointForm path={path} done={done} />}
            <section aria-labelledby="vertegenwoordigers" className="stack-small">
              <h2 id="vertegenwoordigers">Wettelijk vertegenwoordigers (KBO)</h2>
              {data.legalRepresentatives.length === 0 ? (
                <EmptyState title="De KBO kent geen wettelijk vertegenwoordigers voor deze onderneming." />
              ) : (
                <RepresentativeList representatives={data.legalRepresentatives} />
              )}
            </section>
            <KboHistory entries={data.kboHistory} />
          </>
        )}
      </ResourceView>
    </div>
  );
}

function AppointForm({ path, done }: { path: string; done(kind: 'success', text: string): void }) {
  const api = useApi();
  const keyFor = useIdempotencyKeys();
  const form = useContractForm<{ nationalNumber: string; reason: string }>(AppointLocalAdminRequest, {
    defaultValues: { nationalNumber: '', reason: '' },
    optional: ['reason'],
  });
  return (
    <section aria-labelledby="aanduiden" className="card stack-small">
      <h2 id="aanduiden">Lokale beheerder aanduiden</h2>
      <ContractForm
        form={form}
        labels={{ nationalNumber: NATIONAL_NUMBER_LABEL, reason: 'Reden' }}
        aria-labelledby="aanduiden"
        onValid={async (request) => {
          const body = { ...request, nationalNumber: digitsOf(String(request.nationalNumber)) };
          const admin = await api.post<Admin>(path, body, { idempotencyKey: keyFor(body) });
          form.reset();
          done('success', `${admin.name} is nu lokale beheerder.`);
        }}
      >
        <NationalNumberInput />
        <TextAreaInput name="reason" label="Reden (niet verplicht)" />
        <div className="button-row">
          <Button type="submit" isPending={form.formState.isSubmitting}>
            Duid aan als lokale beheerder
          </Button>
        </div>
      </ContractForm>
    </section>
  );
}

function RemoveDialog({
  admin,
  path,
  organisation,
  last,
  done,
}: {
  admin: Admin;
  path: string;
  organisation: string;
  last: boolean;
  done(kind: 'success' | 'warning', text: string): void;
}) {
  const api = useApi();
  return (
    <ReasonDialog
      label="Verwijder"
      buttonLabel={`Verwijder ${admin.name} als lokale beheerder`}
      title={`Verwijder ${admin.name} als lokale beheerder`}
      variant="link"
      schema={DeleteRequest}
      submitLabel="Ja, verwijder"
      submitVariant="danger"
      onConfirm={async (request, close) => {
        const answer = await api.delete<{ warning?: { message: string } }>(
          `${path}/${admin.personId}`,
          request,
          { ifMatch: admin.version },
        );
        close();
        if (answer?.warning)
          done('warning', `${admin.name} is geen lokale beheerder meer. ${answer.warning.message}`);
        else done('success', `${admin.name} is geen lokale beheerder meer.`);
      }}
    >
      {last ? (
        <Notice kind="warning" title="Dit is de laatste lokale beheerder">
          <p>
            {admin.name} is de enige lokale beheerder van {organisation}. Daarna kan niemand nog personen of
            rechten beheren tot u een nieuwe lokale beheerder aanduidt.
          </p>
        </Notice>
      ) : (
        <p>{admin.name} kan daarna geen personen of rechten meer beheren voor deze organisatie.</p>
      )}
    </ReasonDialog>
  );
}
