/**
 * Transport faults: what went wrong between dvc and the province's server, before any check could run.
 * Each kind has a catalogue message `testApi.fault.<kind>` that names the fault and says how to fix it.
 */
export const FAULT_KINDS = [
  'connRefused',
  'dns',
  'connReset',
  'closedBeforeAnswer',
  'closedMidAnswer',
  'connectTimeout',
  'headersTimeout',
  'bodyTimeout',
  'tlsMissingIssuer',
  'tlsUnknownCa',
  'tlsSelfSigned',
  'tlsExpired',
  'tlsHostname',
  'tlsNotTls',
  'tlsVersion',
  'tlsHandshakeClosed',
  'tlsOther',
  'tooLarge',
  'tooManyRedirects',
  'redirectCredential',
  'deadline',
  'malformed',
  'badRedirect',
  'proxyUnreachable',
  'proxyAuth',
  'proxyBadGateway',
  'proxyRefused',
  'proxy',
  'other',
] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  kind: FaultKind;
  /** The system or library code as seen (ECONNREFUSED, CERT_HAS_EXPIRED …), for people who search for it. */
  code: string;
  /**
   * The library's own message (OpenSSL's, undici's: English), already free of secrets (it never holds headers or
   * bodies). Never part of a catalogue message: shown only with --verbose, and in JSON as `detail`.
   */
  detail: string;
  /** The status a proxy answered CONNECT with (proxyAuth, proxyBadGateway, proxyRefused). */
  status?: number;
  /** The proxy the request went through (its origin, without credentials). */
  via?: string;
}

/** What the exchange knew when it failed, for the faults the error alone cannot name. */
export interface FaultContext {
  /** The request went through a proxy: every connection dvc itself opened was to the proxy. */
  viaProxy?: boolean;
  /** The answer's head had arrived. */
  headersSeen?: boolean;
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
  ECONNABORTED: 'connReset',
  UND_ERR_SOCKET: 'closedBeforeAnswer',
  UND_ERR_CLOSED: 'closedBeforeAnswer',
  UND_ERR_CONNECT_TIMEOUT: 'connectTimeout',
  ETIMEDOUT: 'connectTimeout',
  UND_ERR_HEADERS_TIMEOUT: 'headersTimeout',
  UND_ERR_BODY_TIMEOUT: 'bodyTimeout',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'tlsUnknownCa',
  UNABLE_TO_GET_ISSUER_CERT: 'tlsUnknownCa',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'tlsMissingIssuer',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'tlsSelfSigned',
  SELF_SIGNED_CERT_IN_CHAIN: 'tlsSelfSigned',
  CERT_HAS_EXPIRED: 'tlsExpired',
  CERT_NOT_YET_VALID: 'tlsExpired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'tlsHostname',
  // TLS spoken to a port that answers in plain HTTP (or another protocol).
  ERR_SSL_WRONG_VERSION_NUMBER: 'tlsNotTls',
  ERR_SSL_PACKET_LENGTH_TOO_LONG: 'tlsNotTls',
  ERR_SSL_HTTP_REQUEST: 'tlsNotTls',
  // No TLS version or cipher both sides accept (a server stuck on TLS 1.0/1.1 or old ciphers).
  ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: 'tlsVersion',
  ERR_SSL_UNSUPPORTED_PROTOCOL: 'tlsVersion',
  ERR_SSL_NO_PROTOCOLS_AVAILABLE: 'tlsVersion',
  ERR_SSL_WRONG_SSL_VERSION: 'tlsVersion',
  ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'tlsVersion',
  ERR_SSL_NO_SHARED_CIPHER: 'tlsVersion',
  ERR_SSL_NO_CIPHERS_AVAILABLE: 'tlsVersion',
  ERR_SSL_UNSAFE_LEGACY_RENEGOTIATION_DISABLED: 'tlsVersion',
  ERR_SSL_DH_KEY_TOO_SMALL: 'tlsVersion',
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
  [/unable to get local issuer certificate/i, 'tlsUnknownCa'],
  [/unable to verify the first certificate/i, 'tlsMissingIssuer'],
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

/** undici's refusal of a CONNECT tunnel: `Proxy response (407) !== 200 when HTTP Tunneling`. */
const PROXY_STATUS = /^Proxy response \((\d{3})\)/;

function proxyAnswer(links: ErrorLike[]): Fault | undefined {
  for (const l of links) {
    const message = typeof l.message === 'string' ? l.message : '';
    const m = PROXY_STATUS.exec(message);
    if (!m) continue;
    const status = Number(m[1]);
    const kind: FaultKind =
      status === 407
        ? 'proxyAuth'
        : status === 502 || status === 503 || status === 504
          ? 'proxyBadGateway'
          : 'proxyRefused';
    return { kind, code: `PROXY_${status}`, detail: message, status };
  }
  return undefined;
}

/** Texts that name a fault better than their code: a TLS connection closed before its handshake ended is ECONNRESET. */
const BEFORE_CODES: Array<[RegExp, FaultKind]> = [
  [/before secure TLS connection was established/i, 'tlsHandshakeClosed'],
];

const codeOf = (l: ErrorLike): string => (typeof l.code === 'string' ? l.code : '');
const textOf = (l: ErrorLike): string => (typeof l.message === 'string' ? l.message : '');

function byText(links: ErrorLike[], table: Array<[RegExp, FaultKind]>): Fault | undefined {
  for (const l of links)
    for (const [re, kind] of table) if (re.test(textOf(l))) return { kind, code: codeOf(l), detail: textOf(l) };
  return undefined;
}

function byCode(links: ErrorLike[]): Fault | undefined {
  for (const l of links) {
    const code = codeOf(l);
    if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'))
      return { kind: BY_CODE[code] ?? 'tlsOther', code, detail: String(l.message ?? code) };
    const malformed = malformedFault(l, code);
    if (malformed) return malformed;
    if (code && BY_CODE[code]) return { kind: BY_CODE[code], code, detail: String(l.message ?? code) };
  }
  return undefined;
}

/**
 * Names the fault behind an error thrown by the socket, TLS or undici layer (codes first, then known texts), with
 * what the exchange knew: through a proxy, a refused or unresolved connection is the proxy's; a connection the
 * server closed is closed before or in the middle of its answer.
 */
export function classifyFault(e: unknown, ctx: FaultContext = {}): Fault {
  const links = chain(e);
  const fault = proxyAnswer(links) ?? classifyLinks(e, links);
  if (ctx.viaProxy && (fault.kind === 'connRefused' || fault.kind === 'dns' || fault.kind === 'connectTimeout'))
    return { ...fault, kind: 'proxyUnreachable' };
  if (fault.kind === 'closedBeforeAnswer' && ctx.headersSeen) return { ...fault, kind: 'closedMidAnswer' };
  return fault;
}

function classifyLinks(e: unknown, links: ErrorLike[]): Fault {
  const named = byText(links, BEFORE_CODES) ?? byCode(links) ?? byText(links, BY_TEXT);
  if (named) return named;
  const first = links[0];
  return {
    kind: 'other',
    code: first ? codeOf(first) : '',
    detail: first && textOf(first) ? textOf(first) : String(e),
  };
}
