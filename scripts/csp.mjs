// Trunk post_build hook (see Trunk.toml): writes the Content-Security-Policy into the built
// index.html, as a <meta> right after <meta charset>, before anything it governs.
//
//   node scripts/csp.mjs [dir]     (dir defaults to $TRUNK_STAGING_DIR, then dist/)
//
// The policy allows only this origin, plus what Trunk's output needs:
//   - Trunk's inline module script that starts the app, and index.html's static script that shows
//     a notice if the app stops: allowed by their SHA-256 hashes, computed here from the final
//     HTML, so no other inline script can run;
//   - 'wasm-unsafe-eval': compiling the WebAssembly module;
//   - connect-src 'self': the .wasm file is fetched (and preloaded "as fetch").
// Style attributes are allowed (style-src-attr): the charts place axis labels with them; they
// carry only numbers the app computes. Trusted Types are required and no policy is created, so
// the browser itself refuses any string-to-HTML sink (innerHTML and the like).
// frame-ancestors cannot be set from a <meta>: a host that wants to restrict who may frame the
// calculator sends it as an HTTP header (docs/embedding.md).
//
// It also fails the build when the page would load anything from another origin, when a
// stylesheet or script link lacks its integrity hash, or when an inline <style> would be blocked.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist';
const file = path.join(dir, 'index.html');

const fail = (message) => {
  console.error(`csp.mjs: ${message}`);
  process.exit(1);
};

let html;
try {
  html = fs.readFileSync(file, 'utf8');
} catch (err) {
  fail(`cannot read ${file}: ${err.message}`);
}

// Start from a page without a policy, so that running twice gives the same result.
html = html.replace(/[ \t]*<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*\n?/gi, '');

const hashes = [];
for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
  if (/\ssrc\s*=/i.test(attributes)) continue;
  const digest = crypto.createHash('sha256').update(body, 'utf8').digest('base64');
  hashes.push(`'sha256-${digest}'`);
}
if (hashes.length === 0) fail(`no inline script in ${file}: has Trunk's output changed?`);

for (const [, url] of html.matchAll(/\s(?:src|href)\s*=\s*["']([^"']*)["']/gi)) {
  if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url) && !/^data:/i.test(url)) {
    fail(`${file} loads ${url} from another origin`);
  }
}
for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
  if (/\brel\s*=\s*["']?(?:stylesheet|modulepreload|preload)\b/i.test(tag) && !/\sintegrity\s*=/i.test(tag)) {
    fail(`no integrity hash on ${tag}`);
  }
}
if (/<style\b/i.test(html)) fail(`${file} has an inline <style>, which style-src 'self' blocks`);

const policy = [
  "default-src 'none'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`,
  "style-src 'self'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "require-trusted-types-for 'script'",
  "trusted-types 'none'",
].join('; ');

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
const charset = /<meta\s+charset=[^>]*>/i;
if (!charset.test(html)) fail(`no <meta charset> in ${file} to put the policy after`);
html = html.replace(charset, (tag) => `${tag}\n    ${meta}`);
fs.writeFileSync(file, html);
console.log(`csp.mjs: Content-Security-Policy written to ${file} (${hashes.length} inline script hashes)`);
