import { describe, expect, it } from 'vitest';
import { checkEvidence, DEFAULT_LIMITS, type CheckInput } from './check-rules.js';
import { urlFindings, unreachableHost } from './url-rules.js';
import type { EvidenceMeta } from './evidence-types.js';

const NOW = Date.UTC(2026, 10, 25);
const REQUIRED = ['thong-bao-thue', 'chung-tu'];

function run(meta: EvidenceMeta, kind: CheckInput['kind'] = 'cau-hinh') {
  return checkEvidence({ kind, meta, files: [], now: NOW, limits: DEFAULT_LIMITS, requiredApiTypes: REQUIRED });
}

const good: EvidenceMeta = {
  unitName: 'Thành phố Hà Nội',
  dst: 'HNI',
  email: 'motcua@hanoi.gov.vn',
  contactName: 'Nguyễn Văn An',
  contactPhone: '024 3825 1234',
  apis: {
    'tra-cuu': 'https://motcua.hanoi.gov.vn/api/tra-cuu',
    'thong-bao-thue': 'https://motcua.hanoi.gov.vn/api/thong-bao-thue',
    'chung-tu': 'https://motcua.hanoi.gov.vn/api/chung-tu',
  },
};

const failing = (r: ReturnType<typeof run>) => r.items.filter((i) => !i.ok).map((i) => `${i.severity} ${i.id}`);
const failingMeta = (r: ReturnType<typeof run>) => failing(r).filter((s) => s.includes(' metadata.'));

describe('check of a configuration request, as the Government Office would judge it', () => {
  it('refuses 1 of 3 URLs, no DSTCode and a loopback http URL — each finding with its fix', () => {
    const r = run({
      unitName: 'Thành phố Hà Nội',
      email: 'motcua@hanoi.gov.vn',
      apis: { 'tra-cuu': 'http://127.0.0.1:8080/tra-cuu' },
      namedApis: ['tra-cuu', 'thong-bao-thue', 'chung-tu'],
    });
    expect(r.ok).toBe(false);
    expect(failing(r)).toEqual(
      expect.arrayContaining([
        'error metadata.dst',
        'error metadata.apis.thong-bao-thue',
        'error metadata.apis.chung-tu',
        'error metadata.apis.tra-cuu.unreachable',
        'warning metadata.apis.tra-cuu.plainHttp',
      ]),
    );
    for (const i of r.items.filter((x) => !x.ok)) expect(i.fix?.key, i.id).toMatch(/^evidence\.fix\./);
  });

  it('needs the two published land API types even when evidence.yaml names none of them', () => {
    const r = run({ ...good, apis: { 'tra-cuu': good.apis['tra-cuu'] } });
    expect(r.ok).toBe(false);
    expect(failingMeta(r)).toEqual(['error metadata.apis.thong-bao-thue', 'error metadata.apis.chung-tu']);
  });

  it('passes a complete request; plain http and IP addresses are warnings, not refusals', () => {
    expect(run(good).ok).toBe(true);
    const r = run({ ...good, apis: { ...good.apis, 'chung-tu': 'http://203.0.113.7/api/chung-tu' } });
    expect(r.ok).toBe(true);
    expect(failingMeta(r)).toEqual([
      'warning metadata.apis.chung-tu.plainHttp',
      'warning metadata.apis.chung-tu.ipAddress',
    ]);
  });

  it('refuses a malformed e-mail and a missing unit', () => {
    const r = run({ ...good, unitName: undefined, email: 'motcua@hanoi' });
    expect(failing(r)).toEqual(expect.arrayContaining(['error metadata.unitName', 'error metadata.email']));
  });

  it('a confirmation request needs the step-4 evidence: the three screenshots and the receipt', () => {
    const r = run({ ...good, dossierCode: '000.00.12.H26-261118-0001', testDate: '2026-11-20' }, 'xac-nhan');
    expect(r.ok).toBe(false);
    expect(failing(r)).toEqual(
      expect.arrayContaining(['error folder.01', 'error folder.02', 'error folder.03', 'error folder.04']),
    );
  });
});

describe('urlFindings', () => {
  it.each([
    ['http://localhost:8080/x', 'unreachable'],
    ['https://10.1.2.3/x', 'unreachable'],
    ['https://172.20.0.1/x', 'unreachable'],
    ['https://192.168.1.10/x', 'unreachable'],
    ['https://169.254.1.1/x', 'unreachable'],
    ['https://[::1]/x', 'unreachable'],
    ['https://[fd00::1]/x', 'unreachable'],
    ['https://motcua.local/x', 'unreachable'],
    ['https://motcua/x', 'unreachable'],
    ['https://user:pw@motcua.gov.vn/x', 'credentials'],
    ['ftp://motcua.gov.vn/x', 'notUrl'],
    ['not a url', 'notUrl'],
  ])('%s → %s', (url, key) => {
    expect(urlFindings(url).map((f) => f.key)).toContain(key);
  });

  it('takes a public https name as it is', () => {
    expect(urlFindings('https://motcua.thainguyen.gov.vn/api')).toEqual([]);
    expect(unreachableHost('172.32.0.1')).toBe(false);
    expect(urlFindings('https://[2001:db8::1]/x').map((f) => f.key)).toEqual(['ipAddress']);
  });
});
