"""The canonical schema and the fact-finding profile."""

from pathlib import Path

import pandas as pd
import pytest

from smanalysis import SchemaError, load_profile
from smanalysis.profile import Profile
from smanalysis.schema import conform, empty, required, validate

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"


def test_sample_profile_reads():
    p = load_profile(SAMPLE / "profile.yaml")
    assert p.business_name == "Kopi Senja"
    assert p.brand_of("kopipagi.jogja") == "Kopi Pagi"
    assert p.brand_of("@kopisenja.id") == "Kopi Senja"
    assert p.brand_of("someone_else") is None


def test_bad_yaml_names_file_line_and_column(tmp_path):
    f = tmp_path / "profile.yaml"
    f.write_text("business_name: Kopi\ngoal: [promotion\n", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"profile.yaml: line \d+, column \d+: not valid YAML"):
        load_profile(f)


@pytest.mark.parametrize(
    "change, error, match",
    [
        ({"goal": None}, SchemaError, r"lacks required keys \['goal'\]"),
        ({"goal": "sales"}, ValueError, r"`goal` must be one of \['reputation', 'promotion'\], but 'sales'"),
        ({"business_model": "C2C"}, ValueError, r"`business_model` must be one of"),
        ({"own_accounts": {"myspace": "x"}}, ValueError, r"`own_accounts` platforms must be among"),
    ],
)
def test_profile_errors(change, error, match):
    d = {"business_name": "Kopi", "business_model": "B2C", "goal": "promotion",
         "own_accounts": {"instagram": "kopi"}}
    d.update(change)
    with pytest.raises(error, match=match):
        Profile.from_dict(d)


def test_validate_names_function_missing_and_present_columns():
    with pytest.raises(SchemaError, match=r"growth: the followers table lacks required columns \['platform', "
                                          r"'account', 'followers'\]; columns present: \['date'\]"):
        validate(pd.DataFrame({"date": []}), "followers", func="growth")


def test_unknown_table_is_a_value_error():
    with pytest.raises(ValueError, match=r"`table` must be one of .* but 'tweets' was passed"):
        required("tweets")


def test_conform_types_and_does_not_mutate():
    raw = pd.DataFrame({"source": ["a"], "target": ["b"], "kind": ["reply"],
                        "created_at": ["2026-10-01 19:00:00+07:00"], "platform": ["x"], "extra": [1]})
    before = raw.copy()
    out = conform(raw, "interactions")
    pd.testing.assert_frame_equal(raw, before)
    # 19:00 in Jakarta (UTC+7) is 12:00 UTC
    assert out["created_at"].iloc[0] == pd.Timestamp("2026-10-01 12:00", tz="UTC")
    assert out.columns[-1] == "extra"
    assert list(out.columns[: len(empty("interactions").columns)]) == list(empty("interactions").columns)
