"""One egress policy for every outbound call: the model, the ``openai`` embedder, anything else.

* **Local means loopback.** A destination is local only when every address its host resolves to
  is a loopback address (127.0.0.0/8, ::1). Private networks (10/8, 172.16/12, 192.168/16),
  CGNAT (100.64/10), link-local (169.254/16, fe80::/10), IPv6 unique-local (fc00::/7) and
  ``*.localhost`` names that resolve elsewhere are *not* local.
* **``allow_remote=False``: nothing leaves the machine.** Anything not local is refused before a
  byte is sent. The cloud metadata address (169.254.169.254, fd00:ec2::254) is refused always.
* **Checked after name resolution, at connect time.** `PinnedBackend` resolves the host for every
  new connection, checks every address, and connects to the address it checked, so a second
  lookup (DNS rebinding) cannot send the connection somewhere else. TLS still verifies the host
  name: only the TCP destination is pinned.

    policy = EgressPolicy(allow_remote=False)
    policy.is_local("http://127.0.0.1:8000/v1")      # True
    policy.check("10.0.0.5", 443)                      # raises BackendRefusedError
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from assistant.errors import BackendRefusedError

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
METADATA = frozenset({ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")})
_CGNAT = ipaddress.ip_network("100.64.0.0/10")


def kind(address: Address) -> str:
    """What an address is, for the policy and for the refusal message."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return kind(address.ipv4_mapped)
    if address in METADATA:
        return "metadata"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if isinstance(address, ipaddress.IPv4Address) and address in _CGNAT:
        return "carrier-grade NAT"
    if address.is_private or address.is_reserved or address.is_multicast or address.is_unspecified:
        return "private"
    return "public"


def resolve(host: str, port: int = 443) -> list[Address]:
    """Every address ``host`` stands for (an IP literal stands for itself); [] when it does not resolve."""
    host = host.strip("[]")
    try:
        return [ipaddress.ip_address(host.split("%")[0])]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return []
    out: list[Address] = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%")[0])
        if address not in out:
            out.append(address)
    return out


def host_port(url: str) -> tuple[str, int]:
    parsed = urlparse(url)
    default = 443 if parsed.scheme == "https" else 80
    try:
        port = parsed.port or default
    except ValueError:
        port = default
    return (parsed.hostname or "").lower(), port


@dataclass(frozen=True)
class EgressPolicy:
    """``allow_remote``: may text go beyond loopback at all; ``local_only``: this destination was
    judged local (nothing de-identified), so it must still be loopback when the socket opens."""

    allow_remote: bool
    local_only: bool = False

    def check(self, host: str, port: int) -> Address:
        """The address to connect to, or `BackendRefusedError` naming what the host resolved to."""
        addresses = resolve(host, port)
        if not addresses:
            raise BackendRefusedError(f"outbound call refused: {host!r} does not resolve", hint="check the URL")
        kinds = [kind(a) for a in addresses]
        if "metadata" in kinds:
            raise BackendRefusedError("outbound call refused: the cloud metadata address is never contacted")
        if (self.local_only or not self.allow_remote) and any(k != "loopback" for k in kinds):
            other = next(k for k in kinds if k != "loopback")
            raise BackendRefusedError(
                f"outbound call refused: {host!r} resolves to a {other} address and only loopback is local",
                hint="ASSISTANT_LLM_ALLOW_REMOTE=false: use an endpoint on 127.0.0.1/::1, or the offline drafter",
            )
        return addresses[0]

    def is_local(self, url: str) -> bool:
        """True when every address of the URL's host is loopback (resolved now)."""
        host, port = host_port(url)
        addresses = resolve(host, port)
        return bool(addresses) and all(kind(a) == "loopback" for a in addresses)

    def refuse_early(self, url: str) -> None:
        """Raise before any work when the destination could never be used under this policy."""
        host, port = host_port(url)
        self.check(host, port)


class PinnedBackend:
    """An httpcore2 network backend that checks, then connects to the checked address."""

    def __init__(self, policy: EgressPolicy) -> None:
        import httpcore2

        self._policy = policy
        self._inner = httpcore2.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> Any:
        address = self._policy.check(host, port)
        return self._inner.connect_tcp(str(address), port, timeout, local_address, socket_options)

    def connect_unix_socket(self, path: str, timeout: float | None = None, socket_options: Any = None) -> Any:
        raise BackendRefusedError("outbound call refused: unix sockets are not an endpoint")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)
