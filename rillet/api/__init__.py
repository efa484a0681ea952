"""The ``st.*`` commands; ``rillet/__init__.py`` re-exports them."""
