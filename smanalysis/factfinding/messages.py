"""The words of the workflow: one catalogue of user-facing sentences in Bahasa Indonesia and English.

:data:`TEXT` maps a message key to its (Bahasa Indonesia, English) pair; :func:`text`
fills one in, :func:`md` and :func:`show` put it in a notebook cell.
:mod:`smanalysis.plan` registers its own keys in the same catalogue.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from .._checks import LANGS, check_choice
from ..markup import escape_markdown


# --------------------------------------------------------------------------- text
def _check_lang(lang: str) -> str:
    return check_choice("lang", lang, LANGS)


def text(key: str, lang: str = "id", **fields: Any) -> str:
    """The user-facing sentence ``key`` in ``lang``, with ``{fields}`` filled in.

    Parameters
    ----------
    key : str
        Message key, e.g. ``"no_data"``.
    lang : {"id", "en"}
        Language.
    **fields
        Values for the ``{placeholders}`` of the message.

    Examples
    --------
    >>> text("no_data", "en")
    'No data for this section.'
    >>> text("no_data", "id")
    'Tidak ada data untuk bagian ini.'
    """
    _check_lang(lang)
    if key not in TEXT:
        from .. import plan  # noqa: F401  (registers the plan and execution messages)
    try:
        entry = TEXT[key]
    except KeyError:
        raise ValueError(f"The value for `key` must be a known message key, but {key!r} was passed.") from None
    msg = entry[0] if lang == "id" else entry[1]
    return msg.format(**fields) if fields else msg


def md(key: str, lang: str = "id", **fields: Any):
    """:func:`text` wrapped as :class:`IPython.display.Markdown` for a notebook cell; text fields
    (client and competitor names...) are escaped (:func:`smanalysis.markup.escape_markdown`).

    Examples
    --------
    >>> md("nb.loaded", "en", client="<b>X</b>", start="2026-10-01", end="2026-10-31", posts=1, comments=2,
    ...    plan=3).data.count("&lt;b&gt;X&lt;/b&gt;")
    1
    """
    from IPython.display import Markdown

    safe = {k: escape_markdown(v) if isinstance(v, str) else v for k, v in fields.items()}
    return Markdown(text(key, lang, **safe))


def show(obj: Any, lang: str = "id", *, source: Any = None):
    """``obj`` itself, or a note when it is missing or empty.

    The note is "no data for this section" when there is no data to look at, and
    "nothing found" when ``source`` (the data ``obj`` was taken from) is not empty:
    an empty list of problems in a full plan is good news, not missing data.

    Examples
    --------
    >>> import pandas as pd
    >>> show(pd.DataFrame(), "en").data
    '*No data for this section.*'
    >>> show(pd.DataFrame(), "en", source=pd.DataFrame({"a": [1]})).data
    '*Nothing found: every row passes this check.*'
    >>> show(pd.DataFrame({"a": [1]})).shape
    (1, 1)
    """
    from IPython.display import Markdown

    if not _empty_obj(obj):
        return obj
    return Markdown(f"*{text('no_data' if _empty_obj(source) else 'none_found', lang)}*")


def _empty_obj(obj: Any) -> bool:
    return obj is None or (isinstance(obj, (pd.DataFrame, pd.Series)) and obj.empty)


def _empty(obj: pd.DataFrame | None) -> bool:
    return obj is None or len(obj) == 0


def _num(x: float, lang: str, digits: int = 1) -> str:
    """A number with a decimal comma in Indonesian, a decimal point in English."""
    out = f"{x:.{digits}f}"
    return out.replace(".", ",") if lang == "id" else out


# ---------------------------------------------------------------- the words
# key -> (Bahasa Indonesia, English). smanalysis.plan registers its own keys here too.
TEXT: dict[str, tuple[str, str]] = {
    "no_data": ("Tidak ada data untuk bagian ini.", "No data for this section."),
    "none_found": ("Tidak ada temuan: semua baris lolos pemeriksaan ini.", "Nothing found: every row passes this check."),
    "field.business_name": ("Nama usaha", "Business name"),
    "field.sector": ("Bidang usaha", "Sector"),
    "field.business_model": ("Model bisnis", "Business model"),
    "field.goal": ("Tujuan bermedia sosial", "Social media goal"),
    "field.audience": ("Target audiens", "Target audience"),
    "field.platforms": ("Platform", "Platforms"),
    "field.own_accounts": ("Akun sendiri", "Own accounts"),
    "field.competitors": ("Pesaing", "Competitors"),
    "field.tone": ("Gaya bahasa (tone)", "Tone of voice"),
    "field.kpi_targets": ("Target KPI", "KPI targets"),
    "field.website": ("Situs web", "Website"),
    "fit.strong": ("{platform}: cocok; sekitar {pct}% penggunanya seusia target Anda.",
                   "{platform}: good fit; about {pct}% of its users are your target ages."),
    "fit.moderate": ("{platform}: cukup cocok; sekitar {pct}% penggunanya seusia target Anda.",
                     "{platform}: moderate fit; about {pct}% of its users are your target ages."),
    "fit.weak": ("{platform}: kurang cocok; hanya sekitar {pct}% penggunanya seusia target Anda.",
                 "{platform}: weak fit; only about {pct}% of its users are your target ages."),
    "fit.unknown": ("{platform}: belum bisa dinilai; isi rentang usia audiens di profil.",
                    "{platform}: cannot tell; fill in the audience age range in the profile."),
    "fit.drop": ("Anda memakainya: pastikan audiens Anda memang ada di sana sebelum mencurahkan waktu.",
                 "You use it: check your audience is really there before spending time on it."),
    "fit.try": ("Belum Anda pakai: layak dipertimbangkan.", "Not used yet: worth considering."),
    "plot.fit_x": ("% pengguna platform di Indonesia dalam rentang usia target", "% of Indonesian platform users in the target ages"),
    "plot.fit_title": ("Porsi pengguna platform seusia target", "Share of platform users in the target ages"),
    "aspect.format": ("format", "format"),
    "aspect.theme": ("tema", "theme"),
    "aspect.hashtag": ("tagar", "hashtag"),
    "aspect.hour": ("jam posting", "posting hour"),
    "aspect.platform": ("platform", "platform"),
    "aspect.frequency": ("frekuensi", "frequency"),
    "scan.copy.item": ("Tiru: {comp} memakai {aspect} '{item}' di {cv}% unggahannya, Anda di {ov}%. Coba sesuaikan dengan usaha Anda.",
                       "Copy: {comp} uses the {aspect} '{item}' in {cv}% of its posts, you in {ov}%. Try it, adapted to your business."),
    "scan.copy.freq": ("Tiru: {comp} memposting {cv} kali per minggu, Anda {ov} kali. Pertimbangkan jadwal yang lebih rutin.",
                       "Copy: {comp} posts {cv} times a week, you {ov} times. Consider a steadier schedule."),
    "scan.keep.item": ("Pertahankan: {aspect} '{item}' ({ov}% unggahan Anda) tidak dipakai pesaing; ini nilai tambah Anda.",
                       "Keep: the {aspect} '{item}' ({ov}% of your posts) is not used by competitors; it is what you add."),
    "sign.ad_channel": ("Media sosial hanya dianggap saluran iklan", "Social media seen only as an ad channel"),
    "sign.care": ("Kurang komitmen pada kualitas dan layanan pelanggan", "Little commitment to quality and customer care"),
    "sign.no_plan": ("Tidak ada rencana yang menyeluruh", "No comprehensive plan"),
    "ev.promo_share": ("{pct}% konten bersifat promosi (batas wajar {ceiling}%).", "{pct}% of content is promotion (sensible ceiling {ceiling}%)."),
    "ev.no_content_type": ("Jenis konten (promosi atau bermanfaat) tidak tercatat.", "Content type (promotion or useful) is not recorded."),
    "ev.reply_rate": ("{pct}% komentar pelanggan dibalas (patokan {target}%).", "{pct}% of customer comments got a reply (benchmark {target}%)."),
    "ev.care_target": ("Profil menetapkan target balasan {pct}%; belum ada data komentar untuk memeriksanya.",
                       "The profile sets a {pct}% reply target; no comment data to check it yet."),
    "ev.no_comments": ("Tidak ada data komentar dan profil belum menetapkan target balasan.",
                       "No comment data and the profile sets no reply target."),
    "ev.no_plan": ("Tidak ada rencana konten tertulis.", "No written content plan."),
    "ev.plan_complete": ("Rencana konten berisi {n} baris; {pct}% lengkap (tanggal, platform, tema, caption, aset, tagar, sumber).",
                         "The content plan has {n} rows; {pct}% are complete (date, platform, theme, caption, asset, hashtags, source)."),
    "advice.ad_channel.ok": ("Bagus. Jaga agar promosi tetap diselingi konten yang bermanfaat.", "Good. Keep mixing promotion with useful content."),
    "advice.ad_channel.warning": ("Kurangi promosi; isi linimasa dengan tips, cerita dan ajakan ngobrol. Media sosial tempat bersosialisasi, bukan papan iklan.",
                                  "Post less promotion; fill the feed with tips, stories and conversation starters. Social media is for socialising, not a billboard."),
    "advice.ad_channel.unknown": ("Catat jenis setiap konten (promosi, edukasi, hiburan, ...) di rencana agar keseimbangannya bisa dicek.",
                                  "Record each post's content type (promotion, education, entertainment, ...) in the plan so the balance can be checked."),
    "advice.care.ok": ("Bagus. Terus balas setiap pertanyaan, keluhan, bahkan umpatan.", "Good. Keep answering every question, complaint and even insult."),
    "advice.care.warning": ("Balas setiap pertanyaan dan keluhan, sebaiknya dalam satu jam kerja. Keluhan yang dibiarkan dilihat banyak orang.",
                            "Reply to every question and complaint, ideally within a working hour. Ignored complaints are seen by many."),
    "advice.care.unknown": ("Tetapkan siapa yang membalas komentar dan target waktunya, lalu ekspor komentar untuk dipantau.",
                            "Decide who answers comments and how fast, then export comments to monitor it."),
    "advice.no_plan.ok": ("Bagus. Tinjau rencana setiap bulan.", "Good. Review the plan every month."),
    "advice.no_plan.warning": ("Tulis rencana konten: tanggal, platform, tema, caption, aset, tagar dan sumber untuk setiap unggahan.",
                               "Write a content plan: date, platform, theme, caption, asset, hashtags and source for every post."),
    "check.goals": ("Tujuan yang jelas", "Clear goals"),
    "check.audience": ("Audiens utama", "Main audience"),
    "check.listening": ("Mendengarkan (membalas percakapan)", "Listening (answering the conversation)"),
    "check.focus": ("Fokus platform", "Focus platforms"),
    "check.audit": ("Pemeriksaan akun rutin", "Regular account audit"),
    "check.tone": ("Tone komunikasi", "Tone of voice"),
    "check.integration": ("Terhubung dengan situs/profil lain", "Integration with website and other profiles"),
    "check.company": ("Melibatkan seluruh bagian usaha", "Whole-company involvement"),
    "check.measurement": ("Pengukuran yang terkait tujuan", "Measurement tied to goals"),
    "ev.goal": ("Tujuan: {goal}; {n} target KPI.", "Goal: {goal}; {n} KPI targets."),
    "ev.audience": ("Usia {ages}; {more}.", "Ages {ages}; {more}."),
    "ev.focus": ("{n} platform aktif: {platforms}.", "{n} active platforms: {platforms}."),
    "ev.audit_data": ("Platform tanpa unggahan dalam 30 hari terakhir: {idle}.", "Platforms with no post in the last 30 days: {idle}."),
    "ev.audit_profile": ("{n} dari {total} isian profil lengkap.", "{n} of {total} profile fields filled."),
    "ev.tone": ("Tone di profil: {tone}.", "Tone in the profile: {tone}."),
    "ev.tone_data": ("Tone di profil: {tone}; {pct}% caption sesuai dengan tone itu.",
                     "Tone in the profile: {tone}; {pct}% of captions are consistent with it."),
    "ev.integration_data": ("Situs: {site}; {pct}% caption mengarah ke situs atau link di bio.",
                            "Website: {site}; {pct}% of captions point to the website or the bio link."),
    "ev.integration": ("Situs: {site}.", "Website: {site}."),
    "ev.company_plan": ("Rencana konten memakai {n} sumber berbeda.", "The content plan draws on {n} different sources."),
    "ev.company_team": ("{n} peran tim tercatat di profil.", "{n} team roles recorded in the profile."),
    "ev.measurement": ("{n} target KPI; sesuai tujuan: {fits}.", "{n} KPI targets; fitting the goal: {fits}."),
    "check_advice.goals": ("Tulis tujuan Anda sendiri dan beri angka target (misalnya engagement rate 5%).",
                           "Write your own goal and give it numbers (for example a 5% engagement rate)."),
    "check_advice.audience": ("Tentukan satu audiens utama: usia, lokasi dan minatnya.", "Pick one main audience: age, location and interests."),
    "check_advice.listening": ("Pantau dan balas komentar setiap hari; catat pertanyaan yang sering muncul.",
                               "Watch and answer comments every day; note the questions that recur."),
    "check_advice.focus": ("Fokus pada dua atau tiga platform tempat audiens Anda berkumpul.", "Focus on the two or three platforms where your audience gathers."),
    "check_advice.audit": ("Periksa setiap akun sebulan sekali: bio, jam buka, kontak, tautan, dan unggahan terbaru.",
                           "Check every account monthly: bio, opening hours, contact, links and recent posts."),
    "check_advice.tone": ("Putuskan gaya bahasa (santai/formal) dan sapaan (kak, kamu, Anda), lalu pakai konsisten.",
                          "Decide the register (casual/formal) and how you address customers (kak, kamu, Anda), then stick to it."),
    "check_advice.integration": ("Hubungkan akun dengan situs, toko online dan profil lain; sebutkan di caption dan bio.",
                                 "Link the accounts to your website, online shop and other profiles; mention them in captions and bio."),
    "check_advice.company": ("Libatkan bagian lain (dapur, kasir, pemilik) sebagai sumber konten dan sepakati apa yang boleh dipublikasikan.",
                             "Involve other parts of the business (kitchen, cashier, owner) as content sources and agree on what may be published."),
    "check_advice.measurement": ("Tetapkan KPI yang terkait tujuan dan ukur setiap bulan.", "Set KPIs tied to the goal and measure them monthly."),
    "phase.0": ("Belum memulai", "Not started yet"),
    "phase.1": ("Fase 1: paham pentingnya media sosial", "Phase 1: understands why social media matters"),
    "phase.2": ("Fase 2: sudah punya panduan teknis", "Phase 2: has technical guidance"),
    "phase.3": ("Fase 3: menjalankan sendiri", "Phase 3: runs it alone"),
    "phase_reason.p0": ("Anda belum yakin apa gunanya media sosial untuk usaha Anda.", "You are not yet sure what social media does for your business."),
    "phase_reason.p1": ("Anda tahu pentingnya, tetapi belum punya langkah teknis atau rencana tertulis.",
                        "You know why it matters but have no technical steps or written plan yet."),
    "phase_reason.p2": ("Anda tahu caranya dan punya rencana, tetapi belum menjalankannya secara rutin.",
                        "You know how and have a plan, but do not run it routinely yet."),
    "phase_reason.p3_time": ("Anda menjalankan sendiri tetapi kekurangan waktu; di fase inilah kebanyakan pelaku UKM berhenti.",
                             "You run it alone but lack time; this is where most small business owners give up."),
    "phase_reason.p3_team": ("Anda menjalankan akun dengan bantuan tim atau agensi.", "You run the accounts with a team or an agency."),
    "phase_reason.p3_ok": ("Anda menjalankan sendiri dan masih punya waktu.", "You run it yourself and still have time."),
    "phase_next.p0": ("Ikuti seminar atau baca contoh usaha sejenis; mulai dari pertanyaan: apa tujuan Anda bermedia sosial?",
                      "Attend a seminar or study similar businesses; start with the question: what is your goal on social media?"),
    "phase_next.p1": ("Ikuti pelatihan teknis dan isi profil serta lima baris rencana konten pertama Anda (notebook workshop 02).",
                      "Take a technical training and fill in your profile and your first five plan rows (workshop notebook 02)."),
    "phase_next.p2": ("Jalankan rencana selama sebulan, lalu baca ekspor data Anda (notebook workshop 03).",
                      "Run the plan for a month, then read your own export (workshop notebook 03)."),
    "phase_next.p3_time": ("Sebagai pemilik, pegang strategi dan target penjualan; serahkan pekerjaan harian ke tim internal atau agensi UKM.",
                           "As owner, keep the strategy and sales targets; hand the daily work to an internal team or an agency for small businesses."),
    "phase_next.p3_team": ("Pastikan tim punya rencana tertulis, target KPI dan laporan bulanan; Anda tetap memegang strategi.",
                           "Make sure the team has a written plan, KPI targets and a monthly report; you keep the strategy."),
    "phase_next.p3_ok": ("Ukur hasilnya setiap bulan; bila waktu mulai habis, siapkan tim atau agensi.",
                         "Measure results every month; when time runs short, prepare a team or an agency."),
    # notebook 01 narrative
    "nb.loaded": ("Data dimuat untuk **{client}**, periode {start} s.d. {end}: {posts} unggahan, {comments} komentar, {plan} baris rencana.",
                  "Data loaded for **{client}**, period {start} to {end}: {posts} posts, {comments} comments, {plan} plan rows."),
    "nb01.profile": ("Profil usaha menjawab pertanyaan dasar fact finding: model bisnis (B2B atau B2C), tujuan (reputasi atau promosi), dan siapa audiensnya.",
                     "The business profile answers the basic fact-finding questions: business model (B2B or B2C), goal (reputation or promotion) and who the audience is."),
    "nb01.fit": ("Apakah audiens Anda ada di platform itu? Batang menunjukkan berapa persen pengguna tiap platform di Indonesia berada dalam rentang usia target (angka perkiraan, sumber di tabel).",
                 "Is your audience on that platform? Bars show what share of each platform's Indonesian users fall in the target ages (approximate figures, source in the table)."),
    "nb01.scan": ("Apa yang dilakukan pesaing dan belum Anda lakukan? Tiru hal yang baik, pertahankan yang menjadi nilai tambah Anda.",
                  "What do competitors do that you do not? Copy the good things, keep what you add."),
    "nb01.readiness": ("Tiga tanda usaha belum siap bermedia sosial. Tanda peringatan (warning) perlu dibereskan dulu.",
                       "Three signs a business is not ready for social media. Fix any warning first."),
    "nb01.checklist": ("Sembilan poin strategi, dinilai 0 sampai 1 dari data bila data bisa menjawab, selain itu dari profil.",
                       "Nine strategy points, scored 0 to 1 from data where data can tell, otherwise from the profile."),
    "steps.head": ("**Langkah pertama:**", "**First steps:**"),
    "steps.none": ("Tidak ada yang mendesak: tanda bahaya aman dan semua poin strategi cukup.",
                   "Nothing urgent: no warning sign and every strategy point is fair."),
    "nb01.steps": ("Kesimpulan fact finding: apa yang dikerjakan lebih dulu.", "Fact-finding conclusions: what to do first."),
    "nb.saved": ("Tabel disimpan di folder keluaran:", "Tables saved to the output folder:"),
}
