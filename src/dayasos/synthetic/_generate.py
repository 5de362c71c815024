"""
Seeded synthetic populations: `generate` and `generate_tables`.

Same seed, same size, same arguments: the same population, byte for
byte. The families are drawn one after the other from one
`random.Random(seed)` (numpy is not needed), so a chunk size only cuts
the stream: the data do not depend on it. Errors come from a second
stream seeded from the first, so a population with errors holds the same
families as one without, apart from the errors.

>>> chunk = next(generate_tables(3, seed=7))
>>> chunk.families.height, chunk.families.get_column("family_id").to_list()
(3, ['F0000000001', 'F0000000002', 'F0000000003'])
>>> [f.id for f in generate(2, seed=7)]
['F0000000001', 'F0000000002']

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
import random
from typing import TYPE_CHECKING

import attrs
import polars as pl

from dayasos.batch import (
    FAMILIES_SCHEMA,
    MEMBERS_SCHEMA,
    MEMBERSHIPS_SCHEMA,
    Tables,
    from_tables,
)
from dayasos.batch._tables_write import frame_from_rows
from dayasos.errors import ConfigurationError
from dayasos.synthetic._draft import MEMBER
from dayasos.synthetic._errors import ERRORS_SCHEMA, inject
from dayasos.synthetic._households import Households
from dayasos.synthetic._profile import DTKS_LIKE, Profile
from dayasos.synthetic._regions import region_tree


if TYPE_CHECKING:
    from collections.abc import Iterator

    from dayasos.model import Family
    from dayasos.synthetic._draft import Draft


__all__ = [
    "DEFAULT_AS_OF",
    "RAW_MEMBERS_SCHEMA",
    "SyntheticTables",
    "generate",
    "generate_tables",
    "tables_of",
]

#: The default snapshot date: the end of 2021, after two pandemic years.
DEFAULT_AS_OF = dt.date(2021, 12, 31)

#: The members schema of tables with errors: birth dates as ISO text,
#: as registry exports hold them, so that 31 February can be written.
RAW_MEMBERS_SCHEMA = pl.Schema(
    {
        name: pl.String() if name == "birth_date" else dtype
        for name, dtype in MEMBERS_SCHEMA.items()
    }
)
_GENERATE_CHUNK = 10_000
# Families turned into polars tables at a time, within a chunk: Python
# rows are the bulky part, so few of them live at once.
_BATCH = 10_000
_BIRTH = MEMBER["birth_date"]


def _empty_errors() -> pl.DataFrame:
    return pl.DataFrame(schema=ERRORS_SCHEMA)


@attrs.frozen(kw_only=True, eq=False)
class SyntheticTables(Tables):
    """
    Generated tables with the manifest of the errors put in them.

    Args:
        errors: One row per injected error (`ERRORS_SCHEMA`): the
            family, the person (null for none), the kind, the field and
            the reject code expected from `dayasos.batch.from_tables`.
            A duplicated NIK gives a row for each of the two families.

    .. versionadded:: 0.1.0
    """

    errors: pl.DataFrame = attrs.field(factory=_empty_errors)


def _text_birth(member: tuple[object, ...]) -> tuple[object, ...]:
    born = member[_BIRTH]
    if not isinstance(born, dt.date):
        return member
    return (*member[:_BIRTH], born.isoformat(), *member[_BIRTH + 1 :])


def tables_of(
    drafts: list[Draft],
    manifest: list[tuple[object, ...]],
    *,
    text_dates: bool,
) -> SyntheticTables:
    members = [m for d in drafts for m in d.members]
    schema = MEMBERS_SCHEMA
    if text_dates:
        schema = RAW_MEMBERS_SCHEMA
        members = [_text_birth(m) for m in members]
    return SyntheticTables(
        families=frame_from_rows([d.family for d in drafts], FAMILIES_SCHEMA),
        members=frame_from_rows(members, schema),
        memberships=frame_from_rows(
            [r for d in drafts for r in d.memberships], MEMBERSHIPS_SCHEMA
        ),
        errors=frame_from_rows(manifest, ERRORS_SCHEMA),
    )


def _concat(parts: list[SyntheticTables]) -> SyntheticTables:
    if len(parts) == 1:
        return parts[0]
    memberships = [p.memberships for p in parts if p.memberships is not None]
    return SyntheticTables(
        families=pl.concat([p.families for p in parts]),
        members=pl.concat([p.members for p in parts]),
        memberships=pl.concat(memberships),
        errors=pl.concat([p.errors for p in parts]),
    )


def _check(n_families: int, chunk_size: int, error_rate: float) -> None:
    if n_families < 0:
        raise ConfigurationError(
            "n_families is a whole number from 0, got {value!r}",
            path="n_families",
            value=n_families,
        )
    if chunk_size < 1:
        raise ConfigurationError(
            "chunk_size is a whole number from 1, got {value!r}",
            path="chunk_size",
            value=chunk_size,
        )
    if not 0 <= error_rate <= 1:
        raise ConfigurationError(
            "error_rate is a share from 0 to 1, got {value!r}",
            path="error_rate",
            value=error_rate,
        )


def generate_tables(
    n_families: int,
    *,
    seed: int,
    chunk_size: int = 100_000,
    error_rate: float = 0.0,
    as_of: dt.date = DEFAULT_AS_OF,
    profile: Profile = DTKS_LIKE,
) -> Iterator[SyntheticTables]:
    """
    A synthetic population as raw tables, chunk by chunk.

    Args:
        n_families: How many families.
        seed: The seed; the same seed gives the same population.
        chunk_size: Families per chunk; memory grows with it, not with
            `n_families`.
        error_rate: The share of families given one data error
            (`ErrorKind`), listed in each chunk's `SyntheticTables.errors`.
            With errors, birth dates are ISO text (`RAW_MEMBERS_SCHEMA`).
        as_of: The snapshot date: ages, memberships and the provinces
            (34 before December 2022, 38 after) are as of this day.
        profile: Deciles, household sizes and rates.

    Raises:
        dayasos.errors.ConfigurationError: A size below 0 (chunks below
            1) or an error rate outside 0-1.

    A duplicated NIK copies a member of the previous family of the same
    chunk, so each chunk's errors are found by reading that chunk.

    .. versionadded:: 0.1.0
    """
    _check(n_families, chunk_size, error_rate)
    # Seeded streams for synthetic data, no secrets.
    households = Households(
        random.Random(seed),  # noqa: S311
        tree=region_tree(as_of),
        profile=profile,
        as_of=as_of,
    )
    errors = random.Random(f"dayasos-synthetic-errors/{seed}")  # noqa: S311
    text_dates = error_rate > 0
    for start in range(0, n_families, chunk_size):
        parts: list[SyntheticTables] = []
        drafts: list[Draft] = []
        manifest: list[tuple[object, ...]] = []
        previous = None
        for index in range(start, min(start + chunk_size, n_families)):
            draft = households.family(index)
            if error_rate and errors.random() < error_rate:
                manifest.extend(inject(errors, draft, previous))
            drafts.append(draft)
            previous = draft
            if len(drafts) == _BATCH:
                parts.append(
                    tables_of(drafts, manifest, text_dates=text_dates)
                )
                drafts, manifest = [], []
        if drafts or not parts:
            parts.append(tables_of(drafts, manifest, text_dates=text_dates))
        yield _concat(parts)


def generate(
    n_families: int,
    *,
    seed: int,
    error_rate: float = 0.0,
    as_of: dt.date = DEFAULT_AS_OF,
    profile: Profile = DTKS_LIKE,
) -> Iterator[Family]:
    """
    A synthetic population as model objects, one family at a time.

    The families are those of `generate_tables` read back with
    `dayasos.batch.from_tables` in chunks of 10,000: with an
    `error_rate`, the families with an error are left out.

    .. versionadded:: 0.1.0
    """
    chunks = generate_tables(
        n_families,
        seed=seed,
        chunk_size=_GENERATE_CHUNK,
        error_rate=error_rate,
        as_of=as_of,
        profile=profile,
    )
    for chunk in chunks:
        families, _rejects = from_tables(chunk)
        yield from families
