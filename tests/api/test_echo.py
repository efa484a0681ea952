"""st.echo: the code of the with block is shown, and the block runs."""

from __future__ import annotations

from pathlib import Path

from rillet.testing import AppTest

APP = """\
import rillet as st

with st.echo():
    x = 1 + 1
    st.write("x is", x)

    # a comment and a blank line stay inside the block
    y = x * 2

with st.echo(code_location="below"):
    z = 3
st.write("end")
"""


def _run(tmp_path: Path, source: str) -> AppTest:
    script = tmp_path / "app.py"
    script.write_text(source)
    return AppTest.from_file(script).run()


def test_the_block_shows_above_its_output_or_below_it(tmp_path: Path) -> None:
    at = _run(tmp_path, APP)
    kinds = [(e.type, e.value) for e in at.main]
    assert kinds == [
        (
            "code",
            'x = 1 + 1\nst.write("x is", x)\n\n# a comment and a blank line stay inside the block\ny = x * 2',
        ),
        ("markdown", "x is `2`"),
        ("code", "z = 3"),
        ("markdown", "end"),
    ]
    assert at.code[0].language == "python"


def test_a_bad_code_location_names_the_argument(tmp_path: Path) -> None:
    at = _run(tmp_path, "import rillet as st\nwith st.echo('left'):\n    pass\n")
    message = at.exception[0].value
    assert "`code_location`" in message and "'left'" in message and "'above' or 'below'" in message
