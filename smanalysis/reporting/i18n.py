"""The report's own words, in Bahasa Indonesia (``id``) and English (``en``).

Examples
--------
>>> t("no_data", "en", what="comments")
'No comments in this period: this section is left empty.'
>>> SECTION_TITLES["media"]["id"]
'Lapisan 1: Media'
"""

from __future__ import annotations

import html
import re

__all__ = ["t", "esc", "SECTION_TITLES", "TEXT", "section_title", "COLUMN_LABELS", "column_label",
           "VALUE_LABELS", "value_label"]

#: the report's top-level sections (h1), in order; tests check every one is in the HTML
SECTION_TITLES = {
    "story": {"id": "Intinya", "en": "In short"},
    "overview": {"id": "Ringkasan periode", "en": "Period summary"},
    "profile": {"id": "Profil dan tujuan", "en": "Profile and goals"},
    "kpis": {"id": "KPI terhadap target", "en": "KPIs against targets"},
    "media": {"id": "Lapisan 1: Media", "en": "Layer 1: Media"},
    "execution": {"id": "Pelaksanaan rencana konten", "en": "Content plan execution"},
    "conversation": {"id": "Lapisan 2: Percakapan", "en": "Layer 2: Conversation"},
    "network": {"id": "Lapisan 3: Jaringan", "en": "Layer 3: Network"},
    "recommendations": {"id": "Rekomendasi untuk periode berikutnya", "en": "Recommendations for the next period"},
    "next_plan": {"id": "Draf rencana konten berikutnya", "en": "Draft content plan for the next period"},
    "definitions": {"id": "Definisi metrik", "en": "Metric definitions"},
}

