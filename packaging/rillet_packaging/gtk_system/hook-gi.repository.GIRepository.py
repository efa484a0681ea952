"""gi.repository.GIRepository: the system provides its typelib and libraries; collect nothing."""
