// Screenshots of the built page for a human to look at (not a test):
//   node scripts/shot.mjs <out.png> [width] [query] [js-to-run-before]
// SHOT_HEIGHT (and SHOT_Y) clip the page to that band.
// Serves dist/ on a free port, opens /?<query>, waits for the comparison, runs the optional
// script in the page, and saves a full-page screenshot.
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/chromium.mjs';

const [out, width = '1280', query = '', before = ''] = process.argv.slice(2);
const served = await startStaticServer({ root: 'dist', host: '127.0.0.1', port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
page.on('pageerror', (e) => console.error('pageerror', e.message));
await page.goto(`${served.url}${query ? `?${query}` : ''}`);
await page.waitForSelector('[data-testid="comparison"]', { timeout: 15000 });
if (before) await page.evaluate(before);
await page.waitForTimeout(400);
const clip = process.env.SHOT_HEIGHT ? { x: 0, y: Number(process.env.SHOT_Y ?? 0), width: Number(width), height: Number(process.env.SHOT_HEIGHT) } : undefined;
await page.screenshot({ path: out, fullPage: true, clip });
await browser.close();
served.server.close();
