"""gi.repository.Gio: the system provides its typelib and libraries; collect nothing."""
