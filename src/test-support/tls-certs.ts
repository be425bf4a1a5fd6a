import { generateKeyPairSync } from 'node:crypto';
import forge from 'node-forge';

/**
 * A small PKI made inside the tests (Node has no X.509 creation API): a root CA, an intermediate CA and leaf
 * certificates for 127.0.0.1/localhost — good, expired, for the wrong host name — plus a self-signed one.
 * Keys come from node:crypto (fast); node-forge only builds and signs the certificates.
 */
export interface TestPki {
  rootPem: string;
  intermediatePem: string;
  key: string;
  /** Leaf + intermediate: what a correctly configured server sends. */
  goodChain: string;
  /** The leaf alone: a server that forgot its intermediate certificate. */
  leafOnly: string;
  expiredChain: string;
  wrongHostChain: string;
  selfSigned: string;
  /** Leaf expiring in 10 days (a warning, not a failure). */
  soonChain: string;
}

function newKey(): { pem: string; forgeKey: forge.pki.rsa.PrivateKey; forgePub: forge.pki.rsa.PublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return {
    pem: privateKey,
    forgeKey: forge.pki.privateKeyFromPem(privateKey),
    forgePub: forge.pki.publicKeyFromPem(publicKey),
  };
}

let serial = 1;

interface CertOptions {
  cn: string;
  publicKey: forge.pki.rsa.PublicKey;
  signer: forge.pki.rsa.PrivateKey;
  issuer?: forge.pki.Certificate;
  ca?: boolean;
  notBefore?: Date;
  notAfter?: Date;
  altNames?: Array<{ type: number; value?: string; ip?: string }>;
}

function makeCert(o: CertOptions): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.publicKey = o.publicKey;
  cert.serialNumber = (serial++).toString(16).padStart(2, '0');
  const day = 86_400_000;
  cert.validity.notBefore = o.notBefore ?? new Date(Date.now() - day);
  cert.validity.notAfter = o.notAfter ?? new Date(Date.now() + 365 * day);
  const subject = [
    { name: 'commonName', value: o.cn },
    { name: 'organizationName', value: 'dvc test' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(o.issuer ? o.issuer.subject.attributes : subject);
  const ext: object[] = [{ name: 'basicConstraints', cA: Boolean(o.ca), critical: true }];
  if (o.ca) ext.push({ name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true });
  else
    ext.push(
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
    );
  if (o.altNames) ext.push({ name: 'subjectAltName', altNames: o.altNames });
  ext.push({ name: 'subjectKeyIdentifier' });
  cert.setExtensions(ext);
  cert.sign(o.signer, forge.md.sha256.create());
  return cert;
}

const pem = (c: forge.pki.Certificate) => forge.pki.certificateToPem(c);

export function makeTestPki(): TestPki {
  const rootKey = newKey();
  const interKey = newKey();
  const leafKey = newKey();
  const root = makeCert({ cn: 'dvc test root CA', publicKey: rootKey.forgePub, signer: rootKey.forgeKey, ca: true });
  const inter = makeCert({
    cn: 'dvc test intermediate CA',
    publicKey: interKey.forgePub,
    signer: rootKey.forgeKey,
    issuer: root,
    ca: true,
  });
  const local = [
    { type: 2, value: 'localhost' },
    { type: 7, ip: '127.0.0.1' },
  ];
  const leaf = (cn: string, altNames = local, notBefore?: Date, notAfter?: Date) =>
    makeCert({
      cn,
      publicKey: leafKey.forgePub,
      signer: interKey.forgeKey,
      issuer: inter,
      altNames,
      notBefore,
      notAfter,
    });
  const day = 86_400_000;
  const good = leaf('localhost');
  const expired = leaf('localhost', local, new Date(Date.now() - 400 * day), new Date(Date.now() - 2 * day));
  const wrong = leaf('wrong.example', [{ type: 2, value: 'wrong.example' }]);
  const soon = leaf('localhost', local, undefined, new Date(Date.now() + 10 * day + 3_600_000));
  const self = makeCert({ cn: 'localhost', publicKey: leafKey.forgePub, signer: leafKey.forgeKey, altNames: local });
  const interPem = pem(inter);
  return {
    rootPem: pem(root),
    intermediatePem: interPem,
    key: leafKey.pem,
    goodChain: pem(good) + interPem,
    leafOnly: pem(good),
    expiredChain: pem(expired) + interPem,
    wrongHostChain: pem(wrong) + interPem,
    selfSigned: pem(self),
    soonChain: pem(soon) + interPem,
  };
}
