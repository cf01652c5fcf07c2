/**
 * The persistence ports on one table that most functions use, for the composition root (lib/runtime) to
 * hand to the use cases. The expiry, logins and KBO-follow stores are plugged in only where used (lib/runtime).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AdminsStore } from '#lib/adapters/dynamodb/admins-store';
import { CatalogueStore } from '#lib/adapters/dynamodb/catalogue-store';
import { MembershipsStore } from '#lib/adapters/dynamodb/memberships-store';
import { NoticesStore } from '#lib/adapters/dynamodb/notices-store';
import { OrganisationsStore } from '#lib/adapters/dynamodb/organisations-store';
import { PersonsStore } from '#lib/adapters/dynamodb/persons-store';
import { PreferencesStore } from '#lib/adapters/dynamodb/preferences-store';
import { RequestsStore } from '#lib/adapters/dynamodb/requests-store';
import { TasksStore } from '#lib/adapters/dynamodb/tasks-store';
import { DynamoUnitOfWork } from '#lib/adapters/dynamodb/unit-of-work';

export function dynamoPorts(db: DynamoDBDocumentClient, tableName: string) {
  const table = { db, tableName };
  return {
    persons: new PersonsStore(table),
    memberships: new MembershipsStore(table),
    admins: new AdminsStore(table),
    organisations: new OrganisationsStore(table),
    catalogue: new CatalogueStore(table),
    preferences: new PreferencesStore(table),
    tasks: new TasksStore(table),
    requests: new RequestsStore(table),
    notices: new NoticesStore(table),
    unitOfWork: () => new DynamoUnitOfWork(table),
  };
}
