"""One YAML dialect: the fast and the careful reader never disagree, every path
reads a scalar alike, and what the editor writes reads back unchanged."""

from pathlib import Path

import pytest
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators import read_registry
from indicators.editing import check_text, open_draft
from indicators.yaml_reader import fast_parse, parse_yaml, plain_reads_as_text
from indicators.yaml_writer import yaml_value

# Plain scalars that YAML 1.1, YAML 1.2, JSON or a reader's own rules may take differently.
TRICKY = [
    *[
        "y",
        "Y",
        "n",
        "N",
        "yes",
        "Yes",
        "YES",
        "no",
        "No",
        "NO",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
        "true",
        "True",
        "TRUE",
        "false",
        "False",
        "FALSE",
    ],
    *["null", "Null", "NULL", "~", ".inf", "-.inf", "+.inf", ".Inf", ".INF", ".nan", ".NaN", ".NAN"],
    *[
        "0",
        "-0",
        "00",
        "010",
        "-010",
        "08",
        "0o17",
        "0x1F",
        "0X1F",
        "0b101",
        "1_000",
        "1__0",
        "1_0.5",
        "1:20",
        "190:20:30",
        "+12",
        "-12",
        ".5",
        "-.5",
        "5.",
        "1.",
        "1e3",
    ],
    *[
        "1E3",
        "1.5e3",
        "1.5e+3",
        "0e0",
        "-1.5e-3",
        "1.0",
        "35",
        "35.5",
        "63942.0",
        "1234567",
        "Infinity",
        "NaN",
        "0.0001",
        "2024",
        "2024-H1",
        "2024-Q3",
    ],
    *[
        "2024-06",
        "2024-06-30",
        "2024-6-3",
        "2001-12-14t21:59:43.10-05:00",
        "12:30:00",
        "=",
        "<<",
        "a-b",
        "-x",
        "x-",
        "tài-khoản",
        "35-triệu",
    ],
]
SHAPES = [
    "a: {}\n",
    "a: [{}]\n",
    "a: {{k: {}}}\n",
    "a:\n  - {}\n",
    "a:\n  {}\n",
    "a: x\nb: {}\n",
    "a: [1, {}, 2]\n",
    "{}: a\n",
    "a: {} # a comment\n",
    "a: text\n  {}\n",
]


def careful(text: str):
    problems = []
    document = parse_yaml(Path("t.yaml"), text, problems)
    return (None if document is None else document.data), problems


def assert_agree(text: str) -> bool:
    """The fast reader declines, or gives exactly what the careful one gives with
    no problem at all. True when it accepted the text."""
    fast = fast_parse(text)
    if fast is None:
        return False
    data, problems = careful(text)
    assert problems == [], (text, problems)
    assert data == fast and repr(data) == repr(fast), (text, data, fast)  # repr: 1 and 1.0, True and 1 differ
    return True


@pytest.mark.parametrize("shape", SHAPES)
def test_fast_and_careful_readers_agree_on_tricky_scalars(shape):
    accepted = [
        written
        for scalar in TRICKY
        for written in (scalar, f"'{scalar}'", f'"{scalar}"')
        if assert_agree(shape.format(written))
    ]
    assert len(accepted) >= 20  # quoted text, plain numbers and labels still take the fast path


_plain_text = st.text(
    alphabet=st.sampled_from(list("abcdeđơưàảãạáăâêôyYnNoO0123456789 .,:-_+~#&*!|>'\"\\[]{}%@`?\t")), max_size=12
)
_scalar = st.one_of(st.sampled_from(TRICKY), _plain_text)


_LINE_SHAPES = [
    "k{i}: {v}\n",
    "seq{i}:\n  - {v}\n",
    "flow{i}: [{v}, x]\n",
    "map{i}: {{a: {v}, b: x}}\n",
    "{v}: key{i}\n",
    "plain{i}: first\n  {v}\n",
    "quoted{i}: 'first\n  {v}'\n",
    'doubled{i}: "first {v}"\n',
    "comment{i}: x # {v}\n",
    "nested{i}:\n  inner:\n    - {{q: {v}}}\n",
    'commas{i}: "22.321,63 và {v}, {v}"\n',
    "items{i}:\n  - 'a: {v}, {v}'\n  - {v}, {v}\n",
    "text{i}: giai đoạn 2021 - {v}, {v}\n",
    'wrapped{i}: "first\n  - {v}, {v}"\n',
]


