/**
 * *Nieuw recht toekennen* (Snel recht toekennen): one screen for national number, right, profiles and
 * (optionally) period; the API adds the person from the national register when needed. When the person
 * has no work relationship yet the API answers 422 `quick-grant.relationship-required` and the screen
 * asks its details (category, period, phone, e-mail), then sends everything again.
 */

import { QuickGrantRequest, RelationshipDetails } from '@contracts/api.ts';
import { lastDayOfYears } from '@contracts/common.ts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import * as z from 'zod/mini';
import { useApi, useIdempotencyKeys, useResource } from '../app/api.ts';
import { digitsOf, formatDate, todayInBrussels } from '../app/format.ts';
import { orgPath, useOrganisation } from '../app/session.tsx';
import type { PersonPageDto, RightCatalogueDto } from '../app/types.ts';
import {
  ContractForm,
  DateInput,
  DualListInput,
  SelectInput,
  TextAreaInput,
  useContractForm,
} from '../components/forms.tsx';
import { NationalNumberInput } from '../components/national-number-input.tsx';
import { askRelationshipOn, RelationshipFields } from '../components/relationship-fields.tsx';
import { Button, Notice, PageTitle, ResourceView, TextLink } from '../components/ui.tsx';

interface Values {
  nationalNumber: string;
  right: string;
  profiles: string[];
  startDate: string;
  endDate: string;
  reason: string;
  relCategory: string;
  relStartDate: string;
  relEndDate: string;
  relPhone: string;
  relEmail: string;
}

function useLabels(): Record<keyof Values, string> {
  const { t } = useTranslation(['quickGrant', 'common']);
  return {
    nationalNumber: t('common:nationalNumberOrBis'),
    right: t('common:right'),
    profiles: t('common:profiles'),
    startDate: t('startDate'),
    endDate: t('endDate'),
    reason: t('common:reason'),
    relCategory: t('common:category'),
    relStartDate: t('relStartDate'),
    relEndDate: t('relEndDate'),
    relPhone: t('common:phone'),
    relEmail: t('common:email'),
  };
}

const REL_FIELDS = {
  category: 'relCategory',
  startDate: 'relStartDate',
  endDate: 'relEndDate',
  phone: 'relPhone',
  email: 'relEmail',
} as const;

/** QuickGrantRequest judges the grant; RelationshipDetails the relationship, when it is asked. */
function quickGrantSchema(needsRelationship: () => boolean) {
  return z.any().check(
    z.superRefine((value: Record<string, unknown>, ctx) => {
      const { relCategory, relStartDate, relEndDate, relPhone, relEmail, ...grant } = value;
      const result = QuickGrantRequest.safeParse(grant);
      if (!result.success)
        for (const issue of result.error.issues)
          ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path as PropertyKey[] });
      if (needsRelationship()) {
        const rel = RelationshipDetails.safeParse({
          category: relCategory,
          startDate: relStartDate,
          endDate: relEndDate,
          phone: relPhone,
          email: relEmail,
        });
        if (!rel.success)
          for (const issue of rel.error.issues) {
            const first = String(issue.path[0] ?? 'category') as keyof typeof REL_FIELDS;
            ctx.addIssue({
              code: 'custom',
              message: issue.message,
              path: [REL_FIELDS[first] ?? 'relCategory'],
            });
          }
      }
    }),
  );
}

export function QuickGrant() {
  const { t } = useTranslation(['quickGrant', 'routes']);
  const org = useOrganisation();
  const api = useApi();
  const catalogue = useResource('rights', (signal) => api.get<RightCatalogueDto>('/rights', { signal }));
  return (
    <div className="stack">
      <PageTitle kicker={org.name}>{t('routes:quickGrant')}</PageTitle>
      <p>{t('intro', { organisation: org.name })}</p>
      <ResourceView resource={catalogue} loadingText={t('loading')}>
        {(data) => <QuickGrantForm rights={data.items} />}
      </ResourceView>
    </div>
  );
}

