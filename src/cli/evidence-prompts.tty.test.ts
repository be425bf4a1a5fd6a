import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../test-support/run-cli.js';

/** A real terminal: tmux runs the command in a pane; the test reads the screen and types like a person. */
function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

async function screenUntil(session: string, pattern: RegExp, timeoutMs = 15000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-t', session);
    if (pattern.test(screen)) return screen;
    if (Date.now() - started > timeoutMs) throw new Error(`no ${pattern} on screen:\n${screen}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for `prompt` on the screen, then types `text` (none: the answer is left blank) and Enter, as a person would. */
async function answer(session: string, prompt: RegExp, text = ''): Promise<void> {
  await screenUntil(session, prompt);
  if (text) tmux('send-keys', '-t', session, '-l', text);
  tmux('send-keys', '-t', session, 'Enter');
}

/** Runs `dvc <args>` (shell words, already quoted) in a new tmux pane of the given width; returns the session. */
async function startInTmux(dir: string, args: string, name: string, width: number): Promise<string> {
  const script = path.join(dir, 'run.sh');
  await writeFile(
    script,
    `cd '${dir}' && env -u CI -u DVC_LANG '${process.execPath}' '${BIN}' ${args}; echo "EXIT=$?"; sleep 30\n`,
  );
  const session = `${name}-${process.pid}`;
  tmux('new-session', '-d', '-s', session, '-x', String(width), '-y', '50', `bash '${script}'`);
  return session;
}

/** Answers the unit's name, presses Ctrl+C at the next question, and returns the screen once dvc has exited. */
async function nameThenCtrlC(session: string, unitName: string): Promise<string> {
  try {
    await answer(session, /Tên đơn vị/, unitName);
    await screenUntil(session, /Email phản hồi/);
    tmux('send-keys', '-t', session, 'C-c');
    return await screenUntil(session, /EXIT=\d+/);
  } finally {
    tmux('kill-session', '-t', session);
  }
}

describe('dvc evidence request on a terminal', () => {
  it('asks for the missing fields, checks the e-mail as it is typed, and writes the request', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-tty-'));
    const folder = path.join(dir, 'ho-so');
    const init = await runCli(['evidence', 'init', folder, '--no-input']);
    expect(init.code, init.stderr).toBe(0);
    const out = path.join(dir, 'yeu-cau.txt');
    const session = await startInTmux(
      dir,
      `evidence request --kind cau-hinh '${folder}' --out '${out}'`,
      'dvc-tty',
      160,
    );
    try {
      await answer(session, /Tên đơn vị/, 'UBND tỉnh Thái Nguyên');
      await answer(session, /Email phản hồi/, 'khong-phai-email');
      // The answer is refused where it is typed, with the catalogue's message, and the prompt stays open.
      await screenUntil(session, /"khong-phai-email" không phải địa chỉ email hợp lệ/);
      for (let i = 0; i < 'khong-phai-email'.length; i++) tmux('send-keys', '-t', session, 'BSpace');
      tmux('send-keys', '-t', session, '-l', 'motcua@thainguyen.gov.vn');
      tmux('send-keys', '-t', session, 'Enter');
      await answer(session, /URL API loại tra-cuu/, 'https://motcua.thainguyen.gov.vn/api/tra-cuu');
      for (const type of ['thong-bao-thue', 'chung-tu']) await answer(session, new RegExp(`URL API loại ${type}`));
      const screen = await screenUntil(session, /EXIT=0/);
      expect(screen).toContain('Sẽ ghi vào evidence.yaml:');
    } finally {
      tmux('kill-session', '-t', session);
    }
    const text = await readFile(out, 'utf8');
    expect(text).toContain('UBND tỉnh Thái Nguyên- hỗ trợ cấu hình URL API thanh toán nghĩa vụ tài chính đất đai');
    // Private by default: the mailbox is masked in the text; evidence.yaml keeps it as typed.
    expect(text).toContain('m***@thainguyen.gov.vn');
    expect(text).not.toContain('motcua@thainguyen.gov.vn');
    expect(text).toContain('https://motcua.thainguyen.gov.vn/api/tra-cuu');
    // The answers are in evidence.yaml, beside the comments init wrote: the next run asks nothing.
    const yaml = await readFile(path.join(folder, 'evidence.yaml'), 'utf8');
    expect(yaml).toContain('unitName: "UBND tỉnh Thái Nguyên"');
    expect(yaml).toContain('email: "motcua@thainguyen.gov.vn"');
    expect(yaml).toContain('tra-cuu: https://motcua.thainguyen.gov.vn/api/tra-cuu');
    expect(yaml).toContain('# Tên đơn vị, dùng trong "Tên yêu cầu"');
    const again = await runCli(['evidence', 'request', '--kind', 'cau-hinh', folder]);
    expect(again.code, again.stderr).toBe(0);
  });

  it('keeps the answers when every URL is left blank, and says what to fill without speaking of terminals', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-tty-'));
    const folder = path.join(dir, 'ho-so');
    expect((await runCli(['evidence', 'init', folder, '--no-input'])).code).toBe(0);
    const session = await startInTmux(dir, `evidence request --kind cau-hinh '${folder}'`, 'dvc-tty-blank', 200);
    let screen: string;
    try {
      await answer(session, /Tên đơn vị/, 'UBND tỉnh Bắc Kạn');
      await answer(session, /Email phản hồi/, 'motcua@backan.gov.vn');
      for (const type of ['tra-cuu', 'thong-bao-thue', 'chung-tu'])
        await answer(session, new RegExp(`URL API loại ${type}`));
      screen = await screenUntil(session, /EXIT=2/);
    } finally {
      tmux('kill-session', '-t', session);
    }
    expect(screen).toContain('Câu trả lời đã được lưu');
    expect(screen).not.toMatch(/terminal/i);
    const yaml = await readFile(path.join(folder, 'evidence.yaml'), 'utf8');
    expect(yaml).toContain('unitName: "UBND tỉnh Bắc Kạn"');
    expect(yaml).toContain('email: "motcua@backan.gov.vn"');
  });

  it('Ctrl+C at a prompt cancels: exit 130, "Đã hủy.", the answers given so far kept, no internal error', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-tty-'));
    const folder = path.join(dir, 'ho-so');
    expect((await runCli(['evidence', 'init', folder, '--no-input'])).code).toBe(0);
    const session = await startInTmux(dir, `evidence request --kind cau-hinh '${folder}'`, 'dvc-tty-cancel', 200);
    const screen = await nameThenCtrlC(session, 'UBND tỉnh Cao Bằng');
    expect(screen).toContain('EXIT=130');
    expect(screen).toContain('Đã hủy.');
    expect(screen).not.toMatch(/Lỗi nội bộ|SIGINT|force closed|at .*\.js:\d+/);
    const yaml = await readFile(path.join(folder, 'evidence.yaml'), 'utf8');
    expect(yaml).toContain('unitName: "UBND tỉnh Cao Bằng"');
  });

  it('Ctrl+C at the first question of init still makes the folder, and exits 130', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-tty-'));
    const folder = path.join(dir, 'moi');
    const session = await startInTmux(dir, `evidence init '${folder}'`, 'dvc-tty-cancel-init', 200);
    const screen = await nameThenCtrlC(session, 'UBND tỉnh Lạng Sơn');
    expect(screen).toContain('EXIT=130');
    expect(screen).toContain('Đã hủy.');
    const yaml = await readFile(path.join(folder, 'evidence.yaml'), 'utf8');
    expect(yaml).toContain('unitName: "UBND tỉnh Lạng Sơn"');
  });
});
