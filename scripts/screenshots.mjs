// Takes screenshots of the built page at desktop (1280 px) and phone (390 px) width into
// artifacts/screenshots/, for a person to look at. Run after `trunk build --release`:
//
//   node scripts/screenshots.mjs [--open-why] [--name suffix] [--query '?x=y']
import { withPage, url, screenshot } from '../tests/e2e/helpers.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const value = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const suffix = value('--name', '');
const query = value('--query', '');

for (const [label, width, height] of [['desktop', 1280, 900], ['phone', 390, 844]]) {
  await withPage(async (page) => {
    await page.goto(url('/' + query));
    await page.waitForSelector('[data-testid="comparison"]');
    if (flag('--open-why')) {
      for (const d of await page.$$('details')) await d.evaluate((el) => { el.open = true; });
    }
    await screenshot(page, `${label}${suffix}`);
  }, { width, height, name: `${label}${suffix}` });
}
process.exit(0);
