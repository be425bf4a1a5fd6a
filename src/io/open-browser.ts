/**
 * Opens an address in the default browser of the machine: `open` on macOS, `cmd /c start ""` on Windows (the empty
 * title keeps `start` from reading the address as one), `xdg-open` elsewhere. Resolves false when none could be
 * started; the caller prints the address anyway.
 */
import { spawn } from 'node:child_process';

export function browserCommand(url: string, platform: NodeJS.Platform): { file: string; args: string[] } {
  if (platform === 'win32') return { file: 'cmd', args: ['/c', 'start', '""', url] };
  if (platform === 'darwin') return { file: 'open', args: [url] };
  return { file: 'xdg-open', args: [url] };
}

export function openBrowser(url: string, platform: NodeJS.Platform = process.platform): Promise<boolean> {
  const { file, args } = browserCommand(url, platform);
  return new Promise((resolve) => {
    try {
      const child = spawn(file, args, {
        stdio: 'ignore',
        detached: platform !== 'win32',
        windowsHide: true,
        windowsVerbatimArguments: platform === 'win32',
      });
      child.once('error', () => resolve(false));
      child.once('spawn', () => {
        child.unref();
        resolve(true);
      });
    } catch {
      resolve(false);
    }
  });
}
