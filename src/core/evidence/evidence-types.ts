import type { TestApiResult } from './test-api-result.js';

/** The two support requests of Appendix 1 of 3252/VPCP-KSTT: step 2 (configure the URLs) and step 5 (confirm). */
export const REQUEST_KINDS = ['cau-hinh', 'xac-nhan'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export type Severity = 'error' | 'warning';

/** A message to render later: a catalogue key and its parameters. */
export interface EvidenceMsg {
  key: string;
  params?: Record<string, string | number>;
}

/**
 * The words of a message key in one language, handed down by the cli: core and app produce keys and parameters,
 * and where a file dvc writes needs words (the bag's index page, bag-info.txt), the cli passes this in.
 */
export type Say = (key: string, params?: Record<string, string | number>) => string;

/** One line of `dvc evidence check`: a required or advised item, whether it holds, and how to fix it. */
export interface CheckItem {
  id: string;
  ok: boolean;
  severity: Severity;
  message: EvidenceMsg;
  /** How to fix it; absent when the item holds. */
  fix?: EvidenceMsg;
}

/** The metadata of an evidence folder (`evidence.yaml`); every field may be missing until the officer fills it in. */
export interface EvidenceMeta {
  unitName?: string;
  province?: string;
  dst?: string;
  email?: string;
  contactName?: string;
  contactPhone?: string;
  dossierCode?: string;
  /** Date of the test payment, YYYY-MM-DD. */
  testDate?: string;
  /** API type id → URL. */
  apis: Record<string, string>;
  /** API types evidence.yaml names, a blank URL included (a request that names a type needs its URL). */
  namedApis?: string[];
}

/** What a small text file holds that check and pack need (core/evidence/text-facts.ts). */
export interface TextFacts {
  /** JSON parses, XML is well formed (true for other text). */
  wellFormed: boolean;
  results: TestApiResult[];
  /** Personal names found in it (values of HoTenNguoiNopTien, TEN_NNT …). */
  names: string[];
}

/** What a file turned out to be, from its first and last bytes. */
export type FileKind = 'png' | 'jpeg' | 'pdf' | 'mp4' | 'webm' | 'xml' | 'json' | 'text' | 'other';

/** One file of the evidence folder as the io layer read it: never its whole content, except small JSON/XML/text. */
export interface ScannedFile {
  /** Path relative to the evidence folder, `/`-separated, NFC. */
  rel: string;
  size: number;
  /** Up to the first 64 bytes. */
  head: Uint8Array;
  /** Up to the last 1024 bytes; empty when `facts` are given (the text tells whether the file is whole). */
  tail: Uint8Array;
  /** Whole text of a small JSON, XML or text file (UTF-8), else undefined (tests give it; the io layer gives facts). */
  text?: string;
  /** What the io layer learnt from the text of a small JSON, XML or text file before letting it go. */
  facts?: TextFacts;
  /** A symbolic link or something other than a regular file: never followed. */
  notRegular?: boolean;
  /**
   * The file's check item id, `file.<rel>`, when the reader made it: `rel` is then a slice of it, so that a folder
   * of ten thousand long names holds each name once (else the id is made from `rel`, a second copy).
   */
  itemId?: string;
}