TEXT = {
    # generic
    "no_data": {"id": "Tidak ada {what} pada periode ini: bagian ini dibiarkan kosong.",
                "en": "No {what} in this period: this section is left empty."},
    "no_source": {"id": "Data {what} tidak tersedia untuk klien ini: bagian ini dilewati.",
                  "en": "No {what} data for this client: this section is skipped."},
    "not_ready": {"id": "Bagian ini belum tersedia: {what}.", "en": "This section is not available yet: {what}."},
    "failed": {"id": "Bagian ini tidak dapat dihitung ({what}).", "en": "This section could not be computed ({what})."},
    "period_line": {"id": "Periode **{range}**, dibandingkan dengan **{prange}**.",
                    "en": "Period **{range}**, compared with **{prange}**."},
    "pseudonymised": {"id": "Nama akun orang disamarkan (UU PDP 2022); akun merek dan pesaing tetap terlihat.",
                      "en": "People's handles are pseudonymised (Indonesia's PDP law 2022); brand and competitor "
                            "accounts stay visible."},
    # what
    "w_posts": {"id": "unggahan", "en": "posts"},
    "w_comments": {"id": "komentar", "en": "comments"},
    "w_mentions": {"id": "sebutan (mention)", "en": "mentions"},
    "w_network": {"id": "jaringan interaksi", "en": "interaction network"},
    "w_followers": {"id": "pengikut", "en": "followers"},
    "rows_posts": {"id": "unggahan", "en": "posts"}, "rows_comments": {"id": "komentar", "en": "comments"},
    "rows_mentions": {"id": "sebutan", "en": "mentions"},
    "rows_interactions": {"id": "interaksi", "en": "interactions"},
    "rows_followers": {"id": "catatan harian pengikut", "en": "daily follower counts"},
    "rows_content_plan": {"id": "baris rencana konten", "en": "content plan rows"},
    "n_data": {"id": "Data: {files} file dibaca ({rows}); {rejects} baris tidak bisa dipakai.",
               "en": "Data: {files} files read ({rows}); {rejects} rows could not be used."},
    "w_plan": {"id": "rencana konten", "en": "content plan"},
    "w_targets": {"id": "target KPI", "en": "KPI targets"},
    # subsections
    "h_compare": {"id": "Periode ini dibandingkan periode sebelumnya", "en": "This period against the previous one"},
    "h_trend": {"id": "Engagement dari waktu ke waktu", "en": "Engagement over time"},
    "h_formats": {"id": "Format dan tema", "en": "Formats and themes"},
    "h_times": {"id": "Waktu unggah terbaik", "en": "Best posting times"},
    "h_growth": {"id": "Pertumbuhan pengikut", "en": "Follower growth"},
    "h_benchmark": {"id": "Dibandingkan pesaing", "en": "Against competitors"},
    "h_top": {"id": "Unggahan terbaik", "en": "Top posts"},
    "h_spikes": {"id": "Lonjakan", "en": "Spikes"},
    "h_sentiment": {"id": "Sentimen", "en": "Sentiment"},
    "h_voice": {"id": "Share of voice", "en": "Share of voice"},
    "h_care": {"id": "Layanan pelanggan: apakah merek menjawab?", "en": "Customer care: does the brand answer?"},
    "h_terms": {"id": "Apa yang dibicarakan (etnografi)", "en": "What people talk about (ethnography)"},
    "h_codes": {"id": "Topik yang paling sering muncul", "en": "Topics that come up most"},
    "h_netoverview": {"id": "Gambaran jaringan", "en": "Network overview"},
    "h_influencers": {"id": "Siapa yang menyebarkan kabar", "en": "Who spreads the word"},
    "h_shortlist": {"id": "Mikro-influencer yang layak didekati", "en": "Micro-influencers worth approaching"},
    "h_communities": {"id": "Komunitas", "en": "Communities"},
    # narrative
    "n_posts": {"id": "Merek mengunggah **{n}** konten pada periode ini (periode sebelumnya: {prev}).",
                "en": "The brand published **{n}** posts this period (previous period: {prev})."},
    "n_change": {"id": "{label}: {cur} ({delta} dibanding periode sebelumnya).",
                 "en": "{label}: {cur} ({delta} against the previous period)."},
    "n_kpi_met": {"id": "{met} dari {total} KPI mencapai target.", "en": "{met} of {total} KPIs meet their target."},
    "n_care": {"id": "{rq_label} **{rq}**, {ra_label} **{ra}**, {m_label} **{m}**; "
                      "periode sebelumnya: {prq}, {pra}, {pm}.",
               "en": "{rq_label} **{rq}**, {ra_label} **{ra}**, {m_label} **{m}**; "
                     "previous period: {prq}, {pra}, {pm}."},
    "n_top_change": {"id": "Baru di 10 besar dibanding periode sebelumnya: {new}. Keluar dari 10 besar: {gone}.",
                     "en": "New in the top 10 against the previous period: {new}. Out of the top 10: {gone}."},
    "n_up": {"id": "{name} naik dari {prev} ke {cur}.", "en": "{name} went up from {prev} to {cur}."},
    "n_down": {"id": "{name} turun dari {prev} ke {cur}.", "en": "{name} went down from {prev} to {cur}."},
    "n_same": {"id": "{name} tetap {cur}.", "en": "{name} stayed at {cur}."},
    "n_spikes": {"id": "Hari dengan interaksi jauh di atas biasanya, dengan unggahan terkuat hari itu: apa sebabnya?",
                 "en": "Days with engagement far above the usual level, with that day's strongest post: "
                       "what caused it?"},
    "n_unanswered": {"id": "**{n}** pertanyaan atau keluhan belum dijawab (terlama di atas).",
                     "en": "**{n}** questions or complaints are still unanswered (oldest first)."},
    "n_all_answered": {"id": "Semua pertanyaan dan keluhan sudah dijawab.",
                       "en": "Every question and complaint was answered."},
    "n_plan_written": {"id": "Draf rencana ditulis ke `{file}` ({n} baris). Periksa dan lengkapi sebelum dipakai.",
                       "en": "Draft plan written to `{file}` ({n} rows). Review and complete it before use."},
    "n_noclear": {"id": "Belum ada {what} yang terbukti lebih baik atau lebih buruk (95 %).",
                  "en": "No {what} is proven better or worse yet (95 %)."},
    "current": {"id": "periode ini", "en": "this period"},
    "previous": {"id": "periode sebelumnya", "en": "previous period"},
    "comment": {"id": "komentar", "en": "comments"},
    "mention": {"id": "sebutan", "en": "mentions"},
    "n_best_slot": {"id": "Slot terbaik: {slots}.", "en": "Best slots: {slots}."},
    "n_small": {"id": "Catatan: akun kecil punya sedikit unggahan; perbedaan tanpa bukti cukup disebut "
                      "\"belum cukup data\".",
                "en": "Note: a small account has few posts; differences without enough evidence are called "
                      "\"not enough posts to tell\"."},
    # story (the first screen)
    "s_good": {"id": "Yang berjalan baik", "en": "What went well"},
    "s_bad": {"id": "Yang kurang baik", "en": "What went badly"},
    "s_why": {"id": "Kenapa?", "en": "Why?"},
    "s_next": {"id": "Tiga hal untuk bulan depan", "en": "Three things to do next"},
    "s_up": {"id": "**{name}** naik {change} ({prev} → {cur}).", "en": "**{name}** went up {change} ({prev} → {cur})."},
    "s_down": {"id": "**{name}** turun {change} ({prev} → {cur}).",
               "en": "**{name}** went down {change} ({prev} → {cur})."},
    "s_up_from": {"id": "**{name}** naik dari {prev} ke {cur}.", "en": "**{name}** went up from {prev} to {cur}."},
    "s_down_from": {"id": "**{name}** turun dari {prev} ke {cur}.", "en": "**{name}** went down from {prev} to {cur}."},
    "s_keep": {"id": "{what} **{name}** terbukti paling disukai: pertahankan.",
               "en": "{what} **{name}** is clearly liked most: keep it."},
    "s_why_complaint": {"id": "Pada saat yang sama pelanggan paling sering mengeluhkan **{topic}** ({n} keluhan).",
                        "en": "At the same time customers complained most about **{topic}** ({n} complaints)."},
    "s_why_unanswered": {"id": "**{n}** pertanyaan dan keluhan belum dijawab.",
                         "en": "**{n}** questions and complaints were left unanswered."},
    "s_do_reply": {"id": "Jawab **{n}** pertanyaan dan keluhan yang masih menunggu, mulai dari yang terlama "
                         "(daftarnya di bagian Layanan pelanggan). Sekarang {rate} dijawab; targetnya {target}.",
                   "en": "Answer the **{n}** questions and complaints still waiting, oldest first (listed under "
                         "Customer care). {rate} are answered now; the target is {target}."},
    "s_do_complaint": {"id": "Tanggapi keluhan tentang **{topic}**: jelaskan atau perbaiki penyebabnya, lalu "
                             "siapkan satu jawaban baku untuk admin.",
                       "en": "Deal with the complaints about **{topic}**: explain or fix the cause, then give the "
                             "admin one standard reply."},
    "s_do_content": {"id": "Unggah lebih banyak konten bertema **{theme}**, pada **{slot}**.",
                     "en": "Post more **{theme}** content, on **{slot}**."},
    "s_do_theme": {"id": "Unggah lebih banyak konten bertema **{theme}**.", "en": "Post more **{theme}** content."},
    "s_do_slot": {"id": "Jadwalkan unggahan utama pada **{slot}**.", "en": "Schedule the main posts on **{slot}**."},
    "s_do_less": {"id": "Kurangi {names}.", "en": "Post less {names}."},
    "s_do_influencer": {"id": "Ajak **{who}** bekerja sama: akun ini sering berinteraksi dengan merek.",
                        "en": "Invite **{who}** to work with you: this account often talks with the brand."},
    "s_do_influencer_pseudo": {"id": "Ajak akun teratas di daftar mikro-influencer (**{who}**; nama aslinya ada "
                                     "di salinan analis) bekerja sama.",
                               "en": "Invite the top account of the micro-influencer list (**{who}**; the analyst's "
                                     "copy has the real name) to work with you."},
    "s_quiet": {"id": "Belum cukup data untuk bercerita tentang periode ini.",
                "en": "Not enough data yet to tell the story of this period."},
    # KPI table
    "kpi_met": {"id": "tercapai", "en": "met"},
    "kpi_missed": {"id": "belum tercapai", "en": "not met"},
    "kpi_nodata": {"id": "tidak ada data", "en": "no data"},
    # recommendations
    "r_slots": {"id": "Jadwalkan unggahan utama pada slot terbaik: {slots}.",
                "en": "Schedule the main posts in the best slots: {slots}."},
    "r_keep": {"id": "Pertahankan {what} **{name}**: interaksinya jelas lebih tinggi, bukan kebetulan ({verdict}).",
               "en": "Keep the {what} **{name}**: it clearly gets more interaction, not by chance ({verdict})."},
    "r_stop": {"id": "Kurangi atau hentikan {what} **{name}**: interaksinya jelas lebih rendah, bukan kebetulan "
                     "({verdict}).",
               "en": "Cut back or stop the {what} **{name}**: it clearly gets less interaction, not by chance "
                     "({verdict})."},
    "r_noevidence": {"id": "Belum ada format atau tema yang terbukti lebih baik; uji satu perubahan sekaligus.",
                     "en": "No format or theme is proven better yet; test one change at a time."},
    "r_influencer": {"id": "Dekati {who}: berinteraksi dengan merek dan punya pengikut sedang.",
                     "en": "Approach {who}: they interact with the brand and have modest followings."},
    "r_pseudo_hint": {"id": " (nama disamarkan; nama aslinya ada di salinan analis)",
                      "en": " (names hidden; the analyst's copy has the real names)"},
    "r_complaint": {"id": "Keluhan berulang tentang **{topic}** ({n}×): tangani sumbernya dan siapkan jawaban baku.",
                    "en": "Recurring complaint about **{topic}** ({n}×): fix the cause and prepare a standard reply."},
    "r_care": {"id": "Jawab semua pertanyaan dan keluhan: {label} {rate}, target {target}.",
               "en": "Answer every question and complaint: {label} {rate}, target {target}."},
    "r_plan": {"id": "Tepati rencana: {skipped} dari {planned} rencana unggahan dilewati.",
               "en": "Keep to the plan: {skipped} of {planned} planned posts were skipped."},
    "r_none": {"id": "Tidak ada rekomendasi khusus dari data periode ini.",
               "en": "No specific recommendation from this period's data."},
    "w_format": {"id": "format", "en": "format"},
    "w_theme": {"id": "tema", "en": "theme"},
    "w_content_type": {"id": "jenis konten", "en": "content type"},
}


