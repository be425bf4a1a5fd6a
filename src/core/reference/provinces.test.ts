import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../errors.js';
import { provinceIn2025, provincesOf, resolveProvince } from './provinces.js';

describe('provincesOf', () => {
  it('has 34 provinces in 2025, each with a TMS code, and 63 in both 2004 editions', () => {
    expect(provincesOf('gso-2025')).toHaveLength(34);
    expect(provincesOf('gso-2025').every((p) => /^[1-8]\d\d$/.test(p.tmsCode ?? ''))).toBe(true);
    expect(provincesOf('gso-2004')).toHaveLength(63);
    expect(provincesOf('gso-2004-2021')).toHaveLength(63);
    expect(provincesOf('gso-2004').some((p) => p.tmsCode !== undefined)).toBe(false);
  });
});

describe('resolveProvince', () => {
  it('takes GSO codes with or without their leading zero', () => {
    expect(resolveProvince('19', 'gso-2025')).toMatchObject({
      code: '19',
      name: 'Tỉnh Thái Nguyên',
      matchedBy: 'gso_code',
      tmsCode: '215',
    });
    expect(resolveProvince('1', 'gso-2004')).toMatchObject({
      code: '01',
      name: 'Thành phố Hà Nội',
      matchedBy: 'gso_code',
    });
    expect(resolveProvince(' 06 ', 'gso-2004-2021')).toMatchObject({ code: '06', name: 'Tỉnh Bắc Kạn' });
  });

  it('takes TMS province codes', () => {
    expect(resolveProvince('101', 'gso-2025')).toMatchObject({ code: '01', matchedBy: 'tms_code' });
    expect(resolveProvince('215', 'gso-2025')).toMatchObject({ code: '19', name: 'Tỉnh Thái Nguyên' });
    expect(resolveProvince('701', 'gso-2025')).toMatchObject({ code: '79' });
    expect(resolveProvince('805', 'gso-2025')).toMatchObject({ code: '91', name: 'Tỉnh An Giang' });
  });

  it('refuses a TMS code in a 2004 list, naming the old provinces it covers', () => {
    expect(() => resolveProvince('223', 'gso-2004')).toThrow(
      expect.objectContaining({
        key: 'reference.provinceTmsOld',
        exitCode: ExitCode.Usage,
        params: expect.objectContaining({
          province: 'Tỉnh Bắc Ninh (24)',
          candidates: 'Tỉnh Bắc Giang (24), Tỉnh Bắc Ninh (27)',
        }),
      }),
    );
  });

  it('takes names with or without diacritics, prefix or spaces', () => {
    expect(resolveProvince('Thái Nguyên', 'gso-2025')).toMatchObject({ code: '19', matchedBy: 'normalised' });
    expect(resolveProvince('Tỉnh Thái Nguyên', 'gso-2025')).toMatchObject({ code: '19', matchedBy: 'exact' });
    expect(resolveProvince('thai nguyen', 'gso-2025')).toMatchObject({ code: '19', matchedBy: 'folded' });
    expect(resolveProvince('TP Hà Nội', 'gso-2025')).toMatchObject({ code: '01' });
    expect(resolveProvince('Ha Noi', 'gso-2004')).toMatchObject({ code: '01' });
    expect(resolveProvince('Hồ Chí Minh', 'gso-2025')).toMatchObject({ code: '79' });
    expect(resolveProvince('Bà Rịa Vũng Tàu', 'gso-2004')).toMatchObject({ code: '77' });
    expect(resolveProvince('Thanh Hoá', 'gso-2025')).toMatchObject({ code: '38' });
    expect(resolveProvince('daklak', 'gso-2025')).toMatchObject({ code: '66' });
  });

  it('takes names in NFD, as macOS and some exports write them', () => {
    const nfd = 'Thái Nguyên'.normalize('NFD');
    expect(nfd).not.toBe('Thái Nguyên');
    expect(resolveProvince(nfd, 'gso-2025')).toMatchObject({ code: '19' });
    expect(resolveProvince('Lạng Sơn'.normalize('NFD'), 'gso-2004')).toMatchObject({ code: '20' });
  });

  it('takes the usual short names of Hồ Chí Minh City', () => {
    for (const q of ['tp hcm', 'TP.HCM', 'TPHCM', 'HCM', 'Sài Gòn']) {
      expect(resolveProvince(q, 'gso-2025')).toMatchObject({ code: '79', matchedBy: 'alias' });
    }
  });

  it('says where a province of the 2004 list went when it is asked for in the 2025 list', () => {
    expect(() => resolveProvince('Bắc Kạn', 'gso-2025')).toThrow(
      expect.objectContaining({
        key: 'reference.provinceMerged',
        exitCode: ExitCode.Usage,
        params: expect.objectContaining({ code: '19' }),
      }),
    );
    expect(provinceIn2025('06')).toBe('19');
    expect(provinceIn2025('89')).toBe('91');
  });

  it('lists close names for a misspelt province and fails as a usage error', () => {
    expect(() => resolveProvince('Thai Ngyen', 'gso-2025')).toThrow(
      expect.objectContaining({
        key: 'reference.provinceUnknownNear',
        exitCode: ExitCode.Usage,
        params: expect.objectContaining({ candidates: expect.stringContaining('Tỉnh Thái Nguyên (19)') }),
      }),
    );
    expect(() => resolveProvince('Atlantis', 'gso-2025')).toThrow(
      expect.objectContaining({ key: 'reference.provinceUnknown' }),
    );
    expect(() => resolveProvince('07', 'gso-2025')).toThrow(
      expect.objectContaining({ key: 'reference.provinceUnknown' }),
    );
    expect(() => resolveProvince('999', 'gso-2025')).toThrow(
      expect.objectContaining({ key: 'reference.provinceUnknown' }),
    );
    expect(() => resolveProvince('  ', 'gso-2025')).toThrow(
      expect.objectContaining({ key: 'reference.provinceEmpty' }),
    );
  });
});

describe('resolveProvince over every province of every edition', () => {
  const fold = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D');
  const bare = (s: string) => s.replace(/^(Tỉnh|Thành phố) /, '');
  for (const edition of ['gso-2025', 'gso-2004', 'gso-2004-2021'] as const) {
    it(`finds each ${edition} province by code, full name, bare name, NFD, upper case and without diacritics`, () => {
      for (const p of provincesOf(edition)) {
        const variants = [
          p.code,
          String(Number(p.code)),
          p.name,
          bare(p.name),
          p.name.normalize('NFD'),
          bare(p.name).toUpperCase(),
          fold(bare(p.name)).toLowerCase(),
          `  ${fold(p.name)}  `,
        ];
        if (p.tmsCode) variants.push(p.tmsCode);
        for (const v of variants)
          expect(resolveProvince(v, edition).code, `${edition} ${JSON.stringify(v)}`).toBe(p.code);
      }
    });
  }
});
