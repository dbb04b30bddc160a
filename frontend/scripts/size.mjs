// Prints the size of the built JavaScript and CSS, raw and gzipped, and
// writes it to test-results/bundle-size.json for the closing note.
import { readdirSync, readFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dir = new URL("../dist/assets/", import.meta.url).pathname;
const out = { js: { raw: 0, gzip: 0 }, css: { raw: 0, gzip: 0 }, files: [] };
for (const name of readdirSync(dir)) {
  const kind = name.endsWith(".js") ? "js" : name.endsWith(".css") ? "css" : null;
  if (!kind) continue;
  const buf = readFileSync(join(dir, name));
  const gz = gzipSync(buf, { level: 9 }).length;
  out[kind].raw += buf.length;
  out[kind].gzip += gz;
  out.files.push({ name, raw: buf.length, gzip: gz });
}
// The JavaScript a first visit loads before it can render: the entry
// script of index.html and, transitively, the chunks it imports statically
// (its modulepreloads). Pages behind a lazy route are not part of it.
const html = readFileSync(new URL("../dist/index.html", import.meta.url), "utf8");
const entry = html.match(/<script type="module"[^>]* src="\/assets\/([^"]+\.js)"/)?.[1];
const initial = new Set();
const visit = (name) => {
  if (initial.has(name)) return;
  initial.add(name);
  const code = readFileSync(join(dir, name), "utf8");
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w${},*\s]+from\s*)?["']\.\/([^"']+\.js)["']/g)) visit(m[1]);
};
if (entry) visit(entry);
out.initial = { files: [...initial], raw: 0, gzip: 0 };
for (const f of out.files) {
  if (initial.has(f.name)) {
    out.initial.raw += f.raw;
    out.initial.gzip += f.gzip;
  }
}
const kb = (n) => (n / 1024).toFixed(1) + " KiB";
console.log(`bundle: JS ${kb(out.js.raw)} (gzip ${kb(out.js.gzip)}), CSS ${kb(out.css.raw)} (gzip ${kb(out.css.gzip)})`);
console.log(`first load: JS ${kb(out.initial.raw)} (gzip ${kb(out.initial.gzip)}) in ${initial.size} files: ${[...initial].join(", ")}`);
const results = new URL("../test-results/", import.meta.url).pathname;
mkdirSync(results, { recursive: true });
writeFileSync(join(results, "bundle-size.json"), JSON.stringify(out, null, 2) + "\n");
