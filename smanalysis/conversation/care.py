"""Customer care: what comments ask for, and whether the brand answers.

A business on social media has to answer every question, complaint and even
insult; left alone, the conversation turns wild and then dies. This module
marks the intent of each comment; :mod:`smanalysis.conversation.replies` links comments to the
brand's replies and measures the response rate and first-response time.

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

import numpy as np
import pandas as pd

from . import rulematch
from .memo import TextMemo

__all__ = ["INTENTS", "INTENT_RULES", "intents"]

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

_ALL_RULES = [(intent, name, pat) for intent in _PRIORITY for name, pat in INTENT_RULES[intent]]
_DOUBLE = re.compile(r"([a-z])\1")
_ELONG = re.compile(r"([a-z])\1{2,}")
# what RE2 looks for first (it has no back-references): texts with a letter three times in a row
_ELONG_HINT = "|".join(c * 3 for c in "abcdefghijklmnopqrstuvwxyz")


def _prep(texts: pd.Series) -> pd.Series:
    s = texts.astype(object).where(texts.notna(), "").astype(str).str.lower()
    # RE2 picks the texts each rewrite can change; Python's re rewrites them (rulematch); whitespace
    # other than the space is always handed to Python, so two spaces in a row are all RE2 looks for
    return rulematch.subs(s, [(_ELONG, r"\1", _ELONG_HINT), (r"\s+", " ", "  "), (_NEGATED_RE, "tidak_", None),
                              (_POS_PARAH_RE, r"\1 banget", None)])


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
    # the rules run once per distinct text (copied comments, "mantap", emoji-only replies...), and
    # once per process: every section asking again gets the remembered answer
    res = _INTENT_MEMO(s.astype(object).where(s.notna(), "").to_numpy(dtype=object))
    return pd.DataFrame({"intent": res["intent"], "rule": res["rule"]}, index=s.index)


def _intents_of(uniq: list) -> dict:
    """The intent rules on distinct texts (no memo): ``{"intent": [...], "rule": [...]}``.

    Every rule of every intent, in priority order, is one list: the first rule that matches names
    the intent and the rule (:func:`smanalysis.conversation.rulematch.first_match`).
    """
    low = _prep(pd.Series(np.asarray(uniq, dtype=object)))
    pats = [pat for _, _, pat in _ALL_RULES]
    rank = np.array([_PRIORITY.index(intent) for intent, _, _ in _ALL_RULES] + [len(_PRIORITY)])
    first = rulematch.first_match(low, pats)
    # doubled letters are elongation too ("nagiih", "enakk"): texts that have them are also read with
    # every double folded; an intent that misses the text as written may match the folded form
    low2 = rulematch.sub(low, _DOUBLE, r"\1", hint="|".join(c * 2 for c in "abcdefghijklmnopqrstuvwxyz"))
    has2 = np.flatnonzero((low2 != low).to_numpy())
    if len(has2):
        second = rulematch.first_match(low2.iloc[has2], pats)
        # the folded form wins only for an intent of higher priority than any the text has as written
        better = rank[second] < rank[first[has2]]
        first[has2[better]] = second[better]
    names = np.array(["other" if i == "tag" else i for i, _, _ in _ALL_RULES] + ["other"], dtype=object)
    rules = np.array([f"{i}:{n}" for i, n, _ in _ALL_RULES] + ["none"], dtype=object)
    return {"intent": names[first], "rule": rules[first]}


_INTENT_MEMO = TextMemo(_intents_of, ("intent", "rule"))
