"""Examples shown in the OpenAPI docs, taken from the seed's records."""

from drf_spectacular.utils import OpenApiExample

API = "https://tracker.example.org/api/v1"

DEAL = OpenApiExample(
    "Meta licenses Midjourney's technology",
    response_only=True,
    value={
        "id": 1,
        "slug": "meta-midjourney-licensing-partnership",
        "url": f"{API}/deals/meta-midjourney-licensing-partnership/",
        "status": "announced",
        "summary": "A strategic partnership under which Meta licenses Midjourney's image and video "
        "generation technology.",
        "summary_ar": "شراكة استراتيجية ترخّص بموجبها ميتا تقنيات ميدجورني.",
        "citations": [
            {
                "article": {"id": 2, "title": "", "url": f"{API}/articles/2/"},
                "excerpt": "بل وأكد على عدم الإفصاح عن الشروط المالية لهذه الصفقة",
                "supports": "value",
            }
        ],
        "version": 1,
        "updated_at": "2026-11-24T07:00:00Z",
        "title": "Meta licenses Midjourney's image and video generation technology",
        "title_ar": "شراكة ميتا وميدجورني لترخيص تقنيات توليد الصور والفيديو",
        "kinds": ["licensing", "partnership"],
        "announced": {"date": "2025-08-01", "precision": "month", "inferred": True},
        "announced_by": {
            "slug": "alexandr-wang",
            "name": "Alexandr Wang",
            "name_ar": "ألكسندر وانغ",
            "url": f"{API}/people/alexandr-wang/",
        },
        "announced_via": "threads",
        "value": {
            "amount": None,
            "currency": "",
            "qualifier": "exact",
            "undisclosed": True,
            "basis": "total",
        },
        "parties": [
            {
                "role": "licensee",
                "company": {
                    "slug": "meta",
                    "name": "Meta",
                    "name_ar": "ميتا",
                    "url": f"{API}/companies/meta/",
                },
                "person": None,
                "unnamed": None,
            }
        ],
    },
)

DEAL_CREATE = OpenApiExample(
    "A licence with its parties and source",
    request_only=True,
    value={
        "title": "Google licenses a video model",
        "kinds": ["licensing"],
        "status": "announced",
        "announced": {"date": "2025-09-01", "precision": "month"},
        "value": {"amount": "250000000", "currency": "USD", "qualifier": "about"},
        "parties": [
            {"company": "google", "role": "licensee"},
            {"unnamed": "dozens of researchers", "role": "hire"},
        ],
        "citations": [{"article": 1, "excerpt": "وVeo من جوجل"}],
    },
)
