import type { MessageTable } from '../i18n-types.js';

/** Packing large bundles: the payload hashing that runs beside the writing. */
export const evidencePackSpeed: MessageTable = {
  vi: {
    'evidence.pack.hashFailed':
      'Không tính được mã băm SHA-256 của tệp minh chứng ({reason}); chưa có gói nào được tạo. Hãy chạy lại; nếu lỗi lặp lại, báo cho người hỗ trợ kèm thông báo này.',
  },
  en: {
    'evidence.pack.hashFailed':
      'Could not compute the SHA-256 of the evidence files ({reason}); no bundle was written. Run again; if it happens again, report it with this message.',
  },
};
