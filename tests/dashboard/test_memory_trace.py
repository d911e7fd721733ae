"""The soak's memory report counts what grew: objects by type since the first report."""

from collections import Counter

from dashboard.memory_trace import census, object_counts


class Kept:
    pass


def test_the_census_names_the_types_that_grew(monkeypatch):
    first = Counter({"dict": 100, "Kept": 2, "tuple": 50})
    now = Counter({"dict": 100, "Kept": 9, "tuple": 40})
    lines = census(now, first)
    grown = [line for line in lines if line.endswith("Kept")]
    assert grown == [f"  {'+7':>10} now {9:9d}  Kept"]
    assert not any(line.endswith(("dict", "tuple")) for line in lines)  # unchanged or shrunk
    assert any(line.startswith("  streamlit statistics: RuntimeError") for line in lines)  # no runtime here


def test_objects_are_counted_once_they_live_on():
    import gc

    kept = [Kept() for _ in range(3)]
    gc.collect()  # survivors move to the oldest generation
    assert object_counts()["Kept"] >= 3
    assert kept
