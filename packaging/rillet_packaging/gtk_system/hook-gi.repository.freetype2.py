"""gi.repository.freetype2: the system provides its typelib and libraries; collect nothing."""
