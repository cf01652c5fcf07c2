/**
 * One row of a bulk job, checked (the import's dry run) or applied: each with the single routes' own
 * rules (the register's check of add-person, the domain's createRelationship, grantRight and
 * extendRelationship) and, when applied, in one transaction of its own through the unit of work, so its
 * history entries, change events, access projection and holdings are written as a single change's are,
 * together with the row's outcome.
 */
import type { ImportColumn } from '#lib/contracts/bulk';
import type { ImportRowInput, JobPhase, JobRow, RowOutcome } from '#lib/domain/bulk';
import type { RightDefinition } from '#lib/domain/catalogue';
import {
  ConflictError,
  DomainError,
  type FieldError,
  fieldError,
  RegistryUnavailableError,
  TransientError,
} from '#lib/domain/errors';
import {
  type Change,
  createRelationship,
  extendRelationship,
  grantRight,
  newMembership,
} from '#lib/domain/membership';
import type { Actor, HistoryEntry } from '#lib/domain/records';
import { changeAggregate, historyEntry, withRetry } from '#lib/services/aggregate';
import { GRANT_FIELDS, inColumns, PERSON_FIELDS, RELATIONSHIP_FIELDS } from '#lib/services/bulk/import-file';
import type { Deps } from '#lib/services/deps';
import { requireNotStopped } from '#lib/services/kbo/read';
import { organisationName, registerLookup } from '#lib/services/persons';

/** What a row needs to know of its job: where, who acts, and what is decided once per job. */
export interface RowContext {
  enterpriseNumber: string;
  jobId: string;
  actor: Actor;
  /** Separation of duties: the acting administrator's own rights are another's to give or extend. */
  ownPersonId: string | null;
  othersCanDecide: boolean;
  rights: ReadonlyMap<string, RightDefinition>;
  reason: string | null;
}

const error = (errors: FieldError[]): RowOutcome => ({ outcome: 'error', errors });

/** A refusal of a rule, as the row's field errors (columns named by `fields`); anything else goes on. */
function refusal(e: unknown, fields: Record<string, ImportColumn>): RowOutcome {
  // For the moment only: the workflow retries the chunk, and the row is done then.
  if (e instanceof RegistryUnavailableError) throw new TransientError('register unavailable', { cause: e });
  if (e instanceof ConflictError && e.code === 'concurrent-change')
    throw new TransientError('concurrent change', { cause: e });
  if (!(e instanceof DomainError)) throw e;
  const given = (e as DomainError & { errors?: FieldError[] }).errors ?? [];
  const detail = e.detail ?? e.title;
  const errors = given.length > 0 ? given : [{ path: '', code: e.code, message: detail }];
  return error(inColumns(errors, fields, ''));
}

const importReason = (row: JobRow) => `CSV-import, rij ${row.line}`;

/**
 * An import row: the person added when not yet in the organisation, the relationship made when there is
 * none, the right granted when given and not held yet. What is there already stays as it is (`present`);
 * anything refused refuses the whole row, and nothing of it is written.
 */
