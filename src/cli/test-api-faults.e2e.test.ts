import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSelfSignedCert } from '../io/self-signed-cert.js';
import { runCli } from '../test-support/run-cli.js';

let server: https.Server;
let url: string;

beforeAll(async () => {
  const cert = await makeSelfSignedCert('127.0.0.1');
  server = https.createServer(cert, (_req, res) => res.end('{}'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/api/tracuu`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((r) => server.close(() => r()));
});

describe('dvc test-api: a TLS fault in Vietnamese text, the library’s English only on request', () => {
  it('says what is wrong and what to do, without OpenSSL’s words; --verbose adds them, --json has them as detail', async () => {
    const plain = await runCli(['test-api', '--type', 'tra-cuu', '--url', url]);
    expect(plain.code).toBe(3);
    expect(plain.stderr).toContain('chứng chỉ tự ký (DEPTH_ZERO_SELF_SIGNED_CERT)');
    expect(plain.stderr).toContain('--ca');
    expect(plain.stdout + plain.stderr).not.toContain('self-signed certificate');

    const verbose = await runCli(['test-api', '--type', 'tra-cuu', '--url', url, '--verbose']);
    expect(verbose.code).toBe(3);
    expect(verbose.stderr).toContain('Chi tiết (nguyên văn của thư viện mạng): self-signed certificate');

    const json = await runCli(['test-api', '--type', 'tra-cuu', '--url', url, '--json', '--lang', 'en']);
    expect(json.code).toBe(3);
    const error = JSON.parse(json.stdout).error;
    expect(error).toMatchObject({
      kind: 'tlsSelfSigned',
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
      detail: 'self-signed certificate',
    });
    expect(error.message).toContain('is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT)');
    expect(error.message).not.toContain('self-signed certificate');
  });
});
