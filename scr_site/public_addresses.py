"""Which network addresses are on the public internet, where families' links must lead.

The site fetches web addresses staff type (the link checker), so it must never be
pointed at its own machine, the council's internal network or a cloud provider's
metadata service: anything not globally routable is refused.
"""

import ipaddress

# NAT64 gateways reach the IPv4 address held in an address's last 32 bits.
NAT64 = ipaddress.ip_network("64:ff9b::/96")
LOCAL_NAT64 = ipaddress.ip_network("64:ff9b:1::/48")


def is_public_address(address):
    """Whether an IP address (text or ipaddress object) is globally routable, and unicast."""
    ip = ipaddress.ip_address(address)
    if ip.version == 6:
        if ip in LOCAL_NAT64:
            return False
        embedded = ip.ipv4_mapped or ip.sixtofour
        if ip in NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None and not is_public_address(embedded):
            return False
    return ip.is_global and not ip.is_multicast


def is_local_name(host):
    """Whether a host name in a web address can only mean something on a local network.

    Names are judged without looking them up: an IP address that is not public,
    `localhost` and anything under it, and a name without a dot (an intranet's).
    """
    host = (host or "").strip("[]").rstrip(".").lower()
    try:
        return not is_public_address(host)
    except ValueError:
        pass
    return host == "localhost" or host.endswith(".localhost") or "." not in host
