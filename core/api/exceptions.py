"""Errors as clear API responses: model validation is a 400, an edit conflict a 409."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler

from core.versioning import EditConflict

from .serializers import api_field_errors


def api_exception_handler(exc, context):
    if isinstance(exc, RecursionError):
        return Response(
            {"detail": "The JSON body is nested too deeply."}, status=status.HTTP_400_BAD_REQUEST
        )
    if isinstance(exc, DjangoValidationError):
        exc = ValidationError(api_field_errors(exc))
    if isinstance(exc, EditConflict):
        return Response(
            {
                "detail": exc.message(),
                "current_version": exc.current_version,
                "changes": exc.changes(),
            },
            status=status.HTTP_409_CONFLICT,
        )
    if isinstance(exc, ProtectedError):
        blocking = sorted({str(obj._meta.verbose_name_plural) for obj in exc.protected_objects})
        return Response(
            {"detail": f"Still referenced by {', '.join(blocking)}: remove or move them first."},
            status=status.HTTP_409_CONFLICT,
        )
    return exception_handler(exc, context)
