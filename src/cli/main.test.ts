import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../errors.js';
import { CATALOG } from '../i18n/catalog.js';
import { COMMANDS } from './commands/command-registry.js';
import { doctorOptions } from './commands/doctor/doctor.spec.js';
import { mockApiOptions } from './commands/mock-api/mock-api.spec.js';
import { testApiOptions, testApiRehearseOptions } from './commands/test-api/test-api.spec.js';
import { optionKey, parseOptions, pickOptions, type CommandSpec } from './command-spec.js';
import { main, prescan } from './main.js';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}

/** Runs the program in this process with fake streams, as a user's shell would (no TTY, no colour). */
async function dvc(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = new Sink();
  const stderr = new Sink();
  const code = await main(argv, { stdout, stderr, stdinIsTTY: false }, { CI: 'true', ...env });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

function allCommandPaths(specs: readonly CommandSpec[], prefix: string[] = []): string[][] {
  return specs.flatMap((s) => [[...prefix, s.name], ...allCommandPaths(s.subcommands ?? [], [...prefix, s.name])]);
}

// Words commander writes on its own; none may reach a Vietnamese screen.
const COMMANDER_ENGLISH = [
  'Usage:',
  'Options:',
  'Commands:',
  'Arguments:',
  'Global Options:',
  '[options]',
  '[command]',
  '(default:',
  'choices:',
  'display help',
  'output the version',
  'Allowed choices',
  'error:',
];

describe('dvc help (in-process)', () => {
  it('ends the help of every command with two examples', async () => {
    for (const p of allCommandPaths(COMMANDS)) {
      const r = await dvc(['help', ...p]);
      expect(r.code, p.join(' ')).toBe(ExitCode.Ok);
      const lines = r.stdout.trimEnd().split('\n');
      const examples = lines.slice(lines.map((l) => l.trim()).lastIndexOf('Ví dụ:') + 1);
      expect(examples.length, p.join(' ')).toBeGreaterThanOrEqual(2);
      expect(
        examples.every((l) => l.trim().startsWith('$ dvc ')),
        p.join(' '),
      ).toBe(true);
    }
  });

  it('is Vietnamese from start to end: no word of commander left in English', async () => {
    for (const p of [[], ...allCommandPaths(COMMANDS)]) {
      const r = await dvc([...p, '--help']);
      expect(r.code, p.join(' ')).toBe(ExitCode.Ok);
      for (const english of COMMANDER_ENGLISH) expect(r.stdout, `${p.join(' ')}: ${english}`).not.toContain(english);
      expect(r.stdout).toContain('Cách dùng:');
    }
    const mc = await dvc(['map-communes', '--help']);
    expect(mc.stdout).toContain('Cách dùng: dvc map-communes [tùy chọn] <workbook>');
    expect(mc.stdout).toMatch(/\(chọn\s+một\s+trong:\s+gso-2025,\s+gso-2004\)/);
    const doctor = await dvc(['doctor', '--help']);
    expect(doctor.stdout).toMatch(/mặc định:\s+5000\)/);
    // A command without subcommands offers no `help [command]`.
    expect(doctor.stdout).not.toContain('help [lệnh]');
  });

  it('speaks English with --lang en, in commander’s words too', async () => {
    const r = await dvc(['map-communes', '--help', '--lang', 'en']);
    expect(r.stdout).toContain('Usage: dvc map-communes [options] <workbook>');
    expect(r.stdout).toMatch(/\(choose\s+one\s+of:\s+gso-2025,\s+gso-2004\)/);
    const d = await dvc(['doctor', '--help', '--lang', 'en']);
    expect(d.stdout).toMatch(/default:\s+5000\)/);
  });
});

describe('dvc command-line errors (in-process)', () => {
  it('suggests only an option of the command being run', async () => {
    const doctor = await dvc(['doctor', '--stric']);
    expect(doctor.code).toBe(ExitCode.Usage);
    expect(doctor.stderr).toContain('Không có tùy chọn "--stric".');
    expect(doctor.stderr).not.toContain('--strict');
    expect(doctor.stderr).toContain('dvc doctor --help');
    const mc = await dvc(['map-communes', 'x.xlsx', '--stric', '--lang', 'en']);
    expect(mc.stderr).toContain('Did you mean "--strict"?');
    const pack = await dvc(['evidence', 'pack', '--allow-incomplet', '--lang', 'en']);
    expect(pack.stderr).toContain('Did you mean "--allow-incomplete"?');
    // The help to see is asked for in the language chosen on this command line.
    expect(pack.stderr).toContain('See the options: dvc --lang en evidence pack --help');
    const global = await dvc(['doctor', '--jsn', '--lang', 'en']);
    expect(global.stderr).toContain('Did you mean "--json"?');
  });

  it('refuses a value outside the choices, not a number or out of range: exit 2, in the user’s language', async () => {
    const choice = await dvc(['map-communes', 'x.xlsx', '--reference', 'gso-1999']);
    expect(choice).toMatchObject({ code: ExitCode.Usage, stdout: '' });
    expect(choice.stderr).toBe(
      'Lỗi: Giá trị "gso-1999" không hợp lệ cho "--reference": chọn một trong: gso-2025, gso-2004\n',
    );
    const nan = await dvc(['doctor', '--timeout', '5s', '--lang', 'en']);
    expect(nan.stderr).toBe('Error: Value "5s" is not valid for "--timeout": a number is required\n');
    const low = await dvc(['doctor', '--timeout', '0']);
    expect(low.stderr).toContain('cần một số không nhỏ hơn 1');
    const port = await dvc(['mock-api', '--port', '80.5', '--lang', 'en']);
    expect(port).toMatchObject({ code: ExitCode.Usage });
    expect(port.stderr).toContain('--port must be a number from 0 to 65535, got 80.5.');
  });

  it('reports missing and surplus arguments through the catalogue', async () => {
    const missing = await dvc(['communes', 'find']);
    expect(missing.stderr).toBe('Lỗi: Thiếu tham số bắt buộc "name". Xem: dvc communes find --help\n');
    const extra = await dvc(['communes', 'find', 'a', 'b', '--lang', 'en']);
    expect(extra.stderr).toBe(
      'Error: Too many arguments: the command takes 1 but got 2. See: dvc --lang en communes find --help\n',
    );
    const json = await dvc(['communes', 'find', 'a', 'b', '--json']);
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'cli.tooManyArguments', exitCode: ExitCode.Usage });
    expect(json.stderr).toBe('');
  });

  it('reads the language and --json before commander runs', () => {
    expect(prescan(['doctor', '--lang=en', '--json'], {})).toEqual({
      lang: 'en',
      json: true,
      badLang: undefined,
      langFlag: 'en',
    });
    expect(prescan(['--lang', 'fr'], { DVC_LANG: 'en' })).toMatchObject({
      lang: 'en',
      badLang: 'fr',
      langFlag: undefined,
    });
    // The language from the environment is not one the command line chose: printed commands need not repeat it.
    expect(prescan(['doctor'], { DVC_LANG: 'en' })).toMatchObject({ lang: 'en', langFlag: undefined });
    expect(prescan(['doctor', '--lang', 'vi'], { DVC_LANG: 'en' })).toMatchObject({ lang: 'vi', langFlag: 'vi' });
    expect(prescan(['--', '--json'], {})).toMatchObject({ json: false, lang: 'vi' });
  });
});

