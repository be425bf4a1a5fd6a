import { describe, expect, it } from 'vitest';
import { isSecretName, maskHeaderMap, maskPlainText, showBody } from './mask-fields.js';

describe('defensive masking of shown requests and responses', () => {
  it('recognises credential names in any spelling', () => {
    for (const n of [
      'Authorization',
      'SecurityKey',
      'securitykey',
      'x-api-key',
      'PASSWORD',
      'access_token',
      'Proxy-Authorization',
      'client_secret',
    ])
      expect(isSecretName(n), n).toBe(true);
    for (const n of ['MaHoSo', 'Content-Type', 'service', 'MaThongBaoThue', 'SoTien'])
      expect(isSecretName(n), n).toBe(false);
  });

  it('masks headers by name', () => {
    expect(maskHeaderMap({ Authorization: 'Basic dXNlcjpwYXNz', 'content-type': 'application/json' })).toEqual([
      ['Authorization', '***'],
      ['content-type', 'application/json'],
    ]);
  });

  it('masks JSON fields at any depth, in objects and in JSON text', () => {
    const body = {
      service: 'NhanChungTuThueDat',
      SecurityKey: 'k-123456',
      data: { MaHoSo: 'H55', auth: { password: 'p' } },
    };
    for (const input of [body, JSON.stringify(body)]) {
      const shown = showBody(input);
      expect(shown.json).toBe(true);
      expect(shown.text).not.toContain('k-123456');
      expect(shown.text).not.toContain('"p"');
      expect(shown.text).toContain('"MaHoSo": "H55"');
    }
  });

  it('masks pairs and Basic/Bearer values in plain text', () => {
    expect(maskPlainText('user=a&password=hunter2&x=1')).toBe('user=a&password=***&x=1');
    expect(maskPlainText('<p>Bearer abcdefghijkl</p>')).toBe('<p>Bearer ***</p>');
    expect(maskPlainText("token: 'zz99zz'")).toBe("token: '***'");
  });
});
