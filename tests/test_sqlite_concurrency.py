"""A small deployment on SQLite stays usable while staff save and families read at the same time.

The test database is in memory, which has neither WAL nor file locks, so this runs on a
temporary file opened with the same OPTIONS the site's own database uses.
"""

import copy
import threading

import pytest
from django.conf import settings
from django.db import connections, transaction

from scr_site.leaflet.models import Board

ALIAS = "concurrency"
WRITERS, TRANSACTIONS_EACH, READERS = 4, 50, 4

pytestmark = pytest.mark.skipif(
    settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3",
    reason="only a SQLite deployment shares one database file between processes and threads",
)


@pytest.fixture
def file_database(tmp_path, django_db_blocker):
    default = settings.DATABASES["default"]
    connections.settings[ALIAS] = connections.configure_settings(
        {
            "default": {
                "ENGINE": default["ENGINE"],
                "NAME": str(tmp_path / "site.sqlite3"),
                "OPTIONS": copy.deepcopy(default["OPTIONS"]),
            }
        }
    )["default"]
    try:
        with django_db_blocker.unblock():
            with connections[ALIAS].schema_editor() as editor:
                editor.create_model(Board)
            yield Board.objects.using(ALIAS).create(
                name="Shared board",
                address_lines="1 High Street",
                town="Peterborough",
                postcode="PE1 1FB",
                telephone="01733 863765",
                email="board@example.gov.uk",
            )
    finally:
        connections[ALIAS].close()
        del connections[ALIAS]
        del connections.settings[ALIAS]


def in_thread(work, errors):
    def run():
        try:
            work()
        except Exception as error:  # every failure, not just the first, is reported by the test
            errors.append(error)
        finally:
            connections[ALIAS].close()

    return threading.Thread(target=run)


def test_database_file_uses_write_ahead_logging(file_database):
    with connections[ALIAS].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


def test_concurrent_saves_and_reads_never_hit_database_is_locked(file_database):
    errors, reads = [], []
    writers_done = threading.Event()

    def write():
        for number in range(TRANSACTIONS_EACH):
            # Read, then write, in one transaction: the pattern an admin save follows, and the
            # one that fails at once with "database is locked" unless the lock is taken up front.
            with transaction.atomic(using=ALIAS):
                shared = Board.objects.using(ALIAS).get(pk=file_database.pk)
                shared.order += 1
                shared.save(using=ALIAS)
                Board.objects.using(ALIAS).create(
                    name=f"Board {threading.get_ident()}-{number}",
                    address_lines="2 High Street",
                    town="Huntingdon",
                    postcode="PE29 3TN",
                    telephone="01480 388388",
                    email="board@example.gov.uk",
                )

    def read():
        while not writers_done.is_set():
            boards = list(Board.objects.using(ALIAS).order_by("order")[:20])
            assert boards
            reads.append(Board.objects.using(ALIAS).count())

    writers = [in_thread(write, errors) for _ in range(WRITERS)]
    readers = [in_thread(read, errors) for _ in range(READERS)]
    for thread in readers + writers:
        thread.start()
    for thread in writers:
        thread.join(timeout=30)
    writers_done.set()
    for thread in readers:
        thread.join(timeout=30)

    assert not any(thread.is_alive() for thread in writers + readers)
    assert [str(error) for error in errors] == []
    total = WRITERS * TRANSACTIONS_EACH
    # Every save landed, and none overwrote another's.
    assert Board.objects.using(ALIAS).get(pk=file_database.pk).order == total
    assert Board.objects.using(ALIAS).count() == total + 1
    assert reads, "the readers never got a turn"