def _document(values, shapes):
    return "".join(
        _LINE_SHAPES[shape].format(i=index, v=value)
        for index, (value, shape) in enumerate(zip(values, shapes, strict=False))
    )


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_scalar, min_size=1, max_size=6),
    st.lists(st.integers(0, len(_LINE_SHAPES) - 1), min_size=6, max_size=6),
)
def test_generated_documents_never_read_differently(values, shapes):
    assert_agree(_document(values, shapes))


def test_what_the_fast_reader_declines():
    for text in [
        "a: &x 1\nb: *x\n",
        "a: !!python/object/apply:os.system [ls]\n",
        "a: 1\na: 2\n",
        "<<: {a: 1}\n",
        "a: |\n  block\n",
        'a: "esc\\u00e9"\n',
        "a:\tb\n",
        "--- \na: 1\n",
        "a: .nan\n",
        "'.Inf': 1\n",
        "a: [1, b:c]\n",
        "a: {b: [1,\n  2]}\n",
        "a: }\n",
    ]:
        assert fast_parse(text) is None, text
    assert fast_parse("quote: Bộ TT&TT tăng 5 * 3\nperiod: 2024-06-30\n") == {
        "quote": "Bộ TT&TT tăng 5 * 3",
        "period": "2024-06-30",
    }


@pytest.mark.parametrize(
    ("written", "value"),
    [("No", "No"), ("on", "on"), ("y", "y"), ("010", 10), ("1_000", "1_000"), ("1:20", "1:20"), ("1e3", 1000.0)],
)
def test_scalars_that_yaml_1_1_reads_otherwise_are_read_as_yaml_1_2(written, value):
    assert careful(f"a: {written}\n") == ({"a": value}, [])


def test_quoted_and_unambiguous_scalars_keep_their_meaning():
    data, problems = careful("a: 'No'\nb: 35\nc: 2024-06-30\nd: tài khoản\ne: true\nf: 0.5\ng: ~\n")
    assert problems == []
    assert data == {"a": "No", "b": 35, "c": "2024-06-30", "d": "tài khoản", "e": True, "f": 0.5, "g": None}


@pytest.mark.parametrize("text", ["No", "on", "yes", "1:20", "010", "1_000", "True", "null", "2024-06-30", "35"])
def test_the_editor_quotes_what_a_reader_could_take_for_something_else(text):
    assert not plain_reads_as_text(text)
    assert yaml_value({"en": text})["en"].__class__.__name__ == "SingleQuotedScalarString"


@pytest.mark.parametrize("text", ["tài khoản", "accounts", "2024-H1", "Bộ TT&TT", "x-1"])
def test_the_editor_leaves_plain_text_plain(text):
    assert plain_reads_as_text(text)
    assert type(yaml_value(text)) is str


SCALAR_CORPUS = ["No", "on", "OFF", "y", "1:20", "1_000", "010", "True", "~", "2024-06-30", "accounts"]


@pytest.mark.parametrize("scalar", SCALAR_CORPUS)
def test_every_path_reads_a_scalar_alike_and_the_editor_writes_it_back(scalar, good_data, monkeypatch):
    """The issue's case: `unit.en` written plainly, with an unrelated comment holding `_`."""
    path = good_data / "registry" / "vssid-accounts.yaml"
    text = path.read_text(encoding="utf-8")
    assert "unit: {vi: tài khoản, en: accounts}\n" in text
    text = "# a comment with an_underscore\n" + text.replace("en: accounts}", f"en: {scalar}}}", 1)
    path.write_text(text, encoding="utf-8")

    def unit_and_codes(registry):
        indicator = registry.indicators.get("vssid-accounts")
        return (indicator.unit.en if indicator else None), sorted(problem.code for problem in registry.problems)

    fast = unit_and_codes(read_registry(good_data))
    monkeypatch.setattr("indicators.loader.fast_parse", lambda text: None)
    slow = unit_and_codes(read_registry(good_data))
    monkeypatch.undo()
    cache_miss = unit_and_codes(read_registry(good_data, cache=True))
    cache_hit = unit_and_codes(read_registry(good_data, cache=True))
    indicator, problems = check_text(read_registry(good_data), path, text)
    editor = ((indicator.unit.en if indicator else None), sorted(problem.code for problem in problems))
    assert fast == slow == cache_miss == cache_hit == editor
    unit = fast[0]
    if unit is None:  # a value that is not text (true, null, a number) is refused the same way everywhere
        assert "schema-string-type" in fast[1]
        return
    assert fast[1] == []
    draft = open_draft(path)
    draft.data["unit"]["en"] = yaml_value(unit)
    written = draft.text()
    indicator, problems = check_text(read_registry(good_data), path, written)
    assert indicator.unit.en == unit
    assert problems == []
    assert f"en: {scalar}}}" not in written or plain_reads_as_text(scalar)


