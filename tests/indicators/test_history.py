"""The history of every figure and the registry as of a day, rebuilt from real saves."""

import json
from datetime import UTC, date, datetime

import pytest

from indicators import editing, history
from indicators.edit_log import local_author, oidc_author, read_entries
from indicators.editing import open_draft, save_text
from indicators.history import (
    figure_changes,
    figures_of,
    indicator_as_of,
    last_change,
    public_editor,
    undo_diff,
    versions,
)

EDITOR = oidc_author("https://id.example.org", "editor-7", "nguyen.an@example.org")


class _Clock:
    """`datetime` as `editing` sees it, at a time the test sets."""

    moment = datetime(2024, 7, 1, tzinfo=UTC)

    @classmethod
    def now(cls, tz=None):
        return cls.moment


@pytest.fixture
def clock(monkeypatch):
    monkeypatch.setattr(editing, "datetime", _Clock)
    return _Clock


def save_at(clock, path, moment: datetime, change, author=EDITOR, summary=""):
    clock.moment = moment
    draft = open_draft(path)
    change(draft.data)
    return save_text(path, draft.text(), draft.base_digest, author, summary=summary)


def three_saves(clock, data_dir):
    """Revise 35 -> 36 (1 July), add a 2025 figure (3 July, 20:00 in Viet Nam), remove the 2024 one (5 July)."""
    path = data_dir / "registry" / "vssid-accounts.yaml"

    def revise(data):
        data["observations"][0]["value"] = 36

    def add(data):
        data["observations"].append(
            {"value": 40, "period": "2025", "source": "example-source", "quote": "Có 40 triệu tài khoản."}
        )

    def remove(data):
        del data["observations"][0]

    save_at(clock, path, datetime(2024, 7, 1, 3, tzinfo=UTC), revise, summary="sửa số")
    save_at(clock, path, datetime(2024, 7, 3, 13, tzinfo=UTC), add, author=local_author())
    save_at(clock, path, datetime(2024, 7, 5, 3, tzinfo=UTC), remove)
    return path


def test_a_save_logs_the_whole_text_it_wrote(good_data, clock):
    path = three_saves(clock, good_data)
    entries = read_entries(good_data / "edit-log.jsonl")
    assert [entry["text"] for entry in entries][-1] == path.read_text(encoding="utf-8")
    assert "value: 36" in entries[0]["text"] and "value: 35" not in entries[0]["text"]


def test_each_figure_change_has_its_kind_date_editor_and_values(good_data, clock):
    three_saves(clock, good_data)
    changes = figure_changes(good_data)
    assert [(change.seq, change.change, change.period) for change in changes] == [
        (3, "removed", "2024-07-19"),
        (2, "added", "2025"),
        (1, "revised", "2024-07-19"),
    ]
    removed, added, revised = changes
    assert (revised.before, revised.after) == ((35.0, None), (36.0, None))
    assert (added.before, added.after) == (None, (40.0, None))
    assert (removed.before, removed.after) == ((36.0, None), None)
    assert revised.editor == "nguyen.an" and revised.summary == "sửa số"
    assert added.editor == local_author()["user"]
    assert added.day == date(2024, 7, 3) and added.indicator_id == "vssid-accounts"


def test_the_public_sees_only_the_local_part_of_an_email():
    assert public_editor(EDITOR) == "nguyen.an"
    assert public_editor({"kind": "local", "user": "an"}) == "an"
    assert public_editor("someone") == "?"


def test_as_of_a_day_gives_the_file_as_it_stood_at_the_end_of_that_day_in_viet_nam(good_data, clock):
    three_saves(clock, good_data)

    def values_on(day):
        state = indicator_as_of(good_data, "vssid-accounts", day)
        assert state.known
        return sorted(value for value, _ in figures_of(state.text, good_data / "x.yaml")[1].values())

    assert values_on(date(2024, 6, 30)) == [35.0]  # before the first save: rebuilt from its diff
    assert values_on(date(2024, 7, 1)) == [36.0]
    assert values_on(date(2024, 7, 2)) == [36.0]
    # 13:00 UTC on 3 July is 20:00 in Viet Nam, still 3 July there
    assert values_on(date(2024, 7, 3)) == [36.0, 40.0]
    assert values_on(date(2024, 7, 5)) == [40.0]


def test_a_file_the_log_never_saw_is_as_it_is_now(good_data):
    state = indicator_as_of(good_data, "vssid-accounts", date(2020, 1, 1))
    assert state.known and state.seq is None and "value: 35" in state.text
    assert indicator_as_of(good_data, "no-such-indicator", date(2020, 1, 1)).text is None


def test_entries_written_before_snapshots_are_rebuilt_from_their_diffs(good_data, clock):
    three_saves(clock, good_data)
    log = good_data / "edit-log.jsonl"
    entries = read_entries(log)
    for entry in entries:
        del entry["text"]
    log.write_text("".join(json.dumps(entry, ensure_ascii=False) + "\n" for entry in entries), encoding="utf-8")
    saves = versions(good_data)["vssid-accounts.yaml"]
    assert all(save.known_before and save.known_after for save in saves)
    assert [change.change for change in figure_changes(good_data)] == ["removed", "added", "revised"]


def test_a_text_the_digests_do_not_vouch_for_stays_unknown(good_data, clock):
    path = three_saves(clock, good_data)
    log = good_data / "edit-log.jsonl"
    entries = read_entries(log)
    for entry in entries:
        del entry["text"]
    log.write_text("".join(json.dumps(entry, ensure_ascii=False) + "\n" for entry in entries), encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8") + "# edited outside the editor\n", encoding="utf-8")
    assert not any(save.known_after for save in versions(good_data)["vssid-accounts.yaml"])
    assert figure_changes(good_data) == []
    assert not indicator_as_of(good_data, "vssid-accounts", date(2024, 7, 2)).known


def test_undo_diff_restores_insertions_removals_and_replacements():
    before = "a\nb\nc\nd\n"
    after = "a\nB\nc\nx\ny\n"
    diff = editing.unified_diff(before, after, "before", "after", context=0)
    assert undo_diff(after, diff) == before
    assert undo_diff("", editing.unified_diff("a\n", "", "b", "a", context=0)) == "a\n"
    assert undo_diff("a\n", editing.unified_diff("", "a\n", "b", "a", context=0)) == ""


def test_the_remembered_figures_hold_at_most_figures_kept_texts_however_many_saves(good_data, clock, monkeypatch):
    monkeypatch.setattr(history, "FIGURES_KEPT", 3)
    monkeypatch.setattr(history, "_FIGURES", type(history._FIGURES)())
    path = good_data / "registry" / "vssid-accounts.yaml"
    for number in range(12):  # 12 saves, 13 texts: each a new value

        def revise(data, number=number):
            data["observations"][0]["value"] = 100 + number

        save_at(clock, path, datetime(2024, 7, 1, number, tzinfo=UTC), revise)
        changes = figure_changes(good_data)
        assert len(history._FIGURES) <= 3
        assert (changes[0].before, changes[0].after) == (((99 if number else 35) + number, None), (100 + number, None))
    assert len(changes) == 12  # every save's revision, though most texts were parsed again
    assert set(last_change(good_data)) == {"vssid-accounts.yaml"}
