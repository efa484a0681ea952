"""gi.repository.cairo: the system provides its typelib and libraries; collect nothing."""
