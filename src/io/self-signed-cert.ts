import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';

export interface SelfSignedCert {
  /** PEM of the certificate: give it to clients as their CA (`dvc test-api --ca`). */
  cert: string;
  key: string;
}

/**
 * A self-signed certificate for the mock server, valid 397 days (no 'expires soon' warning in test-api) for localhost, 127.0.0.1, ::1 and the listening
 * host. Node 20 cannot create X.509 certificates, so node-forge builds and signs it; the RSA key comes from
 * node:crypto (native and fast). It is marked as a CA so it can be the trust anchor itself.
 */
export async function makeSelfSignedCert(host: string): Promise<SelfSignedCert> {
  const { default: forge } = await import('node-forge');
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = '01' + randomBytes(8).toString('hex');
  const now = Date.now();
  cert.validity.notBefore = new Date(now - 60_000);
  cert.validity.notAfter = new Date(now + 397 * 86_400_000);
  const attrs = [
    { name: 'commonName', value: 'dvc mock-api' },
    { name: 'organizationName', value: 'dvc' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  const altNames: Array<{ type: number; value?: string; ip?: string }> = [
    { type: 2, value: 'localhost' },
    { type: 7, ip: '127.0.0.1' },
    { type: 7, ip: '::1' },
  ];
  if (isIP(host) && host !== '127.0.0.1' && host !== '::1' && host !== '0.0.0.0' && host !== '::')
    altNames.push({ type: 7, ip: host });
  else if (!isIP(host) && host !== 'localhost') altNames.push({ type: 2, value: host });
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: privateKey };
}
