"""gi.repository.HarfBuzz: the system provides its typelib and libraries; collect nothing."""
