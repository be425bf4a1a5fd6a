import { dosDateTimeUtc, unixSeconds } from './dos-time.js';

/**
 * The byte records of a zip file (APPNOTE 6.3.x): local header, data descriptor, central directory header,
 * zip64 end records and the end of central directory. Entries are streamed with general-purpose bit 3
 * (sizes and CRC in a data descriptor after the data), names are UTF-8 (bit 11).
 */
export const METHOD_STORE = 0;
export const METHOD_DEFLATE = 8;
export const U32_MAX = 0xffffffff;
const FLAGS = (1 << 3) | (1 << 11);
/** "Made by" UNIX (3), spec 4.5: external attributes then carry a mode, identical on every host. */
const MADE_BY = (3 << 8) | 45;
const REGULAR_FILE_0644 = (0o100644 << 16) >>> 0;

export interface EntryHeader {
  name: Buffer;
  method: number;
  mtimeMs: number;
  zip64: boolean;
}

export interface EntryTotals {
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

function extTime(mtimeMs: number): Buffer {
  const b = Buffer.alloc(9);
  b.writeUInt16LE(0x5455, 0);
  b.writeUInt16LE(5, 2);
  b.writeUInt8(1, 4);
  b.writeUInt32LE(unixSeconds(mtimeMs), 5);
  return b;
}

export function localHeader(h: EntryHeader): Buffer {
  const { date, time } = dosDateTimeUtc(h.mtimeMs);
  // A zip64 entry announces itself in the local header with an empty zip64 field, so that a streaming
  // reader expects 8-byte sizes in the data descriptor.
  const z64 = h.zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
  if (h.zip64) {
    z64.writeUInt16LE(0x0001, 0);
    z64.writeUInt16LE(16, 2);
  }
  const extra = Buffer.concat([z64, extTime(h.mtimeMs)]);
  const b = Buffer.alloc(30);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(h.zip64 ? 45 : 20, 4);
  b.writeUInt16LE(FLAGS, 6);
  b.writeUInt16LE(h.method, 8);
  b.writeUInt16LE(time, 10);
  b.writeUInt16LE(date, 12);
  // crc, sizes: 0, they follow in the data descriptor (bit 3)
  b.writeUInt16LE(h.name.length, 26);
  b.writeUInt16LE(extra.length, 28);
  return Buffer.concat([b, h.name, extra]);
}

export function dataDescriptor(zip64: boolean, t: EntryTotals): Buffer {
  const b = Buffer.alloc(zip64 ? 24 : 16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(t.crc >>> 0, 4);
  if (zip64) {
    b.writeBigUInt64LE(BigInt(t.compressedSize), 8);
    b.writeBigUInt64LE(BigInt(t.size), 16);
  } else {
    b.writeUInt32LE(t.compressedSize, 8);
    b.writeUInt32LE(t.size, 12);
  }
  return b;
}

export function centralHeader(h: EntryHeader, t: EntryTotals): Buffer {
  const { date, time } = dosDateTimeUtc(h.mtimeMs);
  const big = (n: number) => h.zip64 || n >= U32_MAX;
  const z64Fields: bigint[] = [];
  if (big(t.size)) z64Fields.push(BigInt(t.size));
  if (big(t.compressedSize)) z64Fields.push(BigInt(t.compressedSize));
  if (big(t.offset)) z64Fields.push(BigInt(t.offset));
  let z64 = Buffer.alloc(0);
  if (z64Fields.length > 0) {
    z64 = Buffer.alloc(4 + 8 * z64Fields.length);
    z64.writeUInt16LE(0x0001, 0);
    z64.writeUInt16LE(8 * z64Fields.length, 2);
    z64Fields.forEach((v, i) => z64.writeBigUInt64LE(v, 4 + 8 * i));
  }
  const extra = Buffer.concat([z64, extTime(h.mtimeMs)]);
  const b = Buffer.alloc(46);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(MADE_BY, 4);
  b.writeUInt16LE(h.zip64 || z64Fields.length > 0 ? 45 : 20, 6);
  b.writeUInt16LE(FLAGS, 8);
  b.writeUInt16LE(h.method, 10);
  b.writeUInt16LE(time, 12);
  b.writeUInt16LE(date, 14);
  b.writeUInt32LE(t.crc >>> 0, 16);
  b.writeUInt32LE(big(t.compressedSize) ? U32_MAX : t.compressedSize, 20);
  b.writeUInt32LE(big(t.size) ? U32_MAX : t.size, 24);
  b.writeUInt16LE(h.name.length, 28);
  b.writeUInt16LE(extra.length, 30);
  // comment length 0, disk 0, internal attributes 0
  b.writeUInt32LE(REGULAR_FILE_0644, 38);
  b.writeUInt32LE(big(t.offset) ? U32_MAX : t.offset, 42);
  return Buffer.concat([b, h.name, extra]);
}

export interface CentralDirectory {
  entries: number;
  size: number;
  offset: number;
  /** Force the zip64 end records (tests); otherwise written only when a count or offset overflows. */
  zip64: boolean;
}

export function endRecords(cd: CentralDirectory): Buffer {
  const need64 = cd.zip64 || cd.entries >= 0xffff || cd.size >= U32_MAX || cd.offset >= U32_MAX;
  const parts: Buffer[] = [];
  if (need64) {
    const z = Buffer.alloc(56);
    z.writeUInt32LE(0x06064b50, 0);
    z.writeBigUInt64LE(44n, 4);
    z.writeUInt16LE(MADE_BY, 12);
    z.writeUInt16LE(45, 14);
    // disk numbers 0
    z.writeBigUInt64LE(BigInt(cd.entries), 24);
    z.writeBigUInt64LE(BigInt(cd.entries), 32);
    z.writeBigUInt64LE(BigInt(cd.size), 40);
    z.writeBigUInt64LE(BigInt(cd.offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(cd.offset + cd.size), 8);
    loc.writeUInt32LE(1, 16);
    parts.push(z, loc);
  }
  const e = Buffer.alloc(22);
  e.writeUInt32LE(0x06054b50, 0);
  e.writeUInt16LE(need64 ? 0xffff : cd.entries, 8);
  e.writeUInt16LE(need64 ? 0xffff : cd.entries, 10);
  e.writeUInt32LE(need64 ? U32_MAX : cd.size, 12);
  e.writeUInt32LE(need64 ? U32_MAX : cd.offset, 16);
  parts.push(e);
  return Buffer.concat(parts);
}
