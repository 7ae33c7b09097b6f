// Helpers shared by the share, embed and security end-to-end tests: open the page, read every
// input, type like a user, read downloads and parse CSV.
import fs from 'node:fs';
import { url } from './helpers.mjs';

/** Opens `path` and waits for the results to render. */
export async function ready(page, path = '/') {
  await page.goto(url(path));
  await page.waitForSelector('[data-testid="comparison"]', { timeout: 15_000 });
  await page.waitForSelector('[data-testid="pop-card"], .card.pop', { timeout: 15_000 });
}

/** Text of the element with this data-testid, trimmed. */
export const textOf = async (page, testId) => ((await page.textContent(`[data-testid="${testId}"]`)) ?? '').trim();

/** Replaces a field's text the way a user does: select all, type. */
export async function retype(page, selector, text) {
  await page.click(selector, { clickCount: 3 });
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Waits until the views built after the first paint are all there: the assumption rows come
 * a few at a frame, the charts one after another (`use_paint_steps` in src/app.rs); each marks
 * itself `data-pending` until it is complete. */
export async function built(page) {
  await page.waitForSelector('.assumptions:not([data-pending])', { state: 'attached', timeout: 15_000 });
  await page.waitForFunction(() => !document.querySelector('[data-pending]'), null, { timeout: 15_000 });
}

/** Opens every closed <details> on the page, so that every input can be used. The assumption
 * rows are built after the first figures, so they are waited for first. */
export async function openAll(page) {
  await built(page);
  for (const d of await page.$$('details:not([open])')) await d.evaluate((el) => { el.open = true; });
}

/** Every input of the form and the assumptions panel: id → value (or checked state). The
 * assumption rows are built after the first figures, a few at a frame, so a page that has just
 * loaded is given the time to build them first ([`built`]). */
export async function inputValues(page) {
  await built(page);
  return page.evaluate(() => Object.fromEntries(
    [...document.querySelectorAll('.inputs input, .inputs select, .assumptions input')]
      .filter((el) => el.id)
      .map((el) => [el.id, el.type === 'checkbox' ? el.checked : el.value]),
  ));
}

/** The figures on the three cards. */
export function cardFigures(page) {
  return page.evaluate(() => Object.fromEntries(
    [...document.querySelectorAll('[data-testid$="-card"] [data-testid]')].map((el) => [el.dataset.testid, el.textContent.trim()]),
  ));
}

/** The texts of the notices on the page. */
export function notices(page) {
  return page.$$eval('[data-testid="notice"]', (els) => els.map((el) => el.textContent.trim()));
}

/** Waits until the address bar has caught up with the inputs (it follows them after a pause). */
export async function settled(page) {
  await page.waitForTimeout(400);
}

/** Clicks `selector` and returns the downloaded file's { name, text }. */
export async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: fs.readFileSync(path, 'utf8') };
}

/** Parses RFC 4180 CSV (quoted cells, doubled quotes, CRLF) into rows of cells. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 1; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i += 1; }
    else cell += ch;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

/** CSV rows as objects keyed by the header row. */
export function csvRecords(text) {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  return rows.map((cells) => Object.fromEntries(header.map((h, i) => [h, cells[i]])));
}

/** A decimal string as integer hundredths, so that money is compared without floating point. */
export function cents(text) {
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace('-', '').split('.');
  const value = BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
  return negative ? -value : value;
}

/** Formats hundredths as the page formats money in CNY (en-US): ¥1,234.56. */
export function yuan(hundredths) {
  const abs = hundredths < 0n ? -hundredths : hundredths;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = (abs % 100n).toString().padStart(2, '0');
  return `¥${whole}.${fraction}`;
}
