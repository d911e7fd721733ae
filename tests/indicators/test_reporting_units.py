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