#: table column names -> (Bahasa Indonesia, English) headers; metrics take their label from the registry
COLUMN_LABELS = {
    "platform": ("platform", "platform"), "account": ("akun", "account"), "brand": ("merek", "brand"),
    "role": ("peran", "role"), "engagements_median": ("median interaksi", "median engagements"), "format": ("format", "format"), "theme": ("tema", "theme"),
    "content_type": ("jenis konten", "content type"), "caption": ("caption", "caption"), "rank": ("peringkat", "rank"),
    "top_format": ("format utama", "top format"), "format_mix": ("campuran format", "format mix"),
    "top_theme": ("tema utama", "top theme"), "followers_start": ("pengikut awal", "followers at start"), "date": ("tanggal", "date"),
    "value": ("nilai", "value"), "baseline": ("tingkat biasa", "usual level"), "robust_z": ("skor z robust",
                                                                                             "robust z"),
    "is_spike": ("lonjakan", "spike"), "planned": ("direncanakan", "planned"), "on_time": ("tepat waktu", "on time"),
    "late": ("terlambat", "late"), "skipped": ("dilewati", "skipped"), "upcoming": ("akan datang", "upcoming"),
    "unplanned": ("tanpa rencana", "unplanned"), "execution_rate": ("tingkat pelaksanaan", "execution rate"),
    "on_time_rate": ("tingkat tepat waktu", "on-time rate"), "note": ("catatan", "note"),
    "positive": ("positif", "positive"), "neutral": ("netral", "neutral"), "negative": ("negatif", "negative"),
    "total": ("total", "total"), "net_sentiment_excl_neutral": ("sentimen bersih (tanpa netral)",
                                                                 "net sentiment (neutral excluded)"), "side": ("sisi", "side"),
    "term": ("istilah", "term"), "kind": ("jenis", "kind"), "count": ("jumlah", "count"),
    "docs": ("teks", "texts"), "share_docs": ("porsi teks", "share of texts"), "previous": ("sebelumnya", "previous"),
    "ratio": ("rasio", "ratio"), "new": ("baru", "new"), "period": ("periode", "period"),
    "mentions": ("sebutan", "mentions"), "volume": ("volume", "volume"),
    "comments": ("komentar", "comments"), "answered": ("dijawab", "answered"), "unanswered": ("belum dijawab",
                                                                                              "unanswered"),
    "response_rate": ("tingkat balasan", "reply rate"), "median_minutes": ("median menit", "median minutes"),
    "p90_minutes": ("persentil 90 (menit)", "90th percentile (minutes)"), "intent": ("maksud", "intent"),
    "created_at": ("waktu", "time"), "author": ("penulis", "author"), "text": ("teks", "text"),
    "waiting_hours": ("menunggu (jam)", "waiting (hours)"), "code": ("kode", "code"), "label": ("label", "label"),
    "texts": ("teks", "texts"), "share": ("porsi", "share"), "node": ("akun", "account"),
    "followers": ("pengikut", "followers"), "in_strength": ("interaksi diterima", "interactions received"),
    "out_strength": ("interaksi dibuat", "interactions made"),
    "core": ("inti (k-core)", "core (k-core)"), "betweenness": ("betweenness", "betweenness"),
    "tier": ("tingkat", "tier"), "brand_interactions": ("interaksi dengan merek", "interactions with the brand"),
    "community_reach": ("jangkauan komunitas", "community reach"), "reason": ("alasan", "reason"),
    "community": ("komunitas", "community"), "size": ("ukuran", "size"), "top_members": ("anggota utama",
                                                                                          "top members"),
    "internal_weight": ("interaksi di dalam", "interactions inside"), "external_weight": ("interaksi keluar",
                                                                                          "interactions leaving"),
    "brand_share": ("porsi ke merek", "share to the brand"), "competitor_share": ("porsi ke pesaing",
                                                                                  "share to competitors"),
    "top_terms": ("istilah utama", "top terms"), "top_hashtags": ("tagar utama", "top hashtags"),
    "nodes": ("akun", "accounts"), "edges": ("hubungan", "links"), "interactions": ("interaksi", "interactions"),
    "reciprocity": ("timbal balik", "reciprocity"), "density": ("kepadatan", "density"),
    "components": ("komponen", "components"), "largest_component_share": ("porsi komponen terbesar",
                                                                          "largest component share"), "time": ("jam", "time"), "metric": ("metrik", "metric"),
    "formula": ("rumus", "formula"), "denominator": ("penyebut", "denominator"), "unit": ("satuan", "unit"),
    "source": ("sumber", "source"), "mad": ("MAD", "MAD"),
    "no_data": ("tanpa data", "no data"),
    "positive_share_of_voice": ("share of voice positif", "positive share of voice"),
    "negative_share_of_voice": ("share of voice negatif", "negative share of voice"),
    "top_post": ("unggahan terkuat", "strongest post"), "field": ("butir", "item"),
}


