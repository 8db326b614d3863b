"""Each feature module's entries in the navigation, record pages and status bar.

Imported once by the main window. Add your module's lines here; keep the core screens untouched.
"""

from __future__ import annotations


def register_all() -> None:
    """Fill the lists in :mod:`ui.extensions`. Safe to call more than once."""
    from ui import extensions as ext

    if ext.NAV_MODULES:
        return
