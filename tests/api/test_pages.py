"""Multipage apps (pages/ folder and st.navigation), page links, page config."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from rillet.protocol import rillet_pb2 as pb
from rillet.runtime.interrupts import RerunData
from rillet.testing import AppTest


def _write(folder: Path, files: dict[str, str]) -> Path:
    for name, source in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source), encoding="utf-8")
    return folder / "app.py"


def _sent(at: AppTest) -> list[pb.ForwardMsg]:
    """Record what the session sends from now on (AppTest keeps only the page)."""
    sent: list[pb.ForwardMsg] = []
    receive = at._receive

    def both(msgs: list[pb.ForwardMsg]) -> None:
        sent.extend(msgs)
        receive(msgs)

    at._session.outbox.attach(both, lambda fn: fn())
    return sent


def _of(sent: list[pb.ForwardMsg], kind: str) -> list[object]:
    return [getattr(m, kind) for m in sent if m.WhichOneof("type") == kind]


# ------------------------------------------------------------ pages/ folder

FOLDER_APP = {
    "app.py": """
        import rillet as st
        st.text("main")
        if st.button("to b"):
            st.switch_page("pages/2_b.py")
    """,
    "pages/1_📊_a_page.py": "import rillet as st\nst.text('page a')\n",
    "pages/2_b.py": """
        import rillet as st
        st.text("page b")
        st.page_link("app.py", label="Home", icon="🏠")
        st.page_link("pages/1_📊_a_page.py")
        st.page_link("https://example.com", label="Docs")
    """,
}


def test_pages_folder_switch_page_from_apptest(tmp_path: Path) -> None:
    at = AppTest.from_file(_write(tmp_path, FOLDER_APP)).run()
    assert at.text.values == ["main"]
    at.switch_page("pages/1_📊_a_page.py").run()
    assert at.text.values == ["page a"]
    at.run()
    assert at.text.values == ["page a"]


def test_switch_page_from_the_script(tmp_path: Path) -> None:
    at = AppTest.from_file(_write(tmp_path, FOLDER_APP)).run()
    at.button[0].click().run()
    assert at.text.values == ["page b"]


def test_page_link_defaults_come_from_the_page(tmp_path: Path) -> None:
    at = AppTest.from_file(_write(tmp_path, FOLDER_APP)).switch_page("pages/2_b.py").run()
    links = [e.proto for e in at.get("page_link")]
    assert [(x.label, x.icon, x.page, x.external) for x in links] == [
        ("Home", "🏠", "", False),
        ("a page", "📊", "a_page", False),
        ("Docs", "", "https://example.com", True),
    ]
    assert links[1].page_hash


def test_unknown_page_lists_the_pages(tmp_path: Path) -> None:
    at = AppTest.from_file(_write(tmp_path, FOLDER_APP))
    with pytest.raises(Exception, match=r"Could not find page 'pages/nope.py'.*'pages/2_b.py'"):
        at.switch_page("pages/nope.py")
    at = AppTest.from_string("import rillet as st\nst.page_link('pages/nope.py')").run()
    assert "Could not find page 'pages/nope.py'" in at.exception[0].value


def test_page_link_to_a_url_needs_a_label() -> None:
    at = AppTest.from_string("import rillet as st\nst.page_link('https://example.com')").run()
    assert "`label` must be a non-empty string" in at.exception[0].value


# ---------------------------------------------------------- st.navigation

NAV_APP = {
    "app.py": """
        import rillet as st

        def home():
            st.text("home")
            if st.button("go"):
                st.switch_page(report)

        def admin_tools():
            st.text("admin")

        report = st.Page("reports/sales.py", icon="📈")
        pages = {
            "": [st.Page(home, default=True)],
            "Reports": [report],
            "Admin": [st.Page(admin_tools, url_path="admin")],
        }
        page = st.navigation(pages, position="top")
        st.sidebar.text(f"on {page.title}")
        page.run()
    """,
    "reports/sales.py": "import rillet as st\nst.text('sales')\n",
}


def test_navigation_runs_the_default_page_and_sends_the_menu(tmp_path: Path) -> None:
    at = AppTest.from_file(_write(tmp_path, NAV_APP))
    sent = _sent(at)
    at.run()
    assert at.main.text.values == ["home"]
    assert at.sidebar.text.values == ["on home"]
    [nav] = _of(sent, "navigation")
    assert isinstance(nav, pb.Navigation)
    assert nav.position == "top"
    assert [(p.title, p.url_path, p.section, p.is_default, p.icon) for p in nav.pages] == [
        ("home", "", "", True, ""),
        ("sales", "sales", "Reports", False, "📈"),
        ("admin tools", "admin", "Admin", False, ""),
    ]
    assert nav.page_hash == nav.pages[0].page_hash


def test_navigation_switch_page_by_page_object_and_apptest(tmp_path: Path) -> None:
    at = AppTest.from_file(_write(tmp_path, NAV_APP)).run()
    at.button[0].click().run()
    assert at.main.text.values == ["sales"]
    assert at.sidebar.text.values == ["on sales"]
    at.switch_page("reports/sales.py").run()
    assert at.main.text.values == ["sales"]


def test_navigation_selects_by_url_path(tmp_path: Path) -> None:
    at = AppTest.from_file(_write(tmp_path, NAV_APP))
    sent = _sent(at)
    at._session.request_rerun(RerunData(page_name="admin"))
    assert at._session.runner.wait_idle(3)
    at._absorb()
    assert at.main.text.values == ["admin"]
    info = _of(sent, "page_info")[-1]
    assert isinstance(info, pb.PageInfo)
    assert info.url_path == "admin"
    # The next plain rerun stays on that page.
    at.run()
    assert at.main.text.values == ["admin"]


def test_unknown_url_path_shows_the_default_page(tmp_path: Path) -> None:
    at = AppTest.from_file(_write(tmp_path, NAV_APP))
    at._session.request_rerun(RerunData(page_name="nope"))
    assert at._session.runner.wait_idle(3)
    at._absorb()
    assert at.main.text.values == ["home"]


def test_page_titles_and_paths_are_inferred(tmp_path: Path) -> None:
    _write(tmp_path, {"pages/03_🎉_party_time.py": ""})
    at = AppTest.from_file(
        _write(
            tmp_path,
            {
                "app.py": """
                    import rillet as st
                    def my_home_page():
                        pass
                    for p in (st.Page(my_home_page), st.Page("pages/03_🎉_party_time.py"),
                              st.Page(my_home_page, title="Start", icon="🏠", url_path="/start/")):
                        st.text(repr((p.title, p.icon, p.url_path)))
                """
            },
        )
    ).run()
    assert at.text.values == [
        "('my home page', '', 'my_home_page')",
        "('party time', '🎉', 'party_time')",
        "('Start', '🏠', 'start')",
    ]


@pytest.mark.parametrize(
    ("pages", "message"),
    [
        ("[st.Page(a, default=True), st.Page(b, default=True)]", "several pages are marked"),
        ("[st.Page(a), st.Page(b, url_path='a')]", "share the URL path 'a'"),
        ("[]", "at least one page"),
        ("'a.py'", "`pages` must be a list of st.Page"),
        ("[st.Page('missing.py')]", "no Python script at 'missing.py'"),
        ("[st.Page(a, url_path='x/y')]", "`url_path` must be a non-empty name"),
        ("[st.Page(lambda: None), st.Page(lambda: None)]", "share the URL path '<lambda>'"),
    ],
)
def test_navigation_errors(pages: str, message: str) -> None:
    at = AppTest.from_string(
        f"""
        import rillet as st
        def a():
            pass
        def b():
            pass
        st.navigation({pages}).run()
        """
    ).run()
    assert message in at.exception[0].value


def test_navigation_position_is_checked() -> None:
    at = AppTest.from_string(
        "import rillet as st\nst.navigation([st.Page(lambda: None, title='x', url_path='x')], position='left')"
    ).run()
    assert "`position` must be 'sidebar', 'hidden' or 'top'" in at.exception[0].value


def test_page_link_to_a_navigation_page(tmp_path: Path) -> None:
    at = AppTest.from_file(
        _write(
            tmp_path,
            {
                "app.py": """
                    import rillet as st
                    def home():
                        st.page_link(other, help="see")
                    def other():
                        pass
                    other = st.Page(other, icon="✨")
                    st.navigation([st.Page(home), other]).run()
                """
            },
        )
    ).run()
    link = at.get("page_link")[0].proto
    assert (link.label, link.icon, link.page, link.help) == ("other", "✨", "other", "see")


# ---------------------------------------------------------- set_page_config


def test_set_page_config_sends_a_page_config_message() -> None:
    at = AppTest.from_string(
        """
        import rillet as st
        st.set_page_config(
            page_title="Sales", page_icon="📈", layout="wide", initial_sidebar_state=300,
            menu_items={"get help": "https://example.com/help", "About": "**Hi**",
                        "Report a bug": None},
        )
        """
    )
    sent = _sent(at)
    at.run()
    assert not at.exception
    [config] = _of(sent, "page_config")
    assert isinstance(config, pb.PageConfig)
    assert (config.page_title, config.page_icon, config.layout) == ("Sales", "📈", "wide")
    assert config.initial_sidebar_state == "300"
    assert json.loads(config.menu_items_json) == {
        "Get help": "https://example.com/help",
        "About": "**Hi**",
        "Report a bug": None,
    }


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("layout='full'", "`layout` must be 'centered', 'wide' or None"),
        ("initial_sidebar_state='open'", "`initial_sidebar_state` must be"),
        ("initial_sidebar_state=0", "`initial_sidebar_state` must be"),
        (
            "menu_items={'Help me': 'https://x.org'}",
            "keys are 'Get help', 'Report a bug' or 'About'",
        ),
        ("menu_items={'Get help': 'not a url'}", "an http://, https:// or mailto: URL"),
        ("page_title=3", "`page_title` must be a string or None"),
    ],
)
def test_set_page_config_rejects_bad_values(call: str, message: str) -> None:
    at = AppTest.from_string(f"import rillet as st\nst.set_page_config({call})").run()
    assert message in at.exception[0].value


def test_switch_page_can_set_the_query_params(tmp_path: Path) -> None:
    app = {
        "app.py": """
            import rillet as st
            if st.button("go"):
                st.switch_page("pages/b.py", query_params={"id": "7", "tag": ["x", "y"]})
        """,
        "pages/b.py": "import rillet as st\nst.text(repr(st.query_params.to_dict()))\n",
    }
    at = AppTest.from_file(_write(tmp_path, app)).run()
    at.button[0].click().run()
    assert at.query_params == {"id": "7", "tag": ["x", "y"]}
    at = AppTest.from_string("import rillet as st\nst.switch_page('app.py', query_params=5)").run()
    assert "`query_params` must be a dict" in at.exception[0].value
