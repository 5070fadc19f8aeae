"""OpenAPI post-processing: the error responses every operation can give, documented."""

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
    "description": "A sentence saying what went wrong.",
}
FIELD_ERRORS = {
    "type": "object",
    "additionalProperties": {},
    "description": (
        'Field names with their messages ({"value": ["An amount cannot be negative."]}); '
        "nested fields (parties, citations) give one object per item."
    ),
}
EDIT_CONFLICT = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "current_version": {"type": "integer"},
        "changes": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["detail"],
    "description": "The record changed since the version you sent, or it is still referenced.",
}

POSSIBLE_DUPLICATE = {
    "type": "object",
    "properties": {
        "detail": {"type": "string"},
        "code": {"type": "string", "enum": ["possible_duplicate"]},
        "candidates": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "slug": {"type": "string"},
                    "name": {"type": "string"},
                    "name_ar": {"type": "string"},
                    "url": {"type": "string", "format": "uri"},
                },
            },
        },
    },
    "required": ["detail", "code", "candidates"],
    "description": (
        "An existing record already has this name (any spelling, legal form aside): merge "
        'into one of the candidates, or send "confirm_new": true if it is another one.'
    ),
}
#: Lists whose POST refuses a name an existing record already has.
NAMED_RESOURCES = ("/api/v1/companies/", "/api/v1/people/", "/api/v1/products/")


def _json(schema_name: str, description: str) -> dict:
    return {
        "description": description,
        "content": {
            "application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}
        },
    }


def add_error_responses(result, generator, request, public):
    """Document 400/401/403/404/409/412/429 (and 301/304) where each can happen.

    Reads are public, so every GET also lists the empty security requirement, unless the
    view documents a 401 for it itself.
    """
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas.update(
        {
            "Error": ERROR,
            "FieldErrors": FIELD_ERRORS,
            "EditConflict": EDIT_CONFLICT,
            "PossibleDuplicate": POSSIBLE_DUPLICATE,
        }
    )
    for path, operations in result.get("paths", {}).items():
        if not path.startswith("/api/v1/") or path.endswith("/schema/"):
            continue
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            responses.setdefault("400", _json("FieldErrors", "Bad query parameters or body."))
            responses.setdefault("429", _json("Error", "Too many requests; see Retry-After."))
            if method == "get":
                responses.setdefault("304", {"description": "Not modified since the ETag sent."})
                security = operation.setdefault("security", [])
                # A read that documents its own 401 is not public (proposals).
                if {} not in security and "401" not in responses:
                    security.append({})
            if "{" in path:
                responses.setdefault("404", _json("Error", "No such record."))
                responses.setdefault(
                    "301", {"description": "An old slug of a merged or renamed record."}
                )
            if method in {"post", "put", "patch", "delete"}:
                responses.setdefault("401", _json("Error", "Authentication needed."))
                responses.setdefault("403", _json("Error", "Not allowed to write."))
            if method == "post" and path in NAMED_RESOURCES:
                responses.setdefault("409", _json("PossibleDuplicate", "A possible duplicate."))
            if method in {"put", "patch", "delete"}:
                responses.setdefault("409", _json("EditConflict", "Edit conflict."))
                responses.setdefault("412", _json("Error", "If-Match does not match."))
    return result
