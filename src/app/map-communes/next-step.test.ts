import { describe, expect, it } from 'vitest';
import { nextRoundPath, nextStepCommand, pathArg as shellArg, reviewStepCommand } from './next-step.js';

describe('the next-step command', () => {
  it('quotes only what a shell would split or expand, the same way for cmd.exe, PowerShell and bash', () => {
    expect(shellArg('tinh.xlsx')).toBe('tinh.xlsx');
    expect(shellArg('C:\\Users\\can-bo\\Bảng_xã.xlsx')).toBe('C:\\Users\\can-bo\\Bảng_xã.xlsx');
    expect(shellArg('D:\\Tích hợp\\bảng xã.xlsx')).toBe('"D:\\Tích hợp\\bảng xã.xlsx"');
    expect(shellArg('a&b.xlsx')).toBe('"a&b.xlsx"');
    expect(shellArg('(1).xlsx')).toBe('"(1).xlsx"');
    expect(shellArg('-x.xlsx')).toBe('./-x.xlsx');
    expect(shellArg('')).toBe('""');
  });

  it('numbers the rounds from the output just written', () => {
    expect(nextRoundPath('tinh.doi-chieu.xlsx')).toBe('tinh.doi-chieu-2.xlsx');
    expect(nextRoundPath('tinh.doi-chieu-2.xlsx')).toBe('tinh.doi-chieu-3.xlsx');
    expect(nextRoundPath('lan-1.xlsx')).toBe('lan-2.xlsx');
    expect(nextRoundPath('kiem-tra-2021.xlsx')).toBe('kiem-tra-2021-2.xlsx');
    expect(nextRoundPath('out/ket qua.xlsx')).toBe('out/ket qua-2.xlsx');
  });

  it('the same round in the browser: the output, its input, the same choices, no decisions file and no new output', () => {
    const i = {
      input: '-Bảng xã.xlsx',
      output: 'Bảng xã.doi-chieu.xlsx',
      provinces: ['Thái Nguyên'],
      taxCols: 'A,B,C',
      viaMerges: true,
    };
    expect(reviewStepCommand(i, 'posix')).toEqual({
      command:
        "dvc review 'Bảng xã.doi-chieu.xlsx' --from './-Bảng xã.xlsx' --tax-cols A,B,C --province 'Thái Nguyên' --via-merges",
    });
    expect(reviewStepCommand({ ...i, output: 'a\u0007.xlsx' }, 'posix')).toMatchObject({
      refused: { key: 'mc.next.refusedControl' },
    });
  });

  it('repeats the choices of this run and adds the decisions, quoted for cmd.exe and PowerShell on Windows', () => {
    expect(
      nextStepCommand(
        {
          input: 'Bảng xã.xlsx',
          output: 'Bảng xã.doi-chieu.xlsx',
          provinces: ['Thái Nguyên', '01'],
          stdSheet: 'DM xã',
          replaceExisting: true,
        },
        'windows',
      ),
    ).toEqual({
      command:
        'dvc map-communes "Bảng xã.xlsx" --std-sheet "DM xã" --province "Thái Nguyên" --province 01 --replace-existing --decisions "Bảng xã.doi-chieu.xlsx" --out "Bảng xã.doi-chieu-2.xlsx"',
    });
  });

  it('repeats --via-merges, --allow-mixed-editions and --reference, single-quoted for a POSIX shell', () => {
    const base = { input: "it's $(x).xlsx", output: 'out/`k`.xlsx' };
    expect(nextStepCommand({ ...base, viaMerges: true }, 'posix')).toEqual({
      command: "dvc map-communes 'it'\\''s $(x).xlsx' --via-merges --decisions 'out/`k`.xlsx' --out 'out/`k`-2.xlsx'",
    });
    expect(nextStepCommand({ input: 'a.xlsx', output: 'a.o.xlsx', allowMixedEditions: true }, 'posix')).toEqual({
      command: 'dvc map-communes a.xlsx --allow-mixed-editions --decisions a.o.xlsx --out a.o-2.xlsx',
    });
    expect(nextStepCommand({ input: '~a.xlsx', output: '=b.xlsx', reference: 'gso-2025' }, 'posix')).toEqual({
      command: "dvc map-communes '~a.xlsx' --reference gso-2025 --decisions '=b.xlsx' --out '=b-2.xlsx'",
    });
  });

  it('prints no command where no quoting is safe, and says which characters stand in the way', () => {
    expect(nextStepCommand({ input: 'a\nb.xlsx', output: 'o.xlsx' }, 'posix')).toEqual({
      refused: { key: 'mc.next.refusedControl', params: { arg: 'a\nb.xlsx', chars: '\\x0a' } },
    });
    expect(nextStepCommand({ input: 'a.xlsx', output: '100%.xlsx' }, 'windows')).toEqual({
      refused: { key: 'mc.next.refusedWindows', params: { arg: '100%.xlsx', chars: '%' } },
    });
    expect(nextStepCommand({ input: 'a$b`.xlsx', output: 'o.xlsx' }, 'windows')).toEqual({
      refused: { key: 'mc.next.refusedWindows', params: { arg: 'a$b`.xlsx', chars: '$ `' } },
    });
    // The same names are safe in single quotes.
    expect(nextStepCommand({ input: 'a$b`.xlsx', output: '100%.xlsx' }, 'posix')).toEqual({
      command: "dvc map-communes 'a$b`.xlsx' --decisions 100%.xlsx --out 100%-2.xlsx".replace(
        /100%(-2)?\.xlsx/g,
        (m) => `'${m}'`,
      ),
    });
  });
});
