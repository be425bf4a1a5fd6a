import { describe, expect, it } from 'vitest';
import { DvcError, ExitCode } from '../errors.js';
import { t } from '../i18n/i18n.js';
import { fsError } from './fs-errors.js';

function errno(code: string, message = `${code}: something, rename '/tmp/.out.xlsx.123.abcd.tmp'`) {
  return Object.assign(new Error(message), { code });
}

function render(e: DvcError) {
  return { vi: t('vi', e.key, e.params), en: t('en', e.key, e.params) };
}

describe('fsError', () => {
  it('says "close the file in Excel" for a file Windows reports busy (EBUSY), reading or writing', () => {
    for (const op of ['read', 'write'] as const) {
      const e = fsError(errno('EBUSY'), { path: 'C:\\Hồ sơ\\kết quả.xlsx', op, platform: 'win32' });
      expect(e.exitCode).toBe(ExitCode.Usage);
      const m = render(e);
      expect(m.vi).toContain('đóng tệp trong Excel rồi chạy lại');
      expect(m.en).toContain('Close the file in Excel and run again');
      expect(m.vi).toContain('C:\\Hồ sơ\\kết quả.xlsx');
    }
  });

  it('gives both remedies for EPERM on Windows (Excel holds the target, or the folder is protected)', () => {
    const m = render(fsError(errno('EPERM'), { path: 'out.xlsx', op: 'write', platform: 'win32' }));
    expect(m.vi).toContain('đóng tệp trong Excel rồi chạy lại');
    expect(m.vi).toContain('chọn thư mục khác');
    expect(m.en).toContain('Close the file in Excel and run again');
    expect(m.en).toContain('choose another folder');
    const read = render(fsError(errno('EPERM'), { path: 'in.xlsx', op: 'read', platform: 'win32' }));
    expect(read.en).toContain('Close the file in Excel and run again');
  });

  it('says "choose another folder" for a read-only folder (EACCES, EROFS, EPERM elsewhere) and a full disk', () => {
    for (const code of ['EACCES', 'EROFS', 'ENOSPC', 'EDQUOT']) {
      const m = render(fsError(errno(code), { path: 'out.xlsx', op: 'write', platform: 'linux' }));
      expect(m.vi, code).toContain('chọn thư mục khác');
      expect(m.en, code).toMatch(/choose another folder/i);
    }
    expect(fsError(errno('EPERM'), { path: 'o', op: 'write', platform: 'linux' }).key).toBe('fs.writeDenied');
    expect(fsError(errno('ENOSPC'), { path: 'o', op: 'write' }).key).toBe('fs.diskFull');
  });

  it('never shows the temporary file name or the raw system text', () => {
    for (const code of ['EBUSY', 'EPERM', 'EACCES', 'ENOSPC', 'EIO', 'EMFILE']) {
      for (const op of ['read', 'write'] as const) {
        for (const platform of ['win32', 'linux'] as const) {
          const m = render(fsError(errno(code), { path: 'out.xlsx', op, platform }));
          for (const text of [m.vi, m.en]) {
            expect(text).not.toMatch(/\.tmp|rename|something|\{/);
            expect(text).toContain('out.xlsx');
          }
        }
      }
    }
  });

  it('names a missing file on read and the missing folder on write; passes a DvcError through', () => {
    expect(fsError(errno('ENOENT'), { path: 'a/b.xlsx', op: 'read' }).key).toBe('fs.notFound');
    const w = fsError(errno('ENOENT'), { path: 'a/b.xlsx', op: 'write' });
    expect([w.key, w.params.path]).toEqual(['fs.dirMissing', 'a']);
    const own = new DvcError('fs.outputExists', { path: 'x' });
    expect(fsError(own, { path: 'y', op: 'write' })).toBe(own);
  });
});
