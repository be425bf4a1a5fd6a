import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { currentHintShell, hintArg, quoteArg, shellArg, shellLine } from './shell-arg.js';

/**
 * How cmd.exe and PowerShell hand a pasted argument to a Windows program, reduced to what matters for the forms
 * shellArg writes: the C runtime's rules for double quotes and backslashes (both shells pass a double-quoted word
 * through as typed), plus each shell's own specials outside quotes.
 */
function parsedByProgram(word: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < word.length; i++) {
    const c = word[i];
    if (c === '\\') {
      let n = 0;
      while (word[i + n] === '\\') n++;
      if (word[i + n] === '"') {
        out += '\\'.repeat(Math.floor(n / 2));
        i += n - 1;
        if (n % 2 === 1) {
          out += '"';
          i++;
        }
      } else {
        out += '\\'.repeat(n);
        i += n - 1;
      }
    } else if (c === '"') quoted = !quoted;
    else out += c;
  }
  return out;
}

const CMD_SPECIAL_OUTSIDE_QUOTES = /[&|<>^()%!]/;
const POWERSHELL_SPECIAL_OUTSIDE_QUOTES = /[&|<>();,'"@#{}$`\s]/;

function safeUnquoted(word: string): boolean {
  return !CMD_SPECIAL_OUTSIDE_QUOTES.test(word) && !POWERSHELL_SPECIAL_OUTSIDE_QUOTES.test(word);
}

describe('shellArg', () => {
  it('leaves plain Windows paths and words as they are', () => {
    for (const w of [
      'C:\\HoSo\\mau.xlsx',
      '\\\\may-chu\\chung\\mau.xlsx',
      'Thái_Nguyên',
      '--out',
      'a=b',
      'Z:\\x.doi-chieu.xlsx',
    ])
      expect(shellArg(w)).toBe(w);
  });

  it('quotes paths with spaces, Vietnamese letters and shell punctuation, and the program reads them back', () => {
    const paths = [
      'C:\\Users\\Cán bộ\\Desktop\\bảng mã xã.doi-chieu.xlsx',
      '\\\\srv\\Phòng TN&MT\\hồ sơ (bản 2).xlsx',
      "D:\\O'Brien; a,b @x #1 {y}.xlsx",
      'C:\\Hồ sơ\\',
      'C:\\',
      '',
    ];
    for (const p of paths) {
      const q = shellArg(p);
      expect(q === p ? safeUnquoted(q) : q.startsWith('"') && q.endsWith('"'), q).toBe(true);
      expect(parsedByProgram(q), q).toBe(p);
    }
    expect(shellArg('C:\\Hồ sơ\\')).toBe('"C:\\Hồ sơ\\\\"');
  });

  it('never leaves a word with a special character of either shell unquoted', () => {
    for (const w of ['a b', 'a&b', 'a|b', 'a(b)', 'a;b', 'a,b', "a'b", '@a', '#a', 'a{b}', 'a^b', 'a<b', 'a$b', 'a%b'])
      expect(shellArg(w).startsWith('"'), w).toBe(true);
  });

  it('joins a command line', () => {
    expect(shellLine(['map-communes', 'C:\\Hồ sơ\\bảng mã.xlsx', '--out', 'kq.xlsx'])).toBe(
      'map-communes "C:\\Hồ sơ\\bảng mã.xlsx" --out kq.xlsx',
    );
  });
});

describe('quoteArg for a POSIX shell', () => {
  const hostile = [
    'a$(touch PWNED1)b.xlsx',
    'a`touch PWNED2`b.xlsx',
    "it's.xlsx",
    "''",
    'a b\\c "d" !x *y? [z] {p,q} ~u =v #w &;|<>.xlsx',
    'Hồ sơ tỉnh/bảng mã xã (2).xlsx',
    '-x.xlsx',
    '',
  ];

  it('gives bash back each name as it is, and runs nothing inside it', () => {
    const words = hostile.map((h) => {
      const q = quoteArg(h, 'posix');
      if (!q.ok) throw new Error(h);
      return q.text;
    });
    const dir = process.cwd();
    const out = execFileSync('bash', ['-c', `printf '%s\\0' ${words.join(' ')}`], { cwd: dir, encoding: 'utf8' });
    expect(out.split('\0').slice(0, -1)).toEqual(hostile);
  });

  it('writes a single quote as the shell needs it, and leaves plain words bare', () => {
    expect(quoteArg("it's", 'posix')).toEqual({ ok: true, text: "'it'\\''s'" });
    expect(quoteArg('Bảng_xã-2.xlsx', 'posix')).toEqual({ ok: true, text: 'Bảng_xã-2.xlsx' });
    expect(quoteArg('~/a', 'posix')).toEqual({ ok: true, text: "'~/a'" });
  });

  it('refuses a control character in any shell, and % $ ` " on Windows', () => {
    expect(quoteArg('a\rb', 'posix')).toEqual({ ok: false, why: 'control', chars: '\\x0d' });
    expect(quoteArg('a\u202eb', 'windows')).toEqual({ ok: false, why: 'control', chars: '\\u202e' });
    expect(quoteArg('%PATH%.xlsx', 'windows')).toEqual({ ok: false, why: 'windows', chars: '%' });
    expect(quoteArg('a“b', 'windows')).toEqual({ ok: false, why: 'windows', chars: '\\u201c' });
    expect(quoteArg("C:\\Hồ sơ\\it's.xlsx", 'windows')).toEqual({ ok: true, text: '"C:\\Hồ sơ\\it\'s.xlsx"' });
  });
});

describe('the shell a hint is written for', () => {
  it('is cmd.exe/PowerShell on Windows and a POSIX shell elsewhere', () => {
    expect(currentHintShell('win32')).toBe('windows');
    expect(currentHintShell('linux')).toBe('posix');
    expect(currentHintShell('darwin')).toBe('posix');
  });
});

describe('hintArg: a name inside a hint sentence', () => {
  it('is quoted for the shell, and a name with no safe spelling is shown with those characters spelled out', () => {
    expect(hintArg('Hồ sơ $(x)', 'posix')).toBe("'Hồ sơ $(x)'");
    expect(hintArg('Hồ sơ', 'windows')).toBe('"Hồ sơ"');
    expect(hintArg('a\nb', 'posix')).toBe("'a\\x0ab'");
    expect(hintArg('C:\\100% $x', 'windows')).toBe('"C:\\100\\x25 \\x24x"');
  });
});
