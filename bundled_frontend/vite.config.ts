/// <reference types="vitest/config" />
import { defineConfig } from "vite";
import { katexWoff2Only, staticPrefixInIndexHtml } from "./scripts/vitePlugins.ts";

// The server serves index.html at `/` and at every page path, and the files of
// this output folder under `/static/` (see README.md). Asset URLs are relative
// so the app also works below a base path (`/myapp/`, behind a proxy).
export default defineConfig({
  base: "./",
  oxc: {
    jsx: { runtime: "automatic", importSource: "preact" },
  },
  plugins: [staticPrefixInIndexHtml(), katexWoff2Only()],
  build: {
    outDir: "../server/rillet_server/static",
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    target: "es2022",
    modulePreload: { polyfill: false },
  },
  test: {
    include: ["tests/**/*.test.{ts,tsx}"],
    environment: "node",
  },
});
