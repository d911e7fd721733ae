"""The label tables: both languages fill the same fields, and a count takes the plural
form its language gives it (babel's rules), written in the language's number format."""

import string

import pytest
from babel import Locale

from dashboard.i18n import LABELS, plural_form, template, translate
from indicators.formatting import LOCALES


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def texts(label) -> list[str]:
    return list(label.values()) if isinstance(label, dict) else [label]


@pytest.mark.parametrize("key", list(LABELS))
def test_both_languages_fill_the_same_fields(key):
    vi, en = LABELS[key]
    assert isinstance(vi, str), "Vietnamese has one plural form: one text"
    for text in texts(en):
        assert fields(text) == fields(vi), text


PLURAL_KEYS = [key for key, (_, en) in LABELS.items() if isinstance(en, dict)]


def test_counted_labels_have_the_forms_english_counts_with():
    english = Locale.parse(LOCALES["en"]).plural_form
    assert len(PLURAL_KEYS) >= 10
    for key in PLURAL_KEYS:
        forms = LABELS[key][1]
        assert set(forms) == english.tags | {"other"}, key
        assert all("{count}" in text for text in forms.values()), key


@pytest.mark.parametrize(
    ("count", "en", "vi"),
    [
        (1, "The registry has 1 problem; the figures it affects", "Sổ chỉ số có 1 lỗi;"),
        (2, "The registry has 2 problems; the figures they affect", "Sổ chỉ số có 2 lỗi;"),
        (0, "The registry has 0 problems;", "Sổ chỉ số có 0 lỗi;"),
        (1234, "The registry has 1,234 problems;", "Sổ chỉ số có 1.234 lỗi;"),
    ],
)
def test_a_count_picks_its_form_and_is_written_in_the_languages_format(count, en, vi):
    assert translate("registry_problems", "en", count=count).startswith(en)
    assert translate("registry_problems", "vi", count=count).startswith(vi)


def test_plural_forms_follow_babel():
    assert [plural_form(count, "en") for count in (1, 1.0, -1, 0, 2, 1.5)] == [
        "one",
        "one",
        "one",
        "other",
        "other",
        "other",
    ]
    assert {plural_form(count, "vi") for count in (0, 1, 2, 1.5)} == {"other"}
    assert (
        translate("edit_log_intact", "en", count=1, head="h")
        == "The chain is intact: 1 entry. Digest of the last line: h"
    )
    assert translate("indicator_count", "en", count=1) == "1 indicator"
    assert translate("observation_count", "en", count=40) == "40 observations"


def test_a_counted_label_without_its_count_is_refused():
    with pytest.raises(ValueError, match="give its count"):
        template("registry_problems", "en")
    assert template("registry_problems", "vi").startswith("Sổ chỉ số có {count} lỗi")


def test_every_kind_direction_and_period_kind_of_the_vocabulary_has_a_label():
    from indicators.vocabulary import DIRECTIONS, KINDS, PERIOD_KINDS

    assert all(f"kind_{kind}" in LABELS for kind in KINDS)
    assert all(f"direction_{direction}" in LABELS for direction in DIRECTIONS)
    assert all(kind in LABELS for kind in PERIOD_KINDS)
