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
import { useTranslation } from 'react-i18next';
import { useApi, useIdempotencyKeys, useResource } from '../app/api.ts';
import { digitsOf, formatDateTime } from '../app/format.ts';
import { useOrganisation } from '../app/session.tsx';
import type { LocalAdminsDto } from '../app/types.ts';
import { ReasonDialog } from '../components/dialog.tsx';
import { ContractForm, TextAreaInput, useContractForm } from '../components/forms.tsx';
import { NationalNumberInput } from '../components/national-number-input.tsx';
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
import { taskTitle } from './Tasks.tsx';

type Admin = LocalAdminsDto['localAdmins'][number];

export function LocalAdmins() {
  const { t } = useTranslation(['localAdmins', 'common', 'tasks']);
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
      <PageTitle kicker={org.name}>{t('title')}</PageTitle>
      {representative && !localAdmin && (
        <Notice kind="info">
          <p>{t('representativeOnly', { organisation: org.name })}</p>
        </Notice>
      )}
      {!representative && (
        <Notice kind="info">
          <p>{t('appointedBy', { organisation: org.name })}</p>
        </Notice>
      )}
      <div role="status" ref={statusRef} tabIndex={-1}>
        {message && (
          <Notice kind={message.kind} {...(message.kind === 'warning' ? { title: t('attention') } : {})}>
            <p>{message.text}</p>
          </Notice>
        )}
      </div>
      <ResourceView resource={admins} loadingText={t('loading')}>
        {(data) => (
          <>
            {data.status === 'stopped' && <StoppedNotice name={data.name} stoppedOn={data.stoppedOn} />}
            {data.representativeTasks.length > 0 && (
              <section aria-labelledby="taken-vertegenwoordigers" className="stack-small">
                <h2 id="taken-vertegenwoordigers">{t('representativeTasks')}</h2>
                <ul className="task-list">
                  {data.representativeTasks.map((task) => (
                    <li key={task.taskId} className="task">
                      <h3 className="task-title">{taskTitle(task, data.name)}</h3>
                      <p className="task-meta muted">
                        {t('tasks:since', { date: formatDateTime(task.createdAt) })}
                      </p>
                      <div className="task-actions">
                        <KboTaskActions
                          task={task}
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
              <h2 id="beheerders">{t('title')}</h2>
              {data.localAdmins.length === 0 ? (
                <EmptyState title={t('none')}>
                  <p>{representative ? t('noneRepresentative') : t('noneOther')}</p>
                </EmptyState>
              ) : (
                <TableScroll label={t('title')}>
                  <table className="table">
                    <caption className="visually-hidden">{t('title')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('common:name')}</th>
                        <th scope="col">{t('appointedOn')}</th>
                        <th scope="col">{t('appointedByColumn')}</th>
                        {representative && <th scope="col">{t('common:actions')}</th>}
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
              <h2 id="vertegenwoordigers">{t('representatives')}</h2>
              {data.legalRepresentatives.length === 0 ? (
                <EmptyState title={t('noRepresentatives')} />
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
  const { t } = useTranslation(['localAdmins', 'common']);
  const api = useApi();
  const keyFor = useIdempotencyKeys();
  const form = useContractForm<{ nationalNumber: string; reason: string }>(AppointLocalAdminRequest, {
    defaultValues: { nationalNumber: '', reason: '' },
    optional: ['reason'],
  });
  return (
    <section aria-labelledby="aanduiden" className="card stack-small">
      <h2 id="aanduiden">{t('appointTitle')}</h2>
      <ContractForm
        form={form}
        labels={{ nationalNumber: t('common:nationalNumberOrBis'), reason: t('common:reason') }}
        aria-labelledby="aanduiden"
        onValid={async (request) => {
          const body = { ...request, nationalNumber: digitsOf(String(request.nationalNumber)) };
          const admin = await api.post<Admin>(path, body, { idempotencyKey: keyFor(body) });
          form.reset();
          done('success', t('appointed', { name: admin.name }));
        }}
      >
        <NationalNumberInput />
        <TextAreaInput name="reason" label={t('common:reasonOptional')} />
        <div className="button-row">
          <Button type="submit" isPending={form.formState.isSubmitting}>
            {t('appointButton')}
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
  const { t } = useTranslation('localAdmins');
  const api = useApi();
  return (
    <ReasonDialog
      label={t('remove')}
      buttonLabel={t('removeTitle', { name: admin.name })}
      title={t('removeTitle', { name: admin.name })}
      variant="link"
      schema={DeleteRequest}
      submitLabel={t('removeSubmit')}
      submitVariant="danger"
      onConfirm={async (request, close) => {
        const answer = await api.delete<{ warning?: { message: string } }>(
          `${path}/${admin.personId}`,
          request,
          { ifMatch: admin.version },
        );
        close();
        if (answer?.warning)
          done('warning', t('removedWarning', { name: admin.name, warning: answer.warning.message }));
        else done('success', t('removed', { name: admin.name }));
      }}
    >
      {last ? (
        <Notice kind="warning" title={t('lastTitle')}>
          <p>{t('lastText', { name: admin.name, organisation })}</p>
        </Notice>
      ) : (
        <p>{t('removeText', { name: admin.name })}</p>
      )}
    </ReasonDialog>
  );
}
