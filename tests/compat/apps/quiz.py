import streamlit as st

QUESTIONS = [
    ("2 + 2 = ?", ["3", "4", "5"], "4"),
    ("Capital of France?", ["Paris", "Rome", "Berlin"], "Paris"),
    ("Largest planet?", ["Earth", "Mars", "Jupiter"], "Jupiter"),
]

st.title("Quiz")
answers = []
for number, (question, options, _) in enumerate(QUESTIONS, start=1):
    answers.append(st.radio(f"{number}. {question}", options, index=None, key=f"q{number}"))

if st.button("Check"):
    if None in answers:
        st.info("Answer every question first.")
    else:
        score = sum(a == q[2] for a, q in zip(answers, QUESTIONS, strict=True))
        st.metric("Score", f"{score}/{len(QUESTIONS)}")
