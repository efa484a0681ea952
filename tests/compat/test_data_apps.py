"""Whole data apps of the kinds people publish: rillet shows what Streamlit shows.

Each app is ordinary Streamlit data code (dashboards with sidebar filters over
pandas or Polars frames, CSV uploads into tables and editors, editors whose
edits feed metrics and charts, selection-driven apps, Styler pipelines, every
column type in one app, st.json and st.metric of computed data, cached
frames) run unchanged through Streamlit 1.67's AppTest and rillet's, through
the interactions a user makes. After every run sweep.py compares every
element (kind, label, value, options, public attributes, each table's cells),
the size of every list accessor and the session state; ``facts`` adds what
test_data_sweep.py reads of each table (dtypes, index, column configuration
as sent, column order, editing mode) and of st.json and st.metric, and
whatever the app keeps in ``st.session_state.out``.

Edits reach an editor as Streamlit's AppTest allows them: its state seeded
through the session state (edited_rows keyed by int or by text, added_rows,
deleted_rows); selections the same way.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from harness import OWN_ERROR_WORDS, Known
from sweep import App, differences, scan_components_once
from test_data_sweep import shown_facts

pytest.importorskip("streamlit")
pytest.importorskip("pandas")
pytest.importorskip("pyarrow")
pytest.importorskip("jinja2")
pytestmark = [pytest.mark.streamlit, pytest.mark.usefixtures(scan_components_once.__name__)]

# Divergences found by this sweep and left, each with why:
# - ``.add_rows`` on a dataframe, table or chart: Streamlit 1.67 refuses it
#   ("not a valid Streamlit command"); rillet keeps it (issue 10 asks for it).
#   No app here uses it.
# - A widget's state seeded through AppTest's session state: Streamlit's AppTest
#   keeps the value exactly as given (an editor's edited_rows keyed by text,
#   {"1": ...}; a selection's cells as lists), while the same state from its
#   browser reads as int row keys and cells as tuples. rillet reads both as the
#   browser's does. The apps that seed such values compare what the script got
#   back, not that key's raw value (``SEEDED_AS_GIVEN``).
# - A row added to the editor of a dict of dicts ({"r1": {"x": 1}}): Streamlit
#   fails with KeyError 'x'; rillet adds nothing (the rows are labelled by text
#   and the row names none), as for any text index. Left out of the apps.

# Errors raised by st.* itself are worded by rillet: their message is not compared either.
OWN_WORDS = Known("exception", (*OWN_ERROR_WORDS.fields, "message"), OWN_ERROR_WORDS.why)

SEEDED_AS_GIVEN = (
    "Streamlit's AppTest keeps a seeded widget state as given (text row keys, cells as lists); "
    "rillet reads it as Streamlit reads its browser's (int keys, tuples)"
)


def edit(
    rows: dict[object, dict[str, object]] | None = None,
    added: list[dict[str, object]] | None = None,
    deleted: list[int] | None = None,
) -> dict[str, object]:
    """An editor's state in the shape Streamlit's client sends it."""
    return {"edited_rows": rows or {}, "added_rows": added or [], "deleted_rows": deleted or []}


def select(rows: list[int] = (), columns: list[str] = (), cells: list[list[object]] = ()) -> dict:  # type: ignore[assignment]
    """A table's selection state as Streamlit's client sends it."""
    return {"selection": {"rows": list(rows), "columns": list(columns), "cells": list(cells)}}


# pandas warns (a DeprecationWarning) when an added row leaves a bool column's
# cell missing; pytest makes the warning an error in the script, an app only logs it.
QUIET = "        import warnings; warnings.simplefilter('ignore', DeprecationWarning)\n"

# A shop's weekly sales, indented as the apps' sources are (dedented together).
SALES = """
        import datetime
        import numpy as np
        import pandas as pd
        import streamlit as st
        rng = np.random.default_rng(7)
        sales = pd.DataFrame({
            "date": pd.date_range("2024-01-01", periods=12, freq="W"),
            "region": ["North", "South", "East", "West"] * 3,
            "product": ["Apples", "Pears", "Plums"] * 4,
            "units": rng.integers(1, 50, 12),
            "price": rng.uniform(0.5, 3.0, 12).round(2),
        })
        sales["revenue"] = sales["units"] * sales["price"]
