"""Testing rillet apps without a browser."""

from rillet.testing.app_test import AppTest, AppTestError

__all__ = ["AppTest", "AppTestError"]
