import { FILE_LIMITS, readBoundedText, readInputText } from '../bounded-file.js';
import { rootCertificates } from 'node:tls';
import { DvcError, ExitCode } from '../../errors.js';

/**
 * The CA list for a probe. Without --ca, undefined: Node's own store, which already holds NODE_EXTRA_CA_CERTS.
 * With --ca, Node would replace its store by the file, so the public roots and NODE_EXTRA_CA_CERTS are added back
 * and the file's certificates (a private root, or a server's missing intermediate) come on top.
 */
export async function loadTrust(caFiles: readonly string[], env: NodeJS.ProcessEnv): Promise<string[] | undefined> {
  if (caFiles.length === 0) return undefined;
  const out = [...rootCertificates];
  const extra = env.NODE_EXTRA_CA_CERTS;
  if (extra) {
    const text = await readBoundedText(extra, FILE_LIMITS.ca).catch(() => null);
    if (text) out.push(...splitPem(text));
  }
  for (const f of caFiles) {
    const text = await readInputText(
      f,
      FILE_LIMITS.ca,
      (e) => new DvcError('testApi.caUnreadable', { file: f, reason: e.code ?? 'EIO' }, ExitCode.Usage),
    );
    const certs = splitPem(text);
    if (certs.length === 0) throw new DvcError('testApi.caNoCert', { file: f }, ExitCode.Usage);
    out.push(...certs);
  }
  return out;
}

export function splitPem(text: string): string[] {
  return text.replace(/\r\n/g, '\n').match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
}
