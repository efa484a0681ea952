// Arrow decoders for the client, compared: flechette and apache-arrow, by
// gzip size of what the grid imports (tableFromIPC) and by decode and read
// speed on a 1,000,000 x 10 table (8 numeric, 1 string, 1 datetime) written
// by pyarrow. Neither package needs to be a dependency of the client:
//
//   npm install --prefix /tmp/arrowbench --no-audit --no-fund @uwdata/flechette@2.6.0 apache-arrow
//   node bench/arrow_decode.mjs /tmp/arrowbench
//
// (the script writes the table with python + pyarrow + pandas first).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { constants, gzipSync } from "node:zlib";

const prefix = resolve(process.argv[2] ?? "/tmp/arrowbench");
const table = join(prefix, "big.arrow");
if (!existsSync(table)) {
  execFileSync("python", [
    "-c",
    `
import numpy as np, pandas as pd, pyarrow as pa
n = 1_000_000
rng = np.random.default_rng(0)
df = pd.DataFrame({f"n{i}": rng.standard_normal(n) if i % 2 else rng.integers(0, 10**6, n) for i in range(8)})
df["s"] = [f"row {i}" for i in range(n)]
df["t"] = pd.date_range("2020-01-01", periods=n, freq="min")
t = pa.Table.from_pandas(df, preserve_index=False)
sink = pa.BufferOutputStream()
with pa.ipc.new_stream(sink, t.schema) as w:
    w.write_table(t)
open(${JSON.stringify(table)}, "wb").write(sink.getvalue().to_pybytes())
`,
  ]);
}
const require = createRequire(join(prefix, "package.json"));
const fl = await import(require.resolve("@uwdata/flechette"));
const aa = await import(require.resolve("apache-arrow"));
const { build } = await import(new URL("../bundled_frontend/node_modules/rolldown/dist/index.mjs", import.meta.url));

async function gzipOf(pkg) {
  const entry = join(prefix, `entry-${pkg.replace(/\W/g, "_")}.mjs`);
  // A bare specifier from inside the prefix: the bundler picks the ESM build, as Vite does.
  writeFileSync(entry, `export { tableFromIPC } from ${JSON.stringify(pkg)};`);
  const out = await build({ input: entry, write: false, output: { minify: true, format: "esm" }, logLevel: "silent" });
  return gzipSync(out.output[0].code, { level: constants.Z_BEST_COMPRESSION }).length / 1024;
}

function median(label, fn, reps = 5) {
  const times = [];
  let result;
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    result = fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return [times[Math.floor(reps / 2)], result];
}

const bytes = new Uint8Array(readFileSync(table));
const libs = {
  flechette: { decode: () => fl.tableFromIPC(bytes, { useDate: false }), get: (c, i) => c.at(i) },
  "apache-arrow": { decode: () => aa.tableFromIPC(bytes), get: (c, i) => c.get(i) },
};
const rows = [];
for (const [name, lib] of Object.entries(libs)) {
  const [decodeMs, t] = median("decode", lib.decode);
  const [scanMs] = median(
    "scan",
    () => {
      let s = 0;
      for (const n of ["n1", "s", "t"]) {
        const c = t.getChild(n);
        for (let i = 0; i < c.length; i++) {
          const v = lib.get(c, i);
          s += typeof v === "string" ? v.length : Number(v);
        }
      }
      return s;
    },
    3,
  );
  const [windowMs] = median(
    "window",
    () => {
      let s = 0;
      const cols = t.schema.fields.map((f) => t.getChild(f.name));
      for (let k = 0; k < 1000; k++) {
        const o = (k * 997) % 999000;
        for (const c of cols) for (let i = o; i < o + 40; i++) s += String(lib.get(c, i)).length;
      }
      return s;
    },
    3,
  );
  const pkg = name === "flechette" ? "@uwdata/flechette" : "apache-arrow";
  rows.push([name, (await gzipOf(pkg)).toFixed(1), decodeMs.toFixed(1), scanMs.toFixed(0), (windowMs / 1000).toFixed(3)]);
}
console.log(`${(bytes.length / 1e6).toFixed(1)} MB of Arrow IPC, 1,000,000 x 10; medians`);
console.log("library        gzip KB  decode ms  scan 3 cols ms  one 40x10 screen ms");
for (const r of rows) console.log(`${r[0].padEnd(15)}${r[1].padEnd(9)}${r[2].padEnd(11)}${r[3].padEnd(16)}${r[4]}`);
