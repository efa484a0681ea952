"""rillet's HTTP and WebSocket server (Tornado)."""

from rillet_server.app import make_app
from rillet_server.server import Server, ServerState, ServerStateError

__all__ = ["Server", "ServerState", "ServerStateError", "make_app"]
