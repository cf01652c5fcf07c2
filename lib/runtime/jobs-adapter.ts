/** Plugs the bulk jobs' store into the dependencies; imported by their routes and steps only. */
import { JobsStore } from '#lib/adapters/dynamodb/jobs-store';
import { plugAdapter } from '#lib/runtime/deps';

plugAdapter('jobs', (table) => new JobsStore(table));
