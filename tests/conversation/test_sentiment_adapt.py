"""Client adaptation: label sheet round trip, bootstrap intervals, comparison with the default, report hook."""

import json
from pathlib import Path

import pandas as pd
import pytest

from smanalysis.conversation import SentimentModel, detect, label_next, sentiment
from smanalysis.conversation.adapt import (bootstrap_macro_f1, compare_with_default, read_label_sheet, score_texts,
                                           write_label_sheet)
from smanalysis.exceptions import SchemaError

ROOT = Path(__file__).resolve().parents[2]


def test_bootstrap_perfect_and_hand_worked():
    r = bootstrap_macro_f1(["positive", "negative"] * 5, ["positive", "negative"] * 5, n_boot=20)
    assert (r["macro_f1"], r["low"], r["high"], r["n"]) == (1.0, 1.0, 1.0, 10)
    # 2 classes, 4 texts: pos,pos,neg,neg predicted pos,neg,neg,neg -> F1(pos)=2/3, F1(neg)=0.8 -> mean 0.7333
    r = bootstrap_macro_f1(["positive", "positive", "negative", "negative"],
                           ["positive", "negative", "negative", "negative"], n_boot=20)
    assert r["macro_f1"] == pytest.approx((2 / 3 + 0.8) / 2)
    assert r["low"] <= r["macro_f1"] <= r["high"]


def test_bootstrap_rejects_unequal_lengths():
    with pytest.raises(ValueError, match="equally long"):
        bootstrap_macro_f1(["positive"], [])


def test_label_sheet_round_trip_neutralises_formulas(tmp_path):
    q = pd.DataFrame({"text": ["=HYPERLINK(\"http://x\")", "enak banget", "-5"],
                      "predicted": ["neutral", "positive", "neutral"]}, index=[7, 8, 9])
    p = write_label_sheet(q, tmp_path / "sheet.csv")
    raw = p.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in raw and "\n9,-5," in raw  # a plain number is left alone
    df = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    df["label"] = ["Negatif", "positive", ""]  # Indonesian names, any case; empty rows are skipped
    df.to_csv(p, index=False, encoding="utf-8-sig")
    back = read_label_sheet(p)
    assert back["text"].tolist() == ["=HYPERLINK(\"http://x\")", "enak banget"]
    assert back["label"].tolist() == ["negative", "positive"] and back["id"].tolist() == ["7", "8"]


@pytest.mark.parametrize("text", ["'=1+1", "=1+1", "''=x", "'-", "'kopi", "-5", "@kopi", "'@kopi"])
def test_label_sheet_gives_back_exactly_the_text_written(tmp_path, text):
    # issue 13 item 3: a text that really starts with "'=" must not lose its apostrophe on the way back
    q = pd.DataFrame({"text": [text], "predicted": ["neutral"]})
    p = write_label_sheet(q, tmp_path / "sheet.csv")
    df = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert not df["text"].iloc[0].startswith(("=", "@", "+"))  # what a spreadsheet sees is inert
    df["label"] = ["neutral"]
    df.to_csv(p, index=False, encoding="utf-8-sig")
    assert read_label_sheet(p)["text"].tolist() == [text]


def test_read_label_sheet_names_line_and_column(tmp_path):
    p = tmp_path / "s.csv"
    p.write_text("id,text,predicted,label\n1,enak,positive,positive\n2,zonk,negative,jelek\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"s.csv, line 3, column 'label': 'jelek'"):
        read_label_sheet(p)
    (tmp_path / "t.csv").write_text("id,text\n1,enak\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="lacks columns"):
        read_label_sheet(tmp_path / "t.csv")
    with pytest.raises(FileNotFoundError):
        read_label_sheet(tmp_path / "none.csv")


def test_compare_with_default_rows_and_checks():
    texts = ["enak banget", "mantap kak", "kecewa berat", "zonk parah", "jam buka?", "alamatnya?"] * 4
    labels = ["positive", "positive", "negative", "negative", "neutral", "neutral"] * 4
    t = compare_with_default(texts, labels, folds=3, n_boot=50)
    assert t["scorer"].tolist() == ["default", "trained", "trained - default"]
    assert (t["low"] <= t["macro_f1"]).all() and (t["macro_f1"] <= t["high"]).all()
    assert t.loc[2, "macro_f1"] == pytest.approx(t.loc[1, "macro_f1"] - t.loc[0, "macro_f1"])
    with pytest.raises(ValueError, match="fewer than folds=5"):
        compare_with_default(texts[:6], labels[:6], folds=5)
    with pytest.raises(ValueError, match="labels must be one of"):
        compare_with_default(["a", "b"], ["good", "bad"], folds=2)


def test_score_texts_uses_saved_model(tmp_path):
    m = SentimentModel(lexicon_features=False).fit(["kopi", "teh"] * 3, ["negative", "positive"] * 3)
    path = m.save(tmp_path / "m.smmodel")
    out = score_texts(["kopi", "teh"], model=path)
    assert out["label"].tolist() == ["negative", "positive"]  # the model's, not the lexicon's view
    assert out.loc[0, "score"] < 0 < out.loc[1, "score"]
    assert score_texts(["enak banget"])["label"].tolist() == ["positive"]


def test_report_uses_config_sentiment_model(tmp_path):
    from smanalysis.reporting.config import read_config

    cfg = (ROOT / "data" / "sample" / "client.yaml").read_text(encoding="utf-8")
    m = SentimentModel(lexicon_features=False).fit(["kopi", "teh"] * 3, ["negative", "positive"] * 3)
    m.save(tmp_path / "m.smmodel")
    (tmp_path / "profile.yaml").write_text((ROOT / "data" / "sample" / "profile.yaml").read_text(encoding="utf-8"),
                                           encoding="utf-8")
    cfg = cfg.replace("profile: profile.yaml", "profile: profile.yaml\nsentiment_model: m.smmodel")
    cfg = cfg.replace("- exports/", f"- {json.dumps(str(ROOT / 'data' / 'sample' / 'exports'))}")
    cfg = cfg.replace("- content_plan.csv", "").replace("codebook: codebook.yaml", "")
    (tmp_path / "client.yaml").write_text(cfg, encoding="utf-8")
    assert read_config(tmp_path / "client.yaml")["sentiment_model"] == (tmp_path / "m.smmodel").resolve()


def test_label_next_without_model_picks_borderline_first():
    texts = ["enak banget mantap", "agak mahal", "zonk parah kecewa", "jam berapa buka"]
    q = label_next(None, texts, n=2)
    assert q.index.tolist() == [1, 3]  # the weak one near the threshold, then the unscored question
    assert q["predicted"].tolist() == sentiment(pd.Series(texts)[[1, 3]], evidence=False)["label"].tolist()


def test_detect_sundanese_and_javanese():
    out = detect(["teu raos, kamahalan deui", "punten, ieu buka dugi jam sabaraha?", "larang tenan, rasane biasa wae",
                  "enak banget kopinya"], extended=True).tolist()
    assert out == ["su", "su", "jv", "id"]
