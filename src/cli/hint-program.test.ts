import { describe, expect, it } from 'vitest';
import {
  adaptHints,
  hintedMessage,
  npxHintProgram,
  runnableHint,
  runnableHints,
  setHintProgram,
  templateWithLang,
} from './hint-program.js';

describe('how a hint names the program', () => {
  it('says `npx dvc-dat-dai` when npx started dvc in the project, and nothing otherwise', () => {
    expect(npxHintProgram({ npm_command: 'exec', npm_package_name: 'dvc-dat-dai' })).toBe('npx dvc-dat-dai');
    // `npm test` or `npm run …` in the project, a global install, npx in another project: not npx of this package.
    expect(npxHintProgram({ npm_command: 'run-script', npm_package_name: 'dvc-dat-dai' })).toBeUndefined();
    expect(npxHintProgram({})).toBeUndefined();
    expect(npxHintProgram({ npm_command: 'exec', npm_package_name: 'other' })).toBeUndefined();
  });

  it('rewrites the commands in messages, and leaves the word dvc elsewhere alone', () => {
    const table = { a: 'chạy dvc map-communes x.xlsx --via-merges', b: 'dvc là công cụ; dvc doctor' };
    adaptHints(table, 'npx dvc-dat-dai');
    expect(table).toEqual({
      a: 'chạy npx dvc-dat-dai map-communes x.xlsx --via-merges',
      b: 'dvc là công cụ; npx dvc-dat-dai doctor',
    });
  });
});

describe('the language chosen with --lang, repeated by printed commands', () => {
  it('follows the program in a command line to paste, and only when the command line chose it', () => {
    const next = "dvc map-communes 'tỉnh.xlsx' --decisions 'a b.xlsx' --out x-2.xlsx";
    expect(runnableHint(next, 'en')).toBe(
      "dvc --lang en map-communes 'tỉnh.xlsx' --decisions 'a b.xlsx' --out x-2.xlsx",
    );
    expect(runnableHint(next, 'vi')).toBe(
      "dvc --lang vi map-communes 'tỉnh.xlsx' --decisions 'a b.xlsx' --out x-2.xlsx",
    );
    expect(runnableHint(next)).toBe(next);
    expect(runnableHint('not a command', 'en')).toBe('not a command');
  });

  it('is written into the commands of a message, and not where a sentence only names a command', () => {
    expect(templateWithLang('then: dvc evidence sent {dir} --kind canh-bao', 'en')).toBe(
      'then: dvc --lang en evidence sent {dir} --kind canh-bao',
    );
    expect(templateWithLang('Run dvc evidence check {dir}; paste dvc evidence request {dir} --kind x', 'en')).toBe(
      'Run dvc --lang en evidence check {dir}; paste dvc --lang en evidence request {dir} --kind x',
    );
    expect(templateWithLang('run "dvc config check" to check it again', 'en')).toBe(
      'run "dvc --lang en config check" to check it again',
    );
    expect(templateWithLang('See: dvc {command} --help', 'en')).toBe('See: dvc --lang en {command} --help');
    expect(templateWithLang('Example: dvc test-api --type tra-cuu --dst HNI', 'en')).toBe(
      'Example: dvc --lang en test-api --type tra-cuu --dst HNI',
    );
    for (const prose of [
      'the {limit} limit that dvc evidence verify checks; nothing was written',
      'a limit of dvc evidence verify: {limit}',
      'an output of dvc map-communes (any round)',
      'open the page with the address dvc review printed.',
      'test addresses are for dvc test-api only.',
      'run dvc test-api again against the URL',
    ])
      expect(templateWithLang(prose, 'en')).toBe(prose);
  });

  it('fills a catalogue message with the language repeated in its commands, in either language', () => {
    expect(hintedMessage('en', 'evidence.folderMissing', { dir: 'hs' }, 'en')).toBe(
      'The evidence folder "hs" does not exist. Create it with: dvc --lang en evidence init hs',
    );
    expect(hintedMessage('vi', 'evidence.folderMissing', { dir: 'hs' }, 'vi')).toBe(
      'Thư mục minh chứng "hs" không tồn tại. Tạo nó bằng: dvc --lang vi evidence init hs',
    );
    expect(hintedMessage('en', 'evidence.folderMissing', { dir: 'hs' })).toBe(
      'The evidence folder "hs" does not exist. Create it with: dvc evidence init hs',
    );
    // A name given as a parameter is never read as a command: only the template's commands are changed.
    expect(hintedMessage('en', 'evidence.verify.notZip', { file: 'dvc evidence pack {x}', reason: 'r' }, 'en')).toBe(
      '"dvc evidence pack {x}" is not a readable zip (r). Give a bundle made by dvc evidence pack, or a BagIt folder.',
    );
  });

  it('follows the program as it is named in hints (npx, the Windows executable)', () => {
    setHintProgram('.\\dvc.exe');
    try {
      expect(runnableHint('dvc review out.xlsx --from in.xlsx', 'en')).toBe(
        '.\\dvc.exe --lang en review out.xlsx --from in.xlsx',
      );
      expect(templateWithLang('Create it with: .\\dvc.exe evidence init {dir}', 'en')).toBe(
        'Create it with: .\\dvc.exe --lang en evidence init {dir}',
      );
      expect(runnableHints('then: dvc --lang en evidence sent x')).toBe('then: .\\dvc.exe --lang en evidence sent x');
    } finally {
      setHintProgram('dvc');
    }
  });
});
