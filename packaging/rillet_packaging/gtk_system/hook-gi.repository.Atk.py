"""gi.repository.Atk: the system provides its typelib and libraries; collect nothing."""
