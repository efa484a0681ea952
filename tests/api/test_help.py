"""st.help: name, type, signature, docstring and members of any object."""

from __future__ import annotations

from tests.api.apps import app

SOURCE = '''
class Basket:
    """Things to buy."""
    limit = 10
    def __init__(self, items=()):
        self.items = list(items)
    def add(self, item):
        """Put one more in."""
        self.items.append(item)
'''


def test_help_of_an_instance_lists_data_before_methods() -> None:
    at = app(SOURCE + "st.help(Basket(['milk']))")
    panel = at.get("help_info")[0]
    assert (panel.name, panel.proto.type) == ("Basket(['milk'])", "Basket")
    assert panel.value == "__main__.Basket(items=())"
    assert panel.doc == "Things to buy."
    assert panel.members == ["items", "limit", "add"]
    add = panel.proto.members[2]
    assert (add.type, add.doc) == ("method", "Put one more in.")
    assert panel.proto.members[0].value == "['milk']"


def test_help_without_an_argument_describes_rillet_itself() -> None:
    panel = app("st.help()").get("help_info")[0]
    assert (panel.proto.type, panel.value) == ("module", "rillet")
    assert "button" in panel.members


def test_a_long_member_value_is_cut() -> None:
    panel = app("class Big:\n    data = 'x' * 1000\nst.help(Big)").get("help_info")[0]
    value = panel.proto.members[0].value
    assert len(value) == 200 and value.endswith("…")


def test_write_keeps_text_for_values_with_their_own_str() -> None:
    at = app(
        "import enum, pathlib\nclass C(enum.Enum):\n    A = 1\nst.write(C.A, pathlib.Path('/tmp'), dt.date(2024, 1, 2))"
    )
    assert at.get("help_info") == []
    assert [m.value for m in at.markdown] == ["`C.A` `/tmp` `2024-01-02`"]


def test_help_of_none_describes_none_not_rillet() -> None:
    panel = app("st.help(None)").get("help_info")[0]
    # A literal has no name to show, as in Streamlit.
    assert (panel.name, panel.proto.type, panel.proto.value) == ("", "NoneType", "None")


def test_help_names_a_walrus_argument_by_its_target() -> None:
    panel = app("x = [1]\nst.help(y := x)").get("help_info")[0]
    assert (panel.name, panel.proto.value) == ("y", "[1]")
