"""gi.repository.xlib: the system provides its typelib and libraries; collect nothing."""
