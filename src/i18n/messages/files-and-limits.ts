import type { MessageTable } from '../i18n-types.js';

/**
 * Texts of file-system failures (fs.*) shared by every command, and of the limits dvc puts on workbooks it reads
 * (excel.limit.*, excel.xml.*). A message names the user's file, never a temporary file or an errno text.
 */
export const filesAndLimits: MessageTable = {
  vi: {
    'fs.locked':
      'Tệp "{path}" đang được một chương trình khác mở (thường là Excel). Hãy đóng tệp trong Excel rồi chạy lại.',
    'fs.lockedOrDenied':
      'Không ghi được tệp "{path}": tệp đang được mở trong chương trình khác hoặc thư mục không cho phép ghi. Hãy đóng tệp trong Excel rồi chạy lại, hoặc chọn thư mục khác.',
    'fs.readLocked':
      'Không đọc được tệp "{path}" vì nó đang được một chương trình khác giữ (thường là Excel). Hãy đóng tệp trong Excel rồi chạy lại.',
    'fs.writeDenied': 'Không có quyền ghi vào thư mục của "{path}". Hãy chọn thư mục khác (ví dụ thư mục Tài liệu).',
    'fs.readDenied': 'Không có quyền đọc tệp "{path}". Hãy sao chép tệp sang thư mục của bạn rồi chạy lại.',
    'fs.diskFull': 'Ổ đĩa đầy, không ghi hết được tệp "{path}". Hãy giải phóng dung lượng hoặc chọn thư mục khác.',
    'fs.writeFailed': 'Không ghi được tệp "{path}" (mã lỗi hệ thống {code}). Hãy chọn thư mục khác rồi chạy lại.',
    'fs.readFailed': 'Không đọc được tệp "{path}" (mã lỗi hệ thống {code}). Kiểm tra lại tệp rồi chạy lại.',
    'fs.outputTaken':
      'Tệp kết quả "{path}" vừa được một lần chạy khác tạo ra trong lúc dvc đang ghi; dvc không ghi đè nó. Chọn tên khác bằng --out, hoặc dùng --force nếu muốn thay.',
    'fs.notRegularFile':
      '"{path}" không phải tệp thông thường (là thiết bị, ống dẫn hoặc socket); dvc không ghi kết quả vào đó, kể cả với --force. Hãy chọn một tên tệp khác.',
    'fs.outputsClash':
      '{option} và {other} cùng trỏ tới tệp "{path}": tệp ghi sau sẽ thay tệp ghi trước. Hãy đặt hai tên khác nhau.',
    'mc.err.decisionsSize':
      'Tệp quyết định "{file}" lớn {size} MB, vượt giới hạn {limit} MB. Tệp quyết định chỉ cần các cột std_code,tax_code,note, mỗi dòng một xã.',
    'excel.limit.fileSize':
      'Tệp "{path}" lớn {size} MB, vượt giới hạn {limit} MB của một bảng tính dvc đọc. Hãy tách bảng tính thành các tệp nhỏ hơn.',
    'excel.limit.partSize':
      'Phần "{part}" trong tệp "{path}" giải nén ra hơn {limit} MB, vượt giới hạn của dvc (có thể là tệp hỏng hoặc tệp độc hại). Hãy mở và lưu lại tệp bằng Excel, hoặc tách trang tính.',
    'excel.limit.entries':
      'Tệp "{path}" chứa hơn {limit} phần bên trong, vượt giới hạn của dvc. Hãy lưu lại tệp bằng Excel dưới dạng .xlsx.',
    'excel.limit.cellLength':
      'Ô {cell} của trang "{sheet}" dài {length} ký tự, vượt giới hạn {limit} ký tự một ô của Excel. Hãy sửa ô này rồi chạy lại.',
    'excel.xml.malformed':
      'Phần "{part}" trong tệp "{path}" không phải XML hợp lệ (dòng {line}, cột {column}: {reason}). dvc không đọc tệp hỏng để tránh đọc sai dữ liệu. Hãy mở và lưu lại tệp bằng Excel.',
    'excel.limit.sharedStrings':
      'Phần "{part}" trong tệp "{path}" có hơn {limit} chuỗi dùng chung, vượt giới hạn của dvc. Hãy mở và lưu lại tệp bằng Excel, hoặc tách trang tính.',
    'excel.limit.sharedString':
      'Chuỗi dùng chung số {index} trong phần "{part}" của tệp "{path}" dài hơn {limit} ký tự, vượt giới hạn một ô của Excel. Hãy mở và lưu lại tệp bằng Excel.',
    'excel.limit.cells':
      'Trang "{sheet}" có hơn {limit} ô, vượt giới hạn của dvc. Hãy xóa các cột không cần hoặc tách trang tính.',
    'excel.sheet.badRow':
      'Trang "{sheet}" bị hỏng: số dòng "{cell}" không hợp lệ hoặc không tăng dần. Hãy mở và lưu lại tệp bằng Excel.',
    'excel.sheet.badCell':
      'Trang "{sheet}" bị hỏng: ô "{cell}" có địa chỉ không hợp lệ, không thuộc dòng của nó hoặc không theo thứ tự cột. Hãy mở và lưu lại tệp bằng Excel.',
    'excel.sheet.sharedIndex':
      'Ô {cell} của trang "{sheet}" trỏ tới chuỗi dùng chung số "{index}" không tồn tại. Hãy mở và lưu lại tệp bằng Excel.',
    'excel.sheet.markup':
      'Trang "{sheet}" chứa chú thích XML, CDATA hoặc chỉ thị xử lý giữa các dòng (gần ô/dòng "{cell}"), điều Excel không bao giờ ghi. Hãy mở và lưu lại tệp bằng Excel.',
    'excel.zip.caseDuplicate':
      'Tệp "{path}" chứa hai phần cùng tên chỉ khác chữ hoa/thường ("{first}" và "{second}"); dvc không biết phần nào là thật. Hãy mở và lưu lại tệp bằng Excel.',
  },
  en: {
    'fs.locked': 'File "{path}" is open in another program (usually Excel). Close the file in Excel and run again.',
    'fs.lockedOrDenied':
      'Cannot write file "{path}": it is open in another program or the folder does not allow writing. Close the file in Excel and run again, or choose another folder.',
    'fs.readLocked':
      'Cannot read file "{path}": another program (usually Excel) holds it. Close the file in Excel and run again.',
    'fs.writeDenied': 'No permission to write in the folder of "{path}". Choose another folder (e.g. Documents).',
    'fs.readDenied': 'No permission to read file "{path}". Copy the file to your own folder and run again.',
    'fs.diskFull': 'The disk is full; file "{path}" could not be written. Free some space or choose another folder.',
    'fs.writeFailed': 'Cannot write file "{path}" (system error {code}). Choose another folder and run again.',
    'fs.readFailed': 'Cannot read file "{path}" (system error {code}). Check the file and run again.',
    'fs.outputTaken':
      'Output file "{path}" was created by another run while dvc was writing; dvc does not replace it. Choose another name with --out, or use --force to replace it.',
    'fs.notRegularFile':
      '"{path}" is not a regular file (it is a device, a pipe or a socket); dvc does not write an output there, even with --force. Choose another file name.',
    'fs.outputsClash':
      '{option} and {other} both name the file "{path}": the one written last would replace the other. Give them different names.',
    'mc.err.decisionsSize':
      'Decisions file "{file}" is {size} MB, over the {limit} MB limit. A decisions file needs only the columns std_code,tax_code,note, one line per commune.',
    'excel.limit.fileSize':
      'File "{path}" is {size} MB, over the {limit} MB limit for a workbook dvc reads. Split the workbook into smaller files.',
    'excel.limit.partSize':
      'Part "{part}" of file "{path}" inflates to more than {limit} MB, over dvc\'s limit (the file may be damaged or hostile). Open and save the file again in Excel, or split the sheet.',
    'excel.limit.entries':
      'File "{path}" holds more than {limit} parts, over dvc\'s limit. Save the file again in Excel as .xlsx.',
    'excel.limit.cellLength':
      'Cell {cell} of sheet "{sheet}" is {length} characters long, over Excel\'s limit of {limit} characters per cell. Fix that cell and run again.',
    'excel.xml.malformed':
      'Part "{part}" of file "{path}" is not well-formed XML (line {line}, column {column}: {reason}). dvc does not read a damaged file, so as not to misread it. Open and save the file again in Excel.',
    'excel.limit.sharedStrings':
      'Part "{part}" of file "{path}" holds more than {limit} shared strings, over dvc\'s limit. Open and save the file again in Excel, or split the sheet.',
    'excel.limit.sharedString':
      'Shared string {index} of part "{part}" of file "{path}" is longer than {limit} characters, Excel\'s limit for a cell. Open and save the file again in Excel.',
    'excel.limit.cells':
      'Sheet "{sheet}" has more than {limit} cells, over dvc\'s limit. Delete the columns you do not need or split the sheet.',
    'excel.sheet.badRow':
      'Sheet "{sheet}" is damaged: row number "{cell}" is invalid or not increasing. Open and save the file again in Excel.',
    'excel.sheet.badCell':
      'Sheet "{sheet}" is damaged: cell "{cell}" has an invalid reference, one outside its row, or one out of column order. Open and save the file again in Excel.',
    'excel.sheet.sharedIndex':
      'Cell {cell} of sheet "{sheet}" points to shared string "{index}", which does not exist. Open and save the file again in Excel.',
    'excel.sheet.markup':
      'Sheet "{sheet}" holds an XML comment, CDATA or processing instruction among its rows (near cell/row "{cell}"), which Excel never writes. Open and save the file again in Excel.',
    'excel.zip.caseDuplicate':
      'File "{path}" holds two parts whose names differ only in case ("{first}" and "{second}"); dvc cannot tell which is real. Open and save the file again in Excel.',
  },
};
