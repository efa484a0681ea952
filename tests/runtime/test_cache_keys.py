"""A cached function's key: read once per compiled function, new when the code changes."""

from __future__ import annotations

from rillet.runtime.caching.hashing import function_key
from rillet.testing import AppTest


def _compile(source: str) -> dict[str, object]:
    namespace: dict[str, object] = {"__name__": "app"}
    exec(compile(source, "<app>", "exec"), namespace)
    return namespace


def test_the_same_code_keeps_its_key_and_changed_code_gets_a_new_one() -> None:
    first = _compile("def load(n):\n    return n + 1\n")["load"]
    again = _compile("def load(n):\n    return n + 1\n")["load"]
    edited = _compile("def load(n):\n    return n + 2\n")["load"]
    assert function_key(first) == function_key(again)  # type: ignore[arg-type]
    assert function_key(first) != function_key(edited)  # type: ignore[arg-type]


def test_a_cached_value_survives_reruns_of_the_script_that_redefines_the_function() -> None:
    at = AppTest.from_string(
        """
        import rillet as st

        if "calls" not in st.session_state:
            st.session_state.calls = 0

        @st.cache_data
        def load(n):
            st.session_state.calls += 1
            return list(range(n))

        st.write(len(load(3)), st.session_state.calls)
        """
    ).run()
    at.run()
    at.run()
    assert at.session_state.calls == 1
