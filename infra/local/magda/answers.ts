/**
 * The stand-in's answers, in MAGDA's message format, from the demo world (lib/adapters/registries/
 * fixtures): GeefPersoon, GeefOnderneming, GeefFuncties and RegistreerInschrijving, each "as on" the
 * date of the question's Tijdstip, so `npm run sweep -- --date …` sees the KBO as it is on that day.
 * The repertorium is kept in memory: GeefPersoon answers 40003 for a person not registered yet, as
 * MAGDA does, so the adapter's registration step runs for real.
 */
import { randomUUID } from 'node:crypto';
import {
  fixtureEnterprise,
  fixtureEnterprises,
  fixturePerson,
  functionsBegunBy,
  holdsOn,
  stopOn,
} from '#lib/adapters/registries/fixtures/world';
import { type MagdaServiceName, SERVICES, SOAP_ENVELOPE_NS } from '#lib/adapters/registries/magda/envelope';
import { el, esc, escAttr } from '#lib/adapters/registries/magda/xml';

export interface Question {
  service: MagdaServiceName;
  reference: string;
  senderId: string;
  /** The question's date (Tijdstip/Datum): the day the answer describes. */
  day: string;
  /** The Vraag's Inhoud, read as simple paths (e.g. `Criteria/INSZ`). */
  value(path: string): string;
}

interface Exception {
  code: string;
  diagnose: string;
}

function uitzondering(e: Exception): string {
  return `<Uitzondering>${el('Identificatie', e.code)}${el('Oorsprong', 'MAGDA')}${el('Type', 'FOUT')}${el('Diagnose', e.diagnose)}</Uitzondering>`;
}

/** The whole response envelope around an Antwoord's Inhoud or its exception. */
export function responseEnvelope(q: Question, content: { inhoud: string } | { error: Exception }): string {
  const service = SERVICES[q.service];
  const now = new Date().toISOString();
  const antwoord =
    'inhoud' in content
      ? `<Antwoord>${el('Referte', q.reference)}<Inhoud>${content.inhoud}</Inhoud></Antwoord>`
      : `<Antwoord>${el('Referte', q.reference)}<Uitzonderingen>${uitzondering(content.error)}</Uitzonderingen></Antwoord>`;
  return (
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENVELOPE_NS}"><soapenv:Body>` +
    `<m:${service.name}Response xmlns:m="${service.namespace}"><Repliek><Context>` +
    `${el('Naam', service.name)}${el('Versie', service.version)}<Bericht>${el('Type', 'ANTWOORD')}` +
    `<Tijdstip>${el('Datum', now.slice(0, 10))}${el('Tijd', now.slice(11, 23))}</Tijdstip>` +
    `<Afzender>${el('Identificatie', 'vip.vlaanderen.be')}${el('Naam', 'VIP')}${el('Referte', randomUUID())}</Afzender>` +
    `<Ontvanger>${el('Identificatie', q.senderId)}${el('Referte', q.reference)}</Ontvanger></Bericht></Context>` +
    `<Antwoorden>${antwoord}</Antwoorden></Repliek></m:${service.name}Response></soapenv:Body></soapenv:Envelope>`
  );
}

export function soapFault(code: 'Client' | 'Server', message: string): string {
  return (
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENVELOPE_NS}"><soapenv:Body><soapenv:Fault>` +
    `${el('faultcode', `soapenv:${code}`)}${el('faultstring', message)}</soapenv:Fault></soapenv:Body></soapenv:Envelope>`
  );
}

const NOT_FOUND: Exception = { code: '30001', diagnose: 'Geen gegevens gevonden voor de vraag' };

function coded(code: string, description: string): string {
  return `<Code Beschrijving="${escAttr(description)}">${esc(code)}</Code>${el('Omschrijving', description)}`;
}

function dates(from: string, until: string | null): string {
  return ` DatumBegin="${from}"${until ? ` DatumEinde="${until}"` : ''}`;
}

function geefPersoon(q: Question, repertorium: Set<string>) {
  const insz = q.value('Criteria/INSZ');
  if (!repertorium.has(insz)) {
    return {
      error: { code: '40003', diagnose: 'Het gevraagde subject is niet ingeschreven in het repertorium' },
    };
  }
  const p = fixturePerson(insz);
  if (!p) return { error: NOT_FOUND };
  const bis = p.register === 'bis';
  return {
    inhoud:
      `<Persoon DatumCreatie="2000-01-01" DatumModificatie="2024-01-01">${el('INSZ', p.nationalNumber)}` +
      `<Naam DatumBegin="${p.birthDate}"><Achternamen>${el('Achternaam', p.lastName)}</Achternamen>` +
      `<Voornamen>${p.firstName
        .split(' ')
        .map((n) => el('Voornaam', n))
        .join('')}</Voornamen></Naam>` +
      `<Geslacht DatumBegin="${p.birthDate}">${el('Code', p.sex === 'M' ? '1' : '2')}${el('Omschrijving', p.sex === 'M' ? 'Mannelijk' : 'Vrouwelijk')}</Geslacht>` +
      `<Register>${el('Code', bis ? 'BIS' : '02')}${el('Omschrijving', bis ? 'BIS-register' : 'Bevolkingsregister')}</Register>` +
      `<Geboorte DatumBegin="${p.birthDate}">${el('Datum', p.birthDate)}</Geboorte>` +
      (p.deceasedOn
        ? `<Overlijden DatumBegin="${p.deceasedOn}">${el('Datum', p.deceasedOn)}</Overlijden>`
        : '') +
      '</Persoon>',
  };
}

