"""The catalogue of reporting units: names as texts write them, versions in force by day.

Source of the facts tested: Resolution 202/2025/QH15 (provinces merged from 1 July 2025)."""

import datetime
import shutil
from pathlib import Path

import pytest
from conftest import DATA

from indicators.reporting_units import read_catalogue


@pytest.fixture(scope="module")
def catalogue():
    return read_catalogue(Path(DATA) / "reporting-units", [])


@pytest.mark.parametrize(
    ("written", "unit_id"),
    [
        ("TP.HCM", "ho-chi-minh"),
        ("Thành phố Hồ Chí Minh", "ho-chi-minh"),
        ("Thừa Thiên Huế", "hue"),
        ("Bộ KH&CN", "bo-khoa-hoc-va-cong-nghe"),
        ("Bộ Thông tin và Truyền thông", "bo-thong-tin-va-truyen-thong"),
        ("khối tỉnh, thành phố", "khoi-tinh-thanh"),
        ("Bà Rịa - Vũng Tàu", "ba-ria-vung-tau"),
        ("Hòa Bình", "hoa-binh"),
        ("Hoà Bình", "hoa-binh"),  # the old tone placement
        ("cả nước", "vn"),
    ],
)
def test_names_as_texts_write_them(catalogue, written, unit_id):
    (mention,) = catalogue.find(f"Năm 2024, {written} có 120 doanh nghiệp.")
    assert (mention.unit_id, mention.text) == (unit_id, written)


def test_the_longest_name_wins(catalogue):
    (mention,) = catalogue.find("Văn phòng Chính phủ công bố số liệu.")
    assert mention.text == "Văn phòng Chính phủ"


def test_a_name_is_never_read_across_a_comma_it_does_not_have(catalogue):
    # "chính quyền hai cấp, tỉnh đã ...": no "cấp tỉnh"; "khối bộ, ngành" is written with its comma
    assert catalogue.find("Sau khi vận hành chính quyền hai cấp, tỉnh đã số hóa hồ sơ.") == []
    assert [m.unit_id for m in catalogue.find("Khối bộ, ngành đạt 61%.")] == ["khoi-bo-nganh"]


def test_a_merged_province_is_in_force_until_30_june_2025(catalogue):
    assert catalogue.at("ha-giang", datetime.date(2025, 6, 30)) is not None
    assert catalogue.at("ha-giang", datetime.date(2025, 7, 1)) is None
    latest = catalogue.latest("ha-giang")
    assert (latest.valid_until, latest.successor) == (datetime.date(2025, 6, 30), "tuyen-quang")


def test_a_successor_has_a_version_before_and_after_the_merger(catalogue):
    before = catalogue.at("tuyen-quang", datetime.date(2025, 6, 30))
    after = catalogue.at("tuyen-quang", datetime.date(2025, 7, 1))
    assert before is not None and after is not None and before != after


def test_every_unit_has_a_level(catalogue):
    levels = {catalogue.level(unit_id) for unit_id in catalogue.versions}
    assert levels == {"national", "bloc", "ministry", "province"}
    assert sum(catalogue.level(unit_id) == "province" for unit_id in catalogue.versions) == 63


def test_a_broken_catalogue_file_is_a_problem_naming_it(tmp_path):
    folder = tmp_path / "reporting-units"
    shutil.copytree(Path(DATA) / "reporting-units", folder)
    (folder / "ministries.yaml").write_text("units: [unclosed\n", encoding="utf-8")
    problems = []
    catalogue = read_catalogue(folder, problems)
    assert problems and "ministries.yaml" in str(problems[0])
    assert "vn" in catalogue  # the other files are still read


def _every_sentence(catalogue):
    """Every written name of the catalogue in a sentence, also in the old tone placement
    ("Hoà Bình"); the sentences of the shipped sources and of the document corpus, as quotes
    are folded, and each upper-cased and in the old tone placement."""
    from indicators.reporting_units import _TONE_MOVES
    from indicators.text import fold, sentences

    for versions in catalogue.versions.values():
        for written in {name for version in versions for name in version.written}:
            yield f"Năm 2024, {written} có 5 xã."
            for old, new in _TONE_MOVES.items():
                yield f"Năm 2024, {written.lower().replace(new, old)} có 5 xã."

    project = Path(__file__).resolve().parents[2]
    texts = sorted((project / "data" / "sources").glob("*.txt"))
    texts += sorted((project / "tests" / "fixtures" / "documents").glob("*.txt"))
    for path in texts:
        for _, sentence in sentences(path.read_text(encoding="utf-8")):
            yield sentence
            yield fold(sentence.upper())
            yield sentence.replace("òa", "oà").replace("úy", "uý").replace("ỏa", "oả")


def test_the_word_filters_pass_over_no_sentence_that_names_a_unit(catalogue):
    """`find` and `names_only_the_nation` answer at once when no word of the sentence starts
    a name (of a unit below the nation); over every sentence of the sources and the document
    corpus, they answer so only where walking the sentence's words finds no such name."""

    found = below = checked = 0
    for sentence in _every_sentence(catalogue):
        walked = catalogue._walk(sentence)  # every word looked up: what `find` did before its filter
        assert catalogue.find(sentence) == walked, sentence
        only = catalogue.names_only_the_nation(sentence)
        assert only == all(catalogue.level(mention.unit_id) == "national" for mention in walked), sentence
        found += bool(walked)
        below += not only
        checked += 1
    assert checked > 2000 and found > 500 and below > 300
