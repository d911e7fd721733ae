import pytest
from conftest import DATA

from indicators import read_registry
from indicators.search import build_index, search_key


@pytest.fixture(scope="module")
def index():
    registry = read_registry(DATA)
    return build_index(registry, registry.observations_frame)


def ids(hits):
    return [hit.indicator_id for hit in hits]


def test_tone_marks_and_case_do_not_matter(index):
    plain, marked, shouted = (index.search(query) for query in ("dich vu cong", "dịch vụ công", "DỊCH VỤ CÔNG"))
    assert ids(plain) == ids(marked) == ids(shouted)
    assert {"decision-422-online-public-services", "project-06-online-public-services"} <= set(ids(plain)[:3])


def test_every_word_must_be_found_and_a_name_outranks_a_quote(index):
    hits = index.search("Thanh Hoa")
    assert hits[0].indicator_id == "thanh-hoa-digital-transformation-rank-change"
    assert hits[0].field == "name"
    assert all(hit.score <= hits[0].score for hit in hits)
    assert index.search("Thanh Hoa xyzzy") == []


def test_english_names_units_reporting_units_and_sources_are_searched(index):
    assert "digital-product-exports" in ids(index.search("EXPORTS of digital"))
    vov = index.search("vov")
    assert vov and {hit.field for hit in vov} == {"source"}
    assert "vssid-accounts" in ids(index.search("tai khoan"))  # the unit, "tài khoản"


def test_a_word_is_matched_from_its_start_only(index):
    assert index.search("hoa") != [] and index.search("oa") == []
    assert index.search("   ") == []


def test_search_key_folds_marks_case_and_punctuation():
    assert search_key("Đắk Lắk, TP.HCM") == "dak lak tp hcm"
