"""gi.repository.GModule: the system provides its typelib and libraries; collect nothing."""
