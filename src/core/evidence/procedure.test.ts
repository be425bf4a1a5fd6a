import { describe, expect, it } from 'vitest';
import { addWorkingHours, calendarFrom, formatVnTime, parseVnTime, type WorkCalendar } from './working-time.js';
import { procedureStatus, progressFromYaml, alertProblems, type StatusInput } from './procedure.js';
import { statusLines } from './procedure-lines.js';

const cal: WorkCalendar = calendarFrom({
  hours: [
    ['08:00', '12:00'],
    ['13:00', '17:00'],
  ],
  holidays: ['2026-04-30', '2026-05-01'],
  workdays: ['2026-05-09'],
}).calendar;
const vn = (s: string) => parseVnTime(s)!;
const due = (sent: string) => formatVnTime(addWorkingHours(vn(sent), 8, cal)!);

describe('8 working hours of step 3 (Vietnam time, working days and hours, holidays)', () => {
  it('counts only working hours: Friday afternoon runs into Monday', () => {
    expect(due('2026-11-20 15:30')).toBe('2026-11-23 15:30');
  });
  it('a morning request is due at the end of the same working day', () => {
    expect(due('2026-11-19 08:00')).toBe('2026-11-19 17:00');
    expect(due('2026-11-19 09:00')).toBe('2026-11-20 09:00');
  });
  it('skips the lunch break, nights and weekends; a request sent at night starts the next morning', () => {
    expect(due('2026-11-19 11:00')).toBe('2026-11-20 11:00');
    expect(due('2026-11-21 10:00')).toBe('2026-11-23 17:00');
    expect(due('2026-11-19 22:00')).toBe('2026-11-20 17:00');
  });
  it('skips public holidays and counts a compensatory Saturday', () => {
    expect(due('2026-04-29 13:00')).toBe('2026-05-04 12:00');
    expect(due('2026-05-08 13:00')).toBe('2026-05-09 12:00');
  });
  it('reads the shipped form of the holiday file and reports what it cannot read', () => {
    const r = calendarFrom({ hours: [['7:30', '11:30']], holidays: ['2026-13-01', new Date('2026-01-01')] });
    expect(r.problems).toEqual(['holidays: 2026-13-01']);
    expect(r.calendar.holidays.has('2026-01-01')).toBe(true);
    expect(r.calendar.hours).toEqual([[450, 690]]);
  });
  it('parses Vietnam times and ISO instants', () => {
    expect(new Date(vn('2026-11-19 09:30')).toISOString()).toBe('2026-11-19T02:30:00.000Z');
    expect(parseVnTime('2026-11-19T09:30:00+07:00')).toBe(vn('2026-11-19 09:30'));
    expect(parseVnTime('19/11/2026')).toBeUndefined();
    expect(parseVnTime('2026-02-30')).toBeUndefined();
  });
});

function input(progress: unknown, over: Partial<StatusInput> = {}): StatusInput {
  return {
    progress: progressFromYaml(progress),
    results: [
      {
        file: 'a',
        ok: true,
        type: 'chung-tu',
        at: vn('2026-11-24 09:00'),
        url: 'https://p.gov.vn/ct',
        failedChecks: [],
      },
    ],
    apis: { 'chung-tu': 'https://p.gov.vn/ct' },
    configReady: true,
    confirmReady: true,
    now: vn('2026-11-20 16:00'),
    calendar: cal,
    ...over,
  };
}

describe('procedure status', () => {
  it('studying before anything is sent; waiting then overdue after the configuration request', () => {
    expect(procedureStatus(input({})).national).toBe('studying');
    const sent = { progress: { 'cau-hinh': { sent: '2026-11-20 15:30' } } };
    const waiting = procedureStatus(input(sent));
    expect(waiting.steps[2]).toMatchObject({ step: 3, state: 'waiting' });
    expect(formatVnTime(waiting.deadline!.due)).toBe('2026-11-23 15:30');
    const overdue = procedureStatus(input(sent, { now: vn('2026-11-23 15:31') }));
    expect(overdue.steps[2].state).toBe('overdue');
  });

  it('integrated and testing once configured; API checks after configuration count only newer results', () => {
    const p = { progress: { 'cau-hinh': { sent: '2026-11-20 15:30', result: '2026-11-23 10:00', outcome: 'ok' } } };
    const st = procedureStatus(input(p));
    expect(st.national).toBe('testing');
    expect(st.deadline?.met).toBe(true);
    expect(st.apiChecksAfterConfig).toEqual([expect.objectContaining({ type: 'chung-tu', ok: true })]);
    expect(st.steps[3].state).toBe('done');
    const old = procedureStatus(
      input(p, { results: [{ file: 'a', ok: true, type: 'chung-tu', at: vn('2026-11-19 09:00'), failedChecks: [] }] }),
    );
    expect(old.steps[3].state).toBe('pending');
  });

  it('done when the confirmation is received; a rejected result says so', () => {
    const done = procedureStatus(
      input({
        progress: {
          'cau-hinh': { sent: '2026-11-20 15:30', result: '2026-11-23 10:00', outcome: 'ok' },
          'xac-nhan': { sent: '2026-11-25 09:00', result: '2026-11-26 09:00', outcome: 'ok' },
        },
      }),
    );
    expect(done.national).toBe('done');
    expect(done.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done', 'done', 'done']);
    const rejected = procedureStatus(
      input({ progress: { 'cau-hinh': { sent: '2026-11-20 15:30', result: '2026-11-23', outcome: 'rejected' } } }),
    );
    expect(rejected.steps[2].state).toBe('rejected');
    expect(statusLines(rejected)[2].next?.key).toBe('evidence.status.next.resendConfig');
  });

  it('validates the error-alert registration: unit, service type, phones and e-mails', () => {
    expect(alertProblems(progressFromYaml({}).alerts).map((p) => p.key)).toEqual([
      'evidence.alerts.noUnit',
      'evidence.alerts.noServiceType',
      'evidence.alerts.noPhone',
      'evidence.alerts.noEmail',
    ]);
    const a = progressFromYaml({
      alerts: { unit: 'UBND', serviceType: 'x', phones: ['0912 345 678', '12'], emails: 'motcua@hanoi.gov.vn' },
    }).alerts;
    expect(alertProblems(a)).toEqual([{ key: 'evidence.alerts.badPhone', value: '12' }]);
    const ok = procedureStatus(
      input({ alerts: { ...a, phones: ['0912 345 678'], registered: '2026-11-20 10:00' } }),
    ).alerts;
    expect(ok.ok).toBe(true);
  });

  it('reports recorded values it cannot read instead of guessing', () => {
    const p = progressFromYaml({ progress: { 'cau-hinh': { sent: 'hôm qua', outcome: 'maybe' } } });
    expect(p.problems).toEqual(['progress.cau-hinh.outcome: maybe', 'progress.cau-hinh.sent: hôm qua']);
  });
});
