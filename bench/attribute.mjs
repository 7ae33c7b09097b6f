// Size attribution for a wasm file that still has its "name" section: groups every
// function body and data segment by the crate it comes from and prints raw bytes and
// an estimated gzip share per crate. twiggy (cargo install twiggy) gives per-function
// detail; this gives the per-crate roll-up the issue asks for.
//
//   node bench/attribute.mjs app-names.wasm [--shipped-gzip BYTES]
//        [--baseline hello-names.wasm [--baseline-shipped-gzip BYTES]] [--json out.json] [--top N]
//
// `bash scripts/bench.sh --attribution` builds the inputs (same code as the shipped wasm,
// plus names) and runs this; by hand: cargo build --release --target wasm32-unknown-unknown;
// wasm-bindgen --target web; wasm-opt -Oz -g (the -g keeps the name section).
//
// How a function is attributed: its demangled name's "owner" crate: the crate of the
// Self type of `<T as Trait>::f` (or of the trait when T is a primitive or std type),
// the crate of X in `drop_in_place<X>`, else the path's first segment. Yew's
// `CompStateInner<COMP>::view` bodies are the app's html! code (monomorphised into
// yew), so they count as the app's. std generics instantiated for app closures
// (Iterator adapters etc.) cannot be traced by name and are reported as such.
// The gzip column compresses each group on its own (gzip -9) and scales the sum to the
// real gzip size of the whole file, so it is an estimate of each group's share.
import fs from 'node:fs';
import zlib from 'node:zlib';

function leb(buf, i) {
  let r = 0, s = 0, b;
  do { b = buf[i++]; r += (b & 0x7f) * 2 ** s; s += 7; } while (b & 0x80);
  return [r, i];
}
function sleb(buf, i) {
  let r = 0n, s = 0n, b;
  do { b = buf[i++]; r |= BigInt(b & 0x7f) << s; s += 7n; } while (b & 0x80);
  return i;
}
function str(buf, i) {
  const [n, j] = leb(buf, i);
  return [buf.subarray(j, j + n).toString('utf8'), j + n];
}
function skipLimits(buf, i) {
  const flag = buf[i++];
  let _;
  [_, i] = leb(buf, i);
  if (flag & 1) [_, i] = leb(buf, i);
  return i;
}
function skipConstExpr(buf, i) {
  // Enough for data-segment offsets: i32.const / i64.const / global.get, then end.
  while (buf[i] !== 0x0b) {
    const op = buf[i++];
    if (op === 0x41 || op === 0x42) i = sleb(buf, i);
    else if (op === 0x23) [, i] = leb(buf, i);
    else throw new Error(`unexpected opcode 0x${op.toString(16)} in const expr`);
  }
  return i + 1;
}

export function parseWasm(buf) {
  let i = 8;
  let importedFuncs = 0;
  const bodies = [];
  const segments = [];
  const names = new Map();
  const sections = [];
  while (i < buf.length) {
    const headerStart = i;
    const id = buf[i++];
    let size;
    [size, i] = leb(buf, i);
    const start = i, end = i + size;
    let label = `section ${id}`;
    if (id === 0) {
      let name, j;
      [name, j] = str(buf, i);
      label = `custom "${name}"`;
      if (name === 'name') {
        while (j < end) {
          const sub = buf[j++];
          let len;
          [len, j] = leb(buf, j);
          if (sub === 1) {
            let n, k = j;
            [n, k] = leb(buf, k);
            for (let t = 0; t < n; t++) {
              let idx, nm;
              [idx, k] = leb(buf, k);
              [nm, k] = str(buf, k);
              names.set(idx, nm);
            }
          }
          j += len;
        }
      }
    } else if (id === 2) {
      let n, j = i;
      [n, j] = leb(buf, j);
      for (let t = 0; t < n; t++) {
        [, j] = str(buf, j);
        [, j] = str(buf, j);
        const kind = buf[j++];
        if (kind === 0) { importedFuncs++; [, j] = leb(buf, j); }
        else if (kind === 1) { j++; j = skipLimits(buf, j); }
        else if (kind === 2) { j = skipLimits(buf, j); }
        else if (kind === 3) { j += 2; }
        else if (kind === 4) { j++; [, j] = leb(buf, j); }
      }
    } else if (id === 10) {
      let n, j = i;
      [n, j] = leb(buf, j);
      for (let t = 0; t < n; t++) {
        let len;
        [len, j] = leb(buf, j);
        bodies.push({ index: importedFuncs + t, bytes: buf.subarray(j, j + len) });
        j += len;
      }
    } else if (id === 11) {
      let n, j = i;
      [n, j] = leb(buf, j);
      for (let t = 0; t < n; t++) {
        let flag;
        [flag, j] = leb(buf, j);
        if (flag === 0) j = skipConstExpr(buf, j);
        else if (flag === 2) { [, j] = leb(buf, j); j = skipConstExpr(buf, j); }
        let len;
        [len, j] = leb(buf, j);
        segments.push({ index: t, bytes: buf.subarray(j, j + len) });
        j += len;
      }
    }
    sections.push({ id, label, size: end - start, headerStart, end });
    i = end;
  }
  for (const b of bodies) b.name = names.get(b.index) ?? `func[${b.index}]`;
  return { bodies, segments, sections, hasNames: names.size > 0 };
}

