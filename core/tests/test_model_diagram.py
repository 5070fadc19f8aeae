import io
import re

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from simple_history.models import HistoricalChanges

from core.management.commands.model_diagram import APP_LABELS, REGENERATE

DOC = settings.BASE_DIR / "docs" / "data-model.md"
ENTITY = re.compile(r"^    (\w+) \{$")
RELATIONSHIP = re.compile(r'^    (\w+) (\S+) (\w+) : "(\w+)"$')


def diagram() -> str:
    out = io.StringIO()
    call_command("model_diagram", stdout=out)
    return out.getvalue()


def domain_models():
    return [
        model
        for label in APP_LABELS
        for model in apps.get_app_config(label).get_models()
        if not issubclass(model, HistoricalChanges)
    ]


def arrow(field) -> str:
    """The cardinality the diagram should give a foreign key or many-to-many field."""
    if field.many_to_many:
        return "}o--o{"
    return "}o--o|" if field.null else "}o--||"


def test_doc_matches_the_models(tmp_path):
    generated = tmp_path / "data-model.md"
    call_command("model_diagram", output=generated, stdout=io.StringIO())
    assert DOC.exists(), f"docs/data-model.md is missing: run `{REGENERATE}`."
    assert DOC.read_text(encoding="utf-8") == generated.read_text(encoding="utf-8"), (
        f"docs/data-model.md is out of date with the models: run `{REGENERATE}`."
    )


def test_doc_embeds_the_diagram_and_notes():
    text = DOC.read_text(encoding="utf-8")
    assert text.startswith("# Data model\n")
    assert f"```mermaid\n{diagram()}```\n" in text
    assert "\n## Notes\n" in text


def test_every_model_is_an_entity():
    lines = diagram().splitlines()
    assert lines[0] == "erDiagram"
    entities = [match[1] for line in lines if (match := ENTITY.match(line))]
    expected = [model._meta.object_name for model in domain_models()]
    assert sorted(entities) == sorted(expected)
    assert len(entities) == len(set(entities))


def test_every_relation_field_is_a_relationship():
    found = [
        match.groups() for line in diagram().splitlines() if (match := RELATIONSHIP.match(line))
    ]
    expected = []
    for model in domain_models():
        for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
            if not field.is_relation:
                continue
            target = field.related_model._meta.object_name
            expected.append((model._meta.object_name, arrow(field), target, field.name))
    assert expected, "the apps have foreign keys and many-to-many fields"
    assert sorted(found) == sorted(expected)


def test_auto_created_through_tables_are_not_entities():
    text = diagram()
    for model in domain_models():
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            if through._meta.auto_created:
                assert f"    {through._meta.object_name} {{" not in text


def test_output_is_deterministic():
    assert diagram() == diagram()
