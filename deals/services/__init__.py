"""Writes of deals, investments, lawsuits and developments; see `records`, `parties`
and `events`.

Each module names what it exports in its `__all__`, so a new service is written once,
in the module that defines it.
"""

from .events import *  # noqa: F403
from .parties import *  # noqa: F403
from .records import *  # noqa: F403
