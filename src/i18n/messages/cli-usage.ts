import type { MessageTable } from '../i18n-types.js';

/** Commander's own words and the checks of command-line values (cli.*), so that no English is left in vi. */
export const cliUsage: MessageTable = {
  vi: {
    'cli.tooManyArguments': 'Thừa tham số: lệnh cần {expected} tham số nhưng nhận {got}. Xem: dvc {command} --help',
    'cli.badCommandLine': 'Dòng lệnh không hợp lệ. Xem: dvc {command} --help',
    'cli.notAnInteger': 'cần một số nguyên',
    'cli.atLeast': 'cần một số không nhỏ hơn {min}',
    'cli.atMost': 'cần một số không lớn hơn {max}',
    'cli.expectedValue': 'tùy chọn này cần một giá trị (ví dụ --out ket-qua.xlsx)',
    'cli.help.default': 'mặc định: {value}',
    'cli.help.optionsToken': '[tùy chọn]',
    'cli.help.commandToken': '[lệnh]',
  },
  en: {
    'cli.tooManyArguments': 'Too many arguments: the command takes {expected} but got {got}. See: dvc {command} --help',
    'cli.badCommandLine': 'Invalid command line. See: dvc {command} --help',
    'cli.notAnInteger': 'a whole number is required',
    'cli.atLeast': 'a number of at least {min} is required',
    'cli.atMost': 'a number of at most {max} is required',
    'cli.expectedValue': 'this option needs a value (for example --out result.xlsx)',
    'cli.help.default': 'default: {value}',
    'cli.help.optionsToken': '[options]',
    'cli.help.commandToken': '[command]',
  },
};
