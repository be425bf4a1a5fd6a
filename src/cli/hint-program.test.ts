import { describe, expect, it } from 'vitest';
import { adaptHints, npxHintProgram } from './hint-program.js';

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
