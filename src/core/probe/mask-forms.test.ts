import { describe, expect, it } from 'vitest';
import { maskText, maskValue } from './mask-secrets.js';

const secret = 'Kh0a bí/mật&<"x">+!';
const s = { values: [secret], bodyFields: ['SecurityKey'] };

describe('masking every form a server may echo', () => {
  it.each([
    ['as written', secret],
    ['URI component', encodeURIComponent(secret)],
    ['form-encoded', new URLSearchParams({ k: secret }).toString().slice(2)],
    ['lower-case hex', encodeURIComponent(secret).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())],
    ['HTML-escaped', secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')],
    ['base64', Buffer.from(secret).toString('base64')],
    ['base64url', Buffer.from(secret).toString('base64url')],
    ['UTF-8 bytes in hex', Buffer.from(secret).toString('hex')],
    ['UTF-8 bytes in upper-case hex', Buffer.from(secret).toString('hex').toUpperCase()],
    [
      'JSON \\u escapes past ASCII',
      secret.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    ],
    ['upper case', secret.toUpperCase()],
    ['lower case', secret.toLowerCase()],
  ])('%s', (_form, echoed) => {
    const text = `Sai khóa: ${echoed}.`;
    expect(maskText(text, s)).toBe('Sai khóa: ***.');
  });

  it('walks an answer nested 100,000 deep without overflowing, keeping key order', () => {
    let deep: unknown = { echo: secret };
    for (let i = 0; i < 100_000; i++) deep = [deep];
    let out = maskValue(deep, s);
    for (let i = 0; i < 100_000; i++) out = (out as unknown[])[0];
    expect(out).toEqual({ echo: '***' });
    expect(Object.keys(maskValue({ b: 1, a: 2, SecurityKey: 'x', c: [secret] }, s) as object)).toEqual([
      'b',
      'a',
      'SecurityKey',
      'c',
    ]);
    expect(maskValue({ b: 1, securitykey: 'x', c: [secret, 3, null] }, s)).toEqual({
      b: 1,
      securitykey: '***',
      c: ['***', 3, null],
    });
  });
});
