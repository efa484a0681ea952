"""gi.repository.GdkPixbuf: the system provides its typelib and libraries; collect nothing."""
