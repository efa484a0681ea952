/**
 * The committed src/proto/rillet_pb.ts matches rillet.proto: regenerate into
 * a temporary folder (as `npm run gen:proto` does) and compare. Skipped where
 * the Python protoc (grpcio-tools, the project's dev extra) is missing.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "vitest";

const ROOT = resolve(__dirname, "..");
const python = process.env["PYTHON"] ?? "python";
const hasProtoc = spawnSync(python, ["-c", "import grpc_tools.protoc"], { stdio: "ignore" }).status === 0;

test.skipIf(!hasProtoc)("the generated protocol code is up to date with rillet.proto", () => {
  const out = mkdtempSync(join(tmpdir(), "rillet-proto-"));
  try {
    const result = spawnSync(
      python,
      [
        "-m",
        "grpc_tools.protoc",
        `--plugin=protoc-gen-es=${join(ROOT, "node_modules/.bin/protoc-gen-es")}`,
        `--es_out=${out}`,
        "--es_opt=target=ts",
        `-I${join(ROOT, "../rillet/protocol")}`,
        "rillet.proto",
      ],
      { encoding: "utf8" },
    );
    expect(result.status, result.stderr).toBe(0);
    const fresh = readFileSync(join(out, "rillet_pb.ts"), "utf8");
    const committed = readFileSync(join(ROOT, "src/proto/rillet_pb.ts"), "utf8");
    expect(fresh === committed, "src/proto/rillet_pb.ts is stale: run `npm run gen:proto`").toBe(true);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
