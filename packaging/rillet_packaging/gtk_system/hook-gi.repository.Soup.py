"""gi.repository.Soup: the system provides its typelib and libraries; collect nothing."""
