/** Plugs the logins' store (Accounts tab, Cognito binding) into the dependencies, where it is used. */
import { LoginsStore } from '#lib/adapters/dynamodb/logins-store';
import { plugAdapter } from '#lib/runtime/deps';

plugAdapter('logins', (table) => new LoginsStore(table));
