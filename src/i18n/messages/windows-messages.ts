import type { MessageTable } from '../i18n-types.js';

/** Texts of dvc.exe started from Windows Explorer: double-click help, drag-and-drop, the closing pause. */
export const windowsLaunch: MessageTable = {
  vi: {
    'win.help': [
      'dvc {version} — thanh toán nghĩa vụ tài chính về đất đai qua Cổng DVC quốc gia',
      '',
      'Đối chiếu mã phường/xã: kéo tệp Excel (.xlsx, có sheet "MX Bo TTTT" và',
      '"MX CQT") thả vào biểu tượng dvc.exe. Kết quả được ghi bên cạnh tệp, tên thêm',
      '".doi-chieu" (không bao giờ ghi đè tệp đã có).',
      '',
      'Trong cửa sổ lệnh (cmd hoặc PowerShell), tại thư mục có dvc.exe:',
      '  .\\dvc.exe map-communes "bảng mã.xlsx"',
      '  .\\dvc.exe communes find "Phường Ba Đình"',
      '  .\\dvc.exe doctor',
      '  .\\dvc.exe --help',
    ].join('\n'),
    'win.drop.start': 'Đang đối chiếu mã phường/xã trong {file} …',
    'win.pause': 'Nhấn phím bất kỳ để đóng cửa sổ…',
    'config.encoding':
      'Không đọc được tệp cấu hình "{file}" ({encoding} không hợp lệ). Mở tệp bằng Notepad, chọn Save As, Encoding: UTF-8, rồi lưu lại dưới dạng UTF-8.',
  },
  en: {
    'win.help': [
      'dvc {version} — land financial obligation payments via the National Portal',
      '',
      'Reconcile commune codes: drag an Excel file (.xlsx, with sheets "MX Bo TTTT"',
      'and "MX CQT") onto dvc.exe. The result is written beside the file, its name',
      'ending ".doi-chieu" (an existing file is never overwritten).',
      '',
      'In a command window (cmd or PowerShell), in the folder holding dvc.exe:',
      '  .\\dvc.exe map-communes "bảng mã.xlsx"',
      '  .\\dvc.exe communes find "Phường Ba Đình"',
      '  .\\dvc.exe doctor',
      '  .\\dvc.exe --help',
    ].join('\n'),
    'win.drop.start': 'Reconciling commune codes in {file} …',
    'win.pause': 'Press any key to close this window…',
    'config.encoding':
      'Cannot read the configuration file "{file}" (not valid {encoding}). Open it in Notepad, Save As with Encoding: UTF-8 (lưu lại dưới dạng UTF-8).',
  },
};
