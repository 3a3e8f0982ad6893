// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core (no browser download), and the
// demo server (www/serve.mjs, with its strict CSP) on a free loopback port.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../www/serve.mjs';

export const ARTIFACTS = fileURLToPath(new URL('../../artifacts/e2e/', import.meta.url));

const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** Starts the server and a browser; returns { base, browser, newPage, close }. */
export async function open() {
  const server = await startServer({ port: 0, quiet: true });
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pccc-e2e-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ARGS,
    headless: true,
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  // Only loopback traffic: anything else is a test failure, not a silent request.
  await browser.route((url) => !url.href.startsWith(base), (route) => route.abort());
  return {
    base,
    browser,
    /** A new page that records console messages and CSP or script errors. */
    async newPage() {
      const page = await browser.newPage();
      page.consoleMessages = [];
      page.pageErrors = [];
      page.on('console', (m) => page.consoleMessages.push({ type: m.type(), text: m.text() }));
      page.on('pageerror', (e) => page.pageErrors.push(String(e)));
      return page;
    },
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