describe('typed command options', () => {
  it('turns what commander collected into one typed object: numbers are numbers, defaults filled', () => {
    const o = parseOptions(testApiOptions, { timeout: '250', ca: ['a.pem', 'b.pem'], validate: false }, 'vi');
    expect(o.timeout).toBe(250);
    expect(o.maxTime).toBe(5000);
    expect(o.maxSize).toBe(10485760);
    expect(o.ca).toEqual(['a.pem', 'b.pem']);
    expect(o.validate).toBe(false);
    expect(o.repeat).toBeUndefined();
    const d = parseOptions(doctorOptions, {}, 'vi');
    expect(d).toEqual({ timeout: 5000 });
    const m = parseOptions(mockApiOptions, { failRate: '0.25', seed: '7', tls: true }, 'en');
    expect(m).toMatchObject({ port: 8080, host: '127.0.0.1', failRate: 0.25, seed: 7, tls: true });
  });

  it('refuses a bad value with a usage error naming the option', () => {
    expect(() => parseOptions(doctorOptions, { timeout: '' }, 'en')).toThrow(
      expect.objectContaining({
        key: 'cli.invalidOptionValue',
        params: { name: '--timeout', value: '', reason: 'a number is required' },
        exitCode: ExitCode.Usage,
      }),
    );
    expect(() => parseOptions(mockApiOptions, { seed: '1.5' }, 'en')).toThrow(
      expect.objectContaining({ key: 'mock.badSeed', params: { value: '1.5' } }),
    );
    // A choice outside the list, and a value option given as a bare flag (commander's `true` for `[value]`).
    const emulate = mockApiOptions.find((o) => o.flags.startsWith('--emulate'))!;
    expect(() => parseOptions([emulate], { emulate: 'vnpt' }, 'vi')).toThrow(
      expect.objectContaining({
        key: 'cli.invalidOptionValue',
        params: expect.objectContaining({
          name: '--emulate',
          value: 'vnpt',
          reason: expect.stringMatching(/^chọn một trong: reference/),
        }),
      }),
    );
    expect(() => parseOptions([{ flags: '--html [file]', desc: 'x' }], { html: true }, 'en')).toThrow(
      expect.objectContaining({
        params: expect.objectContaining({ reason: expect.stringContaining('needs a value') }),
      }),
    );
  });

  it('keys each option as commander stores it', () => {
    expect(optionKey('--max-time <ms>')).toBe('maxTime');
    expect(optionKey('--no-validate')).toBe('validate');
    expect(optionKey('-p, --province <province>')).toBe('province');
    expect(optionKey('--out <bundle.zip>')).toBe('out');
  });

  it('takes options from another command as they are, in that command’s order, whatever order they are named in', () => {
    const picked = pickOptions(testApiOptions, ['--force', '--dst <DSTCode>', '--timeout <ms>']);
    expect(picked.map((o) => o.flags)).toEqual(['--dst <DSTCode>', '--timeout <ms>', '--force']);
    for (const o of picked) expect(testApiOptions).toContain(o);
    // Each keeps what it says, defaults included: the rehearsal's two time limits.
    expect(parseOptions(testApiRehearseOptions, {}, 'en')).toEqual({ timeout: 15000, maxTime: 5000 });
  });

  it('has a message in both languages for every option of every command', () => {
    const keys = (specs: readonly CommandSpec[]): string[] =>
      specs.flatMap((s) => [
        s.desc,
        ...(s.options ?? []).flatMap((o) => [o.desc, o.invalid ?? o.desc]),
        ...keys(s.subcommands ?? []),
      ]);
    for (const k of keys(COMMANDS)) {
      expect(CATALOG.vi[k], k).toBeDefined();
      expect(CATALOG.en[k], k).toBeDefined();
    }
  });
});
