// A cell fixed in place on a 100,000-row catalog (issue #17: the catalog never freezes the page):
// the time from the fix to the next frame after it, in the page's clock. The file is the native
// benchmark's 100,000 rows (bench-results/build/catalog-100000.csv, made by
// `bash scripts/bench.sh --catalog`) with one cost made unreadable, so that the page offers a
// field to fix it. Prints one line per run; reported, never asserted.
//
//   node bench/catalog-fix.mjs [build-dir] [runs]    (default bench-results/build/app, 3 runs)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/chromium.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.resolve(process.argv[2] ?? path.join(root, 'bench-results', 'build', 'app'));
const runs = Number(process.argv[3] ?? 3);
const csv = path.join(root, 'bench-results', 'build', 'catalog-100000.csv');
if (!fs.existsSync(csv)) {
  console.error(`catalog-fix: ${csv} is missing: run bash scripts/bench.sh --catalog first`);
  process.exit(1);
}
const lines = fs.readFileSync(csv, 'utf8').split('\n');
const cells = lines[3].split(',');
cells[1] = 'abc';
lines[3] = cells.join(',');
const buffer = Buffer.from(lines.join('\n'));

const served = await startStaticServer({ root: buildDir, host: '127.0.0.1', port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true });
try {
  for (let run = 1; run <= runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(new URL('catalog/', served.url).href);
    await page.waitForSelector('[data-testid="catalog-empty"]');
    await page.setInputFiles('[data-testid="catalog-file"]', { name: 'catalog.csv', mimeType: 'text/csv', buffer });
    await page.waitForSelector('[data-testid="catalog-done"]', { timeout: 120_000 });
    await page.waitForTimeout(1000);
    const ms = await page.evaluate(async () => {
      const field = document.querySelector('[data-testid^="fix-"]');
      const t0 = performance.now();
      field.value = '50';
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.dispatchEvent(new Event('change', { bubbles: true }));
      field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      return performance.now() - t0;
    });
    const fixed = await page.$('[data-testid^="fix-"]');
    console.log(`run ${run}: a cell fixed on 100,000 rows -> next frame ${Math.round(ms)} ms${fixed ? ' (NOT fixed: a fix field is still shown)' : ''}`);
    await context.close();
  }
} finally {
  await browser.close();
  await served.close();
}
