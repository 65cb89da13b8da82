"""Issue 9 "Done when": `smanalysis load <folder mixing all layouts>` prints, per file, the format, the
table, rows, rejects and warnings, and lists the files that could not be read at all."""

import shutil
from pathlib import Path

from smanalysis.cli import main

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "io"


def test_load_prints_every_layout_of_a_mixed_folder(tmp_path, capsys):
    for f in FIX.iterdir():
        (shutil.copytree if f.is_dir() else shutil.copy)(f, tmp_path / f.name)
    # a workbook cut off in the middle (a download that broke off)
    (tmp_path / "truncated.xlsx").write_bytes((FIX / "content_plan.xlsx").read_bytes()[:700])
    assert main(["load", str(tmp_path)]) == 1  # rejects and unreadable files: not a clean load
    out = capsys.readouterr().out
    blocks = {b.splitlines()[0]: b for b in ("\n" + out).split("\n" + str(tmp_path) + "/")[1:]}  # file -> its lines
    for f in [f for f in FIX.iterdir() if f.is_file()] + [tmp_path / "truncated.xlsx"]:
        assert str(tmp_path / f.name) in out, f.name  # every file is named
    # format -> table | rows read | rejected, one line a file (counts hand-checked on the fixtures)
    assert "format: meta_posts_instagram -> tabel posts | baris terbaca: 3 | ditolak: 0" in blocks["meta_ig_views_bom.csv"]
    assert "format: meta_posts_instagram -> tabel posts | baris terbaca: 2 | ditolak: 3" in blocks["meta_ig_broken.csv"]
    assert "format: meta_daily -> tabel followers | baris terbaca: 3 | ditolak: 0" in blocks[
        "meta_daily_instagram_followers.csv"]
    assert "format: youtube_table -> tabel posts | baris terbaca: 2 | ditolak: 0" in blocks["youtube_table_data.csv"]
    assert "format: twarc_jsonl -> tabel mentions | baris terbaca: 9 | ditolak: 0" in blocks["twarc_stream.jsonl"]
    # warnings, per file
    assert "catatan: yearless dates in 'Post time' given years so that none falls after 2026-03-05 (date in the " \
           "file name)" in blocks["tiktok_content_2026-03-05.csv"]
    assert "catatan: not UTF-8: decoded as Windows-1252" in blocks["comments_cp1252.csv"]
    # the files no table holds, with their reasons
    failed = out.split("BERKAS TIDAK TERBACA")[1].split("\n\n")[0]
    names = sorted(Path(line.strip().split(": ")[0]).name for line in failed.splitlines()[1:])
    assert names == ["binary.csv", "empty.csv", "generic_comments.csv", "truncated.xlsx", "unknown_format.csv"]
    assert "cannot be read as an XLSX workbook" in failed and "unknown layout" in failed
