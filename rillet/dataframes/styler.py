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
        # A defaultdict: a cell without a format of its own has pandas' default one.
        formatters: Any = styler._display_funcs
    except Exception as exc:
        _LOG.warning("st.dataframe: cannot read this Styler's output (%s); showing its data", exc)
        return {"caption": caption, "cells": cells}
    frame = styler.data
    rows, cols = frame.shape
    for r in range(rows):
        for c in range(cols):
            text = None
            value = frame.iat[r, c]
            shown = formatters[(r, c)](value)
            # A float's shown text is the Styler's (its default precision is 6:
            # -3.0 shows -3.000000, as in Streamlit), even where it reads as str()
            # does: the client would otherwise draw it by its own rules (-3).
            is_float = isinstance(value, float) and value == value  # NaN shows as missing
            if isinstance(shown, str) and (shown != str(value) or is_float):
                text = shown
            declarations = "; ".join(f"{k}: {v}" for k, v in css.get((r, c), ()))
            if text is not None or declarations:
                cells.append([r, c, text, declarations])
    return {"caption": caption, "cells": cells}