function geefOnderneming(q: Question) {
  const e = fixtureEnterprise(q.value('Criteria/Ondernemingsnummer'));
  if (!e || e.startDate > q.day) {
    return { error: { code: '40046', diagnose: 'Gevraagde ondernemingsnummer bestaat niet in KBO' } };
  }
  const stop = stopOn(e, q.day);
  const functions = q.value('Criteria/Functies/Aanduiding') === '1' ? functionsBegunBy(e, q.day) : [];
  return {
    inhoud:
      `<Onderneming>${el('Ondernemingsnummer', e.enterpriseNumber)}<AuthentiekBron>${el('Code', '03')}${el('Omschrijving', 'KBO')}</AuthentiekBron>` +
      `<OndernemingOfVestiging>${el('Code', '1')}</OndernemingOfVestiging>` +
      `<StatusKBO>${stop ? coded('ST', 'Stopgezet') : coded('AC', 'Actief')}</StatusKBO>` +
      `<SoortOnderneming><Code Beschrijving="Rechtspersoon">2</Code></SoortOnderneming>` +
      `<Namen><MaatschappelijkeNamen><MaatschappelijkeNaam${dates(e.startDate, null)}>${el('Naam', e.name)}${el('Taalcode', 'nl')}</MaatschappelijkeNaam></MaatschappelijkeNamen></Namen>` +
      `<Start>${el('Datum', e.startDate)}</Start>` +
      (stop
        ? `<Stopzetting>${coded(stop.code, stop.description)}${el('Datum', stop.from)}</Stopzetting>`
        : '') +
      `<Rechtsvormen><Rechtsvorm${dates(e.startDate, null)}>${coded(e.legalForm.code, e.legalForm.description)}</Rechtsvorm></Rechtsvormen>` +
      `<Functies>${functions
        .map(
          (f) =>
            `<Functie${dates(f.from, f.until)}>${el('FunctiehouderVan', e.enterpriseNumber)}` +
            `<AanduidingPersoonOnderneming>${el('Code', '1')}</AanduidingPersoonOnderneming>` +
            `<AardFunctie>${coded(f.code, f.function)}</AardFunctie>` +
            `<Persoon>${el('INSZ', f.nationalNumber)}${el('AchterNaam', f.lastName)}${el('VoorNaam', f.firstName)}</Persoon></Functie>`,
        )
        .join('')}</Functies></Onderneming>`,
  };
}

function geefFuncties(q: Question) {
  const insz = q.value('Criteria/Persoon/INSZ');
  const held = fixtureEnterprises().flatMap((e) =>
    e.functions.filter((f) => f.nationalNumber === insz && holdsOn(f, q.day)).map((f) => ({ e, f })),
  );
  if (held.length === 0) return { error: NOT_FOUND };
  return {
    inhoud: `<Functies>${held
      .map(
        ({ e, f }) =>
          `<Functie DatumModificatie="${f.from}"><AuthentiekeBron>${el('Code', '03')}${el('Omschrijving', 'KBO')}</AuthentiekeBron>` +
          `${el('FunctiehouderVan', e.enterpriseNumber)}<AanduidingPersoonOnderneming>${el('Code', '1')}</AanduidingPersoonOnderneming>` +
          `${el('INSZ', insz)}<AardFunctie>${el('Code', f.code)}${el('Omschrijving', f.function)}</AardFunctie>` +
          `<Periode>${el('Begin', f.from)}${el('Einde', f.until ?? '9999-12-31')}</Periode></Functie>`,
      )
      .join('')}</Functies>`,
  };
}

function registreerInschrijving(q: Question, repertorium: Set<string>) {
  const key = q.value('Inschrijving/BetrokkenSubject/Subjecten/Subject/Sleutel');
  repertorium.add(key);
  return {
    inhoud: `<Resultaat>${el('Code', '1')}${el('Omschrijving', 'Inschrijving geregistreerd')}</Resultaat>`,
  };
}

/** The answer to a question, as MAGDA would give it on the question's day. */
export function answer(q: Question, repertorium: Set<string>): string {
  const content =
    q.service === 'GeefPersoon'
      ? geefPersoon(q, repertorium)
      : q.service === 'GeefOnderneming'
        ? geefOnderneming(q)
        : q.service === 'GeefFuncties'
          ? geefFuncties(q)
          : registreerInschrijving(q, repertorium);
  return responseEnvelope(q, content);
}