"""

CSV = (
    b"name,age,city,joined,score\n"
    b"Ada,36,London,2021-03-04,88.5\n"
    b"Alan,41,Wilmslow,2020-11-30,\n"
    b"Grace,85,Arlington,2019-01-15,92.25\n"
)

APPS: dict[str, App] = {
    # ------------------------------------------------------------ dashboards
    "sales_dashboard_sidebar_filters": App(
        SALES
        + """
        st.title("Sales")
        regions = st.sidebar.multiselect("Region", sorted(sales.region.unique()), default=["North", "South"], key="regions")
        low, high = st.sidebar.slider("Units", 0, 50, (0, 50), key="units")
        product = st.sidebar.selectbox("Product", ["All", *sorted(sales["product"].unique())], key="product")
        view = sales[sales.region.isin(regions) & sales.units.between(low, high)]
        if product != "All":
            view = view[view["product"] == product]
        c1, c2, c3 = st.columns(3)
        c1.metric("Revenue", f"{view.revenue.sum():,.2f}", f"{view.revenue.sum() - sales.revenue.mean() * 3:.1f}")
        c2.metric("Units", int(view.units.sum()), delta=-3, delta_color="inverse")
        c3.metric("Orders", len(view), border=True)
        st.dataframe(view, hide_index=True, column_config={
            "date": st.column_config.DateColumn("Week", format="DD MMM YYYY"),
            "price": st.column_config.NumberColumn("Price", format="dollar"),
            "revenue": st.column_config.ProgressColumn("Revenue", min_value=0, max_value=150, format="%.1f"),
        })
        st.bar_chart(view, x="region", y="revenue")
        st.session_state.out = [view.groupby("region").revenue.sum()]
        """,
        [
            ("multiselect", "regions", "select", "East"),
            ("slider", "units", "set_range", 10, 40),
            ("selectbox", "product", "select", "Pears"),
            ("multiselect", "regions", "unselect", "North"),
        ],
    ),
    "polars_dashboard": App(
        """
        import polars as pl
        import streamlit as st
        df = pl.DataFrame({
            "team": ["red", "blue", "red", "green", "blue", "red"],
            "player": ["a", "b", "c", "d", "e", "f"],
            "points": [10, 4, 7, None, 12, 3],
            "active": [True, False, True, True, None, False],
        })
        team = st.selectbox("Team", df["team"].unique(maintain_order=True).to_list(), key="team")
        only_active = st.toggle("Active only", key="active")
        view = df.filter(pl.col("team") == team)
        if only_active:
            view = view.filter(pl.col("active"))
        st.dataframe(view, use_container_width=True)
        summary = df.group_by("team", maintain_order=True).agg(pl.col("points").sum(), pl.len().alias("n"))
        st.table(summary)
        st.metric("Points", view["points"].sum())
        st.session_state.out = [view, summary]
        """,
        [
            ("selectbox", "team", "select", "blue"),
            ("toggle", "active", "set_value", True),
            ("selectbox", "team", "select", "red"),
        ],
    ),
    "pivot_explorer": App(
        SALES
        + """
        rows = st.radio("Rows", ["region", "product"], horizontal=True, key="rows")
        agg = st.selectbox("Aggregate", ["sum", "mean", "max"], key="agg")
        pivot = sales.pivot_table(index=rows, values=["units", "revenue"], aggfunc=agg)
        st.dataframe(pivot.round(2))
        st.table(pivot.describe().loc[["mean", "min", "max"]].round(1))
        st.line_chart(sales, x="date", y="units", color="region")
        st.session_state.out = [pivot.round(2)]
        """,
        [("radio", "rows", "set_value", "product"), ("selectbox", "agg", "select", "max")],
    ),
    "time_series_resample": App(
        """
        import numpy as np
        import pandas as pd
        import streamlit as st
        idx = pd.date_range("2024-01-01", periods=48, freq="h", name="when")
        ts = pd.DataFrame({"temp": np.sin(np.arange(48) / 6).round(3), "rain": np.arange(48) % 5 * 0.5}, index=idx)
        freq = st.select_slider("Bucket", options=["h", "6h", "D"], value="6h", key="freq")
        out = ts.resample(freq).agg({"temp": "mean", "rain": "sum"})
        st.dataframe(out, column_config={"temp": st.column_config.NumberColumn(format="%.2f °C")})
        st.area_chart(out)
        st.write(f"{len(out)} buckets")
        st.session_state.out = [out]
        """,
        [("select_slider", "freq", "set_value", "D"), ("select_slider", "freq", "set_value", "h")],
    ),
    "search_and_paginate": App(
        """
        import pandas as pd
        import streamlit as st
        people = pd.DataFrame({"name": [f"person {i}" for i in range(23)], "n": range(23)})
        q = st.text_input("Search", key="q", placeholder="name")
        found = people[people.name.str.contains(q, case=False)] if q else people
        size = st.number_input("Per page", 5, 20, 10, key="size")
        pages = max(1, -(-len(found) // size))
        page = st.number_input("Page", 1, pages, 1, key="page")
        st.dataframe(found.iloc[(page - 1) * size : page * size], hide_index=True)
        st.caption(f"Page {page} of {pages}")
        """,
        [
            ("number_input", "page", "set_value", 3),
            ("text_input", "q", "input", "1"),
            ("number_input", "size", "set_value", 5),
            ("number_input", "page", "set_value", 2),
        ],
    ),
    "tabs_of_tables": App(
        SALES
        + """
        t1, t2, t3 = st.tabs(["Raw", "By region", "Stats"])
        t1.dataframe(sales.head(5), height=200)
        with t2:
            st.dataframe(sales.groupby(["region", "product"]).units.sum().unstack(fill_value=0))
        with t3:
            st.table(sales[["units", "price"]].agg(["min", "max", "mean"]).round(2))
            st.json(sales.head(2).to_dict(orient="records"), expanded=1)
        """,
    ),
    # --------------------------------------------------------------- uploads
    "csv_upload_to_dataframe": App(
        """
        import pandas as pd
        import streamlit as st
        up = st.file_uploader("CSV file", type="csv", key="csv")
        if up is None:
            st.info("Upload a CSV")
            st.stop()
        df = pd.read_csv(up, parse_dates=["joined"])
        st.write(f"{len(df)} rows, {len(df.columns)} columns")
        st.dataframe(df, column_config={
            "name": st.column_config.TextColumn("Name", help="who"),
            "age": st.column_config.NumberColumn("Age", format="%d years"),
            "joined": st.column_config.DatetimeColumn("Joined", format="YYYY-MM-DD"),
            "score": st.column_config.ProgressColumn("Score", min_value=0, max_value=100),
        }, hide_index=True)
        st.dataframe(df.describe(), use_container_width=True)
        st.session_state.out = [df]
        """,
        [("file_uploader", "csv", "upload", "people.csv", CSV, "text/csv")],
    ),
    "csv_upload_to_editor": App(
        """
        import io
        import pandas as pd
        import streamlit as st
        up = st.file_uploader("CSV file", type=["csv"], key="csv")
        if up is not None:
            df = pd.read_csv(io.StringIO(up.getvalue().decode()))
            edited = st.data_editor(df, num_rows="dynamic", key="ed", column_config={
                "age": st.column_config.NumberColumn(min_value=0, max_value=130, step=1),
                "city": st.column_config.SelectboxColumn(options=["London", "Wilmslow", "Arlington", "Paris"]),
            })
            st.metric("Mean age", round(edited.age.mean(), 2))
            st.download_button("Download", edited.to_csv(index=False), "edited.csv", "text/csv")
            st.session_state.out = [edited]
        """,
        [
            ("file_uploader", "csv", "upload", "people.csv", CSV, "text/csv"),
            ("session_state", "ed", edit({1: {"age": 50, "city": "Paris"}})),
            ("session_state", "ed", edit({"0": {"score": 1.5}}, [{"name": "Tim", "age": 70}], [2])),
        ],
        skip_state={"ed": SEEDED_AS_GIVEN},
    ),
    # ------------------------------------------------------------- editors
    "budget_editor_feeds_metrics_and_chart": App(
        """
        import pandas as pd
        import streamlit as st
        budget = pd.DataFrame({"item": ["rent", "food", "fun"], "planned": [1200.0, 400.0, 150.0],
                               "spent": [1200.0, 380.5, 210.0]})
        edited = st.data_editor(budget, key="budget", hide_index=True, disabled=["item"],
                                column_config={"planned": st.column_config.NumberColumn(format="euro"),
                                               "spent": st.column_config.NumberColumn(format="euro", min_value=0)})
        over = edited[edited.spent > edited.planned]
        st.metric("Spent", f"{edited.spent.sum():.2f}", f"{edited.spent.sum() - edited.planned.sum():.2f}",
                  delta_color="inverse")
        st.bar_chart(edited, x="item", y=["planned", "spent"], stack=False)
        if len(over):
            st.warning(f"Over budget: {', '.join(over.item)}")
        st.session_state.out = [edited, over]
        """,
        [
            ("session_state", "budget", edit({1: {"spent": 500.0}})),
            ("session_state", "budget", edit({1: {"spent": 500.0}, 2: {"spent": 100}})),
            ("run",),
        ],
    ),
    "todo_list_editor": App(
        QUIET
        + """
        import pandas as pd
        import streamlit as st
        if "todos" not in st.session_state:
            st.session_state.todos = pd.DataFrame({"task": ["write", "test"], "done": [False, True],
                                                   "prio": ["high", "low"]})
        edited = st.data_editor(st.session_state.todos, num_rows="dynamic", key="todo", column_config={
            "done": st.column_config.CheckboxColumn("Done?", default=False),
            "prio": st.column_config.SelectboxColumn("Priority", options=["low", "mid", "high"], default="mid",
                                                     required=True),
            "task": st.column_config.TextColumn("Task", required=True, max_chars=20),
        })
        left = edited[~edited.done.fillna(False).astype(bool)]
        st.write(f"{len(left)} left of {len(edited)}")
        st.dataframe(left, hide_index=True)
        if st.button("Save", key="save"):
            st.session_state.todos = edited.reset_index(drop=True)
        st.session_state.out = [edited]
        """,
        [
            ("session_state", "todo", edit({0: {"done": True}})),
            ("session_state", "todo", edit({0: {"done": True}}, [{"task": "ship"}])),
            (
                "session_state",
                "todo",
                edit({0: {"done": True}}, [{"task": "ship", "prio": "high"}], [1]),
            ),
            ("button", "save", "click"),
        ],
    ),
    "editor_in_form_dynamic_rows": App(
        """
        import pandas as pd
        import streamlit as st
        with st.form("orders"):
            st.write("Enter orders")
            orders = st.data_editor(pd.DataFrame({"sku": ["A1"], "qty": [1]}), num_rows="dynamic",
                                    key="orders_ed", column_config={
                                        "qty": st.column_config.NumberColumn(min_value=1, default=1)})
            sent = st.form_submit_button("Place order")
        if sent:
            st.success(f"{int(orders.qty.sum())} items in {len(orders)} lines")
            st.table(orders)
        st.session_state.out = [orders]
        """,
        [
            ("session_state", "orders_ed", edit(added=[{"sku": "B2", "qty": 3}])),
            ("button", 0, "click"),
            ("session_state", "orders_ed", edit({0: {"qty": 5}}, [{"sku": "C3"}], [])),
            ("button", 0, "click"),
        ],
    ),
    "editor_edits_with_text_and_int_keys": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", "z"], "c": [0.5, None, 2.5]})
        out = st.data_editor(df, key="ed")
        st.write(out.dtypes.astype(str).to_dict())
        st.session_state.out = [out]
        """,
        [
            ("session_state", "ed", edit({"1": {"a": 20}})),
            ("session_state", "ed", edit({2: {"b": "zz", "c": 9}})),
            ("session_state", "ed", edit({"0": {"c": None}, 1: {"b": None}})),
        ],
        skip_state={"ed": SEEDED_AS_GIVEN},
    ),
    "editor_added_rows_take_defaults": App(
        QUIET
        + """
        import datetime
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"name": ["a"], "n": [1], "ok": [True], "when": [datetime.date(2024, 1, 1)],
                           "kind": pd.Categorical(["x"], categories=["x", "y"])})
        out = st.data_editor(df, num_rows="dynamic", key="ed", column_config={
            "n": st.column_config.NumberColumn(default=7),
            "ok": st.column_config.CheckboxColumn(default=False),
            "name": st.column_config.TextColumn(default="new"),
            "when": st.column_config.DateColumn(default=datetime.date(2025, 5, 5)),
            "kind": st.column_config.SelectboxColumn(default="y"),
        })
        st.session_state.out = [out]
        """,
        [
            ("session_state", "ed", edit(added=[{}])),
            ("session_state", "ed", edit(added=[{}, {"n": 3, "name": "b"}])),
        ],
    ),
    "editor_deleted_rows_and_index": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"v": [10, 20, 30, 40]}, index=pd.Index(["w", "x", "y", "z"], name="id"))
        out = st.data_editor(df, num_rows="delete", key="ed")
        st.write(list(out.index))
        st.table(out)
        st.session_state.out = [out]
        """,
        [
            ("session_state", "ed", edit(deleted=[1])),
            ("session_state", "ed", edit({0: {"v": 11}}, deleted=[0, 3])),
        ],
    ),
    "editor_on_change_callback": App(
        """
        import pandas as pd
        import streamlit as st
        st.session_state.setdefault("log", [])
        def changed():
            st.session_state.log.append(dict(st.session_state.grid))
        df = pd.DataFrame({"k": ["a", "b"], "v": [1.5, 2.5]})
        out = st.data_editor(df, key="grid", on_change=changed, hide_index=True)
        st.write(out.v.sum())
        st.session_state.out = [out]
        """,
        [("session_state", "grid", edit({0: {"v": 4.0}})), ("run",)],
        skip_state={
            "log": "a value seeded in the session state runs no callback in Streamlit's AppTest"
        },
    ),
    "editor_of_list_of_dicts_and_numpy": App(
        """
        import numpy as np
        import streamlit as st
        rows = st.data_editor([{"city": "Oslo", "temp": 3}, {"city": "Rome", "temp": 15}], key="rows")
        grid = st.data_editor(np.array([[1.0, 2.0], [3.0, 4.0]]), key="grid", num_rows="dynamic")
        plain = st.data_editor({"k": ["a", "b"], "v": [True, False]}, key="plain")
        st.write(type(rows).__name__, type(grid).__name__, type(plain).__name__)
        st.session_state.out = [rows, grid, plain]
        """,
        [
            ("session_state", "rows", edit({1: {"temp": 18}})),
            ("session_state", "grid", edit({0: {"1": 9.0}}, [{"0": 5.0}])),
            ("session_state", "plain", edit({0: {"v": True}})),
        ],
    ),
    "polars_editor": App(
        """
        import polars as pl
        import streamlit as st
        df = pl.DataFrame({"name": ["a", "b"], "qty": [1, 2], "price": [0.5, 1.25]})
        out = st.data_editor(df, key="ed", num_rows="dynamic")
        st.metric("Total", float((out["qty"] * out["price"]).sum()))
        st.session_state.out = [out]
        """,
        [
            ("session_state", "ed", edit({0: {"qty": 4}})),
            (
                "session_state",
                "ed",
                edit({0: {"qty": 4}}, [{"name": "c", "qty": 1, "price": 2.0}], [1]),
            ),
        ],
    ),
    "editor_select_rows_by_checkbox": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"file": ["a.txt", "b.txt", "c.txt"], "size": [10, 200, 3000]})
        df.insert(0, "pick", False)
        out = st.data_editor(df, key="pick_ed", hide_index=True, disabled=["file", "size"],
                             column_config={"pick": st.column_config.CheckboxColumn("Pick", required=True),
                                            "size": st.column_config.NumberColumn("Bytes", format="compact")})
        chosen = out[out.pick].drop(columns="pick")
        st.dataframe(chosen, hide_index=True)
        st.write(chosen.file.tolist())
        """,
        [
            ("session_state", "pick_ed", edit({0: {"pick": True}, 2: {"pick": True}})),
            ("session_state", "pick_ed", edit({2: {"pick": True}})),
        ],
    ),
    "editor_disabled_and_column_order": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"id": [1, 2], "name": ["a", "b"], "secret": ["x", "y"], "note": ["", ""]})
        out = st.data_editor(df, key="ed", disabled=("id",), column_order=["id", "note", "name"],
                             hide_index=True, use_container_width=True, height=150)
        st.write(out.to_dict("records"))
        """,
        [("session_state", "ed", edit({1: {"note": "hello"}}))],
    ),
    # ----------------------------------------------------------- selections
    "master_detail_single_row": App(
        """
        import pandas as pd
        import streamlit as st
        customers = pd.DataFrame({"id": [1, 2, 3], "name": ["Ada", "Alan", "Grace"]})
        orders = pd.DataFrame({"customer": [1, 1, 2, 3, 3, 3], "total": [5.0, 7.5, 1.0, 2.0, 3.0, 4.0]})
        event = st.dataframe(customers, key="cust", on_select="rerun", selection_mode="single-row",
                             hide_index=True)
        rows = event.selection.rows
        if rows:
            who = customers.iloc[rows[0]]
            st.subheader(f"Orders of {who['name']}")
            mine = orders[orders.customer == who["id"]]
            st.dataframe(mine, hide_index=True)
            st.metric("Total", mine.total.sum())
        else:
            st.info("Pick a customer")
        st.session_state.out = [event.selection.rows]
        """,
        [
            ("session_state", "cust", select(rows=[2])),
            ("session_state", "cust", select(rows=[0])),
            ("session_state", "cust", select()),
        ],
    ),
    "multi_row_selection_feeds_chart": App(
        SALES
        + """
        event = st.dataframe(sales[["region", "product", "revenue"]], key="t", on_select="rerun",
                             selection_mode="multi-row")
        picked = sales.iloc[event.selection.rows]
        st.write(f"{len(picked)} picked")
        if len(picked):
            st.bar_chart(picked, x="product", y="revenue")
            st.dataframe(picked.groupby("region").revenue.sum().round(2))
        st.session_state.out = [event.selection.rows, list(event.selection)]
        """,
        [("session_state", "t", select(rows=[0, 3, 5])), ("session_state", "t", select(rows=[11]))],
    ),
    "column_selection_picks_columns": App(
        SALES
        + """
        event = st.dataframe(sales, key="cols", on_select="rerun", selection_mode="multi-column")
        chosen = event.selection.columns
        if chosen:
            st.table(sales[chosen].head(3))
        st.session_state.out = [chosen]
        """,
        [
            ("session_state", "cols", select(columns=["units", "price"])),
            ("session_state", "cols", select(columns=["region"])),
        ],
    ),
    "single_column_selection": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"a": [1, 2, 3], "b": [4.5, 5.5, 6.5], "c": ["x", "y", "z"]})
        event = st.dataframe(df, key="c", on_select="rerun", selection_mode="single-column")
        col = event.selection.columns[0] if event.selection.columns else None
        if col is not None:
            st.write(f"Column {col}")
            st.write(df[col].describe())
        """,
        [
            ("session_state", "c", select(columns=["b"])),
            ("session_state", "c", select(columns=["c"])),
        ],
    ),
    "cell_selection": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"a": [1, 2, 3], "b": ["x", "y", "z"]}, index=["r1", "r2", "r3"])
        event = st.dataframe(df, key="cells", on_select="rerun", selection_mode="multi-cell")
        values = [df.iloc[r][c] for r, c in event.selection.cells]
        st.write(values)
        st.session_state.out = [[list(c) for c in event.selection.cells]]
        """,
        [
            ("session_state", "cells", select(cells=[[0, "a"], [2, "b"]])),
            ("session_state", "cells", select(cells=[[1, "b"]])),
        ],
        skip_state={"cells": SEEDED_AS_GIVEN},
    ),
    "mixed_selection_modes_filter_second_table": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"x": [1, 2, 3, 4], "y": [10, 20, 30, 40], "z": list("abcd")})
        ev = st.dataframe(df, key="sel", on_select="rerun", selection_mode=["multi-row", "multi-column"])
        rows = ev.selection.rows or list(range(len(df)))
        cols = ev.selection.columns or list(df.columns)
        st.dataframe(df.iloc[rows][cols], key="view")
        st.write(ev.selection)
        """,
        [
            ("session_state", "sel", select(rows=[1, 3])),
            ("session_state", "sel", select(rows=[1, 3], columns=["z"])),
            ("session_state", "sel", select(columns=["y", "x"])),
        ],
    ),
    "selection_with_callback": App(
        """
        import pandas as pd
        import streamlit as st
        st.session_state.setdefault("seen", 0)
        def picked():
            st.session_state.seen += 1
        df = pd.DataFrame({"n": [1, 2, 3]})
        ev = st.dataframe(df, key="cb", on_select=picked, selection_mode="single-row")
        st.write(ev.selection.rows)
        """,
        [("session_state", "cb", select(rows=[1]))],
        skip_state={
            "seen": "a value seeded in the session state runs no callback in Streamlit's AppTest"
        },
    ),
    # ------------------------------------------------------------- stylers
    "styler_format_dicts_and_callables": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"price": [1234.5, 0.25, None], "share": [0.1234, 0.5, 1.0],
                           "name": ["a", None, "c"]})
        s = df.style.format({"price": "${:,.2f}", "share": "{:.1%}", "name": lambda v: str(v).upper()},
                            na_rep="—")
        st.dataframe(s)
        st.table(s)
        """,
    ),
    "styler_precision_thousands_decimal": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"big": [1234567.891, 9876.5], "small": [0.123456, 2.5]})
        st.dataframe(df.style.format(precision=3, thousands=".", decimal=","))
        st.table(df.style.format(precision=1, thousands=" "))
        st.dataframe(df.style.format("{:.0f}", subset=["big"]).format(precision=4, subset=["small"]))
        """,
    ),
    "styler_gradient_and_bar": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"a": [1, 5, 9], "b": [-3.0, 0.0, 3.0]})
        st.dataframe(df.style.background_gradient(cmap="viridis", subset=["a"]))
        st.dataframe(df.style.bar(subset=["b"], align="mid", color=["#d65f5f", "#5fba7d"]))
        st.table(df.style.background_gradient(axis=None, cmap="Greens").format("{:.1f}"))
        """,
    ),
    "styler_highlights": App(
        """
        import numpy as np
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"a": [1.0, np.nan, 3.0, 8.0], "b": [4.0, 5.0, np.nan, 2.0]})
        st.dataframe(df.style.highlight_null(color="red"))
        st.dataframe(df.style.highlight_between(left=2, right=5, color="yellow"))
        st.dataframe(df.style.highlight_quantile(q_left=0.5, color="lightblue"))
        st.table(df.style.highlight_max(color="green").highlight_min(color="pink"))
        """,
    ),
    "styler_properties_map_and_hide": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"a": [1, -2, 3], "b": ["x", "y", "z"], "c": [0.5, 1.5, 2.5]}, index=["r1", "r2", "r3"])
        def red_negative(v):
            return "color: red" if isinstance(v, (int, float)) and v < 0 else None
        st.dataframe(df.style.set_properties(**{"background-color": "#eee", "font-weight": "bold"}, subset=["b"]))
        st.dataframe(df.style.map(red_negative).hide(axis="index"))
        st.dataframe(df.style.hide(["c"], axis="columns").map(lambda v: "font-style: italic", subset=["a"]))
        st.table(df.style.hide(axis="index").set_table_styles([{"selector": "th", "props": [("color", "blue")]}]))
        """,
    ),
    "styler_apply_rows_and_caption": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"team": ["x", "y", "z"], "won": [3, 1, 2], "lost": [0, 2, 1]})
        def shade(row):
            return ["background-color: #dfd" if row.won > row.lost else ""] * len(row)
        styled = df.style.apply(shade, axis=1).set_caption("League").format({"won": "{:d} W", "lost": "{:d} L"})
        st.dataframe(styled, hide_index=True)
        st.table(styled)
        st.write(styled)
        """,
    ),
    "styled_summary_table": App(
        SALES
        + """
        summary = sales.groupby("region").agg(units=("units", "sum"), revenue=("revenue", "sum"),
                                              avg_price=("price", "mean"))
        st.table(summary.style.format({"revenue": "{:,.2f}", "avg_price": "{:.3f}"})
                 .highlight_max(subset=["revenue"], color="#cfc"))
        st.table(summary.round(1))
        st.dataframe(summary.corr().round(3).style.background_gradient(cmap="coolwarm", vmin=-1, vmax=1))
        """,
    ),
    # --------------------------------------------------------- column config
    "every_column_type_in_one_app": App(
        """
        import datetime
        import pandas as pd
        import streamlit as st
        cc = st.column_config
        df = pd.DataFrame({
            "name": ["Widget", "Gadget"],
            "url": ["https://example.com/w", "https://example.com/g"],
            "logo": ["https://example.com/w.png", "https://example.com/g.png"],
            "price": [1234.5, 99.0],
            "stock": [0.35, 0.9],
            "active": [True, False],
            "launched": [datetime.date(2023, 5, 1), datetime.date(2024, 2, 29)],
            "updated": pd.to_datetime(["2024-03-01 12:30", "2024-04-02 08:00"]),
            "opens": [datetime.time(9, 0), datetime.time(10, 30)],
            "tags": [["new", "hot"], ["old"]],
            "history": [[1, 3, 2, 5], [4, 4, 3]],
            "sales": [[10, 20], [5, 1, 7]],
            "trend": [[0.1, 0.4], [0.3, 0.2]],
            "category": ["tools", "toys"],
            "meta": [{"w": 1}, {"g": [1, 2]}],
        })
        st.dataframe(df, hide_index=True, column_config={
            "name": cc.TextColumn("Product", pinned=True, help="the name"),
            "url": cc.LinkColumn("Site", display_text=r"https://example\\.com/(.*)"),
            "logo": cc.ImageColumn("Logo", width="small"),
            "price": cc.NumberColumn("Price", format="accounting"),
            "stock": cc.ProgressColumn("Stock", format="percent", min_value=0, max_value=1),
            "active": cc.CheckboxColumn("Active"),
            "launched": cc.DateColumn("Launched", format="distance"),
            "updated": cc.DatetimeColumn("Updated", format="calendar", timezone="UTC"),
            "opens": cc.TimeColumn("Opens", format="h:mm a"),
            "tags": cc.ListColumn("Tags"),
            "history": cc.LineChartColumn("History", y_min=0, y_max=6),
            "sales": cc.BarChartColumn("Sales"),
            "trend": cc.AreaChartColumn("Trend", color="#ff0000"),
            "category": cc.SelectboxColumn("Category", options=["tools", "toys"]),
            "meta": cc.JsonColumn("Meta"),
        })
        """,
    ),
    "number_formats_side_by_side": App(
        """
        import pandas as pd
        import streamlit as st
        fmts = ["plain", "localized", "percent", "dollar", "euro", "yen", "accounting", "compact",
                "scientific", "engineering", "bytes", "%d", "%.3f", "%+.1f", "%,.2f", "%i apples"]
        vals = [1234567.891, -0.0042, 0.5]
        df = pd.DataFrame({f: vals for f in fmts})
        st.dataframe(df, column_config={f: st.column_config.NumberColumn(format=f) for f in fmts})
        st.data_editor(df.head(1), key="ed", column_config={f: st.column_config.NumberColumn(format=f)
                                                            for f in fmts[:6]})
        """,
    ),
    "column_config_labels_widths_and_hiding": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"a": [1, 2], "b": [3, 4], "c": [5, 6], "d": [7, 8]}, index=["x", "y"])
        wide = st.toggle("Wide", key="wide")
        st.dataframe(df, column_config={
            "a": "Alpha", "b": None, "c": st.column_config.Column("Gamma", width=120 if wide else "small"),
            "_index": st.column_config.TextColumn("Row"),
        }, width="stretch" if wide else 400, height="auto", row_height=40)
        """,
        [("toggle", "wide", "set_value", True)],
    ),
    # ------------------------------------------------------ json and metrics
    "json_api_response": App(
        """
        import json
        import streamlit as st
        payload = json.loads('''{"status": "ok", "count": 2, "next": null,
            "results": [{"id": 1, "name": "Ada", "tags": ["math", "engines"], "score": 9.5,
                         "address": {"city": "London", "geo": {"lat": 51.5, "lon": -0.12}}},
                        {"id": 2, "name": "Alan", "tags": [], "score": null, "active": true}]}''')
        depth = st.radio("Expand", [0, 1, 2, 3], index=2, key="depth", horizontal=True)
        st.json(payload, expanded=depth if depth else False)
        st.json(payload["results"][0]["address"], expanded=True)
        st.json(json.dumps(payload["results"][1]))
        st.dataframe(payload["results"], column_config={"address": st.column_config.JsonColumn()})
        st.dataframe(__import__("pandas").json_normalize(payload["results"]))
        """,
        [("radio", "depth", "set_value", 0), ("radio", "depth", "set_value", 3)],
    ),
    "metrics_with_sparklines": App(
        """
        import numpy as np
        import pandas as pd
        import streamlit as st
        hist = pd.DataFrame({"day": pd.date_range("2024-01-01", periods=7),
                             "visits": [120, 132, 101, 134, 90, 230, 210],
                             "bounce": [0.4, 0.38, 0.45, 0.41, 0.5, 0.3, 0.33]})
        kind = st.segmented_control("Chart", ["line", "bar", "area"], default="line", key="kind")
        a, b, c = st.columns(3)
        a.metric("Visits", int(hist.visits.iloc[-1]), int(hist.visits.diff().iloc[-1]),
                 chart_data=hist.visits, chart_type=kind, border=True)
        b.metric("Bounce", f"{hist.bounce.iloc[-1]:.0%}", f"{hist.bounce.diff().iloc[-1]:.2f}",
                 delta_color="inverse", chart_data=hist.bounce.tolist(), chart_type=kind)
        c.metric("Flat", "n/a", delta="0", delta_color="off", chart_data=np.array([1, 1, 1]))
        st.metric("Revenue", "$1.2k", "-5%", help="last week", label_visibility="visible")
        """,
        [
            ("segmented_control", "kind", "set_value", "bar"),
            ("segmented_control", "kind", "set_value", "area"),
        ],
    ),
    # --------------------------------------------------------- caching
    "cached_frame_mutated_copy": App(
        """
        import pandas as pd
        import streamlit as st
        @st.cache_data
        def load():
            return pd.DataFrame({"city": ["Oslo", "Lima", "Pune"], "temp": [3.0, 19.5, 31.0]})
        df = load()
        unit = st.radio("Unit", ["C", "F"], key="unit")
        if unit == "F":
            df["temp"] = df["temp"] * 9 / 5 + 32
        st.dataframe(df, hide_index=True)
        st.write("cached", load()["temp"].tolist())
        st.session_state.out = [df]
        """,
        [("radio", "unit", "set_value", "F"), ("radio", "unit", "set_value", "C")],
    ),
    "cached_query_with_params": App(
        """
        import pandas as pd
        import streamlit as st
        @st.cache_data(ttl=60, show_spinner=False)
        def query(n, col):
            return pd.DataFrame({col: range(n), "sq": [i * i for i in range(n)]})
        n = st.slider("Rows", 1, 10, 3, key="n")
        col = st.text_input("Name", "i", key="col")
        df = query(n, col)
        st.dataframe(df)
        st.line_chart(df, x=col, y="sq")
        st.session_state.out = [df]
        """,
        [
            ("slider", "n", "set_value", 6),
            ("text_input", "col", "input", "k"),
            ("slider", "n", "set_value", 3),
        ],
    ),
    "accumulating_log_in_session_state": App(
        """
        import datetime
        import pandas as pd
        import streamlit as st
        st.session_state.setdefault("rows", [])
        with st.form("add", clear_on_submit=True):
            what = st.text_input("What", key="what")
            amount = st.number_input("Amount", value=0.0, step=0.5, key="amount")
            if st.form_submit_button("Add"):
                st.session_state.rows.append({"what": what, "amount": amount})
        log = pd.DataFrame(st.session_state.rows, columns=["what", "amount"])
        st.dataframe(log, hide_index=True)
        st.metric("Total", log.amount.sum())
        st.table(log.tail(2))
        """,
        [
            [
                ("text_input", "what", "input", "coffee"),
                ("number_input", "amount", "set_value", 2.5),
            ],
            ("button", 0, "click"),
            [("text_input", "what", "input", "cake"), ("number_input", "amount", "set_value", 4.0)],
            ("button", 0, "click"),
        ],
    ),
    # ------------------------------------------------------- st.write paths
    "write_frames_series_and_arrays": App(
        """
        import numpy as np
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"a": [1, 2], "b": [0.5, None]}, index=pd.Index(["p", "q"], name="k"))
        st.write(df)
        st.write("The mean:", df.mean())
        st.write(df.a)
        st.write(np.eye(2))
        st.write({"frame": df.to_dict()})
        st.write(df.dtypes)
        st.write(pd.Series(["x", "y"], name="s").value_counts())
        """,
    ),
    "merge_two_uploads": App(
        """
        import pandas as pd
        import streamlit as st
        left = pd.DataFrame({"id": [1, 2, 3], "name": ["a", "b", "c"]})
        right = pd.DataFrame({"id": [2, 3, 4], "score": [0.5, 0.7, 0.9]})
        how = st.selectbox("Join", ["inner", "left", "right", "outer"], key="how")
        merged = left.merge(right, on="id", how=how)
        st.dataframe(merged, hide_index=True, column_config={"score": st.column_config.NumberColumn(format="%.0f%%")})
        st.write(merged.isna().sum().to_dict())
        st.session_state.out = [merged]
        """,
        [("selectbox", "how", "select", "outer"), ("selectbox", "how", "select", "left")],
    ),
    "missing_values_everywhere": App(
        """
        import datetime
        import numpy as np
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({
            "f": [1.5, np.nan, None], "i": pd.array([1, None, 3], dtype="Int64"),
            "s": ["a", None, np.nan], "d": pd.to_datetime(["2024-01-01", None, "2024-01-03"]),
            "b": pd.array([True, None, False], dtype="boolean"), "l": [[1], None, []],
        })
        st.dataframe(df)
        st.table(df)
        out = st.data_editor(df.drop(columns="l"), key="ed")
        st.write(out.isna().sum().to_dict())
        st.session_state.out = [out]
        """,
        [("session_state", "ed", edit({1: {"f": 2.0, "i": 5, "s": "b", "b": True}}))],
    ),
    "dates_and_durations_table": App(
        """
        import datetime
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({
            "start": pd.to_datetime(["2024-01-01 08:00", "2024-02-10 17:45"]),
            "end": pd.to_datetime(["2024-01-01 12:30", "2024-02-11 09:00"]),
            "day": [datetime.date(2024, 1, 1), datetime.date(2024, 2, 10)],
        })
        df["took"] = df.end - df.start
        df["utc"] = df.start.dt.tz_localize("UTC")
        st.dataframe(df, column_config={"day": st.column_config.DateColumn(format="ddd, MMM D")})
        st.table(df)
        out = st.data_editor(df[["start", "day"]], key="ed", column_config={
            "start": st.column_config.DatetimeColumn(step=60, format="D MMM YYYY, HH:mm")})
        st.session_state.out = [out]
        """,
        [("session_state", "ed", edit({0: {"start": "2024-06-01T10:00:00", "day": "2024-06-02"}}))],
    ),
    # ------------------------------------------------- more selection apps
    "required_row_selection_drives_detail": App(
        """
        import pandas as pd
        import streamlit as st
        products = pd.DataFrame({"sku": ["A", "B", "C"], "stock": [5, 0, 12]})
        ev = st.dataframe(products, key="p", on_select="rerun", selection_mode="single-row-required",
                          hide_index=True)
        row = products.iloc[ev.selection.rows[0]]
        st.metric(f"Stock of {row.sku}", int(row.stock))
        empty = st.dataframe(products.head(0), key="none", on_select="rerun",
                             selection_mode="single-row-required")
        st.write(empty.selection.rows)
        st.session_state.out = [ev.selection.rows, empty.selection.rows]
        """,
        [("session_state", "p", select(rows=[2])), ("run",)],
    ),
    "selection_default_preselects": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"name": ["x", "y", "z"], "v": [1, 2, 3]})
        ev = st.dataframe(df, key="pre", on_select="rerun", selection_mode=["multi-row", "single-column"],
                          selection_default={"selection": {"rows": [1, 2], "columns": ["v"]}})
        st.write(df.iloc[ev.selection.rows][ev.selection.columns or list(df.columns)])
        st.session_state.out = [ev.selection.rows, ev.selection.columns]
        """,
        [("session_state", "pre", select(rows=[0])), ("run",)],
    ),
    "editor_of_filtered_frame_keeps_key": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"team": ["a", "a", "b"], "score": [1, 2, 3]})
        team = st.radio("Team", ["a", "b"], key="team")
        out = st.data_editor(df[df.team == team], key="scores")
        st.write(out.score.sum())
        st.session_state.out = [out]
        """,
        [
            ("session_state", "scores", edit({0: {"score": 10}})),
            ("radio", "team", "set_value", "b"),
            ("radio", "team", "set_value", "a"),
        ],
    ),
    "editor_list_and_multiselect_columns": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"name": ["a", "b"], "tags": [["x"], ["y", "z"]], "langs": [["py"], []]})
        out = st.data_editor(df, key="ed", column_config={
            "tags": st.column_config.ListColumn("Tags"),
            "langs": st.column_config.MultiselectColumn("Langs", options=["py", "js", "go"]),
        })
        st.write(out.langs.tolist())
        st.session_state.out = [out]
        """,
        [("session_state", "ed", edit({1: {"langs": ["js", "go"]}}))],
    ),
    "editor_markdown_and_link_columns": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"page": ["**Home**", "_About_"], "url": ["https://a.example", "https://b.example"]})
        out = st.data_editor(df, key="ed", num_rows="add", column_config={
            "page": st.column_config.MarkdownColumn("Page"),
            "url": st.column_config.LinkColumn("URL", validate=r"^https://"),
        })
        st.session_state.out = [out]
        """,
        [
            (
                "session_state",
                "ed",
                edit({0: {"page": "# Start"}}, [{"page": "New", "url": "https://c.example"}]),
            )
        ],
    ),
    "disabled_editor_ignores_nothing_shown": App(
        """
        import pandas as pd
        import streamlit as st
        lock = st.checkbox("Lock", value=True, key="lock")
        out = st.data_editor(pd.DataFrame({"v": [1, 2]}), key="ed", disabled=lock)
        st.write(out.v.tolist())
        """,
        [("checkbox", "lock", "uncheck"), ("session_state", "ed", edit({0: {"v": 5}}))],
    ),
    "table_options_and_empty_states": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"k": ["a", "b"], "v": [1.5, 2.25]})
        show = st.toggle("Rows", value=True, key="show")
        data = df if show else df.head(0)
        st.table(data, border="horizontal", hide_header=not show)
        st.table(data.set_index("k"), hide_index=True, border=False)
        st.dataframe(data, placeholder="-", row_height=30)
        if data.empty:
            st.info("No rows")
        """,
        [("toggle", "show", "set_value", False)],
    ),
    "styler_format_index_and_subset": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"2023": [1200.5, 88.0], "2024": [1300.25, None]}, index=["north", "south"])
        s = (df.style.format("{:,.1f}", na_rep="n/a")
             .format_index(str.upper, axis=0)
             .highlight_max(axis=1, color="#ffd")
             .set_sticky(axis="index"))
        st.dataframe(s)
        st.table(s)
        st.dataframe(df.style.format(precision=0).bar(color="#aaf", vmin=0))
        """,
    ),
    "metric_formats_and_arrows": App(
        """
        import streamlit as st
        st.metric("Users", 12345.678, delta=-12.5, format="compact", delta_arrow="down")
        st.metric("Rate", 0.256, delta=0.01, format="percent", delta_description="vs last week")
        st.metric("Cash", 1500, delta="+20", format="dollar", delta_arrow="off", chart_data=[3, 1, 2],
                  chart_type="bar")
        st.metric("Plain", "text", delta=None, icon=":material/star:")
        """,
    ),
    "selection_resets_when_unkeyed_data_changes": App(
        """
        import pandas as pd
        import streamlit as st
        n = st.slider("Rows", 2, 5, 3, key="n")
        df = pd.DataFrame({"v": range(n)})
        plain = st.dataframe(df, on_select="rerun", selection_mode="multi-row")
        keyed = st.dataframe(df * 2, key="keyed", on_select="rerun", selection_mode=["multi-row"])
        st.write(plain.selection.rows, keyed.selection.rows)
        """,
        [
            ("session_state", "keyed", select(rows=[1])),
            ("slider", "n", "set_value", 4),
        ],
    ),
    "editor_fed_back_into_session_state": App(
        """
        import pandas as pd
        import streamlit as st
        if "df" not in st.session_state:
            st.session_state.df = pd.DataFrame({"item": ["a", "b"], "qty": [1, 2]})
        mode = st.radio("Rows", ["fixed", "dynamic"], key="mode", horizontal=True)
        edited = st.data_editor(st.session_state.df, key="ed", num_rows=mode)
        if st.button("Keep", key="keep"):
            st.session_state.df = edited
        st.write(edited.qty.sum(), len(edited))
        st.session_state.out = [edited]
        """,
        [
            ("session_state", "ed", edit({0: {"qty": 5}})),
            ("button", "keep", "click"),
            ("run",),
            ("radio", "mode", "set_value", "dynamic"),
            ("session_state", "ed", edit(added=[{"item": "c", "qty": 3}])),
            ("button", "keep", "click"),
            ("run",),
        ],
    ),
    "numpy_scalars_in_metrics_and_json": App(
        """
        import numpy as np
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"v": np.array([3, 5, 8], dtype="int32"), "w": [0.5, 1.25, np.nan]})
        st.metric("Sum", df.v.sum(), df.v.diff().iloc[-1])
        st.metric("Mean", df.w.mean(), np.float32(-0.25))
        st.metric("Max", df.v.max(), delta=int(df.v.min()), chart_data=df.v)
        st.json({"sum": df.v.sum(), "mean": df.w.mean(), "rows": df.to_dict("records")}, expanded=2)
        st.write(df.v.sum(), df.w.max(), df.describe().loc["mean"])
        """,
    ),
    "editor_numbers_to_missing_and_datetimes": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"n": pd.array([1, 2], dtype="Int64"), "f": [1.5, 2.5], "i": [1, 2],
                           "when": pd.to_datetime(["2024-01-01 10:00", "2024-01-02 11:00"])})
        out = st.data_editor(df, key="ed", column_config={
            "when": st.column_config.DatetimeColumn(format="YYYY-MM-DD HH:mm", step=60)})
        st.write(out.dtypes.astype(str).tolist())
        st.session_state.out = [out]
        """,
        [
            ("session_state", "ed", edit({0: {"n": None, "f": None}})),
            ("session_state", "ed", edit({1: {"i": None, "when": "2024-03-04T05:06:00"}})),
        ],
    ),
    "cached_resource_frame_is_shared": App(
        """
        import pandas as pd
        import streamlit as st
        @st.cache_resource
        def store():
            return pd.DataFrame({"hits": [0]})
        @st.cache_data
        def lookup(n):
            return pd.DataFrame({"n": range(n)}).assign(sq=lambda d: d.n ** 2)
        s = store()
        if st.button("Hit", key="hit"):
            s.loc[0, "hits"] += 1
        st.dataframe(s)
        st.dataframe(lookup(3), hide_index=True)
        st.write(int(s.hits.iloc[0]))
        """,
        [("button", "hit", "click"), ("button", "hit", "click"), ("run",)],
    ),
    "styler_into_editor_and_write": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"a": [1.5, 2.5], "b": ["x", "y"]})
        out = st.data_editor(df.style.format({"a": "{:.0f}"}).highlight_max(subset=["a"]), key="ed")
        st.write(type(out).__name__)
        st.write(df.style.format(precision=2))
        st.session_state.out = [out]
        """,
        [("session_state", "ed", edit({0: {"a": 9.5}}))],
    ),
    "dataframe_sizes_and_hidden_index": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"a": range(30), "b": [f"r{i}" for i in range(30)]})
        st.dataframe(df, height=200, width=300)
        st.dataframe(df.head(3), height="content", width="content")
        st.dataframe(df.set_index("b").head(3), hide_index=False, use_container_width=False)
        st.dataframe(df.head(2), column_order=("b",), hide_index=True, row_height=50)
        """,
    ),
    "media_markdown_and_button_columns": App(
        """
        import pandas as pd
        import streamlit as st
        cc = st.column_config
        df = pd.DataFrame({"name": ["**a**", "_b_"], "song": ["https://x.example/a.mp3", None],
                           "clip": ["https://x.example/a.mp4", None], "act": ["Open", "Open"]})
        st.dataframe(df, hide_index=True, column_config={
            "name": cc.MarkdownColumn("Name"), "song": cc.AudioColumn("Song"),
            "clip": cc.VideoColumn("Clip", width="small"), "act": cc.ButtonColumn("Act", type="primary"),
        })
        """,
    ),
    "polars_selection_and_pyarrow_editor": App(
        """
        import polars as pl
        import pyarrow as pa
        import streamlit as st
        people = pl.DataFrame({"name": ["ada", "bob", "cy"], "age": [36, 41, 29]})
        ev = st.dataframe(people, key="pick", on_select="rerun", selection_mode="multi-row")
        chosen = people[ev.selection.rows] if ev.selection.rows else people.head(0)
        st.dataframe(chosen)
        st.metric("Mean age", chosen["age"].mean() if len(chosen) else 0)
        table = st.data_editor(pa.table({"k": ["x", "y"], "v": [1.5, None]}), key="arrow", num_rows="dynamic")
        st.write(table.num_rows, table.column("v").to_pylist())
        st.session_state.out = [chosen, table]
        """,
        [
            ("session_state", "pick", select(rows=[0, 2])),
            ("session_state", "arrow", edit({1: {"v": 2.0}}, [{"k": "z"}], [0])),
        ],
    ),
    "editor_config_by_position_and_labels": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame([[1, "a", 0.5], [2, "b", 1.5]], columns=["id", "tag", "w"])
        out = st.data_editor(df, key="ed", disabled=[0], hide_index=True, column_config={
            1: st.column_config.TextColumn("Tag (by position)", max_chars=2),
            "w": "Weight",
        })
        st.write(out.to_dict("list"))
        st.session_state.out = [out]
        """,
        [("session_state", "ed", edit({0: {"tag": "zz", "w": 9.0}}))],
    ),
    "groupby_drilldown_with_expanders": App(
        SALES
        + """
        totals = sales.groupby("region", as_index=False).agg(revenue=("revenue", "sum"), n=("units", "count"))
        st.dataframe(totals, hide_index=True, column_config={
            "revenue": st.column_config.NumberColumn("Revenue", format="%.2f")})
        for region in totals.region:
            with st.expander(region, expanded=region == "North"):
                part = sales[sales.region == region]
                st.dataframe(part[["date", "product", "units"]], hide_index=True)
                st.caption(f"{len(part)} weeks")
        """,
    ),
    "editors_return_each_input_type_unedited": App(
        """
        import numpy as np
        import pandas as pd
        import polars as pl
        import pyarrow as pa
        import streamlit as st
        inputs = [
            [(1, "a"), (2, "b")], (1.5, 2.5), np.array([[1, 2], [3, 4]]), {"a": [1, 2]}, {"a": 1, "b": 2},
            pa.table({"k": ["x"], "v": [1]}), pl.DataFrame({"a": [1]}), pd.Series([1, 2], name="s"),
            [{"a": 1}], {"r1": {"x": 1}, "r2": {"x": 2}}, pl.Series("p", [1, 2]),
        ]
        st.session_state.out = [st.data_editor(v, key=f"e{i}") for i, v in enumerate(inputs)]
        """,
        [("run",)],
    ),
    "dynamic_editors_of_each_input_type_add_and_delete": App(
        """
        import datetime
        import numpy as np
        import pandas as pd
        import polars as pl
        import pyarrow as pa
        import streamlit as st
        inputs = [
            [(1, "a"), (2, "b")], (1.5, 2.5), np.array([[1, 2], [3, 4]]), {"a": [1, 2]}, {"a": 1, "b": 2},
            pa.table({"k": ["x", "y"], "v": [1, 2]}), pl.DataFrame({"a": [1, 2]}), pd.Series([1, 2], name="s"),
            [{"a": 1}, {"a": 2}], pl.Series("p", [1, 2]), ["x", "y"],
            pd.DataFrame({"d": [datetime.date(2024, 1, 1), datetime.date(2024, 1, 2)]}),
            pd.DataFrame({"c": pd.Categorical(["a", "b"])}), np.array(["u", "v"]), {"k": ("a", "b")},
        ]
        st.session_state.out = [
            st.data_editor(v, key=f"e{i}", num_rows="dynamic") for i, v in enumerate(inputs)
        ]
        """,
        [
            [
                ("session_state", f"e{i}", edit(added=[{column: value}], deleted=[0]))
                for i, (column, value) in enumerate(
                    zip(
                        [
                            "0",
                            "value",
                            "0",
                            "a",
                            "value",
                            "k",
                            "a",
                            "s",
                            "a",
                            "p",
                            "value",
                            "d",
                            "c",
                            "value",
                            "k",
                        ],
                        [5, 9, 7, 5, 3, "q", 4, 6, 8, 11, "w", "2024-05-06", "b", "n", "c"],
                        strict=True,
                    )
                )
            ]
        ],
    ),
    "editor_callback_refused_in_a_form_and_selection_in_a_form": App(
        """
        import pandas as pd
        import streamlit as st
        df = pd.DataFrame({"v": [1, 2]})
        with st.form("f"):
            ev = st.dataframe(df, key="sel", on_select="rerun", selection_mode="single-row")
            st.form_submit_button("Go")
        st.write(ev.selection.rows)
        with st.form("g"):
            st.data_editor(df, key="ed", on_change=lambda: None)
            st.form_submit_button("Save")
        st.write("after")
        """,
        [("session_state", "sel", select(rows=[1])), ("button", 0, "click")],
        known=[OWN_WORDS],
    ),
}


@pytest.mark.parametrize("name", sorted(APPS))
def test_data_app_shows_the_same_as_streamlit(tmp_path: Path, name: str) -> None:
    app = APPS[name]
    app.facts = app.facts or shown_facts
    diffs, _ = differences(tmp_path, app)
    assert not diffs, f"{name}: rillet differs from Streamlit\n\n" + "\n\n".join(diffs)
