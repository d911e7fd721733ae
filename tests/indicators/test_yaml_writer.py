"""`indicators.yaml_writer`: YAML written as the editor writes it — comments kept, no line ever rewrapped."""

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml.scalarstring import SingleQuotedScalarString

from indicators.yaml_reader import parse_yaml
from indicators.yaml_writer import dump, load, yaml_value

LONG_QUOTE = ("Năm 2024, tỉnh Thanh Hóa có 1.234 doanh nghiệp công nghệ số, tăng 5,2% so với năm 2023; " * 60)[:5000]

COMMENTED = f"""# yaml-language-server: $schema=../../schemas/indicator.schema.json
# Ghi chú đầu tệp: số liệu từ báo cáo sơ kết.
id: vssid-accounts  # trùng tên tệp
name: {{vi: Tài khoản VssID, en: VssID accounts}}
unit: {{vi: tài khoản, en: 'No'}}
observations:
  # Số liệu tháng 7.
  - value: 35  # triệu
    period: 2024-07-19
    source: example-source
    quote: "{LONG_QUOTE}"

  # Số liệu năm 2023.
  - value: 30
    period: 2023
    source: example-source
    quote: '{LONG_QUOTE}'
    note:
      vi: {LONG_QUOTE}
"""


def careful_read(text: str):
    problems = []
    document = parse_yaml(Path("x.yaml"), text, problems)
    assert problems == []
    return document.data


def comment_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def test_reading_and_writing_back_changes_no_byte():
    assert len(LONG_QUOTE) == 5000
    assert dump(load(COMMENTED)) == COMMENTED


def test_an_edit_changes_one_line_and_keeps_every_comment_and_5000_character_line():
    data = load(COMMENTED)
    data["observations"][1]["value"] = 31
    written = dump(data)
    before, after = COMMENTED.splitlines(), written.splitlines()
    assert len(after) == len(before)
    assert [(old, new) for old, new in zip(before, after, strict=True) if old != new] == [
        ("  - value: 30", "  - value: 31")
    ]
    assert f"      vi: {LONG_QUOTE}" in after and f'    quote: "{LONG_QUOTE}"' in after


def test_added_fields_and_observations_keep_the_comments_and_read_back_right():
    data = load(COMMENTED)
    data["headline"] = True
    data["observations"].append(yaml_value({"value": 36, "period": 2025, "source": "example-source", "quote": "Có."}))
    written = dump(data)
    assert comment_lines(written) == comment_lines(COMMENTED)
    read = careful_read(written)
    assert read["headline"] is True
    assert read["observations"][2] == {"value": 36, "period": 2025, "source": "example-source", "quote": "Có."}
    assert read["observations"][1]["note"] == {"vi": LONG_QUOTE}


def test_new_data_is_laid_out_as_the_registry_is():
    indicator = {
        "id": "vssid-accounts",
        "unit": {"vi": "tài khoản", "en": "No"},
        "observations": [{"value": 35, "period": 2024, "source": "vov-2024", "quote": "Có 35 triệu tài khoản."}],
        "headline": False,
        "published": date(2024, 7, 19),
    }
    assert dump(yaml_value(indicator)) == (
        "id: vssid-accounts\n"
        "unit:\n"
        "  vi: tài khoản\n"
        "  en: 'No'\n"
        "observations:\n"
        "  - value: 35\n"
        "    period: 2024\n"
        "    source: vov-2024\n"
        "    quote: Có 35 triệu tài khoản.\n"
        "headline: false\n"
        "published: 2024-07-19\n"
    )


def test_a_new_5000_character_quote_is_written_on_one_line():
    for quote in (LONG_QUOTE, LONG_QUOTE.replace("; ", ": ")):  # plain, then quoted (": " cannot be plain)
        written = dump(yaml_value({"quote": quote}))
        assert written.count("\n") == 1
        assert careful_read(written) == {"quote": quote}


def test_yaml_value_quotes_ambiguous_text_at_any_depth_and_leaves_the_input_alone():
    data = {"observations": [{"period": "2024-06-30", "note": {"en": "on"}}], "value": 35, "flag": None}
    quoted = yaml_value(data)
    assert isinstance(quoted["observations"][0]["period"], SingleQuotedScalarString)
    assert isinstance(quoted["observations"][0]["note"]["en"], SingleQuotedScalarString)
    assert quoted["value"] == 35 and quoted["flag"] is None
    assert type(data["observations"][0]["period"]) is str  # a copy was quoted, not the caller's data
    assert careful_read(dump(quoted)) == data


EDITOR_TEXT = st.text(
    alphabet=st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"))
    | st.sampled_from(["\n", "\t", " ", "\u00a0", "#", ":", "'", '"', "\\", "-", "ơ", "Đ", "&", "*", "!", "%"])
)


@settings(max_examples=300, deadline=None)
@given(EDITOR_TEXT)
def test_any_text_an_editor_types_is_read_back_unchanged(text):
    written = dump(yaml_value({"note": {"vi": text}}))
    assert load(written)["note"]["vi"] == text
    assert careful_read(written) == {"note": {"vi": text}}
    if "\n" not in text:
        assert written.count("\n") == 2  # never wrapped
