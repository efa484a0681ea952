"""gi.repository.PangoCairo: the system provides its typelib and libraries; collect nothing."""
