/**
 * The national register through MAGDA's GeefPersoon (02.02). A national number is asked of the
 * national register (Bron RR), a BIS number of the Crossroads Bank's register (Bron KSZ). MAGDA only
 * answers for people registered in its repertorium for our capacity: when it says so (13202, 40003) the
 * adapter registers the person (RegistreerInschrijving) and asks once more.
 */
import { RegistryUnavailableError } from '#lib/domain/errors';
import { parseNationalNumber } from '#lib/domain/national-number';
import type { NationalRegister, RegisterPerson } from '#lib/domain/ports';
import { failOnErrors, type MagdaAnswer, type MagdaClient } from './client.ts';
import { child, children, el, path, text, type XmlElement } from './xml.ts';

/** "No such person" for GeefPersoon: unknown, cancelled or replaced numbers. */
const NOT_FOUND = new Set(['30001', '30002', '30003', '20002', '40101', '40200']);
const NOT_REGISTERED = new Set(['13202', '40003']);

const COMPLETE_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A register date, or null when it is incomplete (the register writes an unknown day or month as 00). */
function completeDate(value: string): string | null {
  return COMPLETE_DATE.test(value) ? value : null;
}

function names(el: XmlElement | undefined, list: string, item: string): string {
  return children(child(el, list), item)
    .map((n) => text(n))
    .filter(Boolean)
    .join(' ');
}

export function readPerson(inhoud: XmlElement | undefined, kind: 'rrn' | 'bis'): RegisterPerson {
  const persoon = child(inhoud, 'Persoon');
  const naam = child(persoon, 'Naam');
  const lastName = names(naam, 'Achternamen', 'Achternaam');
  const firstName = names(naam, 'Voornamen', 'Voornaam');
  if (!persoon || !lastName) throw new RegistryUnavailableError('national-register', 'incomplete-person');
  const sex = text(path(persoon, 'Geslacht', 'Code'));
  const overlijden = child(persoon, 'Overlijden');
  const register = text(path(persoon, 'Register', 'Code'));
  return {
    firstName,
    lastName,
    birthDate: completeDate(text(path(persoon, 'Geboorte', 'Datum'))),
    sex: sex === '1' ? 'M' : sex === '2' ? 'F' : null,
    source: 'VKBP',
    deceased: overlijden ? { on: completeDate(text(child(overlijden, 'Datum'))) } : null,
    register: register === 'BIS' || (register === '' && kind === 'bis') ? 'bis' : 'national',
  };
}

export interface MagdaRegisterOptions {
  senderId: string;
  capacity?: string | undefined;
  today: () => string;
}

export function magdaNationalRegister(client: MagdaClient, options: MagdaRegisterOptions): NationalRegister {
  const ask = (insz: string, kind: 'rrn' | 'bis') =>
    client.ask(
      'GeefPersoon',
      `<Criteria>${el('INSZ', insz)}</Criteria>${el('Bron', kind === 'bis' ? 'KSZ' : 'RR')}${el('Taal', 'nl')}`,
      'national-register',
    );
  const registerInRepertorium = async (insz: string) => {
    const answer = await client.ask(
      'RegistreerInschrijving',
      `<Inschrijving>${el('Identificatie', options.senderId)}${el('Hoedanigheid', options.capacity)}` +
        `<BetrokkenSubject>${el('Type', 'PER')}<Subjecten><Subject>${el('Sleutel', insz)}${el('Type', 'PER')}` +
        `</Subject></Subjecten></BetrokkenSubject><Periode>${el('Begin', options.today())}</Periode></Inschrijving>`,
      'national-register',
    );
    failOnErrors(answer, 'national-register', new Set());
  };
  const notRegistered = (answer: MagdaAnswer) =>
    answer.answerExceptions.some((u) => u.type === 'FOUT' && NOT_REGISTERED.has(u.code));

  return {
    async lookup(nationalNumber) {
      const parsed = parseNationalNumber(nationalNumber);
      // The use cases only pass checked numbers; anything else is not a person MAGDA could know.
      if (!parsed.ok) return null;
      const kind = parsed.value.kind;
      let answer = await ask(nationalNumber, kind);
      if (notRegistered(answer)) {
        await registerInRepertorium(nationalNumber);
        answer = await ask(nationalNumber, kind);
      }
      if (failOnErrors(answer, 'national-register', NOT_FOUND).notFound) return null;
      return readPerson(answer.inhoud, kind);
    },
  };
}