#: values of coded columns shown in tables -> (Bahasa Indonesia, English)
VALUE_LABELS = {
    "question": ("pertanyaan", "question"), "complaint": ("keluhan", "complaint"), "praise": ("pujian", "praise"),
    "negative": ("negatif", "negative"), "positive": ("positif", "positive"), "neutral": ("netral", "neutral"),
    "nano": ("nano", "nano"), "micro": ("mikro", "micro"), "mid": ("menengah", "mid-tier"), "macro": ("makro", "macro"),
    "mega": ("mega", "mega"), "(none)": ("(tanpa)", "(none)"),
    "abuse": ("hinaan", "abuse"), "spam": ("spam", "spam"), "other": ("lainnya", "other"),
    # content types of a content plan
    "education": ("edukasi", "education"), "engagement": ("ajakan interaksi", "engagement"),
    "inspiration": ("inspirasi", "inspiration"), "news": ("kabar/berita", "news"), "promo": ("promo", "promo"),
    "entertainment": ("hiburan", "entertainment"), "behind_the_scenes": ("di balik layar", "behind the scenes"),
}


def value_label(value, lang: str = "id"):
    """A coded value (an intent...) in ``lang``; anything else unchanged.

    >>> value_label("complaint", "id"), value_label(3, "id")
    ('keluhan', 3)
    """
    pair = VALUE_LABELS.get(value) if isinstance(value, str) else None
    return (pair[0] if lang == "id" else pair[1]) if pair else value


