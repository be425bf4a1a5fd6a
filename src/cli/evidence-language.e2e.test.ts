import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runDvc } from '../test-support/run-dvc.js';
import { SAMPLE_CONFIG, sampleFolder, tempDir, zipEntries } from '../test-support/evidence-sample.js';

/**
 * Every word a person reads in `check`, `status`, `pack` and the bundle's index page is in the chosen language.
 * The folder is made to raise most messages: a personal number in a name, a file outside the checklist, a
 * picture whose content is another format, a file in the wrong folder.
 */
const tmp = tempDir('dvc-lang-');
let dir: string;
beforeAll(() => {
  dir = sampleFolder(tmp.dir, 'ho so');
  const c = (from: string, to: string) => copyFileSync(path.join(dir, from), path.join(dir, to));
  c('01-tin-nhan-thong-bao-thue/tin-nhan-thong-bao-thue.png', '01-tin-nhan-thong-bao-thue/tin nhắn 0912345678.png');
  c('02-xac-nhan-thanh-toan/xac-nhan-thanh-toan.jpg', '02-xac-nhan-thanh-toan/anh.png');
  c('04-bien-lai/bien-lai.xml', '02-xac-nhan-thanh-toan/bien-lai.xml');
  writeFileSync(path.join(dir, 'ghi-chu.txt'), 'ghi chú\n');
  writeFileSync(path.join(dir, '03-phan-mem-mot-cua', 'ghi-chu.txt'), 'ghi chú\n');
});
afterAll(() => tmp.remove());

const dvc = (lang: string, args: string[]) =>
  runDvc(['--config', SAMPLE_CONFIG, '--lang', lang, ...args], { env: { CI: '1' }, cwd: tmp.dir });

/** English in Vietnamese output: words of the English catalogue and the ids that used to leak. */
const ENGLISH = /\b(the|of|and|is|not|file|files|phone|cccd|cmnd|text|other|missing|passed|warning|step|fix|item)\b/;

/** Vietnamese letters: none may remain in English output once the officer's own values are taken out. */
const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** Values that are the officer's or the portal's own words, the same in both languages. */
const OWN_WORDS = [
  /<pre class="request">[\s\S]*?<\/pre>/g, // the request text: the form's Vietnamese
  /<title>[^<]*<\/title>|<h1>[^<]*<\/h1>|<strong>Thành phố Hà Nội-[^<]*<\/strong>/g, // the request's title
  /Thành phố Hà Nội/g,
  /Nguyễn Văn An|N\.V\.A\./g,
  /Đang nghiên cứu triển khai tích hợp|Đã tích hợp, đang kiểm thử|Đã hoàn thành/g, // 4013's column titles
  /Màn hình hỗ trợ > Đăng ký nhận cảnh báo lỗi/g, // the portal's menu
  /tin nhắn/g, // a file name
  /ho so/g,
];

function withoutOwnWords(s: string): string {
  return OWN_WORDS.reduce((t, re) => t.replace(re, ''), s);
}

async function outputs(lang: string): Promise<Record<string, string>> {
  const check = await dvc(lang, ['evidence', 'check', 'ho so']);
  const status = await dvc(lang, ['evidence', 'status', 'ho so']);
  const refused = await dvc(lang, ['evidence', 'pack', 'ho so', '--out', `tu-choi-${lang}.zip`]);
  const packed = await dvc(lang, ['evidence', 'pack', 'ho so', '--out', `goi-${lang}.zip`, '--allow-incomplete']);
  expect([check.code, status.code, refused.code, packed.code]).toEqual([1, 0, 1, 0]);
  const entries = await zipEntries(path.join(tmp.dir, `goi-${lang}.zip`));
  const page = [...entries].find(([n]) => n.endsWith('data/index.html'))![1].toString('utf8');
  // The page's text, without its markup and style.
  const pageText = withoutOwnWords(page)
    .replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ');
  return {
    check: check.stdout + check.stderr,
    status: status.stdout + status.stderr,
    pack: refused.stdout + refused.stderr + packed.stdout + packed.stderr,
    page: pageText,
    rawPage: page,
  };
}

describe('check, status, pack and the index page speak one language', () => {
  it('Vietnamese output has no English words and no internal ids', async () => {
    const out = await outputs('vi');
    const { rawPage, ...said } = out;
    for (const [what, text] of Object.entries(said)) {
      const lines = withoutOwnWords(text)
        .split('\n')
        .filter((l) => ENGLISH.test(l.replace(/[\w./-]+\.(json|xml|png|jpg|txt|yaml|zip|pdf|html)\b/g, '')));
      expect(lines, what).toEqual([]);
      expect(text, what).not.toMatch(/metadata\.|folder\.0|test-api\.|privacy\.|file\.\d/);
    }
    // Items by title, progress lines without a doubled state word, a file count that says what it counts.
    expect(rawPage).toContain('<th scope="row">Ảnh tin nhắn thông báo thuế</th>');
    expect(rawPage).toContain('<th scope="row">Đường dẫn API tra-cuu</th>');
    expect(out.page).not.toMatch(/Chưa\s+Bước|Xong\s+Bước/);
    expect(out.page).toContain('21 tệp (không kể trang này)');
  });

  it('English output has no Vietnamese words but the officer’s and the portal’s own', async () => {
    const out = await outputs('en');
    const { rawPage, ...said } = out;
    for (const [what, text] of Object.entries(said)) {
      const lines = withoutOwnWords(text)
        .split('\n')
        .filter((l) => VIETNAMESE.test(l));
      expect(lines, what).toEqual([]);
    }
    expect(rawPage).toContain('<th scope="row">Picture of the tax notice message</th>');
  });
});

describe('the commands in the next steps keep the language chosen with --lang', () => {
  const commandsIn = (text: string) => text.match(/\bdvc (?:--lang \w+ )?(?:evidence|test-api)\b/g) ?? [];

  it('--lang en: every command of status repeats it, on the screen and in --json alike', async () => {
    const screen = await dvc('en', ['evidence', 'status', 'ho so']);
    expect(screen.code, screen.stderr).toBe(0);
    const hints = screen.stdout.split('\n').filter((l) => l.includes('→'));
    expect(hints.length).toBe(5);
    const commands = commandsIn(hints.join('\n'));
    expect(commands.length).toBe(9);
    expect(new Set(commands)).toEqual(new Set(['dvc --lang en evidence']));
    expect(screen.stdout).toContain("then: dvc --lang en evidence sent 'ho so' --kind canh-bao");
    const json = await dvc('en', ['evidence', 'status', 'ho so', '--json']);
    const lines = (JSON.parse(json.stdout) as { lines: { next?: string; also?: string[] }[] }).lines;
    const said = lines.flatMap((l) => [l.next ?? '', ...(l.also ?? [])]).filter(Boolean);
    expect(said.map((s) => `    → ${s}`)).toEqual(hints);
  });

  it('a language from DVC_LANG is not repeated: the next command reads it again', async () => {
    const r = await runDvc(['--config', SAMPLE_CONFIG, 'evidence', 'status', 'ho so'], {
      env: { CI: '1', DVC_LANG: 'en' },
      cwd: tmp.dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("then: dvc evidence sent 'ho so' --kind canh-bao");
    expect(commandsIn(r.stdout).filter((c) => c.includes('--lang'))).toEqual([]);
  });
});
