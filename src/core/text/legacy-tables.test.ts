import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { TCVN3_TO_UNICODE } from './legacy-tables.js';

/** iconv-lite's reading of one TCVN3 byte, in NFC. */
const tcvn = (byte: number) => iconv.decode(Buffer.from([byte]), 'tcvn').normalize('NFC');

describe('the TCVN3 table', () => {
  it('agrees with iconv-lite’s tcvn codec on every byte it maps', () => {
    for (const [ch, unicode] of TCVN3_TO_UNICODE) {
      const byte = ch.charCodeAt(0);
      expect(tcvn(byte), `0x${byte.toString(16)}`).toBe(unicode);
    }
  });

  it('leaves out only what VN3 fonts do not have: upper-case toned vowels and bare combining tones', () => {
    const left: string[] = [];
    for (let byte = 0xa1; byte <= 0xff; byte++) {
      if (TCVN3_TO_UNICODE.has(String.fromCharCode(byte))) continue;
      left.push(tcvn(byte));
    }
    const combining = left.filter((c) => /^\p{M}$/u.test(c));
    const upperToned = left.filter((c) => c !== c.toLowerCase() && c.normalize('NFD').length > 1);
    expect(combining).toHaveLength(5);
    expect(upperToned.length + combining.length).toBe(left.length);
    // Decoding those bytes as lower case (what .VnTimeH fonts draw as capitals) is the table's choice.
    for (const c of upperToned) expect([...TCVN3_TO_UNICODE.values()]).toContain(c.toLowerCase());
  });
});