def column_label(name, lang: str = "id") -> str:
    """Header of a table column in ``lang``: :data:`COLUMN_LABELS`, else the metric registry's label
    (:func:`smanalysis.media.metric_label`), else the name itself.

    >>> column_label("answered", "id"), column_label("er_reach", "en"), column_label("whatever", "en")
    ('dijawab', 'Engagement rate (reach)', 'whatever')
    """
    from ..media.metrics import metric_label

    pair = COLUMN_LABELS.get(name)
    return (pair[0] if lang == "id" else pair[1]) if pair else metric_label(name, lang)


def t(key: str, lang: str = "id", **fields) -> str:
    """The text ``key`` in ``lang`` with ``fields`` filled in (fields are used as given: escape
    user-written values with :func:`esc` first)."""
    entry = TEXT.get(key) or SECTION_TITLES.get(key)
    if entry is None:
        raise KeyError(f"no report text {key!r}")
    text = entry.get(lang) or entry["id"]
    return text.format(**fields) if fields else text


def section_title(key: str, lang: str = "id") -> str:
    """Top-level section title in ``lang``."""
    return SECTION_TITLES[key].get(lang) or SECTION_TITLES[key]["id"]


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!])")


def esc(text) -> str:
    """Make user-written text safe inside Markdown: HTML-escaped and Markdown-inert.

    Examples
    --------
    >>> print(esc("<script>alert('x')</script> *promo* & #1"))
    &lt;script&gt;alert('x')&lt;/script&gt; \\*promo\\* &amp; \\#1
    """
    return html.escape(_MD_SPECIAL.sub(r"\\\1", str(text)), quote=False)
