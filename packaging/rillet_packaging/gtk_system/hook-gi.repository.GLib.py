"""gi.repository.GLib: the system provides its typelib and libraries; collect nothing."""
