/** Plugs the expiry sweep's stores (its records, the administrators' digests) into the dependencies; imported by the sweep's step handlers only. */
import { DigestsStore } from '#lib/adapters/dynamodb/digests-store';
import { ExpiryStore } from '#lib/adapters/dynamodb/expiry-store';
import { plugAdapter } from '#lib/runtime/deps';

plugAdapter('expiry', (table) => new ExpiryStore(table));
plugAdapter('digests', (table) => new DigestsStore(table));
