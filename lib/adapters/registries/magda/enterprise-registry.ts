/**
 * The KBO through MAGDA: GeefOnderneming (02.00) for an enterprise with its functions, GeefFuncties
 * (02.00) for the functions a person holds. The KBO answers with history (names, legal forms and
 * functions carry DatumBegin/DatumEinde): the adapter keeps what holds today. A stopping (Stopzetting)
 * dated today or earlier, or the KBO status ST, makes the enterprise stopped.
 */
import { RegistryUnavailableError } from '#lib/domain/errors';
import type { Enterprise, EnterpriseRegistry, LegalRepresentative } from '#lib/domain/ports';
import { failOnErrors, type MagdaClient } from './client.ts';
import { attr, child, children, el, path, text, type XmlElement } from './xml.ts';

/** "No such enterprise": 30001 (nothing found), 40046 (the number does not exist in the KBO). */
const NOT_FOUND = new Set(['30001', '40046']);
/** An open end in GeefFuncties. */
const OPEN_END = '9999-12-31';

interface Dated {
  begin: string | undefined;
  end: string | undefined;
}

function holdsOn(d: Dated, day: string): boolean {
  return (!d.begin || d.begin <= day) && (!d.end || d.end === OPEN_END || day <= d.end);
}

function dated(e: XmlElement): Dated {
  return { begin: attr(e, 'DatumBegin'), end: attr(e, 'DatumEinde') };
}

/** A coded value's words: its Omschrijving, else the code's Beschrijving, else the code. */
function described(coded: XmlElement | undefined): string {
  const code = child(coded, 'Code');
  return text(child(coded, 'Omschrijving')) || attr(code, 'Beschrijving') || text(code);
}

function currentName(onderneming: XmlElement, day: string): string {
  const names = children(path(onderneming, 'Namen', 'MaatschappelijkeNamen'), 'MaatschappelijkeNaam');
  const current = names.filter((n) => holdsOn(dated(n), day));
  const pick = current.find((n) => text(child(n, 'Taalcode')) === 'nl') ?? current[0] ?? names.at(-1);
  return text(child(pick, 'Naam'));
}

export function readEnterprise(onderneming: XmlElement | undefined, day: string): Enterprise {
  const enterpriseNumber = text(child(onderneming, 'Ondernemingsnummer'));
  const name = onderneming ? currentName(onderneming, day) : '';
  if (!onderneming || !enterpriseNumber || !name)
    throw new RegistryUnavailableError('kbo', 'incomplete-enterprise');
  const stopzetting = child(onderneming, 'Stopzetting');
  const stoppedOn = text(child(stopzetting, 'Datum'));
  const stopped =
    (stopzetting !== undefined && (stoppedOn === '' || stoppedOn <= day)) ||
    text(path(onderneming, 'StatusKBO', 'Code')) === 'ST';
  const legalForm = children(child(onderneming, 'Rechtsvormen'), 'Rechtsvorm').find((r) =>
    holdsOn(dated(r), day),
  );
  const legalRepresentatives: LegalRepresentative[] = [];
  for (const f of children(child(onderneming, 'Functies'), 'Functie')) {
    const persoon = child(f, 'Persoon');
    const insz = text(child(persoon, 'INSZ'));
    // A function held by another enterprise has no person of its own here.
    if (!insz || !holdsOn(dated(f), day)) continue;
    legalRepresentatives.push({
      nationalNumber: insz,
      firstName: text(child(persoon, 'VoorNaam')),
      lastName: text(child(persoon, 'AchterNaam')),
      function: described(child(f, 'AardFunctie')),
    });
  }
  return {
    enterpriseNumber,
    name,
    status: stopped ? 'stopped' : 'active',
    stoppedOn: stopped ? stoppedOn || null : null,
    legalForm: legalForm ? described(legalForm) || null : null,
    legalRepresentatives,
  };
}

/** The enterprises where the person holds a function today, from GeefFuncties' answer. */
export function readFunctions(
  inhoud: XmlElement | undefined,
  day: string,
): { enterpriseNumber: string; function: string }[] {
  return children(child(inhoud, 'Functies'), 'Functie')
    .map((f) => ({
      enterpriseNumber: text(child(f, 'FunctiehouderVan')),
      function: described(child(f, 'AardFunctie')),
      period: {
        begin: text(path(f, 'Periode', 'Begin')) || undefined,
        end: text(path(f, 'Periode', 'Einde')) || undefined,
      },
    }))
    .filter((f) => f.enterpriseNumber && holdsOn(f.period, day))
    .map(({ enterpriseNumber, function: fn }) => ({ enterpriseNumber, function: fn }));
}

export interface MagdaKboOptions {
  today: () => string;
  /** Where findRepresentations gets an enterprise's name: the registry as composed (with its cache). */
  enterprise?: (enterpriseNumber: string) => Promise<Enterprise | null>;
}

export function magdaEnterpriseRegistry(client: MagdaClient, options: MagdaKboOptions): EnterpriseRegistry {
  const registry: EnterpriseRegistry = {
    async getEnterprise(enterpriseNumber) {
      const answer = await client.ask(
        'GeefOnderneming',
        `<Criteria>${el('Ondernemingsnummer', enterpriseNumber)}${el('Basisgegevens', '1')}` +
          `<Functies>${el('Aanduiding', '1')}</Functies></Criteria>${el('Taal', 'nl')}`,
        'kbo',
      );
      if (failOnErrors(answer, 'kbo', NOT_FOUND).notFound) return null;
      const enterprise = readEnterprise(child(answer.inhoud, 'Onderneming'), options.today());
      // An answer about another enterprise than the one asked for is no answer.
      if (enterprise.enterpriseNumber !== enterpriseNumber)
        throw new RegistryUnavailableError('kbo', 'wrong-enterprise');
      return enterprise;
    },
    async findRepresentations(nationalNumber) {
      const answer = await client.ask(
        'GeefFuncties',
        `<Criteria><Persoon>${el('INSZ', nationalNumber)}</Persoon></Criteria>`,
        'kbo',
      );
      if (failOnErrors(answer, 'kbo', NOT_FOUND).notFound) return [];
      const held = readFunctions(answer.inhoud, options.today());
      // GeefFuncties names no enterprise: its name comes from GeefOnderneming (cached for a minute).
      const enterprise = options.enterprise ?? registry.getEnterprise;
      const names = new Map<string, string>();
      for (const en of new Set(held.map((f) => f.enterpriseNumber))) {
        names.set(en, (await enterprise(en))?.name ?? en);
      }
      return held.map((f) => ({ ...f, name: names.get(f.enterpriseNumber) ?? f.enterpriseNumber }));
    },
  };
  return registry;
}
