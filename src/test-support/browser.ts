import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

/**
 * Headless Chromium for the browser tests of the HTML reports: Debian's /usr/bin/chromium (or DVC_CHROMIUM), never a
 * downloaded browser, a fresh empty profile per session, no background traffic. A missing browser is a loud failure,
 * not a skipped test: install it with `apt-get install chromium`.
 */
export const CHROMIUM_PATH = process.env.DVC_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  /** A new tab that records the URL of every request it makes. */
  open(url: string): Promise<{ page: Page; requests: string[] }>;
  close(): Promise<void>;
}

export async function startBrowser(viewport = { width: 1280, height: 900 }): Promise<BrowserSession> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: the HTML report tests need it. Install it with "apt-get install -y chromium" (or set DVC_CHROMIUM).`,
    );
  }
  const profile = await mkdtemp(path.join(os.tmpdir(), 'dvc-chromium-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ARGS,
      viewport,
      locale: 'vi-VN',
    });
  } catch (e) {
    await rm(profile, { recursive: true, force: true });
    throw e;
  }
  return {
    async open(url) {
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => requests.push(`pageerror:${e.message}`));
      await page.goto(url);
      return { page, requests };
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** A report written to a file in a fresh temporary folder, and a browser to open it in. */
export interface ReportInBrowser {
  /** The folder of the report (room for a screenshot), removed after the tests. */
  readonly dir: string;
  /** The report in a new tab. */
  open(): Promise<{ page: Page; requests: string[] }>;
}

/**
 * The set-up of a report's browser tests, registered on the calling `describe`: before its tests, `html()` is
 * written to `fileName` and a browser started; after them, both are gone.
 */
export function reportInBrowser(fileName: string, html: () => string): ReportInBrowser {
  let dir = '';
  let url = '';
  let browser: BrowserSession | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-html-'));
    const file = path.join(dir, fileName);
    await writeFile(file, html());
    url = pathToFileURL(file).href;
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    open: () => browser!.open(url),
  };
}

/** Digits of a number as a page shows it in either language (10.600 / 10,600 → 10600). */
export function shownInt(text: string | null): number {
  return Number((text ?? '').replace(/[^\d-]/g, ''));
}

/** Where the docs' screenshots go: only when DVC_UPDATE_SCREENSHOTS=1, so that `npm test` never changes tracked files. */
export function docsScreenshot(name: string, repoRoot: string): string | undefined {
  return process.env.DVC_UPDATE_SCREENSHOTS === '1' ? path.join(repoRoot, 'docs', 'img', name) : undefined;
}