function QuickGrantForm({ rights }: { rights: RightCatalogueDto['items'] }) {
  const { t } = useTranslation(['quickGrant', 'common', 'routes', 'tasks']);
  const LABELS = useLabels();
  const org = useOrganisation();
  const api = useApi();
  const navigate = useNavigate();
  const keyFor = useIdempotencyKeys();
  const [needsRelationship, setNeedsRelationship] = useState(false);
  const [asked, setAsked] = useState<string | null>(null);
  const needsRef = useRef(needsRelationship);
  needsRef.current = needsRelationship;
  const [schema] = useState(() => quickGrantSchema(() => needsRef.current));
  const today = todayInBrussels();
  const form = useContractForm<Values>(schema, {
    defaultValues: {
      nationalNumber: '',
      right: '',
      profiles: [],
      startDate: '',
      endDate: '',
      reason: '',
      relCategory: '',
      relStartDate: formatDate(today),
      relEndDate: formatDate(lastDayOfYears(today, 10)),
      relPhone: '',
      relEmail: '',
    },
    dates: ['startDate', 'endDate', 'relStartDate', 'relEndDate'],
    optional: ['startDate', 'endDate', 'reason'],
  });
  const rightId = form.watch('right');
  const right = rights.find((r) => r.rightId === rightId);
  const { setValue } = form;
  // A new right: its own profiles.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the right changes.
  useEffect(() => setValue('profiles', []), [rightId]);

  return (
    <ContractForm
      form={form}
      labels={LABELS}
      aria-labelledby="snel-recht-titel"
      onValid={async (values) => {
        const body: Record<string, unknown> = {
          nationalNumber: digitsOf(String(values.nationalNumber)),
          right: values.right,
          profiles: values.profiles,
          ...(values.startDate ? { startDate: values.startDate } : {}),
          ...(values.endDate ? { endDate: values.endDate } : {}),
          ...(values.reason ? { reason: values.reason } : {}),
        };
        if (needsRelationship) {
          body.relationship = {
            category: values.relCategory,
            startDate: values.relStartDate,
            endDate: values.relEndDate,
            phone: values.relPhone,
            email: values.relEmail,
          };
        }
        const person = await api
          .post<PersonPageDto & { created?: boolean; outcome?: 'requested'; message?: string }>(
            `/organisations/${org.enterpriseNumber}/quick-grants`,
            body,
            { idempotencyKey: keyFor(body) },
          )
          .catch(
            askRelationshipOn('quick-grant.relationship-required', t('relationshipRequired'), () =>
              setNeedsRelationship(true),
            ),
          );
        // For oneself, with another local administrator: it became a request for them (202).
        if (person.outcome === 'requested') {
          form.reset();
          setAsked(person.message ?? null);
          return;
        }
        navigate(orgPath(org.enterpriseNumber, `/personen/${person.personId}`), {
          state: {
            flash: t('granted', {
              right: right?.name ?? t('theRight'),
              name: `${person.firstName} ${person.lastName}`,
            }),
          },
        });
      }}
    >
      <h2 id="snel-recht-titel" className="visually-hidden">
        {t('routes:quickGrant')}
      </h2>
      <div role="status">
        {asked && (
          <Notice kind="info" title={t('asked')}>
            <p>{asked}</p>
          </Notice>
        )}
      </div>
      <NationalNumberInput />
      <SelectInput
        name="right"
        label={LABELS.right}
        required
        options={rights.map((r) => ({ id: r.rightId, label: r.name }))}
      />
      {right && (
        <>
          <p className="field-description">{right.description}</p>
          <DualListInput name="profiles" label={LABELS.profiles} available={right.profiles} required />
        </>
      )}
      <DateInput name="startDate" label={LABELS.startDate} description={t('startDescription')} />
      <DateInput
        name="endDate"
        label={LABELS.endDate}
        description={right ? t('endDescriptionYears', { count: right.maxYears }) : t('endDescription')}
      />
      {needsRelationship && (
        <fieldset className="fieldset">
          <legend className="field-label">{t('tasks:relationshipWith', { organisation: org.name })}</legend>
          <RelationshipFields
            prefix="rel"
            labels={{ startDate: LABELS.relStartDate, endDate: LABELS.relEndDate }}
          />
        </fieldset>
      )}
      <TextAreaInput name="reason" label={t('common:reasonOptional')} />
      <div className="button-row">
        <Button type="submit" isPending={form.formState.isSubmitting}>
          {t('submit')}
        </Button>
        <TextLink href={orgPath(org.enterpriseNumber)}>{t('common:cancel')}</TextLink>
      </div>
    </ContractForm>
  );
}
