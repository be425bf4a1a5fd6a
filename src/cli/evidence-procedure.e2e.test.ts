/**
 * The officer's tracking of the procedure, as the docs tell it: init → status → the printed "sent" command →
 * received → status, with the 8-working-hour deadline of step 3 over a holiday (1–4 January 2026).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../errors.js';
import { REPO_ROOT, runCli } from '../test-support/run-cli.js';
import { runDvc } from '../test-support/run-dvc.js';
import { posixWords } from '../test-support/shell-words.js';

const CONFIG = path.join(REPO_ROOT, 'fixtures', 'dvc.config.json');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dvc-procedure-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const dvc = (args: string[]) => runDvc(['--config', CONFIG, ...args], { cwd: tmp, env: { CI: '1' } });

interface StatusJson {
  nationalState: { id: string };
  steps: Array<{ step: number; state: string; due?: { vn: string }; withinDeadline?: boolean }>;
  lines: Array<{ id: string; next?: string }>;
}

/** The command a status line tells the officer to run last ("…, then: dvc …"), as a shell would split it. */
function lastCommand(next: string): string[] {
  const cmd = next.slice(next.lastIndexOf('dvc evidence '));
  return posixWords(cmd).slice(1);
}

describe('dvc evidence sent / received / status', () => {
  it('follows the six steps, counts 8 working hours over a holiday, and prints next steps that can be pasted', async () => {
    expect((await dvc(['evidence', 'init', 'tinh moi', '--dst', 'HNI', '--no-input'])).code).toBe(ExitCode.Ok);

    const fresh = await dvc(['evidence', 'status', 'tinh moi', '--json']);
    expect(fresh.code).toBe(ExitCode.Ok);
    const s0 = JSON.parse(fresh.stdout) as StatusJson;
    expect(s0.nationalState.id).toBe('studying');
    const sendConfig = s0.lines.find((l) => l.next?.includes('--kind cau-hinh'))?.next;
    // The folder is named as typed, quoted for a shell: the command works from where status was run.
    expect(sendConfig).toContain("dvc evidence sent 'tinh moi' --kind cau-hinh");

    // Sent on Wednesday 31 December 2025 at 16:00: 1 hour that day; 1–4 January 2026 off (Công văn 12729/VPCP-KGVX);
    // 7 hours on Monday 5 January: due 16:00.
    const sent = await dvc(['evidence', 'sent', 'tinh moi', '--kind', 'cau-hinh', '--at', '2025-12-31 16:00']);
    expect(sent.code, sent.stderr).toBe(ExitCode.Ok);
    const waiting = JSON.parse((await dvc(['evidence', 'status', 'tinh moi', '--json'])).stdout) as StatusJson;
    const late = Date.now() > Date.parse('2026-01-05T16:00:00+07:00');
    expect(waiting.steps[2]).toMatchObject({
      step: 3,
      state: late ? 'overdue' : 'waiting',
      due: { vn: '2026-01-05 16:00' },
    });
    expect(readFileSync(path.join(tmp, 'tinh moi', 'evidence.yaml'), 'utf8')).toContain('2025-12-31 16:00');

    const received = await dvc(['evidence', 'received', 'tinh moi', '--kind', 'cau-hinh', '--at', '2026-01-05 10:30']);
    expect(received.code, received.stderr).toBe(ExitCode.Ok);
    const done = JSON.parse((await dvc(['evidence', 'status', 'tinh moi', '--json'])).stdout) as StatusJson;
    expect(done.steps[2]).toMatchObject({ step: 3, state: 'done', withinDeadline: true });
    expect(done.nationalState.id).toBe('testing');

    // The printed "sent" command of step 5, pasted as it is, records the confirmation request.
    const sendConfirm = done.lines.find((l) => l.next?.includes("sent 'tinh moi' --kind xac-nhan"))!.next!;
    expect(sendConfirm).toContain("dvc evidence pack 'tinh moi' --out 'tinh moi.zip'");
    const pasted = lastCommand(sendConfirm);
    expect(pasted).toEqual(['evidence', 'sent', 'tinh moi', '--kind', 'xac-nhan']);
    // Step 4 is not done in this empty folder: the request cannot have gone out in order, and dvc says why.
    const refused = await dvc(pasted);
    expect(refused.code).toBe(ExitCode.Usage);
    expect(refused.stderr).toContain('bước 4 chưa xong (minh chứng 01–04 chưa đủ');
    expect(refused.stderr).not.toMatch(/evidence\.progress|\.reason\./);
    // An officer who did send it says so, and the reason is kept.
    const recorded = await dvc([...pasted, '--override', 'đã gửi, ảnh gửi kèm email']);
    expect(recorded.code, recorded.stderr).toBe(ExitCode.Ok);
    expect(readFileSync(path.join(tmp, 'tinh moi', 'evidence.yaml'), 'utf8')).toContain(
      'override: "đã gửi, ảnh gửi kèm email"',
    );
    const step5 = JSON.parse((await dvc(['evidence', 'status', 'tinh moi', '--json'])).stdout) as StatusJson;
    expect(step5.steps[4]).toMatchObject({ step: 5, state: 'done' });
  });

  it('refuses a time it cannot read and a result before its request, saying what to type (exit 2)', async () => {
    await dvc(['evidence', 'init', 'khac', '--dst', 'HNI', '--no-input']);
    const badTime = await dvc(['--lang', 'en', 'evidence', 'sent', 'khac', '--kind', 'cau-hinh', '--at', 'yesterday']);
    expect(badTime.code).toBe(ExitCode.Usage);
    expect(badTime.stderr).toContain('"yesterday" is not a valid time; use "YYYY-MM-DD HH:mm"');
    const early = await dvc(['evidence', 'received', 'khac', '--kind', 'xac-nhan']);
    expect(early.code).toBe(ExitCode.Usage);
    expect(early.stderr).toContain('dvc evidence sent khac --kind xac-nhan');
    const noKind = await dvc(['--lang', 'en', 'evidence', 'sent', 'khac']);
    expect(noKind.code).toBe(ExitCode.Usage);
    expect(noKind.stderr).toContain('"--kind <kind>"');
    // The help to see is asked for in the language chosen on this command line.
    expect(noKind.stderr).toContain('See: dvc --lang en evidence sent --help');
  });

  it('prints one JSON object on the real stdout of the process', async () => {
    const r = await runCli(['--config', CONFIG, 'evidence', 'status', 'tinh moi', '--json'], {
      cwd: tmp,
      env: { CI: '1' },
    });
    expect(r.code).toBe(ExitCode.Ok);
    expect(JSON.parse(r.stdout).steps).toHaveLength(6);
  });
});
