import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { runDvc } from '../test-support/run-dvc.js';
import { SAMPLE_CONFIG, tempDir } from '../test-support/evidence-sample.js';

/**
 * The error paths of every command other than evidence (which has its own test), run in both languages: no English
 * word in Vietnamese output, no Vietnamese letter in English output once the officer's own values are taken out.
 */
const tmp = tempDir('dvc-cmd-lang-');
let closedPort = 0;
beforeAll(async () => {
  writeFileSync(path.join(tmp.dir, 'hong.json'), '{ "provinces": { "HNI": { "name": 1 } } }\n');
  writeFileSync(path.join(tmp.dir, 'than.json'), '{ "MaHoSo": ');
  writeFileSync(path.join(tmp.dir, 'khong-phai.xlsx'), 'đây không phải tệp Excel');
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  closedPort = (s.address() as net.AddressInfo).port;
  await new Promise((r) => s.close(r));
});
afterAll(() => tmp.remove());

/** Each case: the arguments, and the exit code it must end with (so that a case that stops failing is noticed). */
const CASES = (): [string, string[], number][] => [
  ['test-api without --dst', ['test-api', '--type', 'tra-cuu'], 2],
  ['test-api, unknown province', ['test-api', '--config', SAMPLE_CONFIG, '--dst', 'XYZ', '--type', 'tra-cuu'], 2],
  ['test-api, unknown type', ['test-api', '--config', SAMPLE_CONFIG, '--dst', 'HNI', '--type', 'khong-co'], 2],
  ['test-api, ftp URL', ['test-api', '--url', 'ftp://example.vn/x', '--type', 'tra-cuu'], 2],
  [
    'test-api, --repeat 0',
    ['test-api', '--config', SAMPLE_CONFIG, '--dst', 'HNI', '--type', 'tra-cuu', '--repeat', '0'],
    2,
  ],
  [
    'test-api, bad JSON body',
    ['test-api', '--url', `http://127.0.0.1:${closedPort}/x`, '--type', 'tra-cuu', '--body', 'than.json'],
    2,
  ],
  ['test-api, connection refused', ['test-api', '--url', `http://127.0.0.1:${closedPort}/x`, '--type', 'tra-cuu'], 3],
  ['test-api, bad config', ['test-api', '--config', 'hong.json', '--dst', 'HNI', '--type', 'tra-cuu'], 2],
  ['test-api template, unknown type', ['test-api', 'template', '--type', 'khong-co'], 2],
  ['config check, a wrong value', ['config', 'check', '--config', 'hong.json'], 2],
  ['config check, no file', ['config', 'check', '--config', 'khong-co.json'], 2],
  ['mock-api, bad port', ['mock-api', '--port', 'abc'], 2],
  ['mock-api, unknown system', ['mock-api', '--emulate', 'khong-co'], 2],
  ['communes find, nothing to find', ['communes', 'find'], 2],
  ['map-communes, missing workbook', ['map-communes', 'khong-co.xlsx'], 2],
  ['map-communes, not a workbook', ['map-communes', 'khong-phai.xlsx'], 2],
  ['review, missing workbook', ['review', 'khong-co.xlsx', '--no-open'], 2],
  ['an unknown command', ['kiem-tra'], 2],
];

/** English in Vietnamese output: common words of the English catalogue. */
const ENGLISH =
  /\b(the|of|and|is|not|no|file|files|found|missing|must|should|cannot|could|invalid|unknown|error|failed|option|expected|province|type|run|use)\b/i;

/** Vietnamese letters: none may remain in English output once the officer's own values are taken out. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** What is the same in both languages: options, paths, URLs, codes, and the officer's or the portal's own words. */
function withoutOwnWords(s: string): string {
  return s
    .replace(/https?:\/\/\S+|ftp:\/\/\S+/g, '')
    .replace(/(^|\s)--?[a-z][a-z-]*/g, ' ')
    .replace(/\S*[/\\]\S*/g, '')
    .replace(/\b[\w.-]+\.(xlsx|json|csv|yaml|yml)\b/g, '')
    .replace(/"[^"\n]*"|'[^'\n]*'|`[^`\n]*`/g, '')
    .replace(/Thành phố Hà Nội|Mã phường\/xã CQT|MX Bo TTTT|MX CQT|Rà soát|Quyết định|khong-co|kiem-tra/g, '');
}

describe('every command speaks one language on its error paths', () => {
  it.each(['vi', 'en'] as const)('%s', async (lang) => {
    const leaks: string[] = [];
    for (const [what, args, code] of CASES()) {
      const r = await runDvc(['--lang', lang, ...args], { env: { CI: '1' }, cwd: tmp.dir });
      expect(r.code, `${what}: ${r.stdout}${r.stderr}`).toBe(code);
      const text = withoutOwnWords(r.stdout + r.stderr);
      expect(text.trim().length, what).toBeGreaterThan(0);
      const bad = lang === 'vi' ? ENGLISH.exec(text) : VIETNAMESE.exec(text);
      if (bad) leaks.push(`${what}: "${bad[0]}" in ${JSON.stringify(r.stdout + r.stderr)}`);
    }
    expect(leaks).toEqual([]);
  });
});
