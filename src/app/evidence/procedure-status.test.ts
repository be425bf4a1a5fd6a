import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { evidenceStatus, recordProgress } from './procedure-status.js';
import { SAMPLE_CONFIG, sampleFolder, tempDir } from '../../test-support/evidence-sample.js';
import { parseVnTime } from '../../core/evidence/working-time.js';
import { sayIn } from '../../cli/render/evidence/evidence-texts.js';

let tmp: ReturnType<typeof tempDir>;
let dir: string;
const base = () => ({ dir, configPath: SAMPLE_CONFIG, cwd: tmp.dir, say: sayIn('vi') });
beforeAll(() => {
  tmp = tempDir('dvc-status-');
  dir = sampleFolder(tmp.dir);
});
afterAll(() => tmp.remove());

describe('evidence status, sent and received', () => {
  it('walks the procedure: sent, deadline, result, national state, alerts — all kept in evidence.yaml', async () => {
    const before = await evidenceStatus({ ...base(), now: parseVnTime('2026-11-20 16:00') });
    expect(before.status.national).toBe('studying');
    expect(before.status.steps.map((s) => s.state)).toEqual([
      'done',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
    expect(before.holidaysFile).toMatch(/vn-holidays\.yaml$/);

    await recordProgress({ ...base(), what: 'sent', kind: 'cau-hinh', at: '2026-11-20 15:30' });
    const waiting = await evidenceStatus({ ...base(), now: parseVnTime('2026-11-23 09:00') });
    expect(waiting.status.steps[2].state).toBe('waiting');
    const overdue = await evidenceStatus({ ...base(), now: parseVnTime('2026-11-24 09:00') });
    expect(overdue.status.steps[2].state).toBe('overdue');

    await recordProgress({ ...base(), what: 'received', kind: 'cau-hinh', outcome: 'ok', at: '2026-11-23 10:00' });
    const configured = await evidenceStatus({ ...base(), now: parseVnTime('2026-11-24 09:00') });
    expect(configured.status.national).toBe('testing');
    expect(configured.status.deadline?.met).toBe(true);

    const r = await recordProgress({ ...base(), what: 'alerts', at: '2026-11-23 11:00' });
    expect(r.changes).toEqual([
      { field: 'alerts.registered', path: ['alerts', 'registered'], value: '2026-11-23 11:00' },
    ]);
    expect((await evidenceStatus({ ...base() })).status.alerts.ok).toBe(true);
    const yaml = readFileSync(path.join(dir, 'evidence.yaml'), 'utf8');
    expect(yaml).toContain('sent: 2026-11-20 15:30');
    expect(yaml).toContain('outcome: ok');
    expect(yaml).toContain('# Tên đơn vị');
  });

  it('refuses a result before the request is sent, a bad time, and alerts that are not filled in (exit 2)', async () => {
    await expect(recordProgress({ ...base(), what: 'received', kind: 'xac-nhan' })).rejects.toMatchObject({
      key: 'evidence.progress.notSent',
      exitCode: 2,
    });
    await expect(recordProgress({ ...base(), what: 'sent', kind: 'xac-nhan', at: 'hôm qua' })).rejects.toMatchObject({
      key: 'evidence.progress.badTime',
    });
    const other = sampleFolder(tmp.dir, 'no-alerts');
    const file = path.join(other, 'evidence.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('phones: ["024 3825 1234"]', 'phones: ["12"]'));
    await expect(recordProgress({ ...base(), dir: other, what: 'alerts' })).rejects.toMatchObject({
      key: 'evidence.alerts.incomplete',
      params: expect.objectContaining({ problems: 'alerts.phones (12)' }),
    });
  });

  it('uses an edited holiday file when given one, and refuses one it cannot read', async () => {
    const hol = path.join(tmp.dir, 'ngay-nghi.yaml');
    writeFileSync(hol, "hours: [['07:30', '11:30'], ['13:30', '17:00']]\nholidays: [2026-11-23]\n");
    const other = sampleFolder(tmp.dir, 'holidays');
    await recordProgress({ ...base(), dir: other, what: 'sent', kind: 'cau-hinh', at: '2026-11-20 15:30' });
    const st = await evidenceStatus({ ...base(), dir: other, holidays: hol, now: parseVnTime('2026-11-20 16:00') });
    expect(new Date(st.status.deadline!.due).toISOString()).toBe('2026-11-24T09:00:00.000Z');
    writeFileSync(hol, 'holidays: [2026-02-30]\n');
    await expect(evidenceStatus({ ...base(), dir: other, holidays: hol })).rejects.toMatchObject({
      key: 'evidence.holidays.bad',
    });
  });

  it('refuses what cannot have happened, records an explicit override, and re-sending clears the old result', async () => {
    // The sample's API tests ran at 2026-12-06 10:00 (Vietnam time), before the configuration below.
    const d = sampleFolder(tmp.dir, 'order', parseVnTime('2026-12-07 10:00'));
    const at = (s: string) => ({ ...base(), dir: d, at: s, now: parseVnTime('2026-12-07 10:00') });
    await expect(recordProgress({ ...at('2026-12-08 09:00'), what: 'sent', kind: 'cau-hinh' })).rejects.toMatchObject({
      key: 'evidence.progress.future',
      exitCode: 2,
    });
    await recordProgress({ ...at('2026-12-06 11:00'), what: 'sent', kind: 'cau-hinh' });
    await expect(
      recordProgress({ ...at('2026-12-06 10:59'), what: 'received', kind: 'cau-hinh', outcome: 'ok' }),
    ).rejects.toMatchObject({ key: 'evidence.progress.beforeSent' });
    // Before the configuration is done, the confirmation cannot be sent; the refusal says why, in words.
    await expect(recordProgress({ ...at('2026-12-06 11:30'), what: 'sent', kind: 'xac-nhan' })).rejects.toMatchObject({
      key: 'evidence.progress.step4Incomplete',
      params: expect.objectContaining({ reasons: 'chưa ghi nhận yêu cầu cấu hình được xử lý' }),
    });
    await recordProgress({ ...at('2026-12-06 12:00'), what: 'received', kind: 'cau-hinh', outcome: 'ok' });
    // The sample's API tests ran before the configuration: step 4 is not complete.
    await expect(recordProgress({ ...at('2026-12-06 13:00'), what: 'sent', kind: 'xac-nhan' })).rejects.toMatchObject({
      key: 'evidence.progress.step4Incomplete',
      params: expect.objectContaining({ reasons: expect.stringContaining('chưa kiểm tra lại API sau cấu hình') }),
    });
    await expect(
      recordProgress({ ...at('2026-12-06 13:00'), what: 'sent', kind: 'cau-hinh', override: 'x' }),
    ).rejects.toMatchObject({ key: 'evidence.progress.overrideOnlyConfirm' });
    const r = await recordProgress({
      ...at('2026-12-06 13:00'),
      what: 'sent',
      kind: 'xac-nhan',
      override: 'đã gửi qua email trước khi dùng dvc',
    });
    expect(r.changes.map((c) => c.field)).toEqual(['progress.xac-nhan.sent', 'progress.xac-nhan.override']);
    expect(readFileSync(path.join(d, 'evidence.yaml'), 'utf8')).toContain(
      'override: đã gửi qua email trước khi dùng dvc',
    );
    await recordProgress({ ...at('2026-12-06 14:00'), what: 'received', kind: 'xac-nhan', outcome: 'rejected' });
    const again = await recordProgress({ ...at('2026-12-06 15:00'), what: 'sent', kind: 'xac-nhan', override: 'y' });
    expect(again.changes.map((c) => [c.field, c.value])).toContainEqual(['progress.xac-nhan.result', '']);
    const st = await evidenceStatus({ ...base(), dir: d, now: parseVnTime('2026-12-07 10:00') });
    expect(st.status.steps[5].state).toBe('waiting');
  });
});
