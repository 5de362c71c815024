"""
Write plain TOML data back as text (for inline reform tables).

Only what `tomllib` reads from a reform table occurs: tables, arrays,
strings, integers, booleans, dates and decimals as strings.

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING


if TYPE_CHECKING:
    from collections.abc import Mapping


__all__ = ["dumps_toml"]

_BARE = re.compile(r"[A-Za-z0-9_-]+")


def _key(key: str) -> str:
    return key if _BARE.fullmatch(key) else json.dumps(key)


def _value(value: object) -> str:  # noqa: PLR0911 - one return per TOML type
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        inner = ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items())
        return "{ " + inner + " }" if inner else "{}"
    return json.dumps(str(value))


def dumps_toml(data: Mapping[str, object]) -> str:
    """
    Write a table as TOML text, one ``key = value`` line per key.

    >>> import datetime
    >>> print(dumps_toml({"name": "x", "since": datetime.date(2021, 1, 1)}))
    name = "x"
    since = 2021-01-01

    .. versionadded:: 0.1.0
    """
    return "\n".join(f"{_key(k)} = {_value(v)}" for k, v in data.items())
