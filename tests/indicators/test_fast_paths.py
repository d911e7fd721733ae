"""The fast paths give the same answers as the careful ones."""

import random

import pytest
from conftest import DATA

from indicators import read_registry
from indicators.citations import _plainly_stated, value_in_quote
from indicators.numbers import find_numbers, mention_states
from indicators.yamlfile import quick_parse


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
        if _plainly_stated(quote, value, scale):
            quick += 1
            assert full_answer(quote, value, scale), (quote, value, scale)
        assert (value_in_quote(quote, value, scale) is None) == full_answer(quote, value, scale), (quote, value, scale)
        agreed += 1
    assert agreed == 3000 and quick > 100


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: !!python/object/apply:os.system [ls]\n",
        "value: 012\n",
        "value: 1_000\n",
        "value: 1:30\n",
        "<<: {a: 1}\n",
        "quote: Bộ TT&TT\n",
    ],
)
def test_anything_unusual_takes_the_careful_path(text):
    assert quick_parse(text) is None


def test_duplicate_keys_are_refused_by_the_quick_parser():
    assert quick_parse("a: 1\na: 2\n") is None


def test_both_paths_load_the_real_registry_identically(monkeypatch):
    quick = read_registry(DATA)
    monkeypatch.setattr("indicators.loader.quick_parse", lambda text: None)
    careful = read_registry(DATA)
    assert quick.indicators == careful.indicators
    assert quick.observations_frame.equals(careful.observations_frame)


def test_parallel_reading_gives_the_same_registry(tmp_path, monkeypatch):
    from benchmarks.synthetic import generate

    data = generate(tmp_path / "data", 30, 5)
    monkeypatch.setattr("indicators.loader.PARALLEL_MIN_FILES", 1)
    serial, parallel = read_registry(data), read_registry(data, workers=2)
    assert serial.problems == parallel.problems == []
    assert serial.observations_frame.equals(parallel.observations_frame)
    assert len(serial.observations_frame) == 150
