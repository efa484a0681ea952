"""Control flow out of a running script.

These exceptions unwind the script thread from any ``st.*`` call (a yield
point). They derive from ``BaseException`` so a user's ``except Exception``
cannot swallow them.
"""

from __future__ import annotations

from dataclasses import dataclass

from rillet.protocol import rillet_pb2 as pb


class ScriptInterrupt(BaseException):
    """Base of every control-flow exception a script run can raise."""


class StopRun(ScriptInterrupt):
    """``st.stop()`` or a stop request from the client: end the run quietly."""


@dataclass
class RerunData:
    """What the next run should see."""

    widget_states: pb.WidgetStates | None = None
    page_hash: str = ""
    page_name: str = ""
    query_string: str | None = None
    fragment_id: str = ""
    is_auto_rerun: bool = False


class RerunRun(ScriptInterrupt):
    """A newer rerun request arrived, or the script called ``st.rerun()``."""

    def __init__(self, data: RerunData | None = None) -> None:
        super().__init__()
        self.data = data
