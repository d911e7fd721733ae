"""Every page renders with any optional field absent or null (issue 11): no exception,
no "page failed", and "—" where a value is missing, never None or NaN.

The fields are read from the models; the registry is data/ enriched so that each of
them is set somewhere (see `optional_fields`). A field left out may make files invalid:
their problems show, and the pages must still render."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from optional_fields import check_field, enriched_copy, occurrences, optional_fields

from indicators import read_registry
from indicators.cli import main as cli

FIELDS = optional_fields()


def test_the_optional_fields_are_read_from_the_models():
    names = [str(field) for field in FIELDS]
    assert len(names) == len(set(names)) >= 20
    for expected in (
        "Source.published",
        "Source.publisher",
        "Source.url",
        "Source.notes",
        "Indicator.target",
        "Indicator.index_name",
        "Unit.en_one",
        "Target.period_quote",
        "Observation.out_of",
        "Observation.qualifier",
        "Observation.note",
        "Observation.period_quote",
        "Bilingual.en",
        "Sector.description",
    ):
        assert expected in names
    assert "Source.title" not in names and "Observation.value" not in names and "Bilingual.vi" not in names
    nullable = [str(field) for field in FIELDS if field.nullable]
    assert "Source.published" in nullable and "Indicator.headline" not in nullable


@pytest.fixture(scope="module")
def enriched(tmp_path_factory) -> Path:
    return enriched_copy(tmp_path_factory.mktemp("enriched") / "data")


def test_the_enriched_copy_is_valid_and_holds_every_optional_field(enriched, capsys):
    assert cli(["--data", str(enriched), "validate"]) == 0
    indicators = len(list((enriched / "registry").glob("*.yaml")))
    assert indicators >= 40 and f"ok: {indicators} indicators" in capsys.readouterr().err
    assert read_registry(enriched).problems == []  # not even a warning
    assert [str(field) for field in FIELDS if occurrences(enriched, field) == 0] == []


def test_every_page_renders_with_each_optional_field_left_out_or_null(enriched, tmp_path):
    """Each field on its own, every page in both languages (see `check_field`). The fields
    are independent and AppTest runs pages in its own process: they are shared among one
    process per core, the busiest fields first."""
    fields = sorted(FIELDS, key=lambda field: -occurrences(enriched, field))
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(min(2, os.cpu_count() or 1), mp_context=context) as pool:
        found = pool.map(check_field, fields, [enriched] * len(fields), [tmp_path / str(field) for field in fields])
        failures = [failure for field_failures in found for failure in field_failures]
    assert failures == []
