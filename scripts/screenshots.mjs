// Takes screenshots of the built page at desktop (1280 px) and phone (390 px) width into
// artifacts/screenshots/, for a person to look at. Run after `bash scripts/build.sh`:
//
//   node scripts/screenshots.mjs [--open-why] [--name suffix] [--query '?x=y']
//   node scripts/screenshots.mjs --catalog [--name suffix] [--click test-id]...
//
// --catalog shots the catalog page (/catalog/) instead of the calculator; each --click clicks
// the element with that data-testid first (e.g. --click catalog-try-sample) and waits a moment.
import { withPage, url, screenshot } from '../tests/e2e/helpers.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const values = (name) => args.flatMap((a, i) => (a === name && args[i + 1] ? [args[i + 1]] : []));
const suffix = value('--name', '');
const query = value('--query', '');
const catalog = flag('--catalog');

for (const [label, width, height] of [['desktop', 1280, 900], ['phone', 390, 844]]) {
  await withPage(async (page) => {
    await page.goto(url((catalog ? '/catalog/' : '/') + query));
    await page.waitForSelector(catalog ? '.catalog' : '[data-testid="comparison"]');
    // The charts and the panels below the first screen are built a frame after the figures.
    await page.waitForTimeout(300);
    for (const id of values('--click')) {
      await page.click(`[data-testid="${id}"]`);
      await page.waitForTimeout(500);
    }
    if (flag('--open-why')) {
      for (const d of await page.$$('details')) await d.evaluate((el) => { el.open = true; });
    }
    await screenshot(page, `${label}${suffix}`);
  }, { width, height, name: `${label}${suffix}` });
}
process.exit(0);
