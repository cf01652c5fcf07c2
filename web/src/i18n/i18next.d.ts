/** The keys of t() are the keys of the Dutch catalogue: a key that does not exist fails the typecheck. */
import 'i18next';
import type { nl } from './nl.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof nl;
    returnNull: false;
  }
}
