import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  adaptHints,
  classifyLaunch,
  dropOutputPath,
  exeHintProgram,
  launchWindows,
  shouldPause,
  type LaunchIo,
} from './windows-launch.js';

describe('classifyLaunch', () => {
  it('reads a double-click (no argument) and a drop (one workbook path, as Explorer passes it)', () => {
    expect(classifyLaunch([])).toEqual({ kind: 'double-click' });
    const dropped = 'C:\\Users\\Cán bộ\\Desktop\\Bảng mã xã.xlsx';
    expect(classifyLaunch([dropped])).toEqual({ kind: 'drop', file: dropped });
    expect(classifyLaunch(['\\\\may-chu\\chia se\\MAU.XLSX'])).toEqual({
      kind: 'drop',
      file: '\\\\may-chu\\chia se\\MAU.XLSX',
    });
  });

  it('leaves every typed command line alone', () => {
    expect(classifyLaunch(['--version'])).toEqual({ kind: 'version' });
    expect(classifyLaunch(['doctor'])).toEqual({ kind: 'command', argv: ['doctor'] });
    expect(classifyLaunch(['map-communes', 'a.xlsx'])).toEqual({ kind: 'command', argv: ['map-communes', 'a.xlsx'] });
    expect(classifyLaunch(['--help'])).toEqual({ kind: 'command', argv: ['--help'] });
    expect(classifyLaunch(['ghi-chu.txt'])).toEqual({ kind: 'command', argv: ['ghi-chu.txt'] });
  });
});

describe('dropOutputPath', () => {
  const taken =
    (...names: string[]) =>
    (p: string) =>
      names.includes(p);

  it('writes beside the dropped file, on a drive letter and on a UNC share', () => {
    expect(dropOutputPath('C:\\Hồ sơ\\bảng mã.xlsx', taken(), path.win32)).toBe('C:\\Hồ sơ\\bảng mã.doi-chieu.xlsx');
    expect(dropOutputPath('\\\\srv\\chung\\mau.xlsx', taken(), path.win32)).toBe('\\\\srv\\chung\\mau.doi-chieu.xlsx');
  });

  it('numbers the name as Explorer does rather than writing over an existing result', () => {
    const exists = taken('C:\\a\\mau.doi-chieu.xlsx', 'C:\\a\\mau.doi-chieu (2).xlsx');
    expect(dropOutputPath('C:\\a\\mau.xlsx', exists, path.win32)).toBe('C:\\a\\mau.doi-chieu (3).xlsx');
  });
});

describe('shouldPause', () => {
  const drop = { kind: 'drop', file: 'C:\\a.xlsx' } as const;

  it('waits for a key after a drop or a double-click on a real console', () => {
    expect(shouldPause(drop, { stdinIsTTY: true, env: {} })).toBe(true);
    expect(shouldPause({ kind: 'double-click' }, { stdinIsTTY: true, env: {} })).toBe(true);
  });

  it('never waits in CI, without a keyboard, from cmd.exe, or for a typed command', () => {
    expect(shouldPause(drop, { stdinIsTTY: true, env: { CI: 'true' } })).toBe(false);
    expect(shouldPause(drop, { stdinIsTTY: false, env: {} })).toBe(false);
    expect(shouldPause(drop, { stdinIsTTY: true, env: { PROMPT: '$P$G' } })).toBe(false);
    expect(shouldPause(drop, { stdinIsTTY: true, env: { DVC_NO_PAUSE: '1' } })).toBe(false);
    expect(shouldPause({ kind: 'command', argv: ['doctor'] }, { stdinIsTTY: true, env: {} })).toBe(false);
  });
});

function fakeIo(o: { tty?: boolean; exists?: (p: string) => boolean } = {}) {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (c: Buffer) => (text += c.toString('utf8')));
  const stdin = Object.assign(new PassThrough(), { isTTY: o.tty ?? false, setRawMode: () => stdin }) as unknown;
  const calls: string[][] = [];
  const io: LaunchIo = {
    stdout,
    stdin: stdin as NodeJS.ReadStream,
    env: {},
    exists: o.exists ?? (() => false),
    runCommand: (argv) => {
      calls.push(argv);
      return Promise.resolve(0);
    },
  };
  return { io, calls, text: () => text, stdin: stdin as PassThrough };
}

describe('launchWindows', () => {
  it('runs map-communes on a dropped workbook with a free output name beside it', async () => {
    const f = fakeIo({ exists: (p) => p === path.join('/hs', 'mau.doi-chieu.xlsx') });
    expect(await launchWindows([path.join('/hs', 'mau.xlsx')], f.io)).toBe(0);
    expect(f.calls).toEqual([
      ['map-communes', path.join('/hs', 'mau.xlsx'), '--out', path.join('/hs', 'mau.doi-chieu (2).xlsx')],
    ]);
    expect(f.text()).toContain('Đang đối chiếu mã phường/xã trong mau.xlsx');
  });

  it('shows the Vietnamese help on a double-click and waits for a key on a console', async () => {
    const f = fakeIo({ tty: true });
    const done = launchWindows([], f.io);
    setTimeout(() => f.stdin.write('x'), 10);
    expect(await done).toBe(0);
    expect(f.text()).toContain('kéo tệp Excel');
    expect(f.text()).toContain('.\\dvc.exe communes find');
    expect(f.text()).toContain('Nhấn phím bất kỳ để đóng cửa sổ');
    expect(f.calls).toEqual([]);
  });

  it('passes a typed command line through untouched', async () => {
    const f = fakeIo();
    await launchWindows(['communes', 'find', 'Ba Đình', '--json'], f.io);
    expect(f.calls).toEqual([['communes', 'find', 'Ba Đình', '--json']]);
    expect(f.text()).toBe('');
  });
});

describe('hints name the executable', () => {
  it('as .\\dvc.exe in its own folder, else by its full path, quoted when needed', () => {
    expect(exeHintProgram('C:\\Tools\\dvc.exe', 'c:\\tools', path.win32)).toBe('.\\dvc.exe');
    expect(exeHintProgram('C:\\Tools\\dvc.exe', 'D:\\Hồ sơ', path.win32)).toBe('C:\\Tools\\dvc.exe');
    expect(exeHintProgram('C:\\Phần mềm\\dvc.exe', 'D:\\', path.win32)).toBe('"C:\\Phần mềm\\dvc.exe"');
  });

  it('rewrites `dvc <command>` in messages and nothing else', () => {
    const table = {
      a: 'Tiếp theo: chạy: dvc evidence check "C:\\Hồ sơ"',
      b: 'dvc chỉ nhận bí mật từ biến môi trường',
      c: '(dùng: dvc test-api --ca a.pem)',
    };
    adaptHints(table, '.\\dvc.exe');
    expect(table).toEqual({
      a: 'Tiếp theo: chạy: .\\dvc.exe evidence check "C:\\Hồ sơ"',
      b: 'dvc chỉ nhận bí mật từ biến môi trường',
      c: '(dùng: .\\dvc.exe test-api --ca a.pem)',
    });
  });
});
