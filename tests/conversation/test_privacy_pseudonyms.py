"""Pseudonyms: stable, salted, also inside text, brand handles kept."""

import hashlib

import numpy as np
import pandas as pd
import pytest

from smanalysis.conversation import pseudonym, pseudonymise
from smanalysis.exceptions import SchemaError, SMAnalysisWarning
from smanalysis.profile import Profile


def test_pseudonym_is_salted_sha256_prefix():
    expected = "pengguna_" + hashlib.sha256("garam\x1fbudi".encode()).hexdigest()[:6]
    assert pseudonym("@Budi", salt="garam") == expected
    assert pseudonym("budi", salt="lain") != expected
    assert pseudonym("budi", salt="s", prefix="user", length=10).startswith("user_")
    assert len(pseudonym("budi", salt="s", length=10)) == len("pengguna_") + 10


@pytest.fixture
def comments():
    return pd.DataFrame({
        "author": ["budi", "Sari", "kopisenja.id", None],
        "text": ["halo @sari, ke sini yuk", "email saya sari@mail.com", "makasih @Budi dan @sari.", np.nan],
        "likes": [1.0, 2.0, 3.0, 4.0],
    })


def test_pseudonymise_columns_text_and_keep(comments):
    out = pseudonymise(comments, salt="s", keep=["kopisenja.id"])
    b, s = pseudonym("budi", salt="s"), pseudonym("sari", salt="s")
    assert out["author"].tolist()[:3] == [b, s, "kopisenja.id"]
    assert out["author"].isna().iloc[3]
    assert out["text"].iloc[0] == f"halo @{s}, ke sini yuk"
    assert out["text"].iloc[1] == "email saya sari@mail.com"     # e-mail addresses are not handles
    assert out["text"].iloc[2] == f"makasih @{b} dan @{s}."      # trailing dot is not part of the handle
    assert out["likes"].tolist() == [1.0, 2.0, 3.0, 4.0]
    assert out.index.equals(comments.index) and list(out.columns) == list(comments.columns)


def test_same_pseudonym_across_tables():
    inter = pd.DataFrame({"source": ["budi"], "target": ["kopisenja.id"], "text": ["@kopisenja.id mantap"]})
    prof = Profile.from_dict({"business_name": "Kopi Senja", "business_model": "B2C", "goal": "promotion",
                              "own_accounts": {"instagram": "kopisenja.id"}})
    out = pseudonymise(inter, salt="s", keep=prof)
    assert out.loc[0, "source"] == pseudonym("budi", salt="s")
    assert out.loc[0, "target"] == "kopisenja.id" and out.loc[0, "text"] == "@kopisenja.id mantap"


def test_warns_without_salt_and_errors(comments):
    with pytest.warns(SMAnalysisWarning, match="no `salt` was given"):
        pseudonymise(comments)
    with pytest.raises(SchemaError, match=r"pseudonymise: the frame lacks columns \['handle'\]"):
        pseudonymise(comments, columns=["handle"], salt="s")


def test_does_not_mutate(comments):
    before = comments.copy()
    pseudonymise(comments, salt="s")
    pd.testing.assert_frame_equal(comments, before)


def test_pseudonyms_are_stable_and_distinct_for_any_handles():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    handle = st.from_regex(r"[a-z0-9_]{1,8}(\.[a-z0-9_]{1,5})?", fullmatch=True)

    @settings(max_examples=60, deadline=None)
    @given(st.lists(handle, min_size=1, max_size=10))
    def check(handles):
        df = pd.DataFrame({"author": handles, "text": ["@" + h + " hai" for h in handles]})
        out = pseudonymise(df, salt="s")
        assert out["author"].tolist() == [pseudonym(h, salt="s") for h in handles]
        assert (out["text"] == "@" + out["author"] + " hai").all()
        # distinct handles keep distinct pseudonyms (a 6-hex-digit collision is vanishingly rare here)
        assert out["author"].nunique() == len(set(handles))

    check()
