import pytest

from .receiver import receiver_start


@pytest.fixture(autouse=True)
def _private_targets_allowed(settings):
    """The test receiver listens on loopback, which production refuses."""
    settings.WEBHOOKS_ALLOW_PRIVATE = True


@pytest.fixture
def receiver():
    receiver, server = receiver_start()
    yield receiver
    server.shutdown()
    server.server_close()
