/** Plugs the expiry sweep's store into the dependencies; imported by the sweep's step handlers only. */
import { ExpiryStore } from '#lib/adapters/dynamodb/expiry-store';
import { plugAdapter } from '#lib/runtime/deps';

plugAdapter('expiry', (table) => new ExpiryStore(table));
