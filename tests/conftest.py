import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings

from scr_site.leaflet.models import Leaflet
from scr_site.redis_cache import forget_breakers

from .faults import RedisServer, TcpProxy, use_private_redis
from .staff import signed_in, staff_member

# Every page a family can reach. Browser, HTML and heading checks run over all of them.
PUBLIC_PATHS = [
    "/",
    "/leave-this-site-quickly/",
    "/accessibility/",
    "/privacy/",
    "/this-page-does-not-exist/",
    # What a family sees after sending feedback without JavaScript, and at a form's own address.
    "/feedback/thank-you/",
    "/feedback/problem/",
]


@pytest.fixture(scope="session", autouse=True)
def collected_static(tmp_path_factory):
    """Serve static files exactly as production does: hashed and compressed by collectstatic."""
    with override_settings(STATIC_ROOT=tmp_path_factory.mktemp("static")):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached pages (the Redis cache outlives a test run)."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def leaflet_content(db):
    """The site as a new deployment has it: content/ loaded into the database."""
    call_command("load_content", verbosity=0)


# --- staff and the leaflet they edit -------------------------------------------


@pytest.fixture
def editor(db):
    return staff_member("erin", "Editor")


@pytest.fixture
def publisher(db):
    return staff_member("pat", "Publisher")


@pytest.fixture
def as_editor(editor):
    return signed_in(editor)


@pytest.fixture
def as_publisher(publisher):
    return signed_in(publisher)


@pytest.fixture
def leaflet(leaflet_content):
    return Leaflet.objects.get(is_home_page=True)


@pytest.fixture
def question(leaflet):
    return leaflet.questions.get(question="How Long Will the Review Take?")


# --- a Redis of the test's own, for the outage tests ------------------------------------------


@pytest.fixture
def redis_server():
    """A redis-server started for the test alone, on a free port, that the test may kill or hang."""
    server = RedisServer().start()
    yield server
    server.stop()


@pytest.fixture
def shared_cache(settings, redis_server, tmp_path):
    """The site using that Redis, as several instances do, with nothing saved in this process."""
    use_private_redis(settings, redis_server.url, tmp_path)
    yield redis_server
    forget_breakers()


@pytest.fixture
def cut_off_cache(settings, redis_server, tmp_path):
    """Redis reached through a link that can be cut: it keeps its data, and misses what is sent meanwhile."""
    link = TcpProxy("127.0.0.1", redis_server.port)
    use_private_redis(settings, f"redis://127.0.0.1:{link.port}/0", tmp_path)
    yield link
    forget_breakers()
    link.close()
