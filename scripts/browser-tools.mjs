// What the screenshot scripts and the review bench share: Debian's Chromium launched headless, and the address
// `dvc review --json` prints.
import { chromium } from 'playwright-core';

/** Chromium without a sandbox, a GPU or background traffic (DVC_CHROMIUM chooses another binary). */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.DVC_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The address `dvc review --json` prints as one JSON line on stderr (stdout keeps its one object for the end). */
export function reviewAddress(child) {
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (d) => {
      err += d;
      const line = err.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) resolve(JSON.parse(line).url);
    });
    child.once('exit', () => reject(new Error(`dvc review did not start: ${err}`)));
  });
}
