"""Testing rillet apps without a browser."""

from rillet.testing.app_test import AppTest

__all__ = ["AppTest"]
