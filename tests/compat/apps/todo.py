import streamlit as st

st.header("Todo")
st.session_state.setdefault("todos", [])


def add() -> None:
    text = st.session_state.new_item.strip()
    if text:
        st.session_state.todos.append({"text": text, "done": False})
    st.session_state.new_item = ""


st.text_input("New item", key="new_item")
st.button("Add", on_click=add)

for i, todo in enumerate(st.session_state.todos):
    todo["done"] = st.checkbox(todo["text"], value=todo["done"], key=f"todo-{i}")

left = [t["text"] for t in st.session_state.todos if not t["done"]]
st.caption(f"{len(left)} left")
