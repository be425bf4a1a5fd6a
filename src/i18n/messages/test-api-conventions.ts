import type { MessageTable } from '../i18n-types.js';

/** Texts of response conventions, emulation, rehearsal, bounds and credential safety (test-api, mock-api). */
export const testApiConventions: MessageTable = {
  vi: {
    'testApi.h.bareBody': '(thân yêu cầu trần, không có phong bì service)',
    'testApi.h.conventionsTitle': 'Quy ước trả lời (provinces.<tỉnh>.response.preset)',
    'testApi.h.typeCodes': 'mã thành công của từng loại API',
    'api.check.arrayRefused':
      'câu trả lời là một mảng, quy ước của tỉnh không nhận mảng (response.array = reject); cần một đối tượng có {field}',
    'mock.answer.unknownDossier': 'Hồ sơ {dossier} không tồn tại trên hệ thống',
    'mock.opt.emulate':
      'trả lời như hệ thống nào: reference (khuyến nghị của dvc cho nhà cung cấp), opencps, thanh-hoa (như mã nguồn công khai của hệ thống đó)',
    'mock.badEmulate': '--emulate không nhận "{value}"; chọn một trong: {known}.',
  },
  en: {
    'testApi.h.bareBody': '(bare body, no service envelope)',
    'testApi.h.conventionsTitle': 'Response conventions (provinces.<key>.response.preset)',
    'testApi.h.typeCodes': "each API type's success codes",
    'api.check.arrayRefused':
      "the answer is an array, which the province's convention does not take (response.array = reject); an object with {field} expected",
    'mock.answer.unknownDossier': 'Dossier {dossier} does not exist in the system',
    'mock.opt.emulate':
      "whose answers to give: reference (dvc's recommendation to vendors), opencps, thanh-hoa (as that system's public code answers)",
    'mock.badEmulate': '--emulate does not take "{value}"; choose one of: {known}.',
  },
};
