/**
 * The unit of work on the one table: each method adds the items of one change (built by the entity
 * modules), `commit` writes them in one TransactWriteItems. A failed condition or a conflicting
 * transaction becomes ConcurrentChangeError, which the use cases retry on fresh data.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { adminItem, removeAdminItem, updateAdminItem } from '#lib/adapters/dynamodb/admins-store';
import { digestLineItem } from '#lib/adapters/dynamodb/digest-items';
import { changeEventItems } from '#lib/adapters/dynamodb/events-store';
import type { TableRef, TransactItem } from '#lib/adapters/dynamodb/items';
import { jobRowResultItem } from '#lib/adapters/dynamodb/job-items';
import { historyItem, membershipItems, stillEndingItem } from '#lib/adapters/dynamodb/memberships-store';
import { noticeItem } from '#lib/adapters/dynamodb/notices-store';
import {
  activeOrganisationItem,
  organisationHistoryItem,
  organisationItem,
} from '#lib/adapters/dynamodb/organisations-store';
import { personItem } from '#lib/adapters/dynamodb/persons-store';
import { finishRequestItems, newRequestItems } from '#lib/adapters/dynamodb/requests-store';
import { campaignItem, openCampaignItem, reviewLineItem } from '#lib/adapters/dynamodb/review-items';
import { closeTaskItems, newTaskItem, updateTaskItem } from '#lib/adapters/dynamodb/tasks-store';
import { ConcurrentChangeError } from '#lib/domain/errors';
import { accessEvents, enterpriseEvents } from '#lib/domain/events';
import { emptied } from '#lib/domain/membership';
import type { UnitOfWork } from '#lib/domain/ports';

export class DynamoUnitOfWork implements UnitOfWork {
  private readonly items: TransactItem[] = [];

  constructor(private readonly table: TableRef) {}

  private add(...items: TransactItem[]): this {
    this.items.push(...items);
    return this;
  }

  private get name() {
    return this.table.tableName;
  }

  /** With the change's events (events.ts) in its outbox: no change without its events. */
  saveMembership(...[loaded, next, history, today]: Parameters<UnitOfWork['saveMembership']>) {
    const events = accessEvents(
      loaded,
      next,
      history.map((h) => h.action),
    );
    const at = history[0]?.at ?? new Date().toISOString();
    return this.add(
      ...membershipItems(this.name, loaded, next, history, today),
      ...changeEventItems(this.name, events, at),
    );
  }

  removeMembership(...[loaded, history, today]: Parameters<UnitOfWork['removeMembership']>) {
    const next = emptied(loaded);
    const events = accessEvents(
      loaded,
      next,
      history.map((h) => h.action),
    );
    const at = history[0]?.at ?? new Date().toISOString();
    return this.add(
      ...membershipItems(this.name, loaded, next, history, today, { removed: true }),
      ...changeEventItems(this.name, events, at),
    );
  }

  putPerson(...[pseudonym, record, opts]: Parameters<UnitOfWork['putPerson']>) {
    return this.add(personItem(this.name, pseudonym, record, opts.exists));
  }

  addAdmin(...[admin]: Parameters<UnitOfWork['addAdmin']>) {
    return this.add(adminItem(this.name, admin));
  }

  updateAdmin(...[previous, next]: Parameters<UnitOfWork['updateAdmin']>) {
    return this.add(updateAdminItem(this.name, previous, next));
  }

  removeAdmin(...[admin]: Parameters<UnitOfWork['removeAdmin']>) {
    return this.add(removeAdminItem(this.name, admin));
  }

  saveOrganisation(...[previous, next]: Parameters<UnitOfWork['saveOrganisation']>) {
    return this.add(
      organisationItem(this.name, previous, next),
      ...changeEventItems(this.name, enterpriseEvents(previous, next), new Date().toISOString()),
    );
  }

  addOrganisationHistory(...[en, entry]: Parameters<UnitOfWork['addOrganisationHistory']>) {
    return this.add(organisationHistoryItem(this.name, en, entry));
  }

  addHistory(...[en, personId, entry, subject]: Parameters<UnitOfWork['addHistory']>) {
    return this.add(historyItem(this.name, en, personId, entry, subject));
  }

  addTask(...[task]: Parameters<UnitOfWork['addTask']>) {
    return this.add(newTaskItem(this.name, task));
  }

  updateTask(...[previous, next]: Parameters<UnitOfWork['updateTask']>) {
    return this.add(updateTaskItem(this.name, previous, next));
  }

  closeTask(...[previous, next]: Parameters<UnitOfWork['closeTask']>) {
    return this.add(...closeTaskItems(this.name, previous, next));
  }

  addRequest(...[request]: Parameters<UnitOfWork['addRequest']>) {
    return this.add(...newRequestItems(this.name, request));
  }

  finishRequest(...[previous, next]: Parameters<UnitOfWork['finishRequest']>) {
    return this.add(...finishRequestItems(this.name, previous, next));
  }

  addNotice(...[en, personId, what, fields]: Parameters<UnitOfWork['addNotice']>) {
    return this.add(noticeItem(this.name, en, personId, what, fields));
  }

  addDigestLine(...[line]: Parameters<UnitOfWork['addDigestLine']>) {
    return this.add(digestLineItem(this.name, line));
  }

  requireEnding(...[entry]: Parameters<UnitOfWork['requireEnding']>) {
    return this.add(stillEndingItem(this.name, entry));
  }

  saveCampaign(...[previous, next]: Parameters<UnitOfWork['saveCampaign']>) {
    return this.add(campaignItem(this.name, previous, next));
  }

  answerLine(...[en, campaignId, previous, next]: Parameters<UnitOfWork['answerLine']>) {
    return this.add(reviewLineItem(this.name, en, campaignId, previous, next));
  }

  requireOpenCampaign(...[en, campaignId]: Parameters<UnitOfWork['requireOpenCampaign']>) {
    return this.add(openCampaignItem(this.name, en, campaignId));
  }

  requireActiveOrganisation(...[en]: Parameters<UnitOfWork['requireActiveOrganisation']>) {
    return this.add(activeOrganisationItem(this.name, en));
  }

  recordJobRow(...[en, jobId, index, outcome]: Parameters<UnitOfWork['recordJobRow']>) {
    return this.add(jobRowResultItem(this.name, en, jobId, index, outcome));
  }

  async commit(): Promise<void> {
    if (this.items.length === 0) return;
    try {
      await this.table.db.send(new TransactWriteCommand({ TransactItems: this.items }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const codes = (error.CancellationReasons ?? []).map((r) => r.Code);
        if (codes.some((c) => c === 'ConditionalCheckFailed' || c === 'TransactionConflict')) {
          throw new ConcurrentChangeError();
        }
      }
      throw error;
    }
  }
}
