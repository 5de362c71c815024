"""
Legal references and confidence, as the model uses them.

The types live in `dayasos.legal`; the model re-exports them with the
instrument every PPKS and PSKS rests on.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from dayasos.legal import PERMENSOS_08_2012, Confidence, LegalReference


__all__ = ["PERMENSOS_08_2012", "Confidence", "LegalReference"]
