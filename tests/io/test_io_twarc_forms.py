"""twarc2 page, stream and flattened files of the same nine tweets give the same tables (issue 9, classes 1-2, 9).

Fixtures written for this project in the layouts twarc2 writes: ``twarc_page.jsonl`` (``twarc2 search``:
two response pages), ``twarc_stream.jsonl`` (``twarc2 stream``: one tweet a response, an
operational-disconnect error and a keep-alive line between) and ``twarc_flattened.jsonl``
(``twarc2 flatten``: author, in_reply_to_user and referenced tweets expanded in each tweet).
"""

from pathlib import Path

import pytest

from smanalysis.io import read

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "io"
FORMS = ["twarc_page.jsonl", "twarc_stream.jsonl", "twarc_flattened.jsonl"]

# worked out by hand from the nine tweets (see the fixture): reply/quote/retweet targets, and
# @mentions other than the reply or retweet target
EDGES = sorted([
    ("rina_w", "kopisenja_id", "reply"), ("kopisenja_id", "rina_w", "reply"), ("kopipagi_jogja", "dina", "reply"),
    ("budi88", "rina_w", "reply"), ("dina", "kopisenja_id", "quote"), ("dina", "rina_w", "quote"),
    ("budi88", "kopisenja_id", "share"), ("dina", "kopipagi_jogja", "mention"), ("rina_w", "budi88", "mention"),
    ("rina_w", "dina", "mention"), ("rina_w", "kopisenja_id", "mention"), ("dina", "rina_w", "mention"),
])


def _read(name):
    return read(FIX / name, own_accounts=["kopisenja_id"], brands={"kopisenja_id": "Kopi Senja"})


@pytest.mark.parametrize("name", FORMS)
def test_every_form_gives_the_hand_worked_interactions(name):
    r = _read(name)
    got = sorted(r.extra["interactions"][["source", "target", "kind"]].itertuples(index=False, name=None))
    assert got == EDGES
    assert len(r.rejects) == 0
    assert sorted(r.extra["posts"]["post_id"]) == ["1900000000000000001", "1900000000000000003"]
    assert len(r.data) == 7 and r.rows == 9


def test_page_stream_and_flattened_forms_are_equivalent():
    frames = [_read(n) for n in FORMS]
    keys = ["source", "target", "kind", "post_id", "created_at"]
    inter = [r.extra["interactions"][keys].sort_values(keys).reset_index(drop=True) for r in frames]
    ments = [r.data.drop(columns=["source_file", "source_line"]).sort_values("mention_id").reset_index(drop=True)
             for r in frames]
    for i in (1, 2):
        assert inter[i].equals(inter[0])
        assert ments[i].equals(ments[0])


def test_stream_error_and_keep_alive_lines_are_not_tweets_but_said():
    r = _read("twarc_stream.jsonl")
    assert any("1 line(s) are API errors or keep-alive" in w and "line 5" in w for w in r.warnings)


def test_html_entities_unescaped_and_punctuation_kept():
    r = _read("twarc_flattened.jsonl")
    post = r.extra["posts"].set_index("post_id").loc["1900000000000000001", "caption"]
    assert post == "Es kopi pandan & roti bakar, cuma 35rb… #KopiSenja"  # '&amp;' decoded, '…' not rewritten
    reply = r.extra["posts"].set_index("post_id").loc["1900000000000000003", "caption"]
    assert reply == "@rina_w sampai jam 22 kak <3"
