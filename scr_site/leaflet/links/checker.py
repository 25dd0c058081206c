"""Check that the guidance links families are sent to still lead somewhere useful."""

import http.client
import http.cookiejar
import socket
import ssl
import urllib.error
import urllib.parse
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from ..models import GuidanceLink
from .fetch import Deadline, NotPublic, fetch

USER_AGENT = (
    "Mozilla/5.0 (compatible; SCRFamiliesLinkChecker/1.0; checks the guidance links on "
    "'Serious Case Reviews: Information for Families')"
)
MAX_REDIRECTS = 10
REDIRECT_CODES = {301, 302, 303, 307, 308}
PERMANENT_REDIRECT_CODES = {301, 308}
# Some servers refuse HEAD outright, so the same address is asked again with GET.
HEAD_REFUSED_CODES = {405, 501}

NOT_PUBLIC = "The address is on a private or local network, which families cannot reach"

STATUS_PROBLEMS = {
    400: "The website said the request was faulty",
    401: "The page needs a login",
    403: "The website refused access to the page",
    404: "The page was not found",
    410: "The page has been removed",
    429: "The website was too busy to answer, try again later",
}


# How a stored result reads back, for filters and reports; kept here so they agree with check_link().
# A followed redirect stores the final page's status, so a status from 300 up means the link failed.
UNCHECKED = Q(link_checked_at__isnull=True)
BROKEN = ~UNCHECKED & (Q(link_status__isnull=True) | Q(link_status__gte=300))
REDIRECTED = ~UNCHECKED & Q(link_status__lt=300) & ~Q(link_problem="")
WORKING = ~UNCHECKED & Q(link_status__lt=300, link_problem="")


@dataclass(frozen=True)
class LinkCheck:
    status: int | None
    final_url: str
    problem: str = ""
    redirected: bool = False
    broken: bool = False


def check_link(url, timeout=10):
    """Follow `url` as a browser would and say whether it works, all within `timeout` seconds.

    Network problems are reported, not raised. Only public addresses are visited, at
    every step of a redirect (scr_site/leaflet/links/fetch.py).
    """
    deadline = Deadline(timeout)
    try:
        return _follow(url, deadline)
    except NotPublic:
        return LinkCheck(status=None, final_url=url, problem=NOT_PUBLIC, broken=True)
    except (OSError, http.client.HTTPException, ValueError) as error:
        return LinkCheck(status=None, final_url=url, problem=_describe_error(error, timeout), broken=True)


def _follow(url, deadline):
    cookies = http.cookiejar.CookieJar()
    chain = [url]
    first_redirect_code = None
    method = "HEAD"
    while True:
        current = chain[-1]
        if urllib.parse.urlsplit(current).scheme.lower() not in ("http", "https"):
            return _result(url, current, None, f"Leads to an address that is not a web page: {current}")
        try:
            status, location = _request(current, method, cookies, deadline)
            if method == "HEAD" and status in HEAD_REFUSED_CODES:
                method = "GET"
                status, location = _request(current, method, cookies, deadline)
        except NotPublic:
            if len(chain) == 1:
                raise
            return _result(url, current, None, f"{NOT_PUBLIC}, after redirecting to {current}")
        if status not in REDIRECT_CODES:
            problem = _status_problem(status)
            if problem and len(chain) > 1:
                problem = f"{problem}, after redirecting to {current}"
            return _result(url, current, status, problem, first_redirect_code)
        if not location:
            return _result(url, current, status, f"The website redirected without saying where to ({status})")
        first_redirect_code = first_redirect_code or status
        if len(chain) > MAX_REDIRECTS:
            # Judged only at the limit, because being sent back to the same page once is not a loop.
            visited = [_normalise(address) for address in chain]
            if len(set(visited)) < len(visited):
                return _result(url, current, status, f"The link redirects round in a loop ({status})")
            return _result(url, current, status, f"The link redirects more than {MAX_REDIRECTS} times")
        chain.append(_keep_fragment(urllib.parse.urljoin(current, location), url))


def _request(url, method, cookies, deadline):
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
        "Accept-Language": "en-GB,en;q=0.8",
    }
    return fetch(_ascii_url(url), method, headers, cookies, deadline)


