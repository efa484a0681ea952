"""gi.repository.Pango: the system provides its typelib and libraries; collect nothing."""