def test_a_leading_zero_value_is_read_as_yaml_1_2_writes_it(good_data):
    path = good_data / "registry" / "vssid-accounts.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("value: 35\n", "value: 035\n"), encoding="utf-8")
    registry = read_registry(good_data)
    assert registry.problems == []
    assert registry.observations("vssid-accounts")[0].value == 35  # YAML 1.1 would read 29 (octal)


def test_a_number_field_holding_yaml_1_1_number_text_says_what_to_write(good_data):
    path = good_data / "registry" / "vssid-accounts.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("value: 35\n", "value: 1:20\n"), encoding="utf-8")
    (problem,) = read_registry(good_data).problems
    assert problem.code == "schema-float-parsing" and (problem.line, problem.field) == (12, "observations[0].value")
    assert "YAML 1.1 tools read 80 here; write 80 if you mean that, or quote '1:20' to keep text" in problem.message


def test_long_lines_are_never_rewrapped_by_an_edit(good_data):
    path = good_data / "registry" / "vssid-accounts.yaml"
    note = " ".join(["một ghi chú rất dài"] * 1000)[:5000].strip()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + f"\n    note: {note}\n", encoding="utf-8")
    before = path.read_text(encoding="utf-8")
    draft = open_draft(path)
    draft.data["headline"] = False
    after = draft.text()
    changed = [line for line in after.splitlines() if line not in before.splitlines()]
    assert changed == ["headline: false"]
    assert f"    note: {note}" in after.splitlines()


def test_bad_fixtures_are_declined_by_the_fast_reader_or_fail_validation():
    """No broken fixture passes on the fast path while the careful one refuses it."""
    for case in sorted((FIXTURES / "bad").iterdir()):
        for path in (case / "registry").glob("*.yaml"):
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                continue
            fast = fast_parse(text)
            data, problems = careful(text)
            if fast is not None and data is not None:
                assert fast == data, case.name
            if [problem for problem in problems if problem.code.startswith("yaml-")]:
                assert fast is None, case.name


FUZZ = """
import random, sys
sys.path.insert(0, {project!r})
from indicators.yaml_reader import fast_parse
seeds = [open(name, encoding="utf-8").read() for name in sys.argv[1:]]
generator = random.Random(3)
pieces = ["\\n", " ", ":", "- ", "[", "]", "{{", "}}", ",", "'", '"', "#", "&a", "*a", "!!", "|", ">", "?", "%", "\\u00e9", "\\x00"]
for round_number in range(3000):
    text = list(generator.choice(seeds))
    for _ in range(generator.randint(1, 8)):
        position = generator.randrange(len(text) + 1)
        action = generator.random()
        if action < 0.4:
            text[position:position] = generator.choice(pieces)
        elif action < 0.7 and text:
            del text[position : position + generator.randint(1, 20)]
        elif text:
            text[position:position] = text[generator.randrange(len(text)) :][:30]
    fast_parse("".join(text))
print("ok")
"""


def test_the_fast_reader_survives_mangled_files_in_a_process_of_its_own():
    """A crash in the native parser would kill this process, not the test run."""
    import subprocess
    import sys

    from conftest import DATA, PROJECT

    seeds = [str(path) for path in sorted((DATA / "registry").glob("*.yaml"))[:12]]
    result = subprocess.run(
        [sys.executable, "-c", FUZZ.format(project=str(PROJECT)), *seeds],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
