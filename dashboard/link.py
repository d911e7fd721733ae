"""The view a link describes: language, sectors, years, geography level and reporting
units, read from and written to the URL's query parameters. Pure functions (no
Streamlit): any value of any parameter gives the defaults and a notice, never an error.

    ?lang=en&sector=digital-economy&from=2023&to=2024&geo=province&unit=bac-ninh&unit=da-nang
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

DEFAULT_LANGUAGE = "vi"
ALL_GEOGRAPHIES = "all"
_YEAR = re.compile(r"[0-9]{4}")  # ASCII digits only: str.isdigit() also accepts "²" and "٣"
_SHOWN_LENGTH = 40


@dataclass(frozen=True)
class LinkState:
    language: str
    sectors: tuple[str, ...]  # () means every sector
    years: tuple[int, int]
    geography: str
    units: tuple[str, ...] = ()  # () means every reporting unit of the level


@dataclass(frozen=True)
class Choices:
    """What a link may hold: the known languages, sectors, year range and geography levels."""

    languages: Sequence[str]
    sectors: Sequence[str]
    year_bounds: tuple[int, int]
    geographies: Sequence[str]  # including ALL_GEOGRAPHIES
    units: Sequence[str] = ()  # the reporting units the data has

    def defaults(self) -> LinkState:
        return LinkState(DEFAULT_LANGUAGE, (), self.year_bounds, ALL_GEOGRAPHIES)


def parse_link(params: Mapping[str, Sequence[str]], choices: Choices) -> tuple[LinkState, list[str]]:
    """The state a link describes, and a notice (`key=value`) for every value that was
    ignored. `params` maps each key to all its values, as a URL may repeat a key."""
    notices: list[str] = []

    def single(key: str) -> str | None:
        values = list(params.get(key, ()))
        if len(values) > 1:
            notices.append(f"{key}={_shown(values[-1])} (repeated)")
        return values[0] if values else None

    language = single("lang") or DEFAULT_LANGUAGE
    if language not in choices.languages:
        notices.append(f"lang={_shown(language)}")
        language = DEFAULT_LANGUAGE

    def several(key: str, known: Sequence[str]) -> tuple[str, ...]:
        """Every known value of a key that may repeat or list values (`a,b`), once each."""
        wanted = [part for value in params.get(key, ()) for part in value.split(",") if part]
        notices.extend(f"{key}={_shown(value)}" for value in wanted if value not in known)
        return tuple(dict.fromkeys(value for value in wanted if value in known))

    sectors = several("sector", choices.sectors)

    low, high = choices.year_bounds
    years = [low, high]
    for index, key in enumerate(("from", "to")):
        text = single(key)
        if text is None:
            continue
        if _YEAR.fullmatch(text) and low <= int(text) <= high:
            years[index] = int(text)
        else:
            notices.append(f"{key}={_shown(text)}")
    if years[0] > years[1]:
        notices.append(f"from={years[0]}>to={years[1]}")
        years = [low, high]

    geography = single("geo") or ALL_GEOGRAPHIES
    if geography not in choices.geographies:
        notices.append(f"geo={_shown(geography)}")
        geography = ALL_GEOGRAPHIES

    return LinkState(language, sectors, (years[0], years[1]), geography, several("unit", choices.units)), notices


def link_params(state: LinkState, choices: Choices) -> dict[str, str | list[str] | None]:
    """The query parameters for a state: None for each one at its default (left out of the URL)."""
    low, high = choices.year_bounds
    return {
        "lang": state.language if state.language != DEFAULT_LANGUAGE else None,
        "sector": list(state.sectors) or None,
        "from": str(state.years[0]) if state.years[0] != low else None,
        "to": str(state.years[1]) if state.years[1] != high else None,
        "geo": state.geography if state.geography != ALL_GEOGRAPHIES else None,
        "unit": list(state.units) or None,
    }


def _shown(value: str) -> str:
    """A value as a notice shows it: printable, and cut when long."""
    printable = "".join(character if character.isprintable() else "�" for character in value)
    return printable if len(printable) <= _SHOWN_LENGTH else printable[: _SHOWN_LENGTH - 1] + "…"
