"""gi.repository.JavaScriptCore: the system provides its typelib and libraries; collect nothing."""
