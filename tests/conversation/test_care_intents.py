"""Intents on hand-written Indonesian and English sentences."""

import pandas as pd
import pytest

from smanalysis.conversation import INTENT_RULES, intents


@pytest.mark.parametrize("text, intent, rule", [
    # questions
    ("Kak, harga kopi susu berapa?", "question", "question:berapa"),
    ("brp harga paket ultah?", "question", "question:berapa"),
    ("gimana caranya pesan lewat gofood", "question", "question:gimana"),
    ("Bagaimana cara reservasi tempat?", "question", "question:gimana"),
    ("apakah ada menu non kopi", "question", "question:apakah"),
    ("kapan buka lagi", "question", "question:kapan"),
    ("kapaaan buka cabang baru", "question", "question:kapan"),
    ("dimana lokasinya", "question", "question:dimana"),
    ("di mana parkirnya ya", "question", "question:dimana"),
    ("bisa bayar pakai qris?", "question", "question:bisa"),
    ("kak besok rame ga?", "question", "question:kak"),
    ("mau tanya dong soal promo", "question", "question:tanya"),
    ("How much is the iced latte", "question", "question:english"),
    ("beneran?", "question", "question:question_mark"),
    # complaints
    ("Pesanan saya belum sampai, kecewa", "complaint", "complaint:kecewa"),
    ("udah sejam pesanan belum datang", "complaint", "complaint:belum"),
    ("antri lama banget tadi", "complaint", "complaint:lama"),
    ("lamaaa bgt nunggunya", "complaint", "complaint:lama"),
    ("kopinya gak enak, encer", "complaint", "complaint:tidak_sesuai"),
    ("salah kirim pesanan nih", "complaint", "complaint:salah"),
    ("rotinya basi", "complaint", "complaint:kualitas"),
    ("ada rambut di minuman saya", "complaint", "complaint:kualitas"),
    ("kasirnya jutek banget", "complaint", "complaint:pelayanan"),
    ("kok belum dibalas dm saya?", "complaint", "complaint:belum"),
    ("mau refund gimana caranya?", "complaint", "complaint:refund"),
    ("terrible service, never again", "complaint", "complaint:english"),
    # praise
    ("Enak bgt 😍", "praise", "praise:enak"),
    ("mantaaap kopinya", "praise", "praise:enak"),
    ("tempatnya cozy, recommended", "praise", "praise:keren"),
    ("makasih kak", "praise", "praise:terima_kasih"),
    ("🔥🔥", "praise", "praise:emoji"),
    ("great coffee!", "praise", "praise:english"),
    # abuse
    ("admin goblok", "abuse", "abuse:goblok"),
    ("dasar babi", "abuse", "abuse:binatang"),
    ("bangsat lama banget", "abuse", "abuse:bangsat"),
    ("you are stupid", "abuse", "abuse:english"),
    # spam
    ("cek bio kak, open reseller", "spam", "spam:cek_bio"),
    ("open reseller skincare murah", "spam", "spam:open_reseller"),
    ("dm for collab 💌", "spam", "spam:dm_collab"),
    ("promo cuma di https://bit.ly/xyz", "spam", "spam:link"),
    ("slot gacor maxwin hari ini", "spam", "spam:gambling"),
    ("follow back ya", "spam", "spam:followers"),
    ("cari penghasilan tambahan? wa 081234567890", "spam", "spam:income"),
    # negated complaint words and "parah" as an intensifier are praise
    ("udah 3x ke sini gk pernah kecewa", "praise", "praise:tidak_kecewa"),
    ("akhirnya mampir, gak nyesel", "praise", "praise:tidak_kecewa"),
    ("cold brew nya nagih parah", "praise", "praise:enak"),
    ("pesen jam 7 baru jadi jam 8, parah sih", "complaint", "complaint:parah"),
    ("yang dateng malah americano, gmn sih", "complaint", "complaint:salah"),
    ("kok harga di aplikasi beda sama di kasir?", "complaint", "complaint:tidak_sesuai"),
    ("kopi sachet aja masih lebih enak", "abuse", "abuse:sindiran"),
    ("dasar penipu", "abuse", "abuse:binatang"),
    ("pinjaman cepat cair tanpa jaminan", "spam", "spam:income"),
    ("promo cutt.ly/abc123", "spam", "spam:link"),
    # elongation by doubled letters, and "parah" after an elongated positive word
    ("es teh nya nagiih parahh", "praise", "praise:enak"),
    ("kopinya enakk bangett", "praise", "praise:enak"),
    ("harganya brpp", "question", "question:berapa"),
    # friends tagged into an invitation: not a question to the brand
    ("@sari.jogja kapan kita nongki di sini?", "other", "tag:friends"),
    ("@sari.jogja kak ini buka jam berapa?", "question", "question:berapa"),
    ("min, ready stok?", "question", "question:bisa"),
    ("cek dm kak", "question", "question:pesan"),
    ("mau pesan 10 cup buat kantor", "question", "question:pesan"),
    ("up kak", "question", "question:up"),
    ("kok mahal sih", "complaint", "complaint:mahal"),
    ("kopinya kurang enak", "complaint", "complaint:tidak_sesuai"),
    ("tolong dibalas dm saya", "complaint", "complaint:tolong"),
    ("bad service today", "complaint", "complaint:english"),
    ("follow ig kita ya", "spam", "spam:followers"),
    # other
    ("ok", "other", "none"),
    ("", "other", "none"),
])
def test_intent_and_rule(text, intent, rule):
    out = intents([text])
    assert (out["intent"].iloc[0], out["rule"].iloc[0]) == (intent, rule)


def test_priority_complaint_over_question_and_question_over_praise():
    out = intents(["kok pesanan saya belum sampai?", "enak banget, buka jam berapa kak?", "boleh bawa anjing?"])
    assert out["intent"].tolist() == ["complaint", "question", "question"]


def test_duplicates_get_the_same_answer():
    out = intents(["Mantap!", "kecewa", "Mantap!", None, "kecewa"])
    assert out["intent"].tolist() == ["praise", "complaint", "praise", "other", "complaint"]


def test_aligned_to_index_and_missing_text():
    s = pd.Series(["berapa?", None], index=[10, 20])
    out = intents(s)
    assert out.index.tolist() == [10, 20]
    assert out["intent"].tolist() == ["question", "other"]


def test_every_rule_compiles_and_is_named():
    import re

    for intent, rules in INTENT_RULES.items():
        for name, pat in rules:
            re.compile(pat)
            assert name.isidentifier()


def test_rejects_a_frame():
    with pytest.raises(TypeError, match="pass frame\\['text'\\]"):
        intents(pd.DataFrame({"text": ["a"]}))


def test_does_not_mutate():
    s = pd.Series(["Kapaaan buka?", "ENAK"])
    before = s.copy()
    intents(s)
    pd.testing.assert_series_equal(s, before)


def test_any_text_gets_a_known_intent():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from smanalysis.conversation import INTENTS

    @settings(max_examples=60, deadline=None)
    @given(st.lists(st.one_of(st.none(), st.text(max_size=80)), max_size=8))
    def check(texts):
        out = intents(pd.Series(texts, dtype=object))
        assert len(out) == len(texts)
        assert set(out["intent"]) <= set(INTENTS)
        assert out["rule"].notna().all()

    check()
