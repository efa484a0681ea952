// Print the gzipped size of what index.html loads directly (its scripts and
// stylesheets), i.e. the initial download before any lazy chunk.
import { readFileSync } from "node:fs";
import { gzipSync, constants } from "node:zlib";

const OUT_DIR = new URL("../../server/rillet_server/static/", import.meta.url);
const html = readFileSync(new URL("index.html", OUT_DIR), "utf8");
const urls = [...html.matchAll(/(?:src|href)="\.\/(static\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let total = 0;
for (const url of urls) {
  const bytes = readFileSync(new URL(url.replace(/^static\//, ""), OUT_DIR));
  const gz = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length;
  total += url.endsWith(".js") ? gz : 0;
  console.log(`${url}: ${(bytes.length / 1024).toFixed(1)} KB, gzip ${(gz / 1024).toFixed(1)} KB`);
}
console.log(`initial JS gzipped: ${(total / 1024).toFixed(1)} KB`);
