"""Client configs, periods and load_client (smanalysis.reporting.config / client)."""

from pathlib import Path

import pandas as pd
import pytest

from smanalysis import SchemaError
from smanalysis.reporting.config import parse_period, previous_period, read_config, resolve_periods

T = pd.Timestamp


@pytest.mark.parametrize(
    "text, start, end",
    [
        ("2026-10", "2026-10-01", "2026-10-31"),
        ("2026-02", "2026-02-01", "2026-02-28"),
        ("2028-02", "2028-02-01", "2028-02-29"),
        ("2026-10-08:2026-10-14", "2026-10-08", "2026-10-14"),
        ("2026-09:2026-10", "2026-09-01", "2026-10-31"),
        ({"start": "2026-10-01", "end": "2026-10-31"}, "2026-10-01", "2026-10-31"),
        (("2026-10-01", "2026-10-01"), "2026-10-01", "2026-10-01"),
    ],
)
def test_parse_period(text, start, end):
    assert parse_period(text) == (T(start), T(end))


@pytest.mark.parametrize("bad", ["october", "2026-13", "2026-10-31:2026-10-01", "x:y", 2026, {"start": "2026-10-01"}])
def test_parse_period_rejects(bad):
    with pytest.raises(ValueError, match="period"):
        parse_period(bad)


@pytest.mark.parametrize(
    "period, prev",
    [
        (("2026-10-01", "2026-10-31"), ("2026-09-01", "2026-09-30")),  # a month: the previous month
        (("2026-03-01", "2026-03-31"), ("2026-02-01", "2026-02-28")),
        (("2026-01-01", "2026-01-31"), ("2025-12-01", "2025-12-31")),
        (("2026-10-08", "2026-10-14"), ("2026-10-01", "2026-10-07")),  # 7 days: the 7 days before
        (("2026-10-01", "2026-10-15"), ("2026-09-16", "2026-09-30")),  # half a month: 15 days before
    ],
)
def test_previous_period(period, prev):
    assert previous_period(T(period[0]), T(period[1])) == (T(prev[0]), T(prev[1]))


def test_resolve_periods_override_and_config():
    cfg = {"period": {"start": "2026-10-01", "end": "2026-10-31"},
           "previous": {"start": "2026-08-01", "end": "2026-08-31"}}
    cur, prev = resolve_periods(cfg)
    assert cur == (T("2026-10-01"), T("2026-10-31")) and prev == (T("2026-08-01"), T("2026-08-31"))
    # an override of the period recomputes the previous period (the config's no longer fits)
    cur, prev = resolve_periods(cfg, period="2026-07")
    assert cur == (T("2026-07-01"), T("2026-07-31")) and prev == (T("2026-06-01"), T("2026-06-30"))
    cur, prev = resolve_periods({"period": "2026-10"})
    assert prev == (T("2026-09-01"), T("2026-09-30"))


