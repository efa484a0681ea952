"""Tables: a configured dataframe with row selection, an editor, a static table, sparklines."""

import datetime

import rillet as st

st.title("Inventory")

items = [
    {
        "item": "Bolts",
        "stock": 120,
        "price": 0.25,
        "trend": [3, 5, 4, 8],
        "updated": datetime.date(2024, 5, 1),
    },
    {
        "item": "Nuts",
        "stock": 80,
        "price": 0.1,
        "trend": [6, 4, 4, 2],
        "updated": datetime.date(2024, 5, 3),
    },
    {
        "item": "Washers",
        "stock": 0,
        "price": 0.05,
        "trend": [2, 1, 0, 0],
        "updated": datetime.date(2024, 4, 28),
    },
]

left, right = st.columns(2)
left.metric("Items in stock", sum(i["stock"] for i in items), chart_data=[150, 180, 200])
right.metric(
    "Out of stock",
    sum(1 for i in items if not i["stock"]),
    "+1",
    "inverse",
    chart_type="bar",
    chart_data=[0, 0, 1],
)

picked = st.dataframe(
    items,
    hide_index=True,
    on_select="rerun",
    selection_mode="multi-row",
    column_config={
        "item": st.column_config.TextColumn("Item", pinned=True),
        "stock": st.column_config.ProgressColumn("Stock", max_value=200, format="%d"),
        "price": st.column_config.NumberColumn("Price", format="dollar"),
        "trend": st.column_config.LineChartColumn("Last 4 weeks"),
        "updated": st.column_config.DateColumn("Updated", format="localized"),
    },
)
chosen = [items[row]["item"] for row in picked.selection.rows]
st.write("Selected:", ", ".join(chosen) if chosen else "nothing yet")

st.subheader("Order more")
orders = st.data_editor(
    [{"item": i["item"], "quantity": 0, "urgent": False} for i in items],
    key="orders",
    num_rows="dynamic",
    disabled=["item"],
    column_config={"quantity": st.column_config.NumberColumn(min_value=0, max_value=1000, step=10)},
)
st.table([o for o in orders if o["quantity"]] or [{"item": "*No orders yet*"}])