const STD = new Set(['core', 'alloc', 'std']);
const PRIMITIVE = /^(&(mut )?)?(\[|\(|str\b|char\b|bool\b|[iuf](8|16|32|64|128|size)\b|\*)/;

function stripHash(name) {
  return name.replace(/::h[0-9a-f]{16}(\.\d+)?$/, '').replace(/\[[0-9a-f]{16}\]/g, '').replace(/\.\d+$/, '');
}
// Splits `<A as B>::rest` into [A, B, rest] at angle-bracket depth 1; null if not that form.
function splitQualified(name) {
  if (!name.startsWith('<')) return null;
  let depth = 0, asAt = -1;
  for (let k = 0; k < name.length; k++) {
    const c = name[k];
    if (c === '<') depth++;
    else if (c === '>') {
      if (name[k - 1] === '-') continue; // "->" in fn types
      depth--;
      if (depth === 0) {
        const inner = name.slice(1, k);
        const self = asAt >= 0 ? inner.slice(0, asAt - 1) : inner;
        const trait = asAt >= 0 ? inner.slice(asAt - 1 + 4) : null;
        return [self, trait, name.slice(k + 1)];
      }
    } else if (depth === 1 && asAt < 0 && name.startsWith(' as ', k)) asAt = k;
  }
  return null;
}
function pathCrate(path) {
  const p = path.replace(/^(&(mut )?|\*(const|mut) |dyn )+/, '').trim();
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(::([A-Za-z_][A-Za-z0-9_]*))?/.exec(p);
  if (!m) return { crate: 'core', module: 'primitive' };
  if (!m[2]) return { crate: PRIMITIVE.test(p) || /^[a-z0-9]+$/.test(m[1]) ? 'core' : m[1], module: m[1] };
  return { crate: m[1], module: m[3] };
}

export function classifyFunction(rawName) {
  const name = stripHash(rawName);
  if (/CompStateInner<COMP> as yew::html::component::lifecycle::Stateful>::view$/.test(name)) {
    return 'sellercalc (component views: html!)';
  }
  if (/^(__wbindgen|__wbg|__externref|__wasm_bindgen|__rust_)/.test(name) || /^wasm_bindgen::/.test(name)) {
    return 'wasm-bindgen (glue, externref)';
  }
  if (/^func\[\d+\]$/.test(name)) return 'unnamed';
  if (/^(__rustc::)?__(u|)(div|mod|mul|lshr|ashl|ashr|float|fix)[a-z0-9]*$/.test(name) || /^__rustc::/.test(name) || /^compiler_builtins::/.test(name)) {
    return 'compiler-builtins (128-bit math: rust_decimal)';
  }
  if (/ as serde_core::(ser::Serialize|de::Deserialize|de::Visitor|de::DeserializeSeed)>|__FieldVisitor|__Visitor|__Field as /.test(name) && /(sellercalc|sellercalc_engine)::/.test(name)) {
    return 'serde derive impls (app and engine types)';
  }
  let owner = name;
  const drop = /^core::ptr::drop_in_place<(.*)>$/.exec(name);
  if (drop) owner = drop[1];
  const q = splitQualified(owner);
  let info;
  if (q) {
    const [self, trait, rest] = q;
    info = pathCrate(self);
    if (/^[A-Z][A-Za-z0-9]?$/.test(self.trim()) && trait) info = pathCrate(trait); // generic `<T as Trait>`
    if (STD.has(info.crate) && trait) {
      const t = pathCrate(trait);
      if (!STD.has(t.crate)) info = t;
      else if (info.module === 'primitive' || PRIMITIVE.test(self)) info = { crate: t.crate, module: t.module, prim: self, rest };
    }
    if (STD.has(info.crate) && !trait) info = { ...info, rest };
  } else {
    info = pathCrate(owner);
  }
  const c = info.crate;
  if (STD.has(c)) {
    const m = info.module;
    const all = name;
    if (/fmt|Display|Debug|Formatter|Arguments/.test(m ?? '') || /core::fmt|alloc::fmt|as core::fmt::/.test(all)) {
      return /flt2dec|float|f64 as|f32 as|dec2flt/.test(all) ? 'core::fmt (floats)' : 'core::fmt (format!, Display, Debug)';
    }
    if (/panic|unwrap_failed|expect_failed|begin_panic|abort|assert_failed|slice_.*_fail|str_index_overflow|slice_error_fail|panic_bounds_check|capacity_overflow|handle_error|handle_alloc_error/.test(all)) return 'core panics (messages, locations)';
    if (/unicode|to_lowercase|to_uppercase|escape_debug|is_printable|grapheme/.test(all)) return 'core unicode (case maps, printable)';
    if (/dec2flt|num::.*parse|from_str_radix|<f64 as core::str::traits::FromStr>/.test(all)) return 'core::num (parsing)';
    if (/dlmalloc|alloc::alloc|__rdl_|__rust_alloc|__rg_/.test(all)) return 'allocator (dlmalloc)';
    if (/iter::adapters|iter::traits|Iterator>|FnOnce|FnMut|Fn>|vtable\.shim|closure/.test(all)) return 'std generics for closures/iterators (callers unknown)';
    if (/btree|hash_map|hashbrown|HashMap|BTreeMap|RawTable/.test(all)) return 'std collections (BTreeMap, HashMap)';
    if (/sort|slice|vec|Vec|String|string|str|RawVec|Rc|Box|Cell/.test(all)) return 'std containers (Vec, String, slices, Rc)';
    return 'std (other)';
  }
  if (c === 'dlmalloc') return 'allocator (dlmalloc)';
  if (/^[A-Z]/.test(c)) return 'std generics for closures/iterators (callers unknown)'; // `T::f`, `F64::…`
  if (c === 'serde_json') return 'serde_json (incl. inlined derive code)';
  if (c === 'zmij' || c === 'ryu') return `${c} (float to text, via serde_json)`;
  if (c === 'hashbrown') return 'std collections (BTreeMap, HashMap)';
  if (c === 'serde_core' || c === 'serde') return 'serde (core traits, derive impls)';
  if (c === 'sellercalc' || c === 'sellercalc_engine' || c === 'yew' || c === 'serde_json' || c === 'serde_wasm_bindgen' || c === 'rust_decimal' || c === 'js_sys' || c === 'web_sys' || c === 'wasm_bindgen_futures' || c === 'gloo' || c.startsWith('gloo_') || c === 'implicit_clone' || c === 'indexmap' || c === 'slab' || c === 'console_error_panic_hook' || c === 'tracing' || c === 'tracing_core' || c === 'itoa' || c === 'ryu' || c === 'memchr' || c === 'prokio' || c === 'futures' || c.startsWith('futures_') || c === 'pin_project' || c === 'bincode' || c === 'arrayvec' || c === 'num_traits' || c === 'anymap2' || c === 'once_cell') {
    return c;
  }
  return c;
}

export function attribute(buf) {
  const { bodies, segments, sections, hasNames } = parseWasm(buf);
  const groups = new Map();
  const add = (g, bytes, what) => {
    const e = groups.get(g) ?? { group: g, items: 0, raw: 0, parts: [], top: [] };
    e.items++;
    e.raw += bytes.length;
    e.parts.push(bytes);
    e.top.push({ what, size: bytes.length });
    groups.set(g, e);
  };
  for (const b of bodies) add(classifyFunction(b.name), b.bytes, b.name);
  for (const seg of segments) {
    const s = seg.bytes.toString('latin1');
    const jsonAt = s.indexOf('{\n "id": ');
    if (jsonAt >= 0) {
      // The include_str!-ed policy file is embedded verbatim; split it out of its segment.
      const endAt = s.indexOf('\n}', jsonAt) + 2;
      add('policy JSON (include_str!)', seg.bytes.subarray(jsonAt, endAt), `data[${seg.index}] policy json`);
      add('data: other rodata (strings, tables, vtables)', Buffer.concat([seg.bytes.subarray(0, jsonAt), seg.bytes.subarray(endAt)]), `data[${seg.index}]`);
    } else {
      add('data: other rodata (strings, tables, vtables)', seg.bytes, `data[${seg.index}]`);
    }
  }
  const accounted = [...groups.values()].reduce((a, g) => a + g.raw, 0);
  const total = buf.length;
  // What ships has no name section: gzip the file without it.
  const stripped = Buffer.concat([
    buf.subarray(0, 8),
    ...sections.filter((s) => s.label !== 'custom "name"').map((s) => buf.subarray(s.headerStart, s.end)),
  ]);
  const totalGz = zlib.gzipSync(stripped, { level: 9 }).length;
  const nameSection = sections.filter((s) => s.label === 'custom "name"').reduce((a, s) => a + s.size, 0);
  const rows = [...groups.values()].map((g) => ({
    group: g.group,
    items: g.items,
    raw: g.raw,
    gzipAlone: zlib.gzipSync(Buffer.concat(g.parts), { level: 9 }).length,
    top: g.top.sort((a, b) => b.size - a.size).slice(0, 5),
  }));
  const sumAlone = rows.reduce((a, r) => a + r.gzipAlone, 0);
  for (const r of rows) r.gzipShare = r.gzipAlone / sumAlone;
  rows.sort((a, b) => b.gzipAlone - a.gzipAlone);
  return { total, totalGz, nameSection, accounted, other: total - accounted - nameSection, hasNames, rows };
}

const here = new URL(import.meta.url).pathname;
if (process.argv[1] && process.argv[1].endsWith('attribute.mjs') && here.endsWith('attribute.mjs')) {
  const args = process.argv.slice(2);
  const opt = (n) => {
    const k = args.indexOf(`--${n}`);
    return k >= 0 ? args[k + 1] : undefined;
  };
  const valued = new Set(['--json', '--top', '--shipped-gzip', '--baseline', '--baseline-shipped-gzip']);
  const file = args.find((a, k) => !a.startsWith('--') && !valued.has(args[k - 1]));
  if (!file) {
    console.error(
      'usage: node bench/attribute.mjs app.wasm [--shipped-gzip BYTES] [--baseline hello.wasm [--baseline-shipped-gzip BYTES]] [--json out.json] [--top N]',
    );
    process.exit(2);
  }
  const kb = (n) => (n / 1024).toFixed(1);
  const r = attribute(fs.readFileSync(file));
  if (!r.hasNames) console.warn('warning: no "name" section; every function is "unnamed" (build with wasm-opt -g)');
  const shipped = Number(opt('shipped-gzip') ?? 0) || r.totalGz;
  for (const row of r.rows) row.gzipEst = row.gzipShare * shipped;
  let base = null;
  if (opt('baseline')) {
    base = attribute(fs.readFileSync(opt('baseline')));
    const bShipped = Number(opt('baseline-shipped-gzip') ?? 0) || base.totalGz;
    for (const row of base.rows) row.gzipEst = row.gzipShare * bShipped;
  }
  console.log(`${file}: ${r.total} B raw (name section ${r.nameSection} B, not shipped)`);
  console.log(`gzip KB = each group's share of the shipped wasm's ${shipped} B gzip (${kb(shipped)} KB${opt('shipped-gzip') ? '' : ', this file without its name section'}), estimated`);
  if (base) console.log(`baseline: ${opt('baseline')} (the hello-world floor); "extra" = this wasm minus the floor`);
  const head = `${'group'.padEnd(50)} ${'items'.padStart(5)} ${'raw KB'.padStart(7)} ${'gzip KB'.padStart(8)} ${'gzip %'.padStart(7)}`;
  console.log(base ? `${head} ${'floor KB'.padStart(9)} ${'extra KB'.padStart(9)}` : head);
  const byGroup = new Map((base?.rows ?? []).map((row) => [row.group, row]));
  const rows = [...r.rows];
  for (const b of base?.rows ?? []) if (!rows.some((x) => x.group === b.group)) rows.push({ group: b.group, items: 0, raw: 0, gzipEst: 0, gzipShare: 0 });
  const limit = Number(opt('top') ?? 60);
  for (const row of rows.slice(0, limit)) {
    const line = `${row.group.padEnd(50)} ${String(row.items).padStart(5)} ${kb(row.raw).padStart(7)} ${kb(row.gzipEst).padStart(8)} ${(100 * row.gzipShare).toFixed(1).padStart(7)}`;
    if (!base) console.log(line);
    else {
      const b = byGroup.get(row.group)?.gzipEst ?? 0;
      console.log(`${line} ${kb(b).padStart(9)} ${kb(row.gzipEst - b).padStart(9)}`);
    }
  }
  if (opt('json')) {
    const strip = (k, v) => (k === 'parts' ? undefined : v);
    fs.writeFileSync(opt('json'), JSON.stringify({ file, shippedGzip: shipped, ...r, baseline: base ? { file: opt('baseline'), ...base } : null }, strip, 2));
  }
}
