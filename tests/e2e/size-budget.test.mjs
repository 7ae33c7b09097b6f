// Size budget (issue #7): the first load, index.html plus every file it references (the JS
// glue, the wasm, the CSS), is to transfer at most 160 KB gzip, where 1 KB = 1024 bytes, so
// 163,840 bytes. The page is not there yet (docs/performance.md says where the bytes go), so
// CI enforces a ratchet, GZIP_CEILING_BYTES, just above today's size, and the test prints how
// far the page is from the budget. Sizes are deterministic (gzip level 9, node zlib), so this is asserted;
// timings are not, so bench/run.mjs only reports them.
//
// Reads the release build in dist/ (or DIST_DIR), which scripts/test.sh builds before the
// end-to-end tests. No browser needed.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { GZIP_BUDGET_BYTES, GZIP_AIM_BYTES, GZIP_CEILING_BYTES, sizeReport, formatSizeReport, kb } from '../../bench/sizes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const distDir = path.resolve(process.env.DIST_DIR ?? path.join(here, '..', '..', 'dist'));

test('first-load transfer stays under the ratchet, and reports the 160 KB budget', () => {
  const report = sizeReport(distDir);
  const kinds = new Set(report.files.map((f) => f.kind));
  for (const kind of ['html', 'js', 'wasm', 'css']) {
    assert.ok(kinds.has(kind), `no ${kind} file in the first load of ${distDir}: ${report.files.map((f) => f.file).join(', ')}`);
  }
  const table = formatSizeReport(report, `first load of ${distDir} (KB = 1024 bytes)`);
  const { gzip } = report.total;
  const status =
    `gzip total ${gzip} B (${kb(gzip)} KB); ceiling ${GZIP_CEILING_BYTES} B; budget ${GZIP_BUDGET_BYTES} B (160 KB, ` +
    `${gzip <= GZIP_BUDGET_BYTES ? 'met' : `over by ${kb(gzip - GZIP_BUDGET_BYTES)} KB`}), aim ${GZIP_AIM_BYTES} B (110 KB)`;
  console.log(`${table}\n  ${status}`);
  assert.ok(
    gzip <= GZIP_CEILING_BYTES,
    `first-load gzip total grew past the ceiling by ${gzip - GZIP_CEILING_BYTES} B (${kb(gzip - GZIP_CEILING_BYTES)} KB)\n${table}\n  ${status}\n` +
      'See docs/performance.md for where the bytes go and the levers.',
  );
});
