"""components.v1: declare_component, instances as widgets, and refused input."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pandas as pd
import pytest

from rillet.components import arrow
from rillet.components.registry import ComponentRegistry, DeclaredComponent
from rillet.components.v1 import ComponentSerde, declare_component
from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.errors import RilletAPIException
from rillet.testing import AppTest


@pytest.fixture
def frontend(tmp_path: Path) -> Path:
    folder = tmp_path / "frontend"
    folder.mkdir()
    (folder / "index.html").write_text("<!doctype html><p>component</p>")
    return folder


def app(frontend: Path, body: str) -> AppTest:
    source = "import rillet as st\nimport rillet.components.v1 as components\n"
    source += f"menu = components.declare_component('menu', path={str(frontend)!r})\n"
    return AppTest.from_string(source + textwrap.dedent(body))


def test_an_instance_returns_its_default_until_the_component_sends_a_value(frontend) -> None:
    at = app(frontend, "st.write(f\"got={menu(options=['a', 'b'], default='a', key='m')}\")").run()
    assert [m.value for m in at.markdown] == ["got=a"]
    assert at.session_state["m"] is None  # as in Streamlit: nothing sent yet
    (instance,) = at.get("component_instance")
    assert instance.proto.component_name.endswith(".menu")
    assert '"options": ["a", "b"]' in instance.proto.json_args

    at.session_state["m"] = "b"
    at.run()
    assert [m.value for m in at.markdown] == ["got=b"]


def test_a_value_sent_by_the_component_survives_reruns_and_runs_the_callback(frontend) -> None:
    at = app(
        frontend,
        """
        def changed():
            st.session_state.calls = st.session_state.get("calls", 0) + 1
        value = menu(key="m", on_change=changed)
        st.write(f"got={value} calls={st.session_state.get('calls', 0)}")
        """,
    ).run()
    at.get("component_instance")[0].set_value({"picked": [1, 2]}).run()
    assert at.markdown[0].value == "got={'picked': [1, 2]} calls=1"
    at.run()
    assert at.markdown[0].value == "got={'picked': [1, 2]} calls=1"


def test_keyed_instances_keep_their_identity_when_their_arguments_change(frontend) -> None:
    at = app(frontend, "menu(title=st.session_state.get('t', 'x'), key='m')").run()
    first = at.get("component_instance")[0].proto.common.id
    at.session_state["t"] = "y"
    at.run()
    assert at.get("component_instance")[0].proto.common.id == first


def test_tables_and_bytes_travel_as_special_arguments(frontend) -> None:
    at = app(
        frontend,
        """
        import pandas as pd
        menu(data=pd.DataFrame({"a": [1, 2]}, index=["x", "y"]), raw=b"\\x00\\x01", n=3)
        """,
    ).run()
    proto = at.get("component_instance")[0].proto
    assert proto.json_args == '{"n": 3, "default": null, "key": null}'
    table, raw = proto.special_args
    assert table.key == "data" and raw.bytes_value == b"\x00\x01"
    frame = arrow.decode(table.arrow_dataframe)
    assert frame["a"].tolist() == [1, 2] and frame.index.tolist() == ["x", "y"]


def test_values_round_trip_as_json_bytes_and_tables() -> None:
    serde = ComponentSerde()
    for value in ({"a": [1, None]}, b"\x00raw", 3.5, "text"):
        state = pb.WidgetState()
        serde.serialize(value, state)
        assert serde.deserialize(state) == value
    state = pb.WidgetState()
    serde.serialize(pd.DataFrame({"s": ["a", "b"]}), state)
    assert serde.deserialize(state)["s"].tolist() == ["a", "b"]
    assert serde.deserialize(pb.WidgetState()) is None


def test_string_columns_are_sent_with_32_bit_offsets() -> None:
    import pyarrow as pa

    message = arrow.encode(pd.DataFrame({"s": pd.array(["a"], dtype="string[pyarrow]")}))
    schema = pa.ipc.open_stream(message.data).schema
    assert schema.field("s").type == pa.string()


def test_a_component_without_its_built_frontend_is_declared_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # As Streamlit: a package published without its build (streamlit-svg-view)
    # still imports; its frame has nothing to load.
    missing = declare_component("missing", path=tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    empty = declare_component("empty", path=tmp_path / "empty")
    assert (missing.name, empty.name) == (f"{__name__}.missing", f"{__name__}.empty")
    assert [r.getMessage().split(":")[0] for r in caplog.records] == [
        f"Component '{__name__}.missing'",
        f"Component '{__name__}.empty'",
    ]
    with pytest.raises(RilletAPIException, match=r"exactly one of path= .* or url="):
        declare_component("neither")
    with pytest.raises(RilletAPIException, match="url"):
        declare_component("dev", url="localhost:3001")


def test_a_name_declared_twice_from_different_places_is_an_error(tmp_path: Path) -> None:
    registry = ComponentRegistry()
    registry.add(DeclaredComponent("pkg.grid", path=tmp_path / "a"))
    registry.add(DeclaredComponent("pkg.grid", path=tmp_path / "a"))  # a re-import: fine
    with pytest.raises(RilletAPIException, match=r"'pkg.grid' is already declared"):
        registry.add(DeclaredComponent("pkg.grid", path=tmp_path / "b"))


def test_bad_arguments_show_as_an_error_naming_them(frontend) -> None:
    at = app(frontend, "menu(callback=print)").run()
    assert "callback" in at.exception[0].value and "JSON-able" in at.exception[0].value
    at = app(frontend, "menu('positional')").run()
    assert "need a name" in at.exception[0].value


def test_a_component_in_a_form_sends_its_value_on_submit(frontend) -> None:
    at = app(
        frontend,
        """
        with st.form("f"):
            value = menu(key="m", default="none")
            st.form_submit_button("Go")
        st.write(f"got={value}")
        """,
    ).run()
    assert at.markdown[0].value == "got=none"
    assert at.get("component_instance")[0].proto.common.form_id != ""
