/**
 * MAGDA's request messages: a SOAP 1.1 envelope whose body holds one service element (qualified with
 * the service's namespace) and, unqualified inside it, the Verzoek: a Context saying who asks, in which
 * capacity (Hoedanigheid) and with which reference (Referte), and one Vraag. The body is signed (an XML
 * signature in the header: RSA-SHA256, exclusive canonicalisation, the certificate in KeyInfo) with the
 * key whose certificate also authenticates the TLS connection.
 */
import { createHash, createPrivateKey, createSign, type KeyObject, X509Certificate } from 'node:crypto';
import { el } from './xml.ts';

export type MagdaServiceName = 'GeefPersoon' | 'GeefOnderneming' | 'GeefFuncties' | 'RegistreerInschrijving';

export interface MagdaService {
  name: MagdaServiceName;
  version: string;
  namespace: string;
  /** Appended to the MAGDA endpoint. */
  path: string;
}

export const SERVICES: Record<MagdaServiceName, MagdaService> = {
  GeefPersoon: {
    name: 'GeefPersoon',
    version: '02.02.0000',
    namespace: 'http://magda.vlaanderen.be/persoon/soap/geefpersoon/v02_02',
    path: '/GeefPersoonDienst-02.02/soap/WebService',
  },
  GeefOnderneming: {
    name: 'GeefOnderneming',
    version: '02.00.0000',
    namespace: 'http://webservice.geefondernemingdienst-02_00.onderneming-02_00.vip.vlaanderen.be',
    path: '/GeefOndernemingDienst-02.00/soap/WebService',
  },
  GeefFuncties: {
    name: 'GeefFuncties',
    version: '02.00.0000',
    namespace: 'http://webservice.geeffunctiesdienst-02_00.onderneming-02_00.vip.vlaanderen.be',
    path: '/GeefFunctiesDienst-02.00/soap/WebService',
  },
  RegistreerInschrijving: {
    name: 'RegistreerInschrijving',
    version: '02.01.0000',
    namespace: 'http://webservice.registreerinschrijvingdienst-02_01.repertorium-02_01.vip.vlaanderen.be',
    path: '/RegistreerInschrijvingDienst-02.01/soap/WebService',
  },
};

export const SOAP_ENVELOPE_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

/** Who we are to MAGDA: the identification and capacity MAGDA gave this application. */
export interface MagdaIdentity {
  /** Afzender/Identificatie, e.g. `vlaio.gebruikersbeheer`. */
  senderId: string;
  /** Afzender/Hoedanigheid: the capacity code under which the services were granted. */
  capacity?: string | undefined;
  /** Ontvanger/Identificatie. */
  recipientId: string;
}

export interface RequestParts {
  service: MagdaService;
  identity: MagdaIdentity;
  /** Unique per call; also the Vraag's Referte. */
  reference: string;
  /** The Brussels date and time of the call. */
  at: { date: string; time: string };
  /** The Vraag's Inhoud, already serialised. */
  inhoud: string;
}

const DSIG_NS = 'http://www.w3.org/2000/09/xmldsig#';
export const SIGNATURE_ALGORITHM = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
export const DIGEST_ALGORITHM = 'http://www.w3.org/2001/04/xmlenc#sha256';
export const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
export const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
/** The body's Id, which the signature's Reference points at. */
export const BODY_ID = 'body';

/** The service element: the body's only child, with the Verzoek unqualified inside it. */
function serviceElement(p: RequestParts): string {
  const afzender =
    el('Identificatie', p.identity.senderId) +
    el('Referte', p.reference) +
    el('Hoedanigheid', p.identity.capacity);
  const context =
    el('Naam', p.service.name) +
    el('Versie', p.service.version) +
    `<Bericht>${el('Type', 'VRAAG')}<Tijdstip>${el('Datum', p.at.date)}${el('Tijd', p.at.time)}</Tijdstip>` +
    `<Afzender>${afzender}</Afzender><Ontvanger>${el('Identificatie', p.identity.recipientId)}</Ontvanger></Bericht>`;
  return (
    `<m:${p.service.name} xmlns:m="${p.service.namespace}"><Verzoek><Context>${context}</Context>` +
    `<Vragen><Vraag>${el('Referte', p.reference)}<Inhoud>${p.inhoud}</Inhoud></Vraag></Vragen></Verzoek>` +
    `</m:${p.service.name}>`
  );
}

export interface SigningKey {
  privateKey: KeyObject;
  /** The certificate's DER, base64: what KeyInfo carries. */
  certificate: string;
}

export function signingKey(tls: { privateKey: string; certificate: string }): SigningKey {
  return {
    privateKey: createPrivateKey(tls.privateKey),
    certificate: new X509Certificate(tls.certificate).raw.toString('base64'),
  };
}

/**
 * The signed request. We write every byte of the body, and write it in its exclusive canonical form
 * already (no whitespace, no self-closing tags, canonical escaping, namespaces declared where used), so
 * its digest is the digest of what we send: the canonical body differs from the sent one only by the
 * envelope's namespace declaration, which canonicalisation carries onto the body element. SignedInfo is
 * written canonically likewise and signed with RSA-SHA256. An independent implementation (xml-crypto, in
 * the MAGDA stand-in and the tests) verifies every signature we make, so this cannot drift unseen.
 */
export function signedRequest(p: RequestParts, key: SigningKey): string {
  const content = serviceElement(p);
  const canonicalBody = `<soapenv:Body xmlns:soapenv="${SOAP_ENVELOPE_NS}" Id="${BODY_ID}">${content}</soapenv:Body>`;
  const digest = createHash('sha256').update(canonicalBody, 'utf8').digest('base64');
  const algorithm = (tag: string, uri: string) => `<ds:${tag} Algorithm="${uri}"></ds:${tag}>`;
  const signedInfo =
    `<ds:SignedInfo xmlns:ds="${DSIG_NS}">${algorithm('CanonicalizationMethod', EXC_C14N)}` +
    `${algorithm('SignatureMethod', SIGNATURE_ALGORITHM)}<ds:Reference URI="#${BODY_ID}"><ds:Transforms>` +
    `${algorithm('Transform', ENVELOPED)}${algorithm('Transform', EXC_C14N)}</ds:Transforms>` +
    `${algorithm('DigestMethod', DIGEST_ALGORITHM)}<ds:DigestValue>${digest}</ds:DigestValue></ds:Reference></ds:SignedInfo>`;
  const signature = createSign('RSA-SHA256').update(signedInfo, 'utf8').sign(key.privateKey, 'base64');
  return (
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENVELOPE_NS}"><soapenv:Header><ds:Signature xmlns:ds="${DSIG_NS}">` +
    `${signedInfo}<ds:SignatureValue>${signature}</ds:SignatureValue><ds:KeyInfo><ds:X509Data>` +
    `<ds:X509Certificate>${key.certificate}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></ds:Signature>` +
    `</soapenv:Header><soapenv:Body Id="${BODY_ID}">${content}</soapenv:Body></soapenv:Envelope>`
  );
}
