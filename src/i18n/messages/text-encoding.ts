import type { MessageTable } from '../i18n-types.js';

/** Texts about the encoding of what officers and servers send (not UTF-8, byte order marks). */
export const textEncoding: MessageTable = {
  vi: {
    'api.issue.xmlNotUtf8':
      'tệp XML thông báo thuế không phải UTF-8 (byte thứ {offset}, dòng {line}); lưu lại tệp với bảng mã UTF-8 rồi mã hóa base64',
  },
  en: {
    'api.issue.xmlNotUtf8':
      'the tax notice XML is not UTF-8 (byte {offset}, line {line}); save the file as UTF-8, then base64-encode it',
  },
};
