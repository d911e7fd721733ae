"""The view a person has chosen (language and filters) over the loaded registry,
shared by every page of one script run."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import pandas as pd

from dashboard.data import Loaded
from dashboard.i18n import localised, template, translate
from dashboard.link import ALL_GEOGRAPHIES, LinkState
from dashboard.render import Markdown, md
from indicators.formatting import unit_for
from indicators.query import UNIT_LEVELS, Filters, filter_observations
from indicators.text import alphabetical_key, collation_key


@dataclass(frozen=True)
class View:
    loaded: Loaded
    language: str
    filters: Filters
    filtered: pd.DataFrame

    def t(self, key: str, **values: object) -> Markdown:
        """The label in the reader's language, for markdown places (see `dashboard.render`):
        the template is this app's own, every value is made inert."""
        return md(template(key, self.language, values.get("count")), **localised(values, self.language))

    def plain(self, key: str, **values: object) -> str:
        """The label as plain text, for charts, tables and file contents."""
        return translate(key, self.language, **values)

    def name(self, indicator_id: str) -> str:
        names = self.loaded.registry.indicators[indicator_id].name
        return names.vi if self.language == "vi" else names.en

    def sort_key(self, text: str):
        """A sort key in the reader's language: Vietnamese dictionary order (ă after a,
        đ after d, tones only breaking ties); English ignoring case and marks."""
        return collation_key(text) if self.language == "vi" else alphabetical_key(text)

    def sector_name(self, sector_id: str) -> str:
        return sector_label(self.loaded, sector_id, self.language)

    def unit(self, row, value: float | None = None) -> str:
        """The row's unit with its scale word; with `value`, in the form that value
        takes (`decree` for an English 1)."""
        if self.language == "vi":
            return row.unit_vi
        return row.unit if value is None else unit_for(value, row.unit, self.language, row.unit_one)


def sector_ids(loaded: Loaded) -> list[str]:
    """The taxonomy's sectors; those the data uses when the taxonomy is unreadable."""
    taxonomy = loaded.registry.taxonomy
    if taxonomy:
        return [sector.id for sector in taxonomy.sectors]
    return sorted(map(str, loaded.frame["sector"].unique()))


def sector_label(loaded: Loaded, sector_id: str, language: str) -> str:
    taxonomy = loaded.registry.taxonomy
    for sector in taxonomy.sectors if taxonomy else []:
        if sector.id == sector_id:
            return sector.name.vi if language == "vi" else sector.name.en
    return sector_id


def build_view(loaded: Loaded, state: LinkState) -> View:
    """The filtered observations for a chosen state."""
    levels = UNIT_LEVELS if state.geography == ALL_GEOGRAPHIES else (state.geography,)
    sectors = state.sectors or tuple(sector_ids(loaded))
    filters = Filters(sectors, state.years[0], state.years[1], levels, state.units)
    return View(loaded, state.language, filters, filter_observations(loaded.frame, filters))


# The view of the script run on this thread. Not in the session state: that outlives the run
# (a closed tab's session is kept two minutes for a reconnection), and every view held there
# kept its whole loaded registry alive, one per session, however many loads the cache held.
_RUN = threading.local()


def set_current_view(view: View) -> None:
    """Make `view` the one this script run's pages get (app.py, before the page runs)."""
    _RUN.view = view


def current_view() -> View:
    """The view the app computed for this run (pages call this)."""
    return _RUN.view
