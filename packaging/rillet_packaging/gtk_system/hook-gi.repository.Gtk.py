"""gi.repository.Gtk: the system provides its typelib and libraries; collect nothing."""
