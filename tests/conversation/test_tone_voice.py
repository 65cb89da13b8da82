"""The brand's tone markers, consistency with the profile, and reply templates."""

import math

import pandas as pd
import pytest

from smanalysis.conversation import reply_templates, tone, tone_markers
from smanalysis.profile import Profile


def test_markers_by_hand():
    out = tone_markers(["Mohon maaf atas ketidaknyamanan Anda.", "Yuk kak mampir, enak bgt!! 😍😍", "Kopi susu."])
    assert out["formal"].tolist() == [2, 0, 0]          # mohon, anda
    assert out["casual"].tolist() == [0, 3, 0]          # yuk, kak, bgt
    assert out["register"].tolist() == ["formal", "casual", "neutral"]
    assert out["emoji"].tolist() == [0, 2, 0]
    assert out["exclamations"].tolist() == [0, 2, 0]
    assert out["words"].tolist() == [5, 5, 2]
    assert out["slang"].tolist()[1] == 2                # yuk, bgt (kak is an address, not slang)
    assert out["formality"].tolist()[:2] == [1.0, -1.0] and math.isnan(out["formality"].iloc[2])


@pytest.fixture
def profile():
    return Profile.from_dict({"business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
                              "own_accounts": {"instagram": "kopisenja.id"},
                              "tone": {"register": "casual", "address": "kak", "emoji": False}})


def test_tone_per_platform_against_profile(profile):
    texts = pd.Series(["Halo kak, yuk mampir!", "Makasih kak 😍", "Kopi susu baru", "Silakan hubungi kami, Anda"])
    plat = pd.Series(["instagram", "instagram", "instagram", "facebook"])
    out = tone(texts, profile=profile, platform=plat).set_index("platform")
    ig = out.loc["instagram"]
    assert ig["texts"] == 3
    assert ig["casual_share"] == pytest.approx(2 / 3) and ig["neutral_share"] == pytest.approx(1 / 3)
    # emoji: false in the profile -> the emoji reply is inconsistent; the neutral caption is fine
    assert ig["consistency"] == pytest.approx(2 / 3)
    assert ig["address_share"] == pytest.approx(2 / 3)
    assert ig["emoji_rate"] == pytest.approx(1 / 3)
    assert out.loc["facebook", "consistency"] == 0 and out.loc["facebook", "target"] == "casual"


def test_tone_without_target_and_errors():
    out = tone(["halo kak"])
    assert out["platform"].tolist() == ["all"] and math.isnan(out["consistency"].iloc[0])
    with pytest.raises(ValueError, match="The value for `target` must be one of"):
        tone(["halo"], target="santai")
    with pytest.raises(ValueError, match="`platform` has 2 values but `texts` has 1"):
        tone(["halo"], platform=["instagram", "x"])


def test_tone_does_not_mutate():
    s = pd.Series(["Halo kak!"])
    before = s.copy()
    tone(s)
    tone_markers(s)
    pd.testing.assert_series_equal(s, before)


@pytest.mark.parametrize("intent", ["question", "complaint", "abuse", "praise", "other"])
@pytest.mark.parametrize("register", ["casual", "formal"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_reply_templates_exist(intent, register, lang):
    out = reply_templates(intent, tone=register, lang=lang, address="kakak")
    assert out and all(isinstance(t, str) and "{" not in t for t in out)


def test_reply_templates_address_and_spam():
    assert "Bapak/Ibu" in reply_templates("complaint", tone="formal", address="bapak/Ibu")[0]
    assert "kak" in reply_templates("question")[0]
    assert reply_templates("spam") == []
    with pytest.raises(ValueError, match="The value for `intent` must be one of"):
        reply_templates("pertanyaan")
    with pytest.raises(ValueError, match="The value for `lang` must be one of"):
        reply_templates("question", lang="jv")


def test_suggest_replies_rotates_and_follows_profile(profile):
    from smanalysis.conversation import suggest_replies
    from smanalysis.exceptions import SchemaError

    q = pd.DataFrame({"intent": ["complaint", "complaint", "complaint", "complaint", "spam", None]})
    before = q.copy()
    out = suggest_replies(q, profile=profile)
    options = reply_templates("complaint", tone="casual", address="kak")
    assert out["suggested_reply"].tolist()[:4] == [options[0], options[1], options[2], options[0]]
    assert out["suggested_reply"].iloc[4] == ""
    assert out["suggested_reply"].iloc[5] == reply_templates("other")[0]
    formal = suggest_replies(q, tone="formal", address="Bapak/Ibu", lang="id")
    assert "Bapak/Ibu" in formal["suggested_reply"].iloc[0]
    pd.testing.assert_frame_equal(q, before)
    with pytest.raises(SchemaError, match="suggest_replies: the frame lacks required columns \\['intent'\\]"):
        suggest_replies(pd.DataFrame({"x": [1]}))
