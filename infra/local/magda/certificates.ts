/**
 * The local MAGDA stand-in's certificates: a CA made here, a server certificate for localhost and a
 * client certificate for Gebruikersbeheer, both signed by that CA, as MAGDA's own PKI would issue them.
 * Generated once into `.data/magda/` (owner-only keys) and kept; without a data directory (tests) they
 * live in memory and in a temporary file for the adapter. The client side is written as the same JSON
 * the Secrets Manager secret holds in AWS (`certificate`, `privateKey`, `ca`), so the adapter reads both
 * alike.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';

export interface MagdaCertificates {
  ca: string;
  server: { certificate: string; privateKey: string };
  client: { certificate: string; privateKey: string };
  /** The JSON file the adapter reads (MAGDA_CERTIFICATE_FILE). */
  clientFile: string;
}

interface Issued {
  certificate: string;
  privateKey: string;
}

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    forgePrivate: forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    forgePublic: forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString()),
  };
}

function certificate(options: {
  commonName: string;
  publicKey: forge.pki.PublicKey;
  signer: forge.pki.PrivateKey;
  issuer?: forge.pki.Certificate;
  extensions: object[];
}): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = options.publicKey;
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 24 * 3_600_000);
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 24 * 3_600_000);
  const subject = [
    { name: 'commonName', value: options.commonName },
    { name: 'organizationName', value: 'Gebruikersbeheer (lokaal)' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(options.issuer ? options.issuer.subject.attributes : subject);
  cert.setExtensions(options.extensions);
  cert.sign(options.signer as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return cert;
}

/** A CA, and server and client certificates signed by it. */
export function issueCertificates(): Omit<MagdaCertificates, 'clientFile'> {
  const caKeys = keyPair();
  const ca = certificate({
    commonName: 'MAGDA stand-in CA',
    publicKey: caKeys.forgePublic,
    signer: caKeys.forgePrivate,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const issue = (commonName: string, extensions: object[]): Issued => {
    const keys = keyPair();
    const cert = certificate({
      commonName,
      publicKey: keys.forgePublic,
      signer: caKeys.forgePrivate,
      issuer: ca,
      extensions,
    });
    return { certificate: forge.pki.certificateToPem(cert), privateKey: keys.privatePem };
  };
  return {
    ca: forge.pki.certificateToPem(ca),
    server: issue('localhost', [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ]),
    client: issue('gebruikersbeheer.lokaal', [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', clientAuth: true },
    ]),
  };
}

async function writeClientFile(file: string, certs: Omit<MagdaCertificates, 'clientFile'>): Promise<void> {
  const json = { certificate: certs.client.certificate, privateKey: certs.client.privateKey, ca: certs.ca };
  await writeFile(file, `${JSON.stringify(json, null, 2)}\n`, { mode: 0o600 });
}

/** The certificates of this data directory (made on first use), or fresh ones in a temporary directory. */
export async function magdaCertificates(dataDir: string | undefined): Promise<MagdaCertificates> {
  if (!dataDir) {
    const certs = issueCertificates();
    const clientFile = join(await mkdtemp(join(tmpdir(), 'gebruikersbeheer-magda-')), 'client.json');
    await writeClientFile(clientFile, certs);
    return { ...certs, clientFile };
  }
  const dir = join(dataDir, 'magda');
  const stored = join(dir, 'stand-in.json');
  const clientFile = join(dir, 'client.json');
  try {
    const certs = JSON.parse(await readFile(stored, 'utf8')) as Omit<MagdaCertificates, 'clientFile'>;
    return { ...certs, clientFile };
  } catch {
    await mkdir(dir, { recursive: true });
    const certs = issueCertificates();
    await writeFile(stored, `${JSON.stringify(certs, null, 2)}\n`, { mode: 0o600 });
    await writeClientFile(clientFile, certs);
    return { ...certs, clientFile };
  }
}
