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
const kb = (n) => (n / 1024).toFixed(1) + " KiB";
console.log(`bundle: JS ${kb(out.js.raw)} (gzip ${kb(out.js.gzip)}), CSS ${kb(out.css.raw)} (gzip ${kb(out.css.gzip)})`);
const results = new URL("../test-results/", import.meta.url).pathname;
mkdirSync(results, { recursive: true });
writeFileSync(join(results, "bundle-size.json"), JSON.stringify(out, null, 2) + "\n");
