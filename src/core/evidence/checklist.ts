import type { FileKind, RequestKind } from './evidence-types.js';

/**
 * The evidence folder's checklist. The first three folders are the three screenshots Appendix 1 (step 4) asks
 * the focal officer to take; 04 holds the receipts to keep ("lưu giữ biên lai"); 05 the results of the API
 * tests of step 1; 06 an optional video (step 5 says "video/ hình ảnh").
 */
export interface ChecklistFolder {
  id: string;
  dir: string;
  /** The kinds accepted in this folder. */
  kinds: readonly FileKind[];
  /** Request kinds for which the folder must hold at least one file. */
  requiredFor: readonly RequestKind[];
  /** Vietnamese description used in HUONG-DAN.txt and the list of attachments. */
  title: string;
}

const IMAGES: readonly FileKind[] = ['png', 'jpeg', 'pdf', 'mp4', 'webm'];

export const CHECKLIST: readonly ChecklistFolder[] = [
  {
    id: '01',
    dir: '01-tin-nhan-thong-bao-thue',
    kinds: IMAGES,
    requiredFor: ['xac-nhan'],
    title: 'Ảnh chụp tin nhắn thông báo thuế trên điện thoại người dân',
  },
  {
    id: '02',
    dir: '02-xac-nhan-thanh-toan',
    kinds: IMAGES,
    requiredFor: ['xac-nhan'],
    title: 'Ảnh chụp xác nhận thanh toán thành công của người dân',
  },
  {
    id: '03',
    dir: '03-phan-mem-mot-cua',
    kinds: IMAGES,
    requiredFor: ['xac-nhan'],
    title: 'Ảnh chụp màn hình phần mềm một cửa ghi nhận kết quả thanh toán và biên lai Cổng DVCQG gửi về',
  },
  {
    id: '04',
    dir: '04-bien-lai',
    kinds: ['pdf', 'png', 'jpeg', 'xml'],
    requiredFor: ['xac-nhan'],
    title: 'Biên lai thanh toán (PDF, ảnh hoặc XML)',
  },
  {
    id: '05',
    dir: '05-ket-qua-kiem-tra-api',
    kinds: ['json', 'xml', 'text'],
    requiredFor: [],
    title: 'Kết quả kiểm tra API (dvc test-api --save: JSON, JUnit XML)',
  },
  {
    id: '06',
    dir: '06-video',
    kinds: ['mp4', 'webm'],
    requiredFor: [],
    title: 'Video quá trình thanh toán (không bắt buộc)',
  },
];

export const META_FILE = 'evidence.yaml';
export const GUIDE_FILE = 'HUONG-DAN.txt';
export const TEST_API_DIR = '05-ket-qua-kiem-tra-api';
export const VIDEO_DIR = '06-video';

/** What an extension promises. Unknown extensions map to undefined (reported as a warning, never guessed). */
const EXTENSIONS: Record<string, FileKind> = {
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  pdf: 'pdf',
  mp4: 'mp4',
  m4v: 'mp4',
  mov: 'mp4',
  webm: 'webm',
  xml: 'xml',
  json: 'json',
  txt: 'text',
  log: 'text',
  md: 'text',
  yaml: 'text',
  yml: 'text',
};

/** The extension a file of each kind usually carries, for the fix "rename it to .jpg". */
export const USUAL_EXTENSION: Record<FileKind, string> = {
  png: 'png',
  jpeg: 'jpg',
  pdf: 'pdf',
  mp4: 'mp4',
  webm: 'webm',
  xml: 'xml',
  json: 'json',
  text: 'txt',
  other: '',
};

export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function kindOfExtension(name: string): FileKind | undefined {
  return EXTENSIONS[extensionOf(name)];
}

export function folderOf(rel: string): ChecklistFolder | undefined {
  const top = rel.split('/')[0];
  return CHECKLIST.find((f) => f.dir === top);
}

/** Operating-system litter that is never evidence: skipped by check and pack. */
export function isSystemFile(rel: string): boolean {
  const base = rel.slice(rel.lastIndexOf('/') + 1).toLowerCase();
  return (
    base === '.ds_store' ||
    base === 'thumbs.db' ||
    base === 'desktop.ini' ||
    base.startsWith('._') ||
    base.startsWith('~$') ||
    rel.split('/').some((p) => p.startsWith('.'))
  );
}
