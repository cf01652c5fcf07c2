/** Plugs the daily KBO follow's store into the dependencies; imported by the follow's step handlers only. */
import { KboStore } from '#lib/adapters/dynamodb/kbo-store';
import { plugAdapter } from '#lib/runtime/deps';

plugAdapter('kbo', (table) => new KboStore(table));
