"""gi.repository.GLibUnix: the system provides its typelib and libraries; collect nothing."""
