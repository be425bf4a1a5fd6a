import { describe, expect, it } from 'vitest';
import { nextRoundPath, nextStepCommand, pathArg as shellArg } from './next-step.js';

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

  it('repeats the choices of this run and adds the decisions', () => {
    expect(
      nextStepCommand({
        input: 'Bảng xã.xlsx',
        output: 'Bảng xã.doi-chieu.xlsx',
        provinces: ['Thái Nguyên', '01'],
        stdSheet: 'DM xã',
        replaceExisting: true,
      }),
    ).toBe(
      'dvc map-communes "Bảng xã.xlsx" --std-sheet "DM xã" --province "Thái Nguyên" --province 01 --replace-existing --decisions "Bảng xã.doi-chieu.xlsx" --out "Bảng xã.doi-chieu-2.xlsx"',
    );
  });
});
