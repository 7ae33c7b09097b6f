// Shared helpers for the end-to-end tests (node:test + playwright-core driving
// the system Chromium). Nothing here downloads anything.
//
//   import { withPage, serverUrl, screenshot, injectAxe, runAxe } from './helpers.mjs';
//
//   test('loads', () => withPage(async (page) => {
//     await page.goto(serverUrl);
//     ...
//   }, { width: 390, height: 844 }));
//
// Environment:
//   DIST_DIR          directory to serve (default: <repo>/dist, built by `trunk build --release`)
//   CHROMIUM_PATH     browser binary (default: /usr/bin/chromium)
//   E2E_ARTIFACTS_DIR where screenshots go (default: <repo>/artifacts)
import { after } from 'node:test';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs';

export { chromiumPath };

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const distDir = path.resolve(process.env.DIST_DIR ?? path.join(repoRoot, 'dist'));
export const artifactsDir = path.resolve(process.env.E2E_ARTIFACTS_DIR ?? path.join(repoRoot, 'artifacts'));
export const screenshotsDir = path.join(artifactsDir, 'screenshots');

export { CHROMIUM_ARGS } from './chromium.mjs';

// One static server per test file, on a random free port. unref() so it never
// keeps the test process alive; it is also closed after the file's tests.
const served = await startStaticServer({ root: distDir, host: '127.0.0.1', port: 0 });
served.server.unref();

/** Base URL of the served dist/, e.g. "http://127.0.0.1:41234/" (ends with "/"). */
export const serverUrl = served.url;

/** Absolute URL for a path under the server, e.g. url('/index.html'). */
export function url(p = '/') {
  return new URL(p, serverUrl).href;
}

let browserPromise = null;

/** The shared browser (launched on first use; a fresh temporary profile). */
export function getBrowser() {
  browserPromise ??= chromium.launch({
    executablePath: chromiumPath,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  return browserPromise;
}

after(async () => {
  if (browserPromise) {
    const b = await browserPromise.catch(() => null);
    await b?.close().catch(() => {});
  }
  await served.close();
});

/**
 * Run `fn(page, context)` in a new browser context (fresh cookies/storage) with
 * the given viewport, and close it afterwards. Console errors and uncaught page
 * errors are collected on `page.errors` (array of strings) so tests can assert
 * there were none. If `fn` throws, a screenshot is saved as
 * artifacts/screenshots/FAILED-<name>.png before the error is re-thrown.
 */
export async function withPage(fn, { width = 1280, height = 900, name, locale = 'en-US', ...contextOptions } = {}) {
  const browser = await getBrowser();
  const context = await browser.newContext({
    viewport: { width, height },
    locale,
    ...contextOptions,
  });
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const where = msg.location()?.url ?? '';
    // Chromium asks for /favicon.ico by itself; a 404 there is not the app's error.
    if (/\/favicon\.ico(\?|$)/.test(where)) return;
    page.errors.push(`console.error: ${msg.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (err) => page.errors.push(`pageerror: ${err.message}`));
  try {
    return await fn(page, context);
  } catch (err) {
    const label = name ?? `${width}x${height}-${Date.now()}`;
    await screenshot(page, `FAILED-${label}`).catch(() => {});
    throw err;
  } finally {
    await context.close().catch(() => {});
  }
}

/** Save a full-page PNG to artifacts/screenshots/<name>.png; returns its path. */
export async function screenshot(page, name) {
  fs.mkdirSync(screenshotsDir, { recursive: true });
  const safe = String(name).replace(/[^A-Za-z0-9._-]+/g, '_');
  const file = path.join(screenshotsDir, safe.endsWith('.png') ? safe : `${safe}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const require = createRequire(import.meta.url);
let axeSource = null;

/**
 * Load axe-core (from node_modules/axe-core/axe.min.js) into the page.
 * Evaluated through the DevTools protocol, so the page's Content-Security-Policy
 * does not need to allow it. Call again after every navigation.
 */
export async function injectAxe(page) {
  axeSource ??= fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const has = await page.evaluate(() => typeof window.axe === 'object');
  if (!has) {
    await page.evaluate(`${axeSource}\n;void 0;`);
  }
  const ok = await page.evaluate(() => typeof window.axe?.run === 'function');
  if (!ok) throw new Error('injectAxe: axe-core did not load in the page');
}

/**
 * Run axe on the page (or `context`, a selector / axe context) and return the
 * violations array (each { id, impact, help, helpUrl, nodes: [{ target, html, failureSummary }] }).
 * Defaults to WCAG 2.x A and AA rules plus best practices.
 */
export async function runAxe(page, { context = null, options } = {}) {
  await injectAxe(page);
  const opts = options ?? {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    resultTypes: ['violations'],
  };
  return page.evaluate(async ({ context, opts }) => {
    const results = await window.axe.run(context ?? document, opts);
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, failureSummary: n.failureSummary })),
    }));
  }, { context, opts });
}

/** Human-readable one-line-per-node summary of axe violations, for assertion messages. */
export function formatViolations(violations) {
  return violations
    .map((v) => `${v.id} [${v.impact}] ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.html}`).join('\n')}`)
    .join('\n');
}
