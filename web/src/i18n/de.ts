import { type Messages, nl } from './nl.ts';

// TODO translate
export const de: Messages = nl;
