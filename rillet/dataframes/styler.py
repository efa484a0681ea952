"""What a pandas Styler shows: display text, CSS per cell, and the caption.

pandas computes a Styler's output only through its private ``_compute``
step; when that is missing (another pandas) the table is shown unstyled.
"""

from __future__ import annotations

import logging
from typing import Any

_LOG = logging.getLogger(__name__)


def styler_output(styler: Any) -> dict[str, Any]:
    """``{"caption": str | None, "cells": [[row, col, text | None, css], ...]}``.

    Only cells with a display text other than the value's own or with CSS
    are listed; rows and columns are positions in ``styler.data``.
    """
    caption = styler.caption if isinstance(getattr(styler, "caption", None), str) else None
    cells: list[list[Any]] = []
    try:
        styler._compute()
        css: dict[tuple[int, int], list[tuple[str, str]]] = dict(styler.ctx)
        formatters: dict[tuple[int, int], Any] = dict(styler._display_funcs)
    except Exception as exc:
        _LOG.warning("st.dataframe: cannot read this Styler's output (%s); showing its data", exc)
        return {"caption": caption, "cells": cells}
    frame = styler.data
    rows, cols = frame.shape
    for r in range(rows):
        for c in range(cols):
            text = None
            if (r, c) in formatters:
                value = frame.iat[r, c]
                shown = formatters[(r, c)](value)
                if isinstance(shown, str) and shown != str(value):
                    text = shown
            declarations = "; ".join(f"{k}: {v}" for k, v in css.get((r, c), ()))
            if text is not None or declarations:
                cells.append([r, c, text, declarations])
    return {"caption": caption, "cells": cells}