def _write(tmp_path, text, name="client.yaml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


PROFILE = "business_name: Toko\nbusiness_model: B2C\ngoal: promotion\nown_accounts: {instagram: toko}\n"


def test_read_config_resolves_paths(tmp_path):
    (tmp_path / "p.yaml").write_text(PROFILE)
    (tmp_path / "exports").mkdir()
    text = "client: Toko Kita\nprofile: p.yaml\ndata: [exports/, {path: p.yaml, kind: x}]\n"
    cfg = read_config(_write(tmp_path, text))
    assert cfg["profile"] == tmp_path.resolve() / "p.yaml"
    assert cfg["data"][0] == tmp_path.resolve() / "exports"
    assert cfg["data"][1]["path"] == tmp_path.resolve() / "p.yaml" and cfg["data"][1]["kind"] == "x"
    assert cfg["slug"] == "toko-kita" and cfg["lang"] == "id" and cfg["pseudonymise"] is True


def test_read_config_errors(tmp_path):
    with pytest.raises(FileNotFoundError, match="nope.yaml"):
        read_config(tmp_path / "nope.yaml")
    with pytest.raises(SchemaError, match=r"bad.yaml: line \d+, column \d+: not valid YAML"):
        read_config(_write(tmp_path, "client: a\nprofile: [unclosed\n", "bad.yaml"))
    with pytest.raises(SchemaError, match=r"lacks required keys \['data'\]"):
        read_config(_write(tmp_path, "profile: p.yaml\n", "nodata.yaml"))
    with pytest.raises(SchemaError, match="must be a mapping"):
        read_config(_write(tmp_path, "- a\n- b\n", "list.yaml"))
    (tmp_path / "p.yaml").write_text(PROFILE)
    with pytest.raises(FileNotFoundError, match="`data` does not exist: 'missing.csv'"):
        read_config(_write(tmp_path, "profile: p.yaml\ndata: [missing.csv]\n", "miss.yaml"))
    with pytest.raises(ValueError, match=r"`lang` must be one of \['id', 'en'\], but 'fr'"):
        read_config(_write(tmp_path, "profile: p.yaml\ndata: [p.yaml]\nlang: fr\n", "fr.yaml"))


def test_load_client_uses_io_and_pseudonymises(tmp_path, monkeypatch):
    from smanalysis.reporting import client as clientmod
    from smanalysis.schema import conform, empty

    (tmp_path / "p.yaml").write_text(PROFILE)
    cfg = _write(tmp_path, "client: Toko\nprofile: p.yaml\ndata: [p.yaml]\nperiod: 2026-10\nlang: en\n")
    comments = conform(pd.DataFrame({
        "comment_id": ["1", "2"], "post_id": ["a", "a"], "platform": "instagram", "author": ["budi", "toko"],
        "text": ["hai @toko", "makasih @budi"], "created_at": ["2026-10-02", "2026-10-03"],
        "is_brand_reply": [False, True]}), "comments")
    seen = {}

    class DS:
        def __init__(self):
            self.posts, self.comments, self.mentions = empty("posts"), comments, empty("mentions")
            self.interactions, self.followers = empty("interactions"), empty("followers")
            self.content_plan = empty("content_plan")

    def fake_load(sources, *, profile=None):
        seen["sources"], seen["profile"] = sources, profile
        return DS()

    monkeypatch.setattr("smanalysis.io.load_dataset", fake_load, raising=False)
    profile, ds, settings = clientmod.load_client(cfg)
    assert seen["sources"] == [str(tmp_path.resolve() / "p.yaml")] and seen["profile"].business_name == "Toko"
    assert settings["period"] == (T("2026-10-01"), T("2026-10-31"))
    assert settings["previous"] == (T("2026-09-01"), T("2026-09-30"))
    assert settings["lang"] == "en" and settings["pseudonymise"] is True
    assert ds.comments["author"].iloc[1] == "toko"  # the brand stays
    pseud = ds.comments["author"].iloc[0]
    assert pseud != "budi" and ds.comments["text"].iloc[1] == f"makasih @{pseud}"
    assert comments["author"].iloc[0] == "budi"  # input not mutated
    _, ds2, s2 = clientmod.load_client(cfg, pseudonymise=False, lang="id", period="2026-08")
    assert ds2.comments["author"].iloc[0] == "budi" and s2["lang"] == "id"
    assert s2["previous"] == (T("2026-07-01"), T("2026-07-31"))
    with pytest.raises(ValueError, match="`lang` must be one of"):
        clientmod.load_client(cfg, lang="de")


def test_sample_client_config_reads(sample_dir):
    path = Path(sample_dir) / "client.yaml"
    if not path.is_file():
        pytest.skip("the bundled sample (data/sample/client.yaml) is not there yet")
    cfg = read_config(path)
    assert cfg["slug"] == "kopi-senja"
    assert resolve_periods(cfg)[0] == (T("2026-10-01"), T("2026-10-31"))
