import { createHash } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';

/** Raw zip bytes written field by field, so tests can build the archives no honest writer makes. */
export interface RawEntry {
  name: string;
  data: Buffer;
  deflate?: boolean;
  /** Already-deflated bytes of `data` (to reuse one compression for many entries). */
  deflated?: Buffer;
  declaredSize?: number;
  mode?: number;
  /** A different name in the local header than in the central directory. */
  localName?: string;
}

function headers(e: RawEntry, body: Buffer, offset: number): { local: Buffer[]; central: Buffer[] } {
  const name = Buffer.from(e.name, 'utf8');
  const lname = Buffer.from(e.localName ?? e.name, 'utf8');
  const method = e.deflate || e.deflated ? 8 : 0;
  const crc = crc32(e.data);
  const size = e.declaredSize ?? e.data.length;
  const lh = Buffer.alloc(30);
  lh.writeUInt32LE(0x04034b50, 0);
  lh.writeUInt16LE(20, 4);
  lh.writeUInt16LE(0x800, 6);
  lh.writeUInt16LE(method, 8);
  lh.writeUInt32LE(crc, 14);
  lh.writeUInt32LE(body.length, 18);
  lh.writeUInt32LE(size, 22);
  lh.writeUInt16LE(lname.length, 26);
  const ch = Buffer.alloc(46);
  ch.writeUInt32LE(0x02014b50, 0);
  ch.writeUInt16LE((3 << 8) | 20, 4);
  ch.writeUInt16LE(20, 6);
  ch.writeUInt16LE(0x800, 8);
  ch.writeUInt16LE(method, 10);
  ch.writeUInt32LE(crc, 16);
  ch.writeUInt32LE(body.length, 20);
  ch.writeUInt32LE(size, 24);
  ch.writeUInt16LE(name.length, 28);
  ch.writeUInt32LE(((e.mode ?? 0o100644) << 16) >>> 0, 38);
  ch.writeUInt32LE(offset, 42);
  return { local: [lh, lname, body], central: [ch, name] };
}

function endRecords(count: number, cdSize: number, cdOffset: number): Buffer {
  const parts: Buffer[] = [];
  const z64 = count >= 0xffff;
  if (z64) {
    const z = Buffer.alloc(56);
    z.writeUInt32LE(0x06064b50, 0);
    z.writeBigUInt64LE(44n, 4);
    z.writeUInt16LE(45, 12);
    z.writeUInt16LE(45, 14);
    z.writeBigUInt64LE(BigInt(count), 24);
    z.writeBigUInt64LE(BigInt(count), 32);
    z.writeBigUInt64LE(BigInt(cdSize), 40);
    z.writeBigUInt64LE(BigInt(cdOffset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8);
    loc.writeUInt32LE(1, 16);
    parts.push(z, loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(z64 ? 0xffff : count, 8);
  end.writeUInt16LE(z64 ? 0xffff : count, 10);
  end.writeUInt32LE(cdSize, 12);
  end.writeUInt32LE(cdOffset, 16);
  parts.push(end);
  return Buffer.concat(parts);
}

export function rawZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = e.deflated ?? (e.deflate ? deflateRawSync(e.data) : e.data);
    const h = headers(e, body, offset);
    locals.push(...h.local);
    centrals.push(...h.central);
    offset += h.local.reduce((n, b) => n + b.length, 0);
  }
  const cd = Buffer.concat(centrals);
  return Buffer.concat([...locals, cd, endRecords(entries.length, cd.length, offset)]);
}

/** A minimal valid bag (root level, or under `base`) plus extra raw entries. */
export function bagEntries(extra: RawEntry[], base = ''): RawEntry[] {
  const payload = Buffer.from('xin chào\n');
  const sha = createHash('sha256').update(payload).digest('hex');
  return [
    { name: `${base}bagit.txt`, data: Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') },
    { name: `${base}bag-info.txt`, data: Buffer.from(`Payload-Oxum: ${payload.length}.1\n`) },
    { name: `${base}manifest-sha256.txt`, data: Buffer.from(`${sha}  data/a.txt\n`) },
    { name: `${base}data/a.txt`, data: payload },
    ...extra,
  ];
}
