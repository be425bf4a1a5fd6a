import type { MessageTable } from '../i18n-types.js';

/** Program-wide texts: the CLI frame, global options, files, configuration, generic errors. */
export const common: MessageTable = {
  vi: {
    'cli.description': 'Bộ công cụ tích hợp thanh toán nghĩa vụ tài chính về đất đai với Cổng Dịch vụ công quốc gia',
    'cli.opt.lang': 'ngôn ngữ hiển thị: vi hoặc en (mặc định vi, biến môi trường DVC_LANG)',
    'cli.opt.json': 'in đúng một đối tượng JSON ra stdout, không in gì khác',
    'cli.opt.noColor': 'tắt màu (cũng tắt khi có NO_COLOR, TERM=dumb hoặc stdout không phải terminal)',
    'cli.opt.config': 'đường dẫn tệp cấu hình (mặc định: tìm dvc.config.*, .dvcrc*, package.json#dvc)',
    'cli.opt.quiet': 'chỉ in kết quả và lỗi',
    'cli.opt.verbose': 'in thêm chi tiết quá trình chạy ra stderr',
    'cli.opt.noInput': 'không bao giờ hỏi người dùng (mặc định khi có biến CI)',
    'cli.opt.force': 'cho phép ghi đè tệp kết quả đã có',
    'cli.opt.version': 'in phiên bản',
    'cli.opt.help': 'hiển thị trợ giúp',
    'cli.help.command': 'hiển thị trợ giúp của một lệnh',
    'cli.help.examples': 'Ví dụ:',
    'cli.help.usage': 'Cách dùng:',
    'cli.help.commands': 'Các lệnh:',
    'cli.help.options': 'Tùy chọn:',
    'cli.help.arguments': 'Tham số:',
    'cli.help.globalOptions': 'Tùy chọn chung:',
    'cli.unknownCommand': 'Không có lệnh "{name}".{suggestion} Xem danh sách lệnh: dvc --help',
    'cli.unknownOption': 'Không có tùy chọn "{name}".{suggestion} Xem các tùy chọn: dvc {command} --help',
    'cli.didYouMean': ' Có phải bạn muốn gõ "{name}"?',
    'cli.missingArgument': 'Thiếu tham số bắt buộc "{name}". Xem: dvc {command} --help',
    'cli.missingOptionValue': 'Tùy chọn "{name}" cần một giá trị. Xem: dvc {command} --help',
    'cli.cancelled': 'Đã hủy.',
    'cli.invalidOptionValue': 'Giá trị "{value}" không hợp lệ cho "{name}": {reason}',
    'cli.badLang': 'Ngôn ngữ "{value}" không được hỗ trợ; chọn vi hoặc en.',
    'cli.cwdGone':
      'Thư mục đang đứng không còn tồn tại (đã bị xóa hoặc đổi tên). Chuyển sang một thư mục có thật (ví dụ: cd ~) rồi chạy lại.',
    'cli.choices': 'chọn một trong: {choices}',
    'cli.notANumber': 'cần một số',
    'cli.internal':
      'Lỗi nội bộ của dvc: {detail}. Đây là lỗi của chương trình, không phải của bạn; chạy lại với DVC_DEBUG=1 và gửi kết quả cho nhà phát triển.',
    'cli.interrupted': 'Đã dừng theo yêu cầu.',
    'cli.error': 'Lỗi',
    'cli.warning': 'Cảnh báo',
    'fs.outputExists': 'Tệp kết quả "{path}" đã tồn tại. Dùng --force để ghi đè, hoặc chọn tên khác bằng {option}.',
    'fs.outputIsInput':
      'Tệp kết quả "{path}" trùng với tệp đầu vào; dvc không bao giờ ghi đè tệp đầu vào. Chọn tên khác bằng {option}.',
    'fs.notFound': 'Không tìm thấy tệp "{path}". Kiểm tra lại đường dẫn.',
    'fs.isDirectory': '"{path}" là một thư mục, không phải tệp.',
    'fs.notADirectory': '"{path}" không phải là thư mục.',
    'fs.cannotRead': 'Không đọc được tệp "{path}": {reason}',
    'fs.cannotWrite': 'Không ghi được tệp "{path}": {reason}',
    'fs.dirMissing': 'Thư mục "{path}" không tồn tại; hãy tạo nó trước.',
    'config.cmd.desc': 'Kiểm tra và mô tả tệp cấu hình dvc',
    'config.cmd.check': 'Tìm, kiểm tra tệp cấu hình và tóm tắt các tỉnh đã cấu hình (không in bí mật)',
    'config.cmd.schema': 'In JSON Schema của tệp cấu hình (để trình soạn thảo gợi ý)',
    'config.valid': 'Cấu hình hợp lệ: {file}',
    'config.notFound': 'Không tìm thấy tệp cấu hình "{path}".',
    'config.parse': 'Tệp cấu hình "{file}" không đọc được: {reason}',
    'config.invalid.missing': 'Cấu hình không hợp lệ trong "{file}", tại "{path}": thiếu khóa bắt buộc này.',
    'config.invalid.type.string':
      'Cấu hình không hợp lệ trong "{file}", tại "{path}": cần một chuỗi văn bản (trong dấu ngoặc kép).',
    'config.invalid.type.number': 'Cấu hình không hợp lệ trong "{file}", tại "{path}": cần một số.',
    'config.invalid.type.int': 'Cấu hình không hợp lệ trong "{file}", tại "{path}": cần một số nguyên.',
    'config.invalid.type.boolean': 'Cấu hình không hợp lệ trong "{file}", tại "{path}": cần true hoặc false.',
    'config.invalid.type.object': 'Cấu hình không hợp lệ trong "{file}", tại "{path}": cần một đối tượng { … }.',
    'config.invalid.type.array': 'Cấu hình không hợp lệ trong "{file}", tại "{path}": cần một danh sách [ … ].',
    'config.invalid.type.record': 'Cấu hình không hợp lệ trong "{file}", tại "{path}": cần một đối tượng { … }.',
    'config.invalid.empty': 'Cấu hình không hợp lệ trong "{file}", tại "{path}": không được để trống.',
    'config.invalid.tooSmall':
      'Cấu hình không hợp lệ trong "{file}", tại "{path}": giá trị nhỏ hơn mức tối thiểu {limit}.',
    'config.invalid.tooBig': 'Cấu hình không hợp lệ trong "{file}", tại "{path}": giá trị lớn hơn mức tối đa {limit}.',
    'config.invalid.url':
      'Cấu hình không hợp lệ trong "{file}", tại "{path}": cần một địa chỉ http:// hoặc https:// đầy đủ.',
    'config.invalid.format':
      'Cấu hình không hợp lệ trong "{file}", tại "{path}": giá trị không đúng định dạng; xem schemas/config.schema.json.',
    'config.invalid.oneOf': 'Cấu hình không hợp lệ trong "{file}", tại "{path}": chỉ nhận một trong: {options}.',
    'config.invalid.value':
      'Cấu hình không hợp lệ trong "{file}", tại "{path}": giá trị không hợp lệ; xem schemas/config.schema.json.',
    'config.invalid.envName':
      'Cấu hình không hợp lệ trong "{file}", tại "{path}": tên biến môi trường chỉ gồm chữ không dấu, số và dấu _ (không bắt đầu bằng số).',
    'config.invalid.dottedPath':
      'Cấu hình không hợp lệ trong "{file}", tại "{path}": cần một đường dẫn có dấu chấm, ví dụ data.code.',
    'config.invalid.provinceKey':
      'Cấu hình không hợp lệ trong "{file}", tại "{path}": mã tỉnh chỉ gồm chữ không dấu, số và các dấu _ . -',
    'config.invalid.typeKey':
      'Cấu hình không hợp lệ trong "{file}", tại "{path}": tên loại API chỉ gồm chữ thường không dấu, số và dấu -',
    'config.literalSecret':
      'Cấu hình không hợp lệ trong "{file}", tại "{path}": khóa "{key}" chứa bí mật ghi thẳng. dvc chỉ nhận bí mật qua biến môi trường ("{key}Env") hoặc tệp ("{key}File").',
    'config.unknownKey':
      'Cấu hình không hợp lệ trong "{file}": khóa "{path}" không được hỗ trợ. Xem schemas/config.schema.json để biết các khóa hợp lệ.',
    'config.none':
      'Không tìm thấy cấu hình dvc. Tạo tệp dvc.config.json (xem docs/config.md) hoặc chỉ định bằng --config.',
    'config.secretEnvMissing': 'Biến môi trường "{name}" (dùng cho {what}) chưa được đặt.',
    'config.secretFileMissing': 'Không đọc được tệp bí mật "{file}" (dùng cho {what}).',
  },
  en: {
    'cli.description':
      'Toolkit for integrating land financial obligation payments with the National Public Service Portal',
    'cli.opt.lang': 'display language: vi or en (default vi, environment DVC_LANG)',
    'cli.opt.json': 'print exactly one JSON object on stdout and nothing else',
    'cli.opt.noColor': 'disable colour (also off with NO_COLOR, TERM=dumb or when stdout is not a terminal)',
    'cli.opt.config': 'configuration file path (default: search dvc.config.*, .dvcrc*, package.json#dvc)',
    'cli.opt.quiet': 'print only results and errors',
    'cli.opt.verbose': 'print more detail about the run on stderr',
    'cli.opt.noInput': 'never prompt (the default when CI is set)',
    'cli.opt.force': 'allow replacing an existing output file',
    'cli.opt.version': 'print the version',
    'cli.opt.help': 'display help',
    'cli.help.command': 'display help for a command',
    'cli.help.examples': 'Examples:',
    'cli.help.usage': 'Usage:',
    'cli.help.commands': 'Commands:',
    'cli.help.options': 'Options:',
    'cli.help.arguments': 'Arguments:',
    'cli.help.globalOptions': 'Global options:',
    'cli.unknownCommand': 'There is no command "{name}".{suggestion} See the commands: dvc --help',
    'cli.unknownOption': 'There is no option "{name}".{suggestion} See the options: dvc {command} --help',
    'cli.didYouMean': ' Did you mean "{name}"?',
    'cli.missingArgument': 'Missing required argument "{name}". See: dvc {command} --help',
    'cli.missingOptionValue': 'Option "{name}" needs a value. See: dvc {command} --help',
    'cli.cancelled': 'Cancelled.',
    'cli.invalidOptionValue': 'Value "{value}" is not valid for "{name}": {reason}',
    'cli.badLang': 'Language "{value}" is not supported; choose vi or en.',
    'cli.cwdGone':
      'The current folder no longer exists (it was deleted or renamed). Change to a folder that exists (for example: cd ~) and run again.',
    'cli.choices': 'choose one of: {choices}',
    'cli.notANumber': 'a number is required',
    'cli.internal':
      'Internal error in dvc: {detail}. This is a bug in the program, not your mistake; run again with DVC_DEBUG=1 and send the output to the developers.',
    'cli.interrupted': 'Stopped on request.',
    'cli.error': 'Error',
    'cli.warning': 'Warning',
    'fs.outputExists':
      'Output file "{path}" already exists. Use --force to replace it, or choose another name with {option}.',
    'fs.outputIsInput':
      'Output file "{path}" is the same as an input file; dvc never overwrites an input. Choose another name with {option}.',
    'fs.notFound': 'File "{path}" not found. Check the path.',
    'fs.isDirectory': '"{path}" is a folder, not a file.',
    'fs.notADirectory': '"{path}" is not a folder.',
    'fs.cannotRead': 'Cannot read file "{path}": {reason}',
    'fs.cannotWrite': 'Cannot write file "{path}": {reason}',
    'fs.dirMissing': 'Folder "{path}" does not exist; create it first.',
    'config.cmd.desc': 'Check and describe the dvc configuration file',
    'config.cmd.check': 'Find and validate the configuration and summarise the configured provinces (no secrets)',
    'config.cmd.schema': 'Print the JSON Schema of the configuration file (for editor completion)',
    'config.valid': 'Configuration is valid: {file}',
    'config.notFound': 'Configuration file "{path}" not found.',
    'config.parse': 'Configuration file "{file}" cannot be read: {reason}',
    'config.invalid.missing': 'Invalid configuration in "{file}", at "{path}": this required key is missing.',
    'config.invalid.type.string':
      'Invalid configuration in "{file}", at "{path}": a text string (in double quotes) is expected.',
    'config.invalid.type.number': 'Invalid configuration in "{file}", at "{path}": a number is expected.',
    'config.invalid.type.int': 'Invalid configuration in "{file}", at "{path}": a whole number is expected.',
    'config.invalid.type.boolean': 'Invalid configuration in "{file}", at "{path}": true or false is expected.',
    'config.invalid.type.object': 'Invalid configuration in "{file}", at "{path}": an object { … } is expected.',
    'config.invalid.type.array': 'Invalid configuration in "{file}", at "{path}": a list [ … ] is expected.',
    'config.invalid.type.record': 'Invalid configuration in "{file}", at "{path}": an object { … } is expected.',
    'config.invalid.empty': 'Invalid configuration in "{file}", at "{path}": must not be empty.',
    'config.invalid.tooSmall':
      'Invalid configuration in "{file}", at "{path}": the value is below the minimum {limit}.',
    'config.invalid.tooBig': 'Invalid configuration in "{file}", at "{path}": the value is above the maximum {limit}.',
    'config.invalid.url':
      'Invalid configuration in "{file}", at "{path}": a full http:// or https:// address is expected.',
    'config.invalid.format':
      'Invalid configuration in "{file}", at "{path}": the value is not in the expected format; see schemas/config.schema.json.',
    'config.invalid.oneOf': 'Invalid configuration in "{file}", at "{path}": only one of: {options}.',
    'config.invalid.value':
      'Invalid configuration in "{file}", at "{path}": the value is not valid; see schemas/config.schema.json.',
    'config.invalid.envName':
      'Invalid configuration in "{file}", at "{path}": an environment variable name has unaccented letters, digits and _ (not a digit first).',
    'config.invalid.dottedPath':
      'Invalid configuration in "{file}", at "{path}": a dotted path is expected, e.g. data.code.',
    'config.invalid.provinceKey':
      'Invalid configuration in "{file}", at "{path}": a province key has unaccented letters, digits and _ . -',
    'config.invalid.typeKey':
      'Invalid configuration in "{file}", at "{path}": an API type name has lowercase unaccented letters, digits and -',
    'config.literalSecret':
      'Invalid configuration in "{file}", at "{path}": key "{key}" holds a literal secret. dvc only takes secrets from an environment variable ("{key}Env") or a file ("{key}File").',
    'config.unknownKey':
      'Invalid configuration in "{file}": key "{path}" is not supported. See schemas/config.schema.json for the valid keys.',
    'config.none': 'No dvc configuration found. Create dvc.config.json (see docs/config.md) or name one with --config.',
    'config.secretEnvMissing': 'Environment variable "{name}" (used for {what}) is not set.',
    'config.secretFileMissing': 'Cannot read secret file "{file}" (used for {what}).',
  },
};
