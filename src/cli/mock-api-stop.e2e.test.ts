import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT } from '../test-support/run-cli.js';

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** The port a `mock-api --json` started on: the first line it prints. */
function listeningPort(child: ChildProcessWithoutNullStreams): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      if (out.includes('\n')) resolve((JSON.parse(out.slice(0, out.indexOf('\n'))) as { port: number }).port);
    });
    child.once('close', () => reject(new Error('mock-api did not start')));
  });
}

describe('stopping `npx dvc mock-api … &`', { timeout: 30_000 }, () => {
  it('frees the port when the npm process that started it is killed (npm does not pass the signal on)', async () => {
    // npm exec runs the bin under `sh -c`; `kill %1` ends npm (and sh), never the server itself.
    const sh = spawn('sh', ['-c', `"${process.execPath}" "${BIN}" mock-api --port 0 --json; true`], {
      cwd: REPO_ROOT,
      env: { ...process.env, DVC_LANG: '', npm_command: 'exec' },
    });
    const port = await listeningPort(sh);
    expect(await portOpen(port)).toBe(true);
    sh.kill('SIGKILL');
    let open = true;
    for (let i = 0; i < 40 && open; i++) {
      await new Promise((r) => setTimeout(r, 250));
      open = await portOpen(port);
    }
    expect(open).toBe(false);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops within 1 s of ${signal} while a --delay 20000 answer is in flight`, async () => {
      const child = spawn(process.execPath, [BIN, 'mock-api', '--port', '0', '--json', '--delay', '20000'], {
        cwd: REPO_ROOT,
        env: { ...process.env, DVC_LANG: '' },
      });
      const port = await listeningPort(child);
      // A request whose answer waits 20 s: in flight when the signal comes.
      const inFlight = fetch(`http://127.0.0.1:${port}/tra-cuu`, { method: 'POST', body: '{}' }).catch(() => null);
      await new Promise((r) => setTimeout(r, 300));
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      const t0 = Date.now();
      child.kill(signal);
      const code = await exited;
      expect(Date.now() - t0).toBeLessThan(1000);
      expect(code).toBe(0);
      expect(await portOpen(port)).toBe(false);
      await inFlight;
    });
  }
});
