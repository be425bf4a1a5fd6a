/**
 * Transport faults: what went wrong between dvc and the province's server, before any check could run.
 * Each kind has a catalogue message `testApi.fault.<kind>` that names the fault and says how to fix it.
 */
export type FaultKind =
  | 'connRefused'
  | 'dns'
  | 'connReset'
  | 'connectTimeout'
  | 'headersTimeout'
  | 'bodyTimeout'
  | 'tlsMissingIssuer'
  | 'tlsSelfSigned'
  | 'tlsExpired'
  | 'tlsHostname'
  | 'tlsOther'
  | 'tooLarge'
  | 'tooManyRedirects'
  | 'redirectCredential'
  | 'deadline'
  | 'malformed'
  | 'badRedirect'
  | 'proxy'
  | 'other';

export interface Fault {
  kind: FaultKind;
  /** The system or library code as seen (ECONNREFUSED, CERT_HAS_EXPIRED …), for people who search for it. */
  code: string;
  /** The library's own message, already free of secrets (it never holds headers or bodies). */
  detail: string;
}

const BY_CODE: Record<string, FaultKind> = {
  ECONNREFUSED: 'connRefused',
  ENOTFOUND: 'dns',
  EAI_AGAIN: 'dns',
  EAI_FAIL: 'dns',
  EAI_NONAME: 'dns',
  EAI_NODATA: 'dns',
  ECONNRESET: 'connReset',
  EPIPE: 'connReset',
  UND_ERR_SOCKET: 'connReset',
  UND_ERR_CLOSED: 'connReset',
  ECONNABORTED: 'connReset',
  UND_ERR_CONNECT_TIMEOUT: 'connectTimeout',
  ETIMEDOUT: 'connectTimeout',
  UND_ERR_HEADERS_TIMEOUT: 'headersTimeout',
  UND_ERR_BODY_TIMEOUT: 'bodyTimeout',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tlsMissingIssuer',
  UNABLE_TO_GET_ISSUER_CERT: 'tlsMissingIssuer',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tlsMissingIssuer',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tlsSelfSigned',
  SELF_SIGNED_CERT_IN_CHAIN: 'tlsSelfSigned',
  CERT_HAS_EXPIRED: 'tlsExpired',
  CERT_NOT_YET_VALID: 'tlsExpired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tlsHostname',
  EPROTO: 'tlsOther',
  DVC_TOO_LARGE: 'tooLarge',
  UND_ERR_RES_EXCEEDED_MAX_SIZE: 'tooLarge',
  DVC_TOO_MANY_REDIRECTS: 'tooManyRedirects',
  DVC_REDIRECT_CREDENTIAL: 'redirectCredential',
  DVC_DEADLINE: 'deadline',
  UND_ERR_ABORTED: 'other',
  UND_ERR_HEADERS_OVERFLOW: 'malformed',
  UND_ERR_RES_CONTENT_LENGTH_MISMATCH: 'malformed',
  UND_ERR_INFO: 'malformed',
  DVC_BAD_REDIRECT: 'badRedirect',
};

const BY_TEXT: Array<[RegExp, FaultKind]> = [
  [/unable to get local issuer certificate|unable to verify the first certificate/i, 'tlsMissingIssuer'],
  [/self[- ]signed certificate/i, 'tlsSelfSigned'],
  [/certificate has expired|certificate is not yet valid/i, 'tlsExpired'],
  [/Hostname\/IP does not match/i, 'tlsHostname'],
  [/proxy/i, 'proxy'],
];

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

function chain(e: unknown): ErrorLike[] {
  const out: ErrorLike[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 6 && cur && typeof cur === 'object'; i++) {
    const el = cur as ErrorLike;
    out.push(el);
    if (Array.isArray(el.errors))
      for (const sub of el.errors) if (sub && typeof sub === 'object') out.push(sub as ErrorLike);
    cur = el.cause;
  }
  return out;
}

/**
 * llhttp's refusals of a head or body that breaks HTTP/1.1 framing (HPE_INVALID_CHUNK_SIZE, a line end without CR …),
 * named by their code or by undici's HTTPParserError; the detail is the parser's reason in brackets.
 */
function malformedFault(l: ErrorLike, code: string): Fault | undefined {
  const message = String(l.message ?? '');
  if ((l as { name?: unknown }).name === 'HTTPParserError' || /does not match the HTTP\/1\.1 protocol/.test(message)) {
    const reason = /\(([^)]*)\)\s*$/.exec(message)?.[1] ?? message;
    return { kind: 'malformed', code: code || 'HTTPParserError', detail: reason };
  }
  if (code.startsWith('HPE_')) return { kind: 'malformed', code, detail: message || code };
  return undefined;
}

/** Names the fault behind an error thrown by the socket, TLS or undici layer (codes first, then known texts). */
export function classifyFault(e: unknown): Fault {
  const links = chain(e);
  for (const l of links) {
    const code = typeof l.code === 'string' ? l.code : '';
    if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
      return { kind: BY_CODE[code] ?? 'tlsOther', code, detail: String(l.message ?? code) };
    }
    const malformed = malformedFault(l, code);
    if (malformed) return malformed;
    if (code && BY_CODE[code]) return { kind: BY_CODE[code], code, detail: String(l.message ?? code) };
  }
  for (const l of links) {
    const message = typeof l.message === 'string' ? l.message : '';
    for (const [re, kind] of BY_TEXT)
      if (re.test(message)) return { kind, code: typeof l.code === 'string' ? l.code : '', detail: message };
  }
  const first = links[0];
  const code = first && typeof first.code === 'string' ? first.code : '';
  const detail = first && typeof first.message === 'string' ? first.message : String(e);
  return { kind: 'other', code, detail };
}
