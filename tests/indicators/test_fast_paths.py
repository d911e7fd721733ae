"""The fast paths give the same answers as the careful ones."""

import random
import shutil

import pytest
from conftest import DATA, FIXTURES

from indicators import read_registry
from indicators.checks import IndicatorChecker
from indicators.citations import _written_forms, plainly_stated, value_in_quote
from indicators.models import OBSERVATION_DEFAULTS, PLAIN_OBSERVATIONS, Observation
from indicators.numbers import find_numbers, mention_states


def full_answer(quote: str, value: float, scale: float) -> bool:
    return any(mention_states(mention, value, scale) for mention in find_numbers(quote))


def cases():
    generator = random.Random(7)
    words = {1.0: "", 1e6: " triệu", 1e9: " tỷ", 1e3: " nghìn"}
    for _ in range(3000):
        scale = generator.choice(list(words))
        value = round(generator.uniform(0, 99_999), generator.choice([0, 1, 2]))
        whole, _, fraction = f"{value:.2f}".partition(".")
        fraction = fraction.rstrip("0")
        written = f"{int(whole):,}".replace(",", generator.choice([".", ",", ""]))
        if fraction:
            written += generator.choice([",", "."]) + fraction
        prefix = generator.choice(["đạt ", "khoảng ", "1", "số ", "/", ""])
        suffix = generator.choice(["", "%", "/100", ".5", " người", words[scale], " triệu", " tỷ đồng"])
        quote = f"Năm 2023 {prefix}{written}{suffix} trên cả nước."
        stated = generator.choice([value, value + 1, value / 10, round(value)])
        yield quote, stated, generator.choice([scale, 1.0])


def test_quick_value_check_never_disagrees_with_the_parser():
    agreed = quick = 0
    for quote, value, scale in cases():
        if plainly_stated(quote, value, scale):
            quick += 1
            assert full_answer(quote, value, scale), (quote, value, scale)
        assert (value_in_quote(quote, value, scale) is None) == full_answer(quote, value, scale), (quote, value, scale)
        agreed += 1
    assert agreed == 3000 and quick > 100


def test_both_paths_load_the_real_registry_identically(monkeypatch):
    quick = read_registry(DATA)
    monkeypatch.setattr("indicators.loader.fast_parse", lambda text: None)
    careful = read_registry(DATA)
    assert quick.indicators == careful.indicators
    assert quick.rows == careful.rows
    for rows in (quick.rows, careful.rows):  # the same types too, not just equal values (35 == 35.0)
        assert {type(value) for columns in rows.values() for value in columns["value"]} == {float}
        assert {type(period) for columns in rows.values() for period in columns["period"]} == {str}
    assert quick.observations_frame.equals(careful.observations_frame)


def test_parallel_reading_gives_the_same_registry(tmp_path, monkeypatch):
    from benchmarks.synthetic import generate

    data = generate(tmp_path / "data", 30, 5)
    monkeypatch.setattr("indicators.loader.PARALLEL_MIN_FILES", 1)
    serial, parallel = read_registry(data), read_registry(data, workers=2)
    assert serial.problems == parallel.problems == []
    assert serial.observations_frame.equals(parallel.observations_frame)
    assert len(serial.observations_frame) == 150


def test_plain_observations_follow_the_observation_model():
    def rules(schema):
        if isinstance(schema, dict):
            return {
                key: rules(value) for key, value in schema.items() if key not in {"title", "description", "default"}
            }
        return [rules(value) for value in schema] if isinstance(schema, list) else schema

    plain, model = PLAIN_OBSERVATIONS.json_schema(), Observation.model_json_schema()
    nested = model.pop("$defs")
    assert rules(plain["$defs"]["ObservationFields"]) == rules(model)
    assert {name: rules(plain["$defs"][name]) for name in nested} == rules(nested)
    assert OBSERVATION_DEFAULTS == {
        "out_of": None,
        "qualifier": None,
        "period_start": None,
        "period_en": None,
        "per_year": False,
        "reporting_unit": None,
        "quote": None,
        "cell": None,
        "period_quote": None,
        "status": None,
        "preferred": False,
        "note": None,
    }


