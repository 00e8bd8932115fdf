"""The address phones should open: this machine on the venue network."""

from __future__ import annotations

import ipaddress
import socket


def lan_addresses() -> list[str]:
    """This machine's IPv4 addresses other than loopback, as the resolver knows them.

    Nothing is sent on the network to find them.
    """
    found: list[str] = []
    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        infos = []
    for info in infos:
        address = str(info[4][0])
        if not ipaddress.ip_address(address).is_loopback and address not in found:
            found.append(address)
    # Private addresses (the venue Wi-Fi) first.
    found.sort(key=lambda a: not ipaddress.ip_address(a).is_private)
    return found


def audience_url(host: str, port: int) -> str:
    if host not in ("0.0.0.0", "", "::"):
        return f"http://{host}:{port}/"
    addresses = lan_addresses()
    return f"http://{addresses[0] if addresses else '127.0.0.1'}:{port}/"
