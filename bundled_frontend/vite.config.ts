/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import { compileEagerly, katexWoff2Only, staticPrefixInIndexHtml } from "./scripts/vitePlugins.ts";

// The server serves index.html at `/` and at every page path, and the files of
// this output folder under `/static/` (see README.md). Asset URLs are relative
// so the app also works below a base path (`/myapp/`, behind a proxy).
// A table's first paint runs cold code when a rerun first shows a table; its
// own chunk is compiled while the page loads (see compileEagerly).
const TABLE_PAINT = "tablePaint";

export default defineConfig({
  base: "./",
  oxc: {
    jsx: { runtime: "automatic", importSource: "preact" },
  },
  plugins: [staticPrefixInIndexHtml(), katexWoff2Only(), compileEagerly(TABLE_PAINT)],
  build: {
    outDir: "../server/rillet_server/static",
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    target: "es2022",
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: TABLE_PAINT,
              test: /src[\\/]table[\\/](firstPaint|firstRows|columns|columnInfo|format|layout|selection)\.ts$/,
            },
          ],
        },
      },
    },
  },
  test: {
    include: ["tests/**/*.test.{ts,tsx}"],
    environment: "node",
  },
});
