import { describe, expect, it } from 'vitest';
import { escapeForTerminal, escapeParamsForTerminal } from './terminal-safe.js';

describe('escapeForTerminal', () => {
  it('shows escape sequences, bells, carriage returns and bidi overrides as visible text', () => {
    expect(escapeForTerminal('MX\u001b[2J\u001b]0;pwned\u0007 CQT')).toBe('MX\\x1b[2J\\x1b]0;pwned\\x07 CQT');
    expect(escapeForTerminal('a\rb\u0000c\u009bd')).toBe('a\\x0db\\x00c\\x9bd');
    expect(escapeForTerminal('x\u202eslx.exe')).toBe('x\\u202eslx.exe');
  });

  it('leaves Vietnamese text, tabs and line feeds as they are', () => {
    const s = 'Phường Phúc Xá\tTỉnh Thái Nguyên\nĐắk Lắk';
    expect(escapeForTerminal(s)).toBe(s);
  });

  it('escapes only string parameters', () => {
    expect(escapeParamsForTerminal({ sheet: 'A\u001bB', max: 3 })).toEqual({ sheet: 'A\\x1bB', max: 3 });
  });
});
