import datetime

import streamlit as st

day = st.date_input("Day", datetime.date(2024, 3, 15))
trip = st.date_input("Trip", (datetime.date(2024, 1, 1), datetime.date(2024, 1, 7)))
alarm = st.time_input("Alarm", datetime.time(7, 30))
st.write("Weekday:", day.strftime("%A"))
st.write("Alarm at", alarm.strftime("%H:%M"))
if len(trip) == 2:
    st.write("Trip days:", (trip[1] - trip[0]).days)