def mutated_observations():
    """Observations of the real registry, each also broken in the ways the checks catch."""
    registry = read_registry(DATA)
    generator = random.Random(11)
    for indicator_id, indicator in registry.indicators.items():
        for observation in registry.observations(indicator_id):
            fields = dict(observation.__dict__)
            yield indicator, fields
            if fields["cell"] is not None:  # a table cell's mutations: see test_table_proof.py
                continue
            for change in (
                {"value": fields["value"] + 1},
                {"value": -fields["value"]},
                {"value": fields["value"] * 10},
                {"quote": fields["quote"].replace(" ", "  ", 1)},
                {"quote": fields["quote"][:-3] + "xyz"},
                {"source": "no-such-source"},
                {"period": "2024-H3"},
                {"period": "năm ngoái"},
                {"out_of": 193.0},
                {"value": 1e308},
                {"period": "2019"},
                {"period": "2020/2024"},
                {"reporting_unit": "thanh-hoa"},
                {"reporting_unit": "ha-giang", "period": "2025-09"},
                {"period_quote": fields["quote"]},
                {"preferred": True},
            ):
                if generator.random() < 0.7:
                    yield indicator, {**fields, **change}


def test_the_quick_acceptance_never_passes_what_the_full_check_rejects():
    registry = read_registry(DATA)
    checker = IndicatorChecker.for_taxonomy(registry.taxonomy, registry.units, registry.sources)
    accepted = rejected = 0
    for indicator, fields in mutated_observations():
        full = checker._observation_findings(indicator, fields)
        if checker.accepts(indicator, [fields], indicator.id):
            accepted += 1
            assert not full, (indicator.id, fields, full)
        else:
            rejected += 1
            assert full, (indicator.id, fields)
    assert accepted >= 40 and rejected > 100


def test_serial_and_parallel_reading_report_the_same_problems(tmp_path, monkeypatch):
    from benchmarks.synthetic import generate

    data = generate(tmp_path / "data", 12, 4)
    for case in ["value-not-in-quote", "yaml-syntax", "schema-missing", "quote-not-in-source", "value-invalid"]:
        text = (FIXTURES / "bad" / case / "registry" / "vssid-accounts.yaml").read_text(encoding="utf-8")
        (data / "registry" / f"{case}.yaml").write_text(text.replace("id: vssid-accounts", f"id: {case}"), "utf-8")
    shutil.copy(data / "registry" / "synthetic-00001.yaml", data / "registry" / "synthetic-00001-copy.yaml")
    shutil.copytree(FIXTURES / "good" / "sources", data / "sources", dirs_exist_ok=True)
    (data / "sources" / "synthetic-source-00003.txt").write_bytes(b"\xff\xfe broken")
    monkeypatch.setattr("indicators.loader.PARALLEL_MIN_FILES", 1)
    serial, parallel = read_registry(data, workers=1), read_registry(data, workers=2)
    assert serial.problems == parallel.problems
    assert {problem.code for problem in serial.problems} == {
        "encoding-invalid",
        "source-unknown",
        "yaml-syntax",
        "schema-missing",
        "value-not-in-quote",
        "quote-not-in-source",
        "value-invalid",
        "id-mismatch",
    }
    assert serial.rows == parallel.rows and serial.indicators == parallel.indicators
    assert serial.observations_frame.equals(parallel.observations_frame)


def test_every_written_form_of_a_value_reads_back_as_that_value():
    generator = random.Random(5)
    values = [0.0, 5.0, -7.0, 999.0, 1000.0, -1234.5, 1e15, 0.05, 123456789.0]
    values += [
        round(generator.uniform(-1, 1) * 10 ** generator.randint(0, 12), generator.choice([0, 1, 2]))
        for _ in range(2000)
    ]
    for value in values:
        forms = _written_forms(value)
        assert forms, value
        for form in forms:
            (mention,) = find_numbers(f"đạt {form} trên cả nước")
            assert mention.value == pytest.approx(abs(value), rel=1e-12, abs=1e-12), (value, form)  # signs are words
    assert _written_forms(63942.0) == ("63.942", "63942")
    assert _written_forms(22321.63) == ("22.321,63", "22321,63", "22321.63")
    assert _written_forms(1e20) == _written_forms(float("nan")) == ()


def test_a_load_pauses_the_cycle_collector_and_restores_it(tmp_path):
    import gc

    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    for case in (FIXTURES / "bad").iterdir():  # every problem, so the careful path runs too
        shutil.copytree(case / "registry", data / "registry", dirs_exist_ok=True)
    assert gc.isenabled()
    gc.collect()
    assert read_registry(data).problems
    assert gc.isenabled()
    assert gc.collect() == 0  # the pause left no cyclic garbage behind
    gc.disable()
    try:
        read_registry(DATA)
        assert not gc.isenabled()  # a caller's choice is kept
    finally:
        gc.enable()
