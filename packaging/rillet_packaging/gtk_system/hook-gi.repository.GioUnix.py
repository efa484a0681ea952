"""gi.repository.GioUnix: the system provides its typelib and libraries; collect nothing."""
