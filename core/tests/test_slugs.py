import pytest

from companies.tests.factories import CompanyFactory
from core.slugs import slug_base


@pytest.mark.parametrize(
    ("names", "slug"),
    [
        (("Black Forest Labs", "بلاك فورست لابز"), "black-forest-labs"),
        (("", "ميدجورني"), "ميدجورني"),
        (("Café Déjà", ""), "cafe-deja"),
        (("!!!", "؟؟"), ""),
    ],
)
def test_slug_prefers_latin_and_falls_back_to_unicode(names, slug):
    assert slug_base(*names) == slug


@pytest.mark.django_db
def test_slugs_stay_unique():
    first = CompanyFactory(name="Meta")
    second = CompanyFactory(name="Meta")
    arabic_only = CompanyFactory(name="", name_ar="ميتا")
    assert (first.slug, second.slug, arabic_only.slug) == ("meta", "meta-2", "ميتا")