def _result(url, final_url, status, problem="", first_redirect_code=None):
    """A problem passed in means the link is broken; a working link that moved gets a note instead."""
    redirected = _normalise(final_url) != _normalise(url)
    broken = bool(problem)
    if not broken and redirected:
        if first_redirect_code in PERMANENT_REDIRECT_CODES:
            problem = f"Moved permanently to {final_url}"
        else:
            problem = f"Redirects to {final_url}"
    return LinkCheck(status, final_url, problem, redirected, broken)


def _status_problem(status):
    if status < 300:
        return ""
    if status < 400:
        return f"The website sent an unusual answer instead of the page ({status})"
    if status in STATUS_PROBLEMS:
        return f"{STATUS_PROBLEMS[status]} ({status})"
    if status >= 500:
        return f"The website reported a fault of its own ({status})"
    return f"The website refused the request ({status})"


def _describe_error(error, timeout):
    # Failures while connecting arrive wrapped in URLError; failures while waiting for the answer do not.
    if isinstance(error, urllib.error.URLError) and isinstance(error.reason, BaseException):
        error = error.reason
    if isinstance(error, TimeoutError):
        seconds = f"{timeout:g} second{'' if timeout == 1 else 's'}"
        return f"The website did not answer within {seconds}"
    if isinstance(error, socket.gaierror):
        return "The website's name could not be found (the address may be mistyped or the site closed)"
    if isinstance(error, ssl.SSLCertVerificationError):
        return f"The website's security certificate is not valid ({error.verify_message})"
    if isinstance(error, ssl.SSLError):
        return "A secure connection to the website could not be made"
    if isinstance(error, ConnectionRefusedError):
        return "The website refused the connection"
    if isinstance(error, ValueError | http.client.InvalidURL):
        return "The web address is not valid"
    if isinstance(error, http.client.RemoteDisconnected):
        return "The website closed the connection without answering"
    if isinstance(error, http.client.HTTPException):
        return "The website's answer could not be understood"
    if isinstance(error, urllib.error.URLError):
        return f"The website could not be reached ({error.reason})"
    detail = getattr(error, "strerror", None) or error
    return f"The website could not be reached ({detail})"


def _ascii_url(url):
    """The address as it can be sent: non-English domain names and paths encoded as browsers do."""
    parts = urllib.parse.urlsplit(url)
    netloc = parts.netloc
    if not netloc.isascii():
        userinfo = netloc.rpartition("@")[0]
        netloc = parts.hostname.encode("idna").decode("ascii")
        if parts.port:
            netloc = f"{netloc}:{parts.port}"
        if userinfo:
            netloc = f"{userinfo}@{netloc}"
    safe = "/%:@!$&'()*+,;=~-._"
    return urllib.parse.urlunsplit(
        (
            parts.scheme,
            netloc,
            urllib.parse.quote(parts.path, safe=safe),
            urllib.parse.quote(parts.query, safe=safe + "?"),
            "",
        )
    )


def _keep_fragment(new_url, original_url):
    # Browsers carry the #part across a redirect unless the new address has its own.
    fragment = urllib.parse.urlsplit(original_url).fragment
    if fragment and not urllib.parse.urlsplit(new_url).fragment:
        return f"{new_url}#{fragment}"
    return new_url


def _normalise(url):
    """The address with differences that cannot change which page is served ironed out."""
    parts = urllib.parse.urlsplit(_ascii_url(url.strip()))
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    if port and (scheme, port) not in (("http", 80), ("https", 443)):
        host = f"{host}:{port}"
    return urllib.parse.urlunsplit((scheme, host, parts.path or "/", parts.query, ""))


def _clip(text, field_name):
    return text[: GuidanceLink._meta.get_field(field_name).max_length]


def check_and_record(link, timeout=10):
    """Check one guidance link and store the result on its row.

    Only the link_* columns are written, so a staff edit saved meanwhile is kept and the
    row's 'updated_at' still means "last edited by a person".
    """
    result = check_link(link.url, timeout=timeout)
    fields = {
        "link_status": result.status,
        "link_final_url": _clip(result.final_url, "link_final_url"),
        "link_problem": _clip(result.problem, "link_problem"),
        "link_checked_at": timezone.now(),
    }
    GuidanceLink.objects.filter(pk=link.pk).update(**fields)
    for name, value in fields.items():
        setattr(link, name, value)
    return result


def check_all(links, timeout=10):
    """Check and record each link in turn; returns (link, LinkCheck) pairs in the same order."""
    return [(link, check_and_record(link, timeout=timeout)) for link in links]
