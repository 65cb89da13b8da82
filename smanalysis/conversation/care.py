"""Customer care: what comments ask for, and whether the brand answers.

A business on social media has to answer every question, complaint and even
insult; left alone, the conversation turns wild and then dies. This module
marks the intent of each comment, links comments to the brand's replies, and
measures the response rate and first-response time.

Intent rules (Indonesian first, English too) are regular expressions tried in
this priority order; the first intent whose rules match wins, and ``rule``
names the rule that fired:

1. ``spam``       links, "cek bio", "open reseller", "dm for collab", gambling, loans, follower selling
2. ``abuse``      insults, swearing and mockery ("dasar penipu", "kopi sachet aja lebih enak")
3. ``complaint``  kecewa, lama banget, belum sampai, tidak sesuai, salah kirim, basi, jutek, refund, 😡 ...
4. ``other``      friends tagged into a question or an invitation ("@sari kapan kita ke sini?";
                  rule ``tag:friends``): the question is not for the brand
5. ``question``   berapa, gimana/bagaimana, apakah, kapan, dimana/di mana, bisa/boleh ... ?, kak ... ?, any "?"
6. ``praise``     enak, mantap, keren, suka, rekomen, makasih, "gk pernah kecewa", 😍 ...
7. ``other``      none of these (``rule`` = "none")

Spam comes first because promotions often ask questions ("mau cuan?");
abuse before complaint because an insult needs a calm, careful reply even
when it carries a complaint; complaint before question because "kok pesanan
saya belum sampai?" is a complaint phrased as a question; question before
praise because "enak banget, buka jam berapa kak?" waits for an answer.
Within an intent, ``rule`` names the first rule of :data:`INTENT_RULES` that
matches. Before the rules run, texts are lower-cased, elongations folded
("kapaaan" -> "kapan"; doubled letters are tried folded too), a negation is
fused to the complaint word after it ("gk pernah kecewa" -> "tidak_kecewa",
which is praise) and "parah" after a positive word reads as "banget"
("nagih parah"). The rules run once per distinct text.

Examples
--------
>>> intents(["Kak, harga kopi susu berapa?", "Pesanan saya belum sampai, kecewa", "Enak bgt 😍"])
      intent              rule
0   question   question:berapa
1  complaint  complaint:kecewa
2     praise       praise:enak
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from ..exceptions import EmptyDataError, SMAnalysisWarning
from ..schema import DEFAULT_TIMEZONE, validate
from .._checks import check_choice
from ._common import as_list

__all__ = ["INTENTS", "INTENT_RULES", "intents", "response_times", "response_stats", "unanswered"]

INTENTS = ("question", "complaint", "praise", "abuse", "spam", "other")
_PRIORITY = ("spam", "abuse", "complaint", "tag", "question", "praise")
_ADDRESS = r"(?:kak|kakak|ka|min|mimin|admin|gan|sis)"
_NEG = r"(?:tidak|tdk|gak|ga|gk|nggak|ngga|enggak|engga|ndak|kagak|belum|blm|blom)"
# Complaint words that a negation turns into praise ("gk pernah kecewa", "gak nyesel", "nggak basi"):
# before the rules run, the negation is fused to the word ("tidak_kecewa"), which complaint rules no
# longer see and the praise rule ``tidak_kecewa`` does (cheaper than look-behinds at every position).
_NEGATABLE = (r"kecewa\w*|mengecewakan|nyesel|nyesal|menyesal|kapok|zonk|rugi|basi|busuk|rusak|kotor|jorok|"
              r"keasinan|kemanisan|kepahitan|hambar|anyep|lemot|lelet|lama|mahal|jutek|judes|ketus")
_NEGATED_RE = re.compile(r"\b(?:tidak|tdk|gak|ga|gk|nggak|ngga|enggak|engga|ndak|kagak|never|not)\s+"
                         r"(?:pernah\s+|bakal\s+|akan\s+|terlalu\s+|ever\s+)?(?=(?:" + _NEGATABLE + r")\b)")
# "parah" after a positive word is an intensifier ("nagih parah", "cozy parah"): read as "banget"
_POSITIVE = ("enak", "nagih", "cozy", "keren", "mantap", "bagus", "murah", "ramah", "nyaman", "seru", "betah", "juara",
             "kenceng", "cepet", "cepat", "lucu", "worth it", "estetik", "aesthetic", "adem", "crunchy", "wangi")
_POS_PARAH_RE = re.compile(r"\b(" + "|".join("".join(re.escape(ch) + ("+" if ch.isalpha() else "") for ch in w)
                                             for w in _POSITIVE) + r")\s+(?:nya\s+)?parah+\b")

#: Rules per intent, in order: (rule name, regular expression on lower-cased text
#: with elongations folded, e.g. "lamaaa" -> "lama", a negation fused to the complaint
#: word after it, "gk kecewa" -> "tidak_kecewa", and "enak parah" read as "enak banget").
INTENT_RULES: dict[str, list[tuple[str, str]]] = {
    "spam": [
        ("link", r"https?://|www\.|\b(?:bit\.ly|cutt\.ly|s\.id|tinyurl\.com|shorturl\.at|wa\.me|t\.me|linktr\.ee)/|\b\w+\.(?:com|id|co|xyz|site|link)/\S+"),
        ("cek_bio", r"\b(?:cek|cekidot|check|mampir|kunjungi|intip)\s+(?:bio|profil|profile|ig|akun|story|sg)\b"),
        ("link_in_bio", r"\blink (?:di|in) bio\b"),
        ("open_reseller", r"\bopen\s+(?:reseller|dropship(?:er)?|agen|member|recruitment|slot|jastip|po|endorse|jasa|paid promote)\b|\brate ?card\b|\bdicari\s+(?:reseller|agen|dropshipper)\b"),
        ("dm_collab", r"\bdm\s+(?:for|me|aja|ya)?\s*(?:collab|colab|kolab|promo|promote|endorse|business)\b|\bcollab\s*\?|\bpaid\s+promote\b|\bendorse(?:ment)?\s+(?:murah|ready)\b"),
        ("followers", r"\b(?:jasa|jual)\s+(?:followers?|like|likes|view|views|subscriber)\b|\bfollow\s*back\b|\bfollow (?:ig|akun|instagram|tiktok) (?:aku|kita|kami|ku)\b|\bjual akun\b|\bf4f\b|\bl4l\b|\blike4like\b|\bfollback\b"),
        ("gambling", r"\b(?:slot|gacor|maxwin|togel|judi|jackpot|scatter|depo(?:sit)?\s*\d+|rtp)\b"),
        ("income", r"\b(?:penghasilan tambahan|kerja (?:dari|di) rumah|tanpa modal|modal (?:hp|kecil)|bisnis online|passive income|pinjaman (?:cepat|online|dana)|pinjol|tanpa jaminan|cepat cair|saldo gratis|grup investasi|profit (?:tiap|per) hari|work from home)\b"),
        ("phone_promo", r"\b(?:wa|whatsapp|hub|hubungi|order)\s*[:.]?\s*\+?(?:62|0)8[\dx]{7,}"),
    ],
    "abuse": [
        ("anjing", r"(?<!bawa )(?<!hewan )\b(?:anjing|anjeng|anjg|njing|ajg)\b"),
        ("bangsat", r"\b(?:bangsat|bgst|bajingan|brengsek|keparat|kampret|sialan|setan)\b"),
        ("goblok", r"\b(?:goblok|goblog|gblk|tolol|idiot|bego|bodoh|dongo|dungu|otak udang)\b"),
        ("tai", r"\b(?:tai|taik|tahi|asu|jancok|jancuk|cuk|kontol|memek|ngentot|pantek)\b"),
        ("binatang", r"\b(?:dasar|kayak|kaya|muka)\s+(?:babi|monyet|kunyuk|anjing|setan)\b|\bdasar\s+(?:penipu|maling|pembohong|rakus|pelit|tukang tipu)\b"),
        ("hinaan", r"\b(?:norak|kampungan|comberan|najis|jijik)\b|\b(?:rasa\w*|kopi\w*|tempat\w*|pelayanan\w*|kayak|kaya|kek)\s+(?:\w+\s+)?sampah\b"),
        ("sindiran", r"\b\w+ (?:aja|saja|doang) (?:masih )?lebih (?:enak\w*|bagus|mending|murah)\b"),
        ("english", r"\b(?:fuck\w*|shit|bitch|asshole|stupid|dumbass|moron|go to hell|screw you)\b"),
    ],
    "complaint": [
        ("kecewa", r"\b(?:kecewa\w*|mengecewakan|nyesel|nyesal|menyesal|kapok|zonk|rugi)\b"),
        ("lama", r"\b(?:lama+ (?:banget|bgt|bngt|sekali|amat|bener)|kelamaan|lemot|lelet|lambat banget|nunggu lama|antri lama|antre lama)\b"),
        ("belum", r"\b(?:belum|blm|blom|ga|gk|gak|nggak|ngga|tidak|tdk)\s+(?:juga\s+)?(?:sampai|sampe|nyampe|datang|dateng|dikirim|diproses|dibalas|dibales|direspon|direspons|diangkat|ada kabar|dikabari|balik|bisa dihubungi)(?:2|-\w+)?\b"),
        ("tidak_sesuai", r"\bkurang (?:enak|ramah|bersih|sopan|responsif|cepat|memuaskan|fresh|segar|higienis)\b|"
                         + _NEG + r"\s+(?:sesuai|enak|ramah|layak|higienis|bersih|fresh|segar|worth|recommended|rekomen\w*)\b|\b(?:beda|berbeda) (?:dengan|sama|dari) (?:di |yang di |yg di )?(?:foto|gambar|deskripsi|pesanan|kasir|aplikasi|app|menu|dulu|biasanya)\b"),
        ("salah", r"\b(?:salah|keliru) (?:kirim|pesanan|order|menu|antar|minuman|makanan)\b|\b(?:ketuker|tertukar|kelewat|ketinggalan)\b|\b(?:dateng|datang|dapet|dikasih|jadinya)\w* (?:malah|cuma|cuman|hanya)\b|\b(?:udh|udah|sudah) bilang\b.*\b(?:tp|tapi|tetapi) (?:tetep|tetap|masih)\b|\b(?:gmn|gimana|gmna) sih\b(?![^?]*\?)|\bpesanan\w* (?:saya |aku |gue |gw )?(?:salah|kurang|hilang|ketinggalan|tertukar)\b"),
        ("kualitas", r"\b(?:basi|busuk|rusak|tumpah|bocor|pecah|kotor|jorok|berjamur|kadaluarsa|kedaluwarsa|expired|keasinan|kemanisan|kepahitan|hambar|gosong|keras banget|dingin banget|anyep|asem (?:banget|bgt)|bau|lengket)\b|\b(?:es|gula|air|garam|minyak)\s?(?:nya)?\s+kebanyakan\b|\b(?:cuma|cuman|hanya) (?:dikit|sedikit|setengah)\b|\b(?:susah|ribet|sempit|berisik|sumpek|pengap|gerah) (?:bgt|banget|parah|sekali)\b|\bada (?:rambut|lalat|semut|kecoa|serangga|plastik|kerikil)\b"),
        ("pelayanan", r"\b(?:pelayanan\w*|pelayan\w*|service\w*|kasir\w*|barista\w*|staff\w*|karyawan\w*|admin\w*|mas\w*|mbak\w*)\s+(?:\w+\s+)?(?:jutek|judes|kasar|sombong|buruk|jelek|parah|lambat|lelet|cuek|galak|ketus|ga ramah|gak ramah|tidak ramah)\b|\b(?:jutek|judes|ketus|galak|diusir|dicuekin|dijutekin)\b|\b(?:kasar|cuek)\s+(?:banget|bgt|bener)\b"),
        ("mahal", r"\b(?:kemahalan|overprice\w*|mahal (?:banget|bgt|bngt|sekali|amat|bener|sih)|kok mahal|kemahalan|ga worth|gak worth|not worth)\b"),
        ("refund", r"\b(?:refund|komplain|complain\w*|keluhan|ganti rugi|uang kembali|balikin uang|minta ganti)\b"),
        ("penipu", r"\b(?:penipu\w*|nipu|tipu\w*|scam\w*|ditipu|bohong)\b"),
        ("sakit", r"\b(?:sakit perut|keracunan|diare|mual)\b"),
        ("tolong", r"\btolong (?:diperbaiki|dibenerin|dibersihin|dibersihkan|dicek|ditindak\w*|diperhatikan|dievaluasi|dibalas|dibales|direspon\w*)\b|\b(?:mohon|harap) (?:diperbaiki|dievaluasi|ditindaklanjuti)\b"),
        ("parah", r"\b(?:parah+|payah|jelek|buruk|terburuk|ancur|hancur|overrated)\b(?!\s+(?:enak|bagus|keren|nagih|mantap))|\bmakin (?:jelek|buruk|mahal|sepi|parah|dikit|sedikit|kecil|lama)\b|\bnaik terus\b"),
        ("english", r"\b(?:disappoint\w*|terrible|awful|worst|horrible|never again|rude|still waiting|not received|never arrived|cold food|overpriced|complaint|wrong order|lukewarm|not ok|bad (?:service|taste|coffee|experience)|not (?:good|worth it|fresh))\b"),
        ("emoji_marah", "[\U0001F621\U0001F624\U0001F92C\U0001F620\U0001F44E]"),
    ],
    "tag": [
        # friends tagged into a question or an invitation ("@sari kapan kita ke sini?"): not a question to
        # the brand unless the brand is addressed (kak, min...); the intent is "other", the rule "tag:friends"
        ("friends", r"^\s*(?!.*\b" + _ADDRESS + r"\b)@[\w.]+.*(?:\?|\b(?:kapan|otw|yuk|ayo|kuy|gas|cobain|nongki)\b)"),
    ],
    "question": [
        ("berapa", r"\b(?:berapa|brp|brapa|berapaan|brpa)\b"),
        ("gimana", r"\b(?:gimana|gmn|gmna|bagaimana|bgmn|gimana caranya|caranya)\b"),
        ("apakah", r"\b(?:apakah|apa (?:ada|bisa|boleh|masih|sudah|udah|udh|sdh)|apa aja|apa saja|apa kah)\b"),
        ("kapan", r"\b(?:kapan|kpn|jam berapa|buka jam|tutup jam|jam buka|jam operasional)\b"),
        ("dimana", r"\b(?:dimana|di mana|dmn|dmana|lokasinya|alamatnya|alamat\w* mana|cabang\w* mana)\b"),
        ("kenapa", r"\b(?:kenapa|knp|napa|mengapa)\b"),
        ("masih", r"\b(?:masih|msh|masi)\s+(?:buka|ada|ready|tersedia|open|bisa)\b.*\?"),
        ("tanya", r"\b(?:mau tanya|mo tanya|numpang tanya|nanya|tanya dong|tanya kak|minta info|info dong|infoin|info harga|pricelist|price list|share ?loc|sharelok|minta (?:alamat|menu|lokasi)|menu\w* apa)\b"),
        ("pesan", r"(?:^|\b(?:kak|kakak|min|admin|halo|hai)\W+)(?:aku |saya |gue |gw )?(?:mau|mo|pengen|pingin|ingin) (?:pesan|pesen|order|beli|reservasi|booking)\b|\border dong\b|\bcek (?:dm|inbox|wa)\b|\b(?:udah|sudah|udh) (?:dm|chat|wa)\b"),
        ("up", r"^\s*up+\b"),
        ("bisa", r"\b(?:bisa|bs|boleh|blh|bisakah|bolehkah|ada|ready|tersedia|terima|menerima|nerima|melayani)\b[^?]*\?"),
        ("kak", r"\b(?:kak|kakak|ka|min|mimin|admin|gan|sis|bang|mas|mbak|mba)\b[^?]*\?"),
        ("english", r"\b(?:how much|how (?:do|can|to|long)|what time|when (?:do|does|is|are|will)|where (?:is|are|can)|is there|do you|does it|can i|could you|are you open|any (?:promo|discount))\b"),
        ("question_mark", r"\?"),
    ],
    "praise": [
        ("enak", r"\b(?:enak\w*|uenak|nikmat|lezat|mantap\w*|mantab\w*|mantul|maknyus|nagih|endul|crunchy|creamy|wangi|pas (?:bgt|banget|parah|di lidah))\b"),
        ("keren", r"\b(?:keren|kece|bagus|cakep|cantik|estetik|aesthetic|nyaman|cozy|adem|asik|asyik|seru|top|juara|terbaik|the best|best|favorit\w*|fav|rekomen\w*|recommended|worth it|worth)\b"),
        ("suka", r"\b(?:suka banget|suka bgt|sukaa|demen|cinta|love|lope|kangen|pengen balik|balik lagi|langganan|betah|healing)\b"),
        ("tidak_kecewa", r"\btidak_\w+|" + _NEG + r"\s+(?:terlalu\s+)?(?:pahit|pait|asem|asam|manis banget)\b"),
        ("ramah", r"\b(?:ramah|sopan|sabar|cepat|cepet|kenceng|sat set|gercep|responsif|fast response|bersahabat|bintang lima|surga)\b"),
        ("terima_kasih", r"\b(?:terima kasih|terimakasih|makasih|mksh|makasi|thanks|thank you|thx|tengkyu|sukses (?:terus|selalu)|semangat)\b"),
        ("english", r"\b(?:delicious|amazing|great|awesome|tasty|yummy|perfect|nice|good|excellent|lovely)\b"),
        ("emoji", "[\U0001F60D\U0001F970\U0001F618\U0001F60B\U0001F44D\U0001F44F\U0001F525\u2764\U0001F496\U0001F497\U0001F499\U0001F49A\U0001F9E1\U0001F49B\U0001F49C\U0001F929\U0001F64F\u2B50\U0001F31F\U0001F4AF]"),
    ],
}

_COMPILED = {
    # one optional look-ahead a rule: every rule is tried, the first in list order wins
    intent: re.compile("^" + "".join(f"(?:(?=.*?(?P<{intent}__{name}>{pat})))?" for name, pat in rules), re.DOTALL)
    for intent, rules in INTENT_RULES.items()
}
# plain alternation of an intent's rules: a fast first pass that finds the texts to examine
_ANY = {intent: re.compile("|".join(f"(?:{pat})" for _, pat in rules)) for intent, rules in INTENT_RULES.items()}
_DOUBLE = re.compile(r"([a-z])\1")
_ELONG = re.compile(r"([a-z])\1{2,}")


def _prep(texts: pd.Series) -> pd.Series:
    s = texts.astype(object).where(texts.notna(), "").astype(str).str.lower()
    s = s.str.replace(_ELONG, r"\1", regex=True).str.replace(r"\s+", " ", regex=True)
    return s.str.replace(_NEGATED_RE, "tidak_", regex=True).str.replace(_POS_PARAH_RE, r"\1 banget", regex=True)


def intents(texts) -> pd.DataFrame:
    """Intent of each comment: question, complaint, praise, abuse, spam or other.

    Parameters
    ----------
    texts : Series or sequence of str
        Comment texts (missing texts are "other").

    Returns
    -------
    DataFrame
        Aligned to the input index: ``intent`` (one of :data:`INTENTS`) and
        ``rule`` ("intent:rule" of the first rule, in :data:`INTENT_RULES`
        order, that matched; "none" for other).
        See the module docstring for the rules and their priority.

    Examples
    --------
    >>> intents(["cek bio kak, open reseller", "admin goblok", "Masih buka gak kak?", "ok"])
         intent            rule
    0      spam    spam:cek_bio
    1     abuse    abuse:goblok
    2  question  question:masih
    3     other            none
    """
    if isinstance(texts, pd.DataFrame):
        raise TypeError("intents: expected texts (a Series or a list of str), got a DataFrame; pass frame['text']")
    if isinstance(texts, str):
        texts = [texts]
    s = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
    # the rules run once per distinct text (copied comments, "mantap", emoji-only replies...)
    codes, uniq = pd.factorize(s.astype(object).where(s.notna(), ""), use_na_sentinel=False)
    low = _prep(pd.Series(np.asarray(uniq, dtype=object)))
    # doubled letters are elongation too ("nagiih", "enakk"): texts that have them are also read with
    # every double folded; a rule that misses the text as written may match the folded form
    low2 = low.str.replace(_DOUBLE, r"\1", regex=True)
    has2 = (low2 != low).to_numpy()
    intent = np.full(len(low), "other", dtype=object)
    rule = np.full(len(low), "none", dtype=object)
    todo = np.ones(len(low), dtype=bool)
    for name in _PRIORITY:
        if not todo.any():
            break
        idx = np.flatnonzero(todo)
        any_hit = low.iloc[idx].str.contains(_ANY[name], regex=True).to_numpy(bool, copy=True)
        use2 = np.zeros(len(low), dtype=bool)
        retry = idx[~any_hit & has2[idx]]
        if len(retry):
            hit2 = low2.iloc[retry].str.contains(_ANY[name], regex=True).to_numpy(bool)
            use2[retry[hit2]] = True
            any_hit |= use2[idx]
        if not any_hit.any():
            continue
        pos = idx[any_hit]
        src = low.iloc[pos].where(~use2[pos], low2.iloc[pos])
        groups = src.str.extract(_COMPILED[name], expand=True)
        first = groups.notna().to_numpy().argmax(axis=1)
        names = np.array([c.replace("__", ":") for c in groups.columns], dtype=object)
        intent[pos] = "other" if name == "tag" else name
        rule[pos] = names[first]
        todo[pos] = False
    return pd.DataFrame({"intent": intent[codes], "rule": rule[codes]}, index=s.index)


# --------------------------------------------------------------------------- replies
def _brand_mask(comments: pd.DataFrame, brand_accounts) -> pd.Series:
    mask = comments["is_brand_reply"].fillna(False).astype(bool)
    if brand_accounts is not None:
        handles = getattr(brand_accounts, "brand_handles", brand_accounts)
        if isinstance(handles, str):
            handles = [handles]
        keys = {str(h).lstrip("@").casefold() for h in handles}
        author = comments["author"].astype("string").str.lstrip("@").str.casefold()
        mask = mask | author.isin(keys).fillna(False).astype(bool)
    return mask


def _root(parent: pd.Series, ids: pd.Series, depth: int = 6) -> pd.Series:
    """Top-level ancestor of each reply (follows parent_id up to ``depth`` levels)."""
    up = pd.Series(parent.to_numpy(), index=ids.to_numpy())
    up = up[~up.index.duplicated()]
    root = parent.copy()
    for _ in range(depth):
        nxt = root.map(up)
        has = nxt.notna() & (nxt.astype(object) != root.astype(object))
        if not has.any():
            break
        root = root.where(~has, nxt)
    return root


def response_times(comments: pd.DataFrame, *, brand_accounts=None, business_hours=("08:00", "21:00"),
                   business_days=(0, 1, 2, 3, 4, 5, 6), timezone: str = DEFAULT_TIMEZONE) -> pd.DataFrame:
    """One row per customer comment: its intent and the brand's first reply, if any.

    Customer comments are the top-level comments (no ``parent_id``) not written
    by the brand. A comment is answered by the earliest brand reply whose
    ``parent_id`` leads (through nested replies) to it. For a post whose
    comments carry no ``parent_id`` at all (a flat export), every non-brand
    comment counts as top-level and is answered by the first brand comment on
    the same post written after it.

    Parameters
    ----------
    comments : DataFrame
        Canonical ``comments`` table.
    brand_accounts : iterable of str or Profile, optional
        The brand's handles; a comment is the brand's when ``is_brand_reply``
        is True or its author is one of them.
    business_hours : (str, str), default ("08:00", "21:00")
        Local opening and closing time ("HH:MM"); a closing time before the
        opening time runs past midnight.
    business_days : iterable of int, default every day
        Opening days, 0 = Monday .. 6 = Sunday (a coffee shop closed on
        Mondays: ``(1, 2, 3, 4, 5, 6)``).
    timezone : str, default "Asia/Jakarta"

    Returns
    -------
    DataFrame
        ``comment_id``, ``post_id``, ``platform``, ``author``, ``text``,
        ``created_at``, ``intent``, ``rule``, ``hours`` ("business" or
        "off_hours", local time of the comment), ``answered`` (bool),
        ``first_reply_at``, ``response_minutes`` (NaN when unanswered),
        ``link`` ("parent_id", "same_post" or NA).

    Raises
    ------
    SchemaError
        When a required column of the comments table is missing.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"comment_id": ["c1", "r1", "c2"], "post_id": "p1", "platform": "instagram",
    ...     "author": ["budi", "kopisenja.id", "sari"], "text": ["berapa harganya?", "20rb kak", "enak"],
    ...     "created_at": pd.to_datetime(["2026-10-01 03:00", "2026-10-01 03:30", "2026-10-01 04:00"], utc=True),
    ...     "parent_id": [None, "c1", None], "is_brand_reply": [False, True, False]})
    >>> response_times(c)[["comment_id", "intent", "answered", "response_minutes"]]
      comment_id    intent  answered  response_minutes
    0         c1  question      True              30.0
    1         c2    praise     False               NaN
    """
    func = "response_times"
    validate(comments, "comments", func=func)
    start, end = _parse_hours(business_hours)
    days = _parse_days(business_days)
    df = comments.reset_index(drop=True)
    brand = _brand_mask(df, brand_accounts).to_numpy()
    created = pd.to_datetime(df["created_at"], utc=True, errors="coerce")
    parent = (df["parent_id"].astype(object).where(df["parent_id"].notna(), None)
              if "parent_id" in df.columns else pd.Series([None] * len(df), dtype=object))
    parent = parent.where(parent.astype("string").str.strip().ne("").fillna(False), None)
    has_parent = parent.notna().to_numpy()
    post_key = df["platform"].astype(str) + "\x1f" + df["post_id"].astype(str)
    threaded_posts = set(post_key[has_parent])
    threaded = post_key.isin(threaded_posts).to_numpy()
    top = ~brand & ~has_parent
    base = df.loc[top, ["comment_id", "post_id", "platform", "author", "text"]].copy()
    base["created_at"] = created[top]
    it = intents(df.loc[top, "text"])
    base["intent"], base["rule"] = it["intent"], it["rule"]
    local = base["created_at"].dt.tz_convert(timezone)
    minutes = local.dt.hour * 60 + local.dt.minute
    inside = (minutes >= start) & (minutes < end) if start <= end else (minutes >= start) | (minutes < end)
    inside = inside & local.dt.day_of_week.isin(days)
    base["hours"] = np.where(inside, "business", "off_hours")

    # times as naive UTC datetime64 arrays: no Timestamp objects on this path
    ns = created.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy(dtype="datetime64[ns]")
    base_ns = ns[top]
    first_ns = np.full(len(base), np.datetime64("NaT"), dtype="datetime64[ns]")
    link = np.full(len(base), None, dtype=object)
    # threaded: brand replies whose root is the comment
    rep = brand & has_parent
    if rep.any():
        roots = _root(parent, df["comment_id"].astype(object))
        r = pd.DataFrame({"key": (post_key[rep] + "\x1f" + roots[rep].astype(str)).to_numpy(object),
                          "at": ns[rep]}).groupby("key")["at"].min()
        keys = post_key[top] + "\x1f" + df.loc[top, "comment_id"].astype(str)
        got = keys.map(r).to_numpy(dtype="datetime64[ns]")
        ok = ~np.isnat(got) & (got >= base_ns)
        first_ns[ok] = got[ok]
        link[ok] = "parent_id"
    # flat posts: first brand comment on the same post after the comment
    flat_top = top & ~threaded
    flat_brand = brand & ~threaded
    if flat_top.any() and flat_brand.any():
        left = pd.DataFrame({"_i": np.flatnonzero(flat_top[top]), "key": post_key[flat_top].to_numpy(object),
                             "at": ns[flat_top]})
        left = left[~np.isnat(left["at"].to_numpy())].sort_values("at")
        right = pd.DataFrame({"key": post_key[flat_brand].to_numpy(object), "at": ns[flat_brand]})
        right = right[~np.isnat(right["at"].to_numpy())].sort_values("at")
        right["reply_at"] = right["at"]
        m = pd.merge_asof(left, right, on="at", by="key", direction="forward", allow_exact_matches=False)
        m = m[m["reply_at"].notna()]
        first_ns[m["_i"].to_numpy()] = m["reply_at"].to_numpy(dtype="datetime64[ns]")
        link[m["_i"].to_numpy()] = "same_post"
    first = pd.Series(first_ns, index=base.index).dt.tz_localize("UTC")
    base["answered"] = first.notna()
    base["first_reply_at"] = first
    base["response_minutes"] = (first - base["created_at"]).dt.total_seconds() / 60.0
    base["link"] = pd.Series(link, index=base.index, dtype=object)
    return base.sort_values("created_at", kind="stable").reset_index(drop=True)


def _parse_days(business_days) -> list[int]:
    try:
        days = sorted({int(d) for d in business_days})
    except (TypeError, ValueError):
        days = None
    if not days or any(d < 0 or d > 6 for d in days):
        raise ValueError("The value for `business_days` must be weekday numbers 0 (Monday) .. 6 (Sunday), "
                         f"but {business_days!r} was passed.")
    return days


def _parse_hours(business_hours) -> tuple[int, int]:
    try:
        a, b = business_hours
        out = []
        for t in (a, b):
            hh, mm = str(t).split(":")
            v = int(hh) * 60 + int(mm)
            if not 0 <= v <= 24 * 60:
                raise ValueError
            out.append(v)
        return out[0], out[1]
    except (TypeError, ValueError):
        raise ValueError("The value for `business_hours` must be a pair of 'HH:MM' times such as "
                         f"('08:00', '21:00'), but {business_hours!r} was passed.") from None


_BY = ("platform", "intent", "hours", "post_id")


def response_stats(comments: pd.DataFrame, *, brand_accounts=None, by: str | Sequence[str] = ("platform", "intent"),
                   business_hours=("08:00", "21:00"), business_days=(0, 1, 2, 3, 4, 5, 6),
                   timezone: str = DEFAULT_TIMEZONE, exclude: Iterable[str] = ("spam",)) -> pd.DataFrame:
    """Response rate and first-response time of the brand, by platform, intent and business hours.

    Parameters
    ----------
    comments : DataFrame
        Canonical ``comments`` table (see :func:`response_times` for how
        replies are linked to comments).
    brand_accounts : iterable of str or Profile, optional
        The brand's handles (in addition to ``is_brand_reply``).
    by : str or list of str, default ("platform", "intent")
        Any of "platform", "intent", "hours" (business|off_hours), "post_id";
        ``()`` gives one overall row.
    business_hours : (str, str), default ("08:00", "21:00")
        Local opening hours; ``hours`` says whether the comment came inside them.
    business_days : iterable of int, default every day
        Opening days, 0 = Monday .. 6 = Sunday.
    timezone : str, default "Asia/Jakarta"
    exclude : iterable of str, default ("spam",)
        Intents left out (spam is hidden or deleted, not answered).

    Returns
    -------
    DataFrame
        The ``by`` columns, ``comments`` (customer top-level comments),
        ``answered``, ``unanswered``, ``response_rate`` = answered / comments,
        ``median_minutes`` and ``p90_minutes`` (first-response time of the
        answered comments, minutes; NaN when none was answered).

    Raises
    ------
    SchemaError
        When a required column is missing.
    EmptyDataError
        When there is no customer comment to measure.
    ValueError
        For an unknown ``by`` value, bad ``business_hours`` or ``business_days``.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"comment_id": ["c1", "r1", "c2", "c3", "r3"], "post_id": "p1", "platform": "instagram",
    ...     "author": ["budi", "kopisenja.id", "sari", "ani", "kopisenja.id"],
    ...     "text": ["berapa?", "20rb kak", "kapan buka?", "kecewa", "maaf kak"],
    ...     "created_at": pd.to_datetime(["2026-10-01 03:00", "2026-10-01 03:30", "2026-10-01 04:00",
    ...                                   "2026-10-01 05:00", "2026-10-01 07:00"], utc=True),
    ...     "parent_id": [None, "c1", None, None, "c3"], "is_brand_reply": [False, True, False, False, True]})
    >>> response_stats(c, by=())
       comments  answered  unanswered  response_rate  median_minutes  p90_minutes
    0         3         2           1       0.666667            75.0        111.0
    """
    func = "response_stats"
    by_cols = as_list(by)
    for b in by_cols:
        check_choice("by", b, _BY)
    validate(comments, "comments", func=func)
    rt = response_times(comments, brand_accounts=brand_accounts, business_hours=business_hours,
                        business_days=business_days, timezone=timezone)
    rt = rt[~rt["intent"].isin(list(exclude))]
    if rt.empty:
        raise EmptyDataError(f"{func}: there are no customer comments to measure (top-level, not by the brand, "
                             f"intent not in {list(exclude)})")
    rt = rt.assign(_ans=rt["answered"].astype("int64"))
    agg = dict(comments=("_ans", "size"), answered=("_ans", "sum"),
               median_minutes=("response_minutes", "median"),
               p90_minutes=("response_minutes", lambda x: x.quantile(0.9)))
    if by_cols:
        out = rt.groupby(by_cols, sort=True, dropna=False).agg(**agg).reset_index()
    else:
        out = rt.groupby(lambda _: 0).agg(**agg).reset_index(drop=True)
    out["unanswered"] = out["comments"] - out["answered"]
    out["response_rate"] = out["answered"] / out["comments"]
    cols = [*by_cols, "comments", "answered", "unanswered", "response_rate", "median_minutes", "p90_minutes"]
    out["comments"] = out["comments"].astype("int64")
    out["answered"] = out["answered"].astype("int64")
    out["unanswered"] = out["unanswered"].astype("int64")
    return out[cols]


def unanswered(comments: pd.DataFrame, *, brand_accounts=None, intents: Iterable[str] = ("question", "complaint"),
               as_of=None, timezone: str = DEFAULT_TIMEZONE) -> pd.DataFrame:
    """The care queue: customer comments of the given intents the brand has not answered, oldest first.

    Parameters
    ----------
    comments : DataFrame
        Canonical ``comments`` table.
    brand_accounts : iterable of str or Profile, optional
    intents : iterable of str, default ("question", "complaint")
        Intents to list (any of :data:`INTENTS`; add "abuse" to see insults
        waiting for a calm answer).
    as_of : timestamp, optional
        "Now", for ``waiting_hours``; default the latest comment in the table.
    timezone : str, default "Asia/Jakarta"

    Returns
    -------
    DataFrame
        ``comment_id``, ``post_id``, ``platform``, ``author``, ``text``,
        ``created_at``, ``intent``, ``rule``, ``hours``, ``waiting_hours``
        (from ``created_at`` to ``as_of``). Oldest first.

    Raises
    ------
    SchemaError
        When a required column is missing.
    ValueError
        For an unknown intent.

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"comment_id": ["c1", "c2", "c3"], "post_id": "p1", "platform": "instagram",
    ...     "author": ["budi", "sari", "ani"], "text": ["kapan buka?", "enak", "pesanan belum sampai"],
    ...     "created_at": pd.to_datetime(["2026-10-01 03:00", "2026-10-01 04:00", "2026-10-01 05:00"], utc=True),
    ...     "is_brand_reply": False})
    >>> unanswered(c)[["comment_id", "intent", "waiting_hours"]]
      comment_id     intent  waiting_hours
    0         c1   question            2.0
    1         c3  complaint            0.0
    """
    func = "unanswered"
    wanted = list(intents) if not isinstance(intents, str) else [intents]
    for i in wanted:
        check_choice("intents", i, INTENTS)
    validate(comments, "comments", func=func)
    rt = response_times(comments, brand_accounts=brand_accounts, timezone=timezone)
    out = rt[~rt["answered"] & rt["intent"].isin(wanted)]
    now = pd.to_datetime(comments["created_at"], utc=True, errors="coerce").max() if as_of is None else \
        pd.Timestamp(as_of)
    if now is not pd.NaT and now.tzinfo is None:
        now = now.tz_localize("UTC")
    out = out.assign(waiting_hours=(now - out["created_at"]).dt.total_seconds() / 3600.0)
    if (out["waiting_hours"] < 0).any():
        warnings.warn(f"{func}: some comments are later than `as_of`; their waiting time is negative",
                      SMAnalysisWarning, stacklevel=2)
    cols = ["comment_id", "post_id", "platform", "author", "text", "created_at", "intent", "rule", "hours",
            "waiting_hours"]
    return out.sort_values("created_at", kind="stable")[cols].reset_index(drop=True)
