"""The two pages the shell shows itself, before (or instead of) the app.

Both are inline HTML strings: they need no server, no file and no network,
so the window has something to show the moment it opens. They follow the
system's light/dark preference like the app's client does.
"""

from __future__ import annotations

import html

_STYLE = """
:root { color-scheme: light dark; --fg: #31333f; --bg: #ffffff; --muted: #6b6d7a; --accent: #ff4b4b; }
@media (prefers-color-scheme: dark) { :root { --fg: #fafafa; --bg: #0e1117; --muted: #a3a8b8; } }
html, body { margin: 0; height: 100%; background: var(--bg); color: var(--fg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
main { box-sizing: border-box; height: 100%; display: flex; flex-direction: column;
  align-items: center; justify-content: center; padding: 2rem; gap: 1rem; }
.spinner { width: 28px; height: 28px; border-radius: 50%; border: 3px solid color-mix(in srgb, var(--fg) 15%, transparent);
  border-top-color: var(--accent); animation: spin 0.8s linear infinite; }
@keyframes spin { to { transform: rotate(360deg); } }
h1 { font-size: 1.25rem; margin: 0; }
p { margin: 0; color: var(--muted); max-width: 46rem; text-align: center; }
pre { max-width: 46rem; max-height: 40vh; overflow: auto; white-space: pre-wrap; margin: 0;
  padding: 0.75rem 1rem; border-radius: 0.5rem; background: color-mix(in srgb, var(--fg) 7%, transparent); }
code { user-select: all; }
"""


def splash_html(title: str) -> str:
    """The page shown while the app's server starts.

    Example:
        >>> "Starting" in splash_html("My app")
        True
    """
    name = html.escape(title)
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{name}</title><style>{_STYLE}</style></head><body>"
        f"<main id='rillet-splash'><div class='spinner' aria-hidden='true'></div>"
        f"<p>Starting {name}…</p></main></body></html>"
    )


def error_html(title: str, message: str, details: str, log_path: str) -> str:
    """The page shown when the app could not start: what failed and where the log is.

    Args:
        title: the app's title.
        message: one sentence for the user (what went wrong, what to do).
        details: the technical part (an error message or a traceback).
        log_path: the log file with everything the shell recorded.

    Example:
        >>> page = error_html("My app", "app.py does not exist.", "", "/tmp/rillet.log")
        >>> "/tmp/rillet.log" in page
        True
    """
    detail_block = f"<pre>{html.escape(details)}</pre>" if details else ""
    return (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}: could not start</title><style>{_STYLE}</style></head><body>"
        f"<main id='rillet-boot-error'><h1>{html.escape(title)} could not start</h1>"
        f"<p>{html.escape(message)}</p>{detail_block}"
        f"<p>The log is in <code>{html.escape(log_path)}</code></p></main></body></html>"
    )
