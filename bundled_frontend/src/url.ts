/**
 * Where the app lives: its base URL (the app may be served below a path
 * prefix behind a proxy), the page path below it, and the query string.
 */

/**
 * The app's base URL. The entry script sits at `<base>/static/assets/`, so
 * the base is two folders up from it; during development (`vite` dev server)
 * the page is the base.
 */
export function appBaseUrl(scriptUrl: string, pageUrl: string, dev: boolean): URL {
  return dev ? new URL("./", pageUrl) : new URL("../../", scriptUrl);
}

/** The page path below the base, without slashes: "" for the main page. */
export function pageNameOf(pathname: string, base: URL): string {
  const basePath = base.pathname.endsWith("/") ? base.pathname : `${base.pathname}/`;
  const below = pathname.startsWith(basePath) ? pathname.slice(basePath.length) : pathname;
  return below.replace(/^\/+|\/+$/g, "");
}

/** The desktop shell's one-time login token: never part of the app's query. */
const TOKEN_PARAM = "token";

/** The query string as the protocol carries it: without the leading `?` (nor the desktop token). */
export function queryStringOf(search: string): string {
  const params = new URLSearchParams(search);
  if (!params.has(TOKEN_PARAM)) return search.startsWith("?") ? search.slice(1) : search;
  params.delete(TOKEN_PARAM);
  return params.toString();
}

/**
 * The browser URL for a page and query: `<base><urlPath>?<query>`. The
 * desktop token is never put back into the visible URL.
 */
export function pageUrl(base: URL, urlPath: string, queryString: string): string {
  const url = new URL(urlPath.replace(/^\/+/, ""), base);
  const params = new URLSearchParams(queryString);
  params.delete(TOKEN_PARAM);
  const query = params.toString();
  return `${url.pathname}${query ? `?${query}` : ""}`;
}

/**
 * A URL the server sent (media, uploads, downloads), resolved against the
 * app's base: `/media/x.png` means `<base>media/x.png`, so the app still works
 * below a path prefix. Absolute and data URLs pass through.
 */
export function resolveServerUrl(url: string, base: URL): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) return url;
  return new URL(url.replace(/^\/+/, ""), base).toString();
}
