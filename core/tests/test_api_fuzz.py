"""Schema-driven fuzzing of every API operation with schemathesis.

Each operation (reads anonymously, writes with a curator's token) gets generated
requests, valid and invalid, sent through the WSGI application; every response must be
no 5xx and match the published OpenAPI schema: status code, content type, headers and
body.
"""

import orjson
import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis.checks import negative_data_rejection, positive_data_acceptance

from config.wsgi import application

CASES_PER_OPERATION = 15
generated: list[str] = []

published = orjson.loads(
    OpenApiJsonRenderer().render(SchemaGenerator().get_schema(request=None, public=True))
)
schema = schemathesis.openapi.from_dict(published)
schema.app = application


@pytest.fixture(scope="module", autouse=True)
def _report_case_count(request):
    yield
    operations = len(set(generated))
    message = f"schemathesis: {len(generated)} generated cases over {operations} operations"
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter:
        reporter.write_line(message)


@pytest.fixture
def _open_api(seeded, settings):
    """The seeded test database, reachable through the WSGI app inside the test's transaction.

    Like Django's test client, requests must not close the connection at their start and
    end: on PostgreSQL that would end the test's transaction.
    """
    settings.ALLOWED_HOSTS = ["localhost", "testserver"]
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1000000/minute"},
    }
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=CASES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    database=None,
)
@pytest.mark.usefixtures("_open_api")
def test_every_operation_conforms_to_the_schema(case, curator):
    from rest_framework.authtoken.models import Token

    headers = {}
    if case.method.upper() not in {"GET", "HEAD", "OPTIONS"}:
        token, _ = Token.objects.get_or_create(user=curator)
        headers["Authorization"] = f"Token {token.key}"
    generated.append(f"{case.method} {case.path}")
    # Excluded by design: model rules beyond JSON Schema (an amount needs a currency, an
    # excerpt must be quoted verbatim) make some schema-valid bodies 400s; and an empty
    # filter (`?date_before=`, as an HTML form submits it) means "no filter", not an error.
    case.call_and_validate(
        headers=headers, excluded_checks=[positive_data_acceptance, negative_data_rejection]
    )
