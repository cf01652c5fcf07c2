/**
 * XML for the MAGDA adapters: escaping what we write, and a strict reading of what comes back. A
 * response is checked for well-formedness first (fast-xml-parser's validator: a truncated or garbled
 * answer must never be read as "no legal representatives"), refused when it declares a DTD (SOAP allows
 * none, and that shuts out entity tricks), then read with namespace prefixes dropped and every element
 * as a list, so navigation never has to guess whether one or many came.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  '#text'?: string;
  [name: string]: XmlElement[] | string | undefined;
}

export class MalformedXmlError extends Error {
  override name = 'MalformedXmlError';
}

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  alwaysCreateTextNode: true,
  ignoreDeclaration: true,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});

export function parseXml(xml: string): XmlElement {
  if (/<!DOCTYPE/i.test(xml)) throw new MalformedXmlError('a DTD is not allowed');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new MalformedXmlError(`not well-formed (${valid.err.code})`);
  return parser.parse(xml) as XmlElement;
}

/** The first child element with this local name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  const list = el?.[name];
  return Array.isArray(list) ? list[0] : undefined;
}

export function children(el: XmlElement | undefined, name: string): XmlElement[] {
  const list = el?.[name];
  return Array.isArray(list) ? list : [];
}

/** Follows a path of local names, taking the first match at each step. */
export function path(el: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = el;
  for (const name of names) current = child(current, name);
  return current;
}

/** The text of an element ('' when absent or empty). */
export function text(el: XmlElement | undefined): string {
  const t = el?.['#text'];
  return typeof t === 'string' ? t : '';
}

export function attr(el: XmlElement | undefined, name: string): string | undefined {
  const a = el?.[`@${name}`];
  return typeof a === 'string' ? a : undefined;
}

// Escaping as canonical XML writes it, so what we write is already canonical (envelope.ts signs it).
const TEXT: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#xD;' };
const ATTRIBUTE: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '"': '&quot;',
  '\t': '&#x9;',
  '\n': '&#xA;',
  '\r': '&#xD;',
};

/** Element text, escaped. */
export function esc(value: string): string {
  return value.replace(/[&<>\r]/g, (c) => TEXT[c] ?? c);
}

/** An attribute value (in double quotes), escaped. */
export function escAttr(value: string): string {
  return value.replace(/[&<"\t\n\r]/g, (c) => ATTRIBUTE[c] ?? c);
}

/** `<name>value</name>`, escaped; nothing for an undefined value. */
export function el(name: string, value: string | undefined): string {
  return value === undefined ? '' : `<${name}>${esc(value)}</${name}>`;
}
