"""gi.repository.GObject: the system provides its typelib and libraries; collect nothing."""
