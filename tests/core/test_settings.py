import json

import pytest

from readmark.core.store.settings import DEFAULT_FONT_SIZE, SCHEMA, Settings


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
