// Write a `.gz` copy (zlib level 9) next to every js/css/html/svg/json file of
// the build output, so the server can send precompressed files. gzipSync
// writes no timestamp or file name, so the bytes depend only on the input.
import { gzipSync, constants } from "node:zlib";
import { readdirSync, readFileSync, writeFileSync, statSync } from "node:fs";
import { join } from "node:path";

const OUT_DIR = new URL("../../server/rillet_server/static/", import.meta.url).pathname;
const COMPRESSIBLE = /\.(m?js|css|html|svg|json)$/;

function* files(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

let count = 0;
for (const path of files(OUT_DIR)) {
  if (!COMPRESSIBLE.test(path)) continue;
  const gz = gzipSync(readFileSync(path), { level: constants.Z_BEST_COMPRESSION });
  writeFileSync(`${path}.gz`, gz);
  count += 1;
}
console.log(`compress: wrote ${count} .gz files in ${OUT_DIR}`);
