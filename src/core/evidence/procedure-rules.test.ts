import { describe, expect, it } from 'vitest';
import { calendarFrom, parseVnTime } from './working-time.js';
import { procedureStatus, progressFromYaml } from './procedure.js';
import { statusLines } from './procedure-lines.js';
import { eventRefusal } from './procedure-rules.js';

const vn = (s: string) => parseVnTime(s)!;
const now = vn('2026-12-07 10:00');
const sentCfg = { progress: { 'cau-hinh': { sent: '2026-12-01 09:00' } } };
const configured = {
  progress: { 'cau-hinh': { sent: '2026-12-01 09:00', result: '2026-12-02 10:00', outcome: 'ok' } },
};
const complete = { evidenceComplete: true, untested: [] };

describe('the order of the procedure, one rule at a time', () => {
  it('refuses any event later than now, with both times', () => {
    const r = eventRefusal(progressFromYaml({}), { what: 'sent', kind: 'cau-hinh', at: vn('2026-12-08 09:00') }, now);
    expect(r).toEqual({ key: 'evidence.progress.future', params: { at: '2026-12-08 09:00', now: '2026-12-07 10:00' } });
    // A minute of clock slack is not the future.
    expect(eventRefusal(progressFromYaml({}), { what: 'alerts', at: now + 30_000 }, now)).toBeUndefined();
  });

  it('refuses a result when nothing was sent, or one dated before the request it answers', () => {
    const p = progressFromYaml({});
    expect(eventRefusal(p, { what: 'received', kind: 'cau-hinh', at: now }, now)?.key).toBe(
      'evidence.progress.notSent',
    );
    const r = eventRefusal(
      progressFromYaml(sentCfg),
      { what: 'received', kind: 'cau-hinh', at: vn('2026-11-30 09:00') },
      now,
    );
    expect(r).toEqual({
      key: 'evidence.progress.beforeSent',
      params: { kind: 'cau-hinh', at: '2026-11-30 09:00', sent: '2026-12-01 09:00' },
    });
    expect(
      eventRefusal(progressFromYaml(sentCfg), { what: 'received', kind: 'cau-hinh', at: vn('2026-12-01 09:00') }, now),
    ).toBeUndefined();
  });

  it('refuses the confirmation request before the configuration is done, or dated before its result', () => {
    const notConfigured = eventRefusal(
      progressFromYaml(sentCfg),
      { what: 'sent', kind: 'xac-nhan', at: now },
      now,
      complete,
    );
    expect(notConfigured?.key).toBe('evidence.progress.step4Incomplete');
    expect(notConfigured?.reasons).toEqual([{ key: 'evidence.progress.reason.notConfigured' }]);
    const early = eventRefusal(
      progressFromYaml(configured),
      { what: 'sent', kind: 'xac-nhan', at: vn('2026-12-02 09:00') },
      now,
      complete,
    );
    expect(early?.key).toBe('evidence.progress.beforeConfig');
  });

  it('refuses the confirmation request while step 4 is incomplete, saying why; an override lets it through', () => {
    const p = progressFromYaml(configured);
    const e = { what: 'sent', kind: 'xac-nhan', at: now } as const;
    const r = eventRefusal(p, e, now, { evidenceComplete: false, untested: ['thong-bao-thue'] });
    expect(r?.reasons).toEqual([
      { key: 'evidence.progress.reason.evidence' },
      { key: 'evidence.progress.reason.apis', params: { types: 'thong-bao-thue' } },
    ]);
    expect(eventRefusal(p, e, now, { evidenceComplete: false, untested: [] }, 'đã gửi qua email')).toBeUndefined();
    expect(eventRefusal(p, e, now, complete)).toBeUndefined();
  });
});

const cal = calendarFrom({
  hours: [
    ['08:00', '12:00'],
    ['13:00', '17:00'],
  ],
}).calendar;

describe('status never says more than happened', () => {
  it('a confirmed procedure shows no unfinished step next to "Đã hoàn thành"', () => {
    const st = procedureStatus({
      progress: progressFromYaml({
        progress: {
          ...configured.progress,
          'xac-nhan': { sent: '2026-12-03 09:00', result: '2026-12-04 09:00', outcome: 'ok' },
        },
      }),
      results: [],
      apis: { 'chung-tu': 'https://p.gov.vn/ct' },
      configReady: true,
      confirmReady: false,
      now,
      calendar: cal,
    });
    expect(st.national).toBe('done');
    expect(st.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);
    const lines = statusLines(st, 'HNI');
    expect(lines[3].message.key).toBe('evidence.status.step4.confirmed');
    expect(lines.slice(0, 6).some((l) => l.next !== undefined)).toBe(false);
  });

  it('advises re-running only the types not yet tested after configuration; a received notice is re-sent as an update', () => {
    const st = procedureStatus({
      progress: progressFromYaml(configured),
      results: [
        // Passed before the configuration: the notice was received by the province's system.
        {
          file: '05-ket-qua-kiem-tra-api/HNI-thong-bao-thue-20261130091500.result.json',
          ok: true,
          type: 'thong-bao-thue',
          at: vn('2026-11-30 09:15'),
          failedChecks: [],
        },
        // Never passed: a plain re-run.
        {
          file: '05-ket-qua-kiem-tra-api/HNI-chung-tu-20261130092000.result.json',
          ok: false,
          type: 'chung-tu',
          at: vn('2026-11-30 09:20'),
          failedChecks: ['x'],
        },
        // Passed after the configuration, against the configured URL: nothing to do.
        {
          file: '05-ket-qua-kiem-tra-api/HNI-tra-cuu-20261203091000.result.json',
          ok: true,
          type: 'tra-cuu',
          at: vn('2026-12-03 09:10'),
          url: 'https://p.gov.vn/tc',
          failedChecks: [],
        },
      ],
      apis: {
        'tra-cuu': 'https://p.gov.vn/tc',
        'thong-bao-thue': 'https://p.gov.vn/tb',
        'chung-tu': 'https://p.gov.vn/ct',
      },
      configReady: true,
      confirmReady: true,
      now,
      calendar: cal,
    });
    const step4 = statusLines(st, 'HNI')[3];
    expect(step4.state).toBe('pending');
    expect(step4.next).toBeUndefined();
    expect(step4.also?.map((a) => [a.key, a.params?.type])).toEqual([
      ['evidence.status.retestUpdate', 'thong-bao-thue'],
      ['evidence.status.retest', 'chung-tu'],
    ]);
    expect(step4.also?.[0].params?.request).toBe(
      '05-ket-qua-kiem-tra-api/HNI-thong-bao-thue-20261130091500.request.json',
    );
  });
});
