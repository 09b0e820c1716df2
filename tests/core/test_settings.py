import json

import pytest

from readmark.core.store.settings import (
    DEFAULT_FONT_SIZE,
    SCHEMA,
    VERSION,
    Migration,
    Settings,
    migrate,
)


def test_defaults_when_no_file(tmp_path):
    settings = Settings(tmp_path / "settings.json")
    for setting in SCHEMA:
        assert settings.get(setting.key) == setting.default


def test_values_persist_atomically(tmp_path):
    path = tmp_path / "cfg" / "settings.json"
    settings = Settings(path)
    assert settings.set("reader.font_size", 21)
    assert settings.set("reader.theme", "sepia")
    assert json.loads(path.read_text())["reader.font_size"] == 21
    again = Settings(path)
    assert again.get("reader.font_size") == 21
    assert again.get("reader.theme") == "sepia"
    assert not list(path.parent.glob(".settings-*"))  # no temp files left behind


def test_invalid_values_are_rejected(tmp_path):
    settings = Settings(tmp_path / "s.json")
    with pytest.raises(ValueError):
        settings.set("reader.theme", "neon")
    with pytest.raises(ValueError):
        settings.set("reader.font_size", 500)
    with pytest.raises(ValueError):
        settings.set("reader.font_size", True)


def test_hand_edited_garbage_falls_back_to_defaults(tmp_path):
    path = tmp_path / "s.json"
    path.write_text('{"reader.font_size": "huge", "reader.theme": "dark", "unknown": 1}')
    settings = Settings(path)
    assert settings.get("reader.font_size") == DEFAULT_FONT_SIZE
    assert settings.get("reader.theme") == "dark"
    path.write_text("not json at all")
    assert Settings(path).get("reader.theme") == "system"


def test_read_only_folder_reports_failure(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    settings = Settings(blocker / "settings.json")
    assert settings.set("reader.font_size", 20) is False
    assert settings.get("reader.font_size") == 20  # still in effect this session


def test_an_unreadable_file_is_set_aside_with_a_message_and_defaults_apply(tmp_path):
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xff\xfe not json, not even UTF-8")
    settings = Settings(path)
    assert settings.get("reader.theme") == "system"
    assert settings.problem is not None
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("settings.json.unreadable-")]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"\xff\xfe")
    assert str(aside[0]) in str(settings.problem)
    assert not path.exists()
    assert settings.set("reader.theme", "dark")  # the next save starts a fresh file
    assert Settings(path).get("reader.theme") == "dark"
    assert Settings(path).problem is None


def test_a_list_is_not_settings_either(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("[1, 2, 3]")
    assert Settings(path).problem is not None


def test_a_file_of_readmark_0_1_is_migrated_once_and_keeps_its_choices(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text('{"reader.font_size": 18, "reader.theme": "sepia"}')  # no version
    settings = Settings(path)
    assert settings.get("reader.font_size") == 18
    assert settings.get("reader.theme") == "sepia"
    assert json.loads(path.read_text()) == {
        "reader.font_size": 18,
        "reader.theme": "sepia",
        "version": VERSION,
    }


def test_migrations_run_in_order_from_the_files_version():
    steps = (
        Migration(1, "one", lambda v: {**v, "a": v.get("a", 0) + 1}),
        Migration(2, "two", lambda v: {**v, "a": v["a"] * 10}),
    )
    assert migrate({"a": 1}, steps) == {"a": 20, "version": 2}
    assert migrate({"a": 1, "version": 1}, steps) == {"a": 10, "version": 2}
    assert migrate({"a": 1, "version": 2}, steps) == {"a": 1, "version": 2}
    assert migrate({"a": 1, "version": 7}, steps) == {"a": 1, "version": 7}  # a newer file
    assert migrate({"a": 1, "version": "2"}, steps) == {"a": 20, "version": 2}


def test_keys_of_a_newer_readmark_survive_a_save_by_this_one(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(
        json.dumps({"version": VERSION + 3, "reader.theme": "dark", "sync.folder": "/x"})
    )
    settings = Settings(path)
    assert settings.set("reader.font_size", 20)
    saved = json.loads(path.read_text())
    assert saved["sync.folder"] == "/x"
    assert saved["version"] == VERSION + 3  # not downgraded
    assert saved["reader.font_size"] == 20


def test_choosing_the_default_forgets_the_choice(tmp_path):
    path = tmp_path / "settings.json"
    settings = Settings(path)
    settings.set("reader.line_spacing", 160)
    assert not settings.is_default("reader.line_spacing")
    settings.set("reader.line_spacing", 135)
    assert settings.is_default("reader.line_spacing")
    assert "reader.line_spacing" not in json.loads(path.read_text())
