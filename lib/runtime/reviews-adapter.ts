/** Plugs the access reviews' store into the dependencies; imported by their routes and steps only. */
import { ReviewsStore } from '#lib/adapters/dynamodb/reviews-store';
import { plugAdapter } from '#lib/runtime/deps';

plugAdapter('reviews', (table) => new ReviewsStore(table));
