"""Listening sockets: bind an address and port, or the first free port from one.

Like ``tornado.netutil.bind_sockets`` (one socket per address family, so
``""`` listens on IPv4 and IPv6), but a failed bind closes what it opened —
Tornado's leaves the socket to the garbage collector — and the port search
binds for real instead of probing, so no other process can take the port
between the check and the listen.
"""

from __future__ import annotations

import errno
import os
import socket

_BACKLOG = 128


def raise_open_files_limit() -> int:
    """Raise this process's open-files limit (``RLIMIT_NOFILE``) from its soft value to the hard one.

    Every session is a socket: the usual soft limit of 1,024 caps a replica
    near a thousand users while the hard limit (often 524,288) allows far
    more, so servers raise it at start, as nginx's ``worker_rlimit_nofile``
    does. Returns the limit now in force (0 where there is none to read).

    Example:
        >>> raise_open_files_limit() >= 0
        True
    """
    try:
        import resource
    except ImportError:  # Windows
        return 0
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft != resource.RLIM_INFINITY and soft >= hard:
        return soft
    wanted = hard if hard != resource.RLIM_INFINITY else max(soft, 1 << 20)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    except (ValueError, OSError):  # macOS caps it below the hard limit it reports
        return soft
    return wanted


def bind_sockets(address: str | None, port: int) -> list[socket.socket]:
    """Listen on ``address`` (``None``/``""``: every interface) and ``port`` (0: any free one).

    A server about to listen also takes its whole open-files allowance
    (:func:`raise_open_files_limit`).

    Raises:
        OSError: the port is taken (``errno.EADDRINUSE``) or the address is not ours.
    """
    raise_open_files_limit()
    host = address or None
    infos = socket.getaddrinfo(
        host, port, socket.AF_UNSPEC, socket.SOCK_STREAM, 0, socket.AI_PASSIVE
    )
    sockets: list[socket.socket] = []
    seen: set[tuple[int, tuple[object, ...]]] = set()
    try:
        for family, kind, proto, _, sockaddr in infos:
            if family == socket.AF_INET6 and not socket.has_ipv6:
                continue
            if (family, sockaddr) in seen:
                continue
            seen.add((family, sockaddr))
            if port == 0 and sockets:
                # Every family listens on the port the first one was given.
                sockaddr = (sockaddr[0], sockets[0].getsockname()[1], *sockaddr[2:])
            sock = socket.socket(family, kind, proto)
            sockets.append(sock)
            if os.name != "nt":
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            if family == socket.AF_INET6:
                sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                sock.bind(sockaddr)
            except OSError as error:
                # "localhost" may resolve to ::1 on a machine without IPv6 configured.
                if error.errno == errno.EADDRNOTAVAIL and host == "localhost":
                    sockets.pop().close()
                    continue
                raise
            sock.setblocking(False)
            sock.listen(_BACKLOG)
    except BaseException:
        for sock in sockets:
            sock.close()
        raise
    if not sockets:
        raise OSError(errno.EADDRNOTAVAIL, f"cannot listen on {address!r}")
    return sockets


def bind_first_free(
    address: str | None, first_port: int, *, tries: int = 100
) -> list[socket.socket]:
    """Listen on the first free port among ``first_port``, ``first_port + 1``, ...

    Raises:
        OSError: all ``tries`` ports are taken.
    """
    for port in range(first_port, min(first_port + tries, 65536)):
        try:
            return bind_sockets(address, port)
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
    raise OSError(
        errno.EADDRINUSE,
        f"ports {first_port}-{first_port + tries - 1} are all in use; "
        "choose another with --server.port",
    )
