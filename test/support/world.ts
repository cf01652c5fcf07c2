/** The day and the right most tests of the demo world use (the seed story's day, VLAIO's right). */
export const TODAY = '2026-11-26';
export const VLAIO = 'VLAIO Inkom Gebruiker Nieuw';
export const SP = 'Dienstverlener kmo-portefeuille';