export async function importRow(
  deps: Deps,
  ctx: RowContext,
  row: JobRow,
  phase: JobPhase,
): Promise<{ outcome: RowOutcome; written: boolean }> {
  if (row.invalid?.length || !row.input) return { outcome: error(row.invalid ?? []), written: false };
  const input: ImportRowInput = row.input;
  const en = ctx.enterpriseNumber;
  return withRetry(async () => {
    const clock = deps.clock();
    const pseudonym = deps.pseudonymize(input.nationalNumber);
    const history: HistoryEntry[] = [];
    const reason = ctx.reason ?? importReason(row);
    const record = (change: Change) => {
      history.push(historyEntry(deps, clock, ctx.actor, change, reason));
      return change.next;
    };
    const person = await deps.persons.get(pseudonym);
    const loaded = person ? await deps.memberships.load(en, person.personId) : null;
    let agg = loaded;
    let details = person?.person;
    const made = { person: false, relationship: false, right: false };
    if (!agg) {
      try {
        details ??= await registerLookup(deps, input.nationalNumber);
        agg = record(
          newMembership({
            enterpriseNumber: en,
            organisationName: await organisationName(deps, en),
            personId: person?.personId ?? deps.newId(),
            pseudonym,
            nationalNumber: input.nationalNumber,
            person: details,
            nickname: null,
            initials: null,
            now: clock.now,
          }),
        );
      } catch (e) {
        // Not in the register, deceased: about the national number.
        return { outcome: refusal(e, PERSON_FIELDS), written: false };
      }
      made.person = true;
    }
    if (!agg.relationship) {
      try {
        await requireNotStopped(deps, en);
        agg = record(createRelationship(agg, input.relationship, clock));
      } catch (e) {
        // A rule without a field (the enterprise stopped in the KBO) is about the row as a whole.
        return { outcome: refusal(e, RELATIONSHIP_FIELDS), written: false };
      }
      made.relationship = true;
    }
    if (input.grant && !agg.grants.some((g) => g.rightId === input.grant?.right)) {
      const right = ctx.rights.get(input.grant.right);
      if (!right) {
        return {
          outcome: error([fieldError('recht', 'right.unknown')]),
          written: false,
        };
      }
      if (agg.membership.personId === ctx.ownPersonId && ctx.othersCanDecide) {
        return {
          outcome: error([fieldError('recht', 'bulk.own-right')]),
          written: false,
        };
      }
      try {
        const { right: _r, ...grant } = input.grant;
        agg = record(grantRight(agg, right, grant, deps.newId(), clock));
      } catch (e) {
        return { outcome: refusal(e, GRANT_FIELDS), written: false };
      }
      made.right = true;
    }
    if (!made.person && !made.relationship && !made.right)
      return { outcome: { outcome: 'present', errors: [] }, written: false };
    const outcome: RowOutcome = { outcome: 'new', ...made, errors: [] };
    if (phase === 'preview') return { outcome, written: false };

    const work = deps.unitOfWork();
    if (!person && details) {
      work.putPerson(
        pseudonym,
        { personId: agg.membership.personId, nationalNumber: input.nationalNumber, person: details },
        { exists: false },
      );
    }
    if (made.relationship) work.requireActiveOrganisation(en);
    await work
      .saveMembership(loaded, agg, history, clock.today)
      .recordJobRow(en, ctx.jobId, row.index, outcome)
      .commit();
    return { outcome, written: true };
  });
}

/** An extension row: the person's relationship (and rights) extended as the single extension does. */
export async function extensionRow(
  deps: Deps,
  ctx: RowContext & { endDate: string | null; includeRights: boolean },
  row: JobRow,
): Promise<{ outcome: RowOutcome; written: boolean }> {
  const personId = row.personId ?? '';
  if (ctx.includeRights && personId === ctx.ownPersonId && ctx.othersCanDecide) {
    return {
      outcome: error([fieldError('', 'extension.own-rights')]),
      written: false,
    };
  }
  let outcome: RowOutcome | null = null;
  try {
    await changeAggregate(
      deps,
      { enterpriseNumber: ctx.enterpriseNumber, personId, actor: ctx.actor, reason: ctx.reason },
      (agg, clock) => {
        const change = extendRelationship(
          agg,
          { includeRights: ctx.includeRights, ...(ctx.endDate ? { endDate: ctx.endDate } : {}) },
          ctx.rights,
          clock,
        );
        outcome = {
          outcome: 'new',
          relationship: true,
          right: change.next.grants.some((g, i) => g.endDate !== agg.grants[i]?.endDate),
          endDate: change.next.relationship?.endDate ?? '',
          errors: [],
        };
        return change;
      },
      (work) => {
        if (outcome) work.recordJobRow(ctx.enterpriseNumber, ctx.jobId, row.index, outcome);
      },
    );
  } catch (e) {
    return { outcome: refusal(e, { endDate: 'endDate' }), written: false };
  }
  return { outcome: outcome as unknown as RowOutcome, written: true };
}
