"""Workshop forms: YAML with Indonesian keys, read by the library (owners never edit Python)."""

import pandas as pd
import pytest

from smanalysis.exceptions import SchemaError
from smanalysis.factfinding import forms, phase_assessment, profile_summary
from smanalysis.profile import Profile


def test_shipped_profile_form_becomes_a_valid_profile():
    p = forms.read_profile_form()  # the example shipped with smanalysis (Batik Laras)
    assert p["business_name"] == "Batik Laras" and p["goal"] == "reputation"
    assert p["audience"] == {"age_min": 25, "age_max": 45, "gender": "all", "locations": ["Solo", "Jakarta"],
                             "interests": ["batik", "kerajinan"]}
    assert p["tone"] == {"register": "formal", "address": "Anda", "emoji": False}
    assert p["kpi_targets"] == {"net_sentiment": 0.3}
    prof = Profile.from_dict(p)
    assert prof.brand_handles == ["batiklaras"]
    table = profile_summary(p, lang="id")
    assert "tanpa emoji" in " ".join(table.iloc[:, 1].astype(str))  # never "False"


def test_shipped_phase_form_gives_phase_one():
    # know_why + not_only_ads yes, has_plan no -> phase 1 (see phase_assessment)
    assert phase_assessment(forms.read_phase_form())["phase"].item() == 1


def test_copy_form_keeps_the_owners_answers(tmp_path):
    f = forms.copy_form("jawaban_fase", tmp_path)
    f.write_text(f.read_text(encoding="utf-8").replace("punya_rencana: tidak", "punya_rencana: ya"), encoding="utf-8")
    again = forms.copy_form("jawaban_fase", tmp_path)  # a second run must not overwrite what the owner wrote
    assert again == f and forms.read_phase_form(f)["has_plan"] == "ya"


@pytest.mark.parametrize("form, match", [
    ({"nama": "x"}, r"kunci \['nama'\] di 'profil' tidak dikenal"),
    ({"tujuan": "jualan"}, r"isian 'jualan' untuk 'goal' tidak dikenal; pilih salah satu: \['promosi', 'reputasi'\]"),
    ({"audiens": {"umur": 3}}, r"kunci \['umur'\] di 'audiens'"),
    ({"audiens": "muda"}, r"'audiens' harus berisi daftar isian"),
])
def test_profile_form_errors_in_plain_indonesian(form, match):
    with pytest.raises(SchemaError, match=match):
        forms.form_to_profile(form, source="profil_usaha.yaml")


def test_phase_form_rejects_unknown_question():
    with pytest.raises(SchemaError, match=r"jawaban_fase.yaml: kunci \['know_why'\] di 'jawaban' tidak dikenal"):
        forms.form_to_answers({"know_why": "ya"})


def test_form_path_bad_name():
    with pytest.raises(ValueError, match=r"`name` must be one of \['profil_usaha', 'jawaban_fase', 'rencana_saya'\]"):
        forms.form_path("profil")


def test_friendly_warnings_print_a_short_note(capsys):
    import warnings

    old = warnings.showwarning
    try:
        forms.friendly_warnings("id")
        warnings.warn("load_dataset: 2 duplicate row(s) resolved; see Dataset.duplicates", stacklevel=1)
        warnings.warn("kolom reach kosong", stacklevel=1)
    finally:
        warnings.showwarning = old
    out = capsys.readouterr().out
    # a warning the workshops expect in plain Indonesian; another one kept for the analyst; no path
    assert out == ("Catatan: Ada 2 baris ganda di data; baris itu dihitung sekali saja.\n"
                   "Catatan: untuk analis: kolom reach kosong\n")


def test_shipped_plan_form_becomes_a_content_plan():
    """Workshop 2: the owner's five plan rows come from a YAML with Indonesian keys, never a Python dict."""
    from smanalysis.plan import check_limits, review_plan

    plan = forms.read_plan_form()
    assert list(plan.columns) == ["date", "platform", "theme", "content_type", "caption", "asset", "hashtags",
                                  "source"]
    assert plan["content_type"].tolist() == ["education", "entertainment", "promo", "inspiration", "engagement"]
    assert plan["date"].iloc[0] == pd.Timestamp("2026-11-02")
    # the two planted mistakes are found: row 4 has no asset, row 3 six hashtags on Instagram (limit 5)
    review = review_plan(plan, lang="id")
    assert review["missing"].tolist() == ["", "", "", "asset", ""]
    limits = check_limits(plan, lang="id")
    assert limits.loc[limits["issue"] != "", "hashtags"].tolist() == [6]


@pytest.mark.parametrize("form, match", [
    ({"tanggal": "2026-11-02"}, r"isinya harus daftar baris rencana"),
    ([{"tanggal": "2026-11-02", "judul": "x"}], r"kunci \['judul'\] di 'baris 1' tidak dikenal"),
    ([{"jenis_konten": "edukasi"}, {"jenis_konten": "iklan"}], r"baris 2: jenis_konten 'iklan' tidak dikenal"),
    ([{"tanggal": "2 Nov"}], r"baris 1: tanggal '2 Nov' tidak terbaca; tulis TTTT-BB-HH"),
])
def test_plan_form_errors_in_plain_indonesian(form, match):
    with pytest.raises(SchemaError, match=match):
        forms.form_to_plan(form, source="rencana_saya.yaml")
