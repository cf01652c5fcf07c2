import { type Messages, nl } from './nl.ts';

// TODO translate
export const fr: Messages = nl;
