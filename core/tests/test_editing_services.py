"""`RecordServices` finds a record type's services by the entity_action naming rule."""

from types import SimpleNamespace

from core.editing import RecordServices


def test_services_are_found_by_name_and_take_the_record_by_its_name():
    calls = []
    module = SimpleNamespace(
        grant_create=lambda **kw: calls.append(("create", kw)),
        grant_update=lambda **kw: calls.append(("update", kw)),
        grant_event_add=lambda **kw: calls.append(("add", kw)),
        grant_event_update=lambda **kw: calls.append(("event update", kw)),
    )

    class Grants(RecordServices):
        service_module = module
        record_arg = "grant"

    class GrantEvents(RecordServices):
        service_module = module
        record_arg = "event"
        record_name = "grant_event"
        create_action = "add"

    Grants().create_service(title="A")
    Grants().update_service("the grant", title="B")
    GrantEvents().create_service(kind="c")
    GrantEvents().update_service("the event", kind="d")
    assert calls == [
        ("create", {"title": "A"}),
        ("update", {"grant": "the grant", "title": "B"}),
        ("add", {"kind": "c"}),
        ("event update", {"event": "the event", "kind": "d"}),
    ]
