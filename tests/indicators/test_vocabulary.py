"""`indicators.vocabulary`: the controlled lists every other module derives its own from."""

import typing
import unicodedata
from datetime import date

import pytest

from indicators import models, periods
from indicators.vocabulary import (
    DIRECTIONS,
    KINDS,
    NON_NEGATIVE_KINDS,
    OUT_OF_KINDS,
    PERIOD_KINDS,
    QUALIFIERS,
    SCALE_OF_FACTOR,
    SCALE_WORDS,
    SCALES,
)


def test_scales_are_powers_of_a_thousand_in_order():
    assert list(SCALES) == ["one", "thousand", "million", "billion", "trillion", "quadrillion"]
    assert [scale.factor for scale in SCALES.values()] == [1e0, 1e3, 1e6, 1e9, 1e12, 1e15]
    assert all(name == scale.name for name, scale in SCALES.items())


def test_each_factor_names_one_scale():
    assert {factor: SCALES[name].factor for factor, name in SCALE_OF_FACTOR.items()} == {
        factor: factor for factor in SCALE_OF_FACTOR
    }
    assert SCALE_OF_FACTOR[1e12] == "trillion" and len(SCALE_OF_FACTOR) == len(SCALES)


def test_every_written_scale_word_means_its_scale_s_factor():
    written = [(word, scale.factor) for scale in SCALES.values() for word in scale.written]
    assert len(written) == len(SCALE_WORDS)  # no word belongs to two scales
    assert all(SCALE_WORDS[word] == factor for word, factor in written)
    assert SCALE_WORDS["nghìn tỷ"] == SCALE_WORDS["ngàn tỉ"] == 1e12 and SCALE_WORDS["tỉ"] == 1e9


def test_scale_words_are_longest_first_so_nghin_ty_wins_over_nghin():
    lengths = [len(word) for word in SCALE_WORDS]
    assert lengths == sorted(lengths, reverse=True)
    words = list(SCALE_WORDS)
    assert words.index("nghìn tỷ") < words.index("nghìn") and words.index("triệu tỷ") < words.index("triệu")


def test_a_scale_is_shown_as_texts_write_it():
    for scale in SCALES.values():
        assert (scale.vi in scale.written) if scale.written else (scale.vi, scale.en) == ("", "")


def vietnamese_words():
    for scale in SCALES.values():
        yield from (scale.vi, *scale.written)
    for qualifier in QUALIFIERS.values():
        yield from (qualifier.vi, *qualifier.written)


@pytest.mark.parametrize("word", sorted(set(vietnamese_words())))
def test_words_are_nfc_lower_case_as_folded_text_is(word):
    assert unicodedata.is_normalized("NFC", word) and word == word.lower() and word == word.strip()


def test_kinds_and_their_rules():
    assert len(set(KINDS)) == len(KINDS) == 7
    assert OUT_OF_KINDS <= NON_NEGATIVE_KINDS <= set(KINDS)
    assert set(KINDS) - NON_NEGATIVE_KINDS == {"share", "score", "change"}  # these may be negative
    assert sorted(OUT_OF_KINDS) == ["level", "rank"]


def test_qualifiers_are_keyed_by_code_and_no_word_means_two_things():
    assert list(QUALIFIERS) == ["about", "nearly", "more-than", "less-than", "at-least"]
    assert all(code == qualifier.code for code, qualifier in QUALIFIERS.items())
    words = [word for qualifier in QUALIFIERS.values() for word in qualifier.written]
    assert len(words) == len(set(words))
    assert all(qualifier.vi in qualifier.written for qualifier in QUALIFIERS.values())


def test_the_models_accept_exactly_the_vocabulary():
    assert typing.get_args(models.Kind) == KINDS
    assert typing.get_args(models.Direction) == DIRECTIONS == ("higher-is-better", "lower-is-better")
    assert typing.get_args(models.Scale) == tuple(SCALES)
    assert typing.get_args(models.Qualifier) == tuple(QUALIFIERS)


def test_period_kinds_are_the_kinds_the_period_parser_gives():
    labels = [*periods.PERIOD_FORMS.replace(" or ", ", ").split(", "), "Sáu tháng đầu năm"]
    kinds = {periods.parse_period(label, date(2024, 1, 1) if label[0] == "S" else None).kind for label in labels}
    assert kinds == set(PERIOD_KINDS)
