import type { Plugin } from "vite";

/**
 * index.html is served at `/` (and page paths) while its assets live under
 * `/static/`; prefix the relative asset URLs Vite writes into index.html.
 * Chunks and CSS reference each other relative to themselves, so they need
 * nothing.
 */
export function staticPrefixInIndexHtml(): Plugin {
  return {
    name: "rillet:static-prefix",
    apply: "build",
    enforce: "post",
    generateBundle(_options, bundle) {
      const html = bundle["index.html"];
      if (html && html.type === "asset" && typeof html.source === "string") {
        html.source = html.source.replace(/(src|href)="\.\/assets\//g, '$1="./static/assets/');
      }
    },
  };
}

/**
 * KaTeX's stylesheet lists woff2, woff and ttf for each font; every browser
 * rillet supports reads woff2, so keep only that and ship a third of the files.
 */
export function katexWoff2Only(): Plugin {
  return {
    name: "rillet:katex-woff2-only",
    enforce: "pre",
    transform(code, id) {
      if (!/katex[\\/]dist[\\/]katex(\.min)?\.css$/.test(id)) return null;
      const stripped = code.replace(
        /,\s*url\([^)]*\.woff\) format\("woff"\)|,\s*url\([^)]*\.ttf\) format\("truetype"\)/g,
        "",
      );
      return { code: stripped, map: null };
    },
  };
}

/**
 * V8 compiles a function the first time it runs; a chunk whose code is sure
 * to run soon can ask for all of its functions to be compiled as it loads
 * (on the script streaming thread, with the explicit compile hint comment
 * `//# allFunctionsCalledOnLoad` at its top; browsers without it ignore a
 * comment). Prepended after minification, which would drop it.
 */
export function compileEagerly(chunkName: string): Plugin {
  return {
    name: "rillet:compile-eagerly",
    apply: "build",
    enforce: "post",
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type === "chunk" && file.name === chunkName)
          file.code = `//# allFunctionsCalledOnLoad\n${file.code}`;
      }
    },
  };
}
