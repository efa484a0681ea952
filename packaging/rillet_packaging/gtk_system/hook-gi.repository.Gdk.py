"""gi.repository.Gdk: the system provides its typelib and libraries; collect nothing."""
