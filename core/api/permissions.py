from rest_framework.permissions import DjangoModelPermissionsOrAnonReadOnly


class CuratorWritesOrReadOnly(DjangoModelPermissionsOrAnonReadOnly):
    """Anyone reads; writing needs the model's add/change/delete permission (curators)."""

    perms_map = {
        **DjangoModelPermissionsOrAnonReadOnly.perms_map,
        "GET": [],
        "HEAD": [],
        "OPTIONS": [],
    }
