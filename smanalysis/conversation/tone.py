"""The brand's own voice: how formal or casual its captions and replies sound.

"Decide your tone" is one point of the strategy checklist; the profile records
the choice (``tone: {register: casual, address: kak, emoji: true}``).
:func:`tone` measures the markers of each register in the brand's texts and how
consistent they are with that choice, per platform; :func:`reply_templates`
suggests a first reply for the care queue in the chosen tone.

Markers (whole words, case-insensitive):

* formal: Anda, Bapak/Ibu, silakan, mohon, terima kasih, kami, dapat, apabila, tersebut, please, kindly...
* casual: kamu, kak/kakak, aku, gue/lo, yuk, dong, sih, nih, banget/bgt, gak/nggak, udah, aja, makasih, guys, wkwk...

A text is "formal" when it has more formal than casual markers, "casual" for
the reverse, and "neutral" otherwise.

Examples
--------
>>> tone_markers(["Terima kasih, Anda dapat memesan melalui website kami.", "Yuk kak, mampir dong! 😍"])[
...     ["formal", "casual", "register"]]
   formal  casual register
0       4       0   formal
1       0       3   casual
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from ..ratios import divide
from .text import SLANG_ID, tokenize
from .._checks import check_choice

__all__ = ["FORMAL_MARKERS", "CASUAL_MARKERS", "tone_markers", "tone", "reply_templates", "suggest_replies"]

FORMAL_MARKERS = ("anda", "bapak", "ibu", "saudara", "silakan", "silahkan", "mohon", "terima kasih", "terimakasih",
                  "kami", "dapat", "apabila", "tersebut", "sehingga", "yang terhormat", "dimohon", "hormat",
                  "selamat pagi", "selamat siang", "selamat sore", "selamat malam", "please", "kindly",
                  "we would", "sincerely")
CASUAL_MARKERS = ("kamu", "kak", "kakak", "kaka", "sis", "gan", "aku", "gue", "gua", "gw", "lo", "lu", "elo",
                  "yuk", "yuks", "kuy", "dong", "sih", "nih", "deh", "lho", "loh", "kok", "banget", "bgt",
                  "gak", "nggak", "ga", "gk", "udah", "udh", "aja", "makasih", "mksh", "guys", "gaes", "gengs",
                  "wkwk", "wkwkwk", "hehe", "haha", "btw", "mimin", "min", "cuss", "gaskeun", "gas", "lol",
                  "gonna", "wanna", "hey", "yay")
_EMOJI_RE = "[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2B55\u2764]"
_REGISTERS = ("casual", "formal")


def _words_re(words) -> str:
    alts = sorted((w.replace(" ", r"\s+") for w in words), key=lambda w: (-len(w), w))
    return r"(?<!\w)(?:" + "|".join(alts) + r")(?!\w)"


_FORMAL_RE = _words_re(FORMAL_MARKERS)
_CASUAL_RE = _words_re(CASUAL_MARKERS)


def _series(texts) -> pd.Series:
    if isinstance(texts, pd.DataFrame):
        raise TypeError("tone: expected texts (a Series or a list of str), got a DataFrame; pass frame['caption']")
    if isinstance(texts, str):
        texts = [texts]
    s = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype=object)
    return s.astype(object).where(s.notna(), "").astype(str)


def tone_markers(texts) -> pd.DataFrame:
    """Tone markers of each text.

    Parameters
    ----------
    texts : Series or sequence of str

    Returns
    -------
    DataFrame
        Aligned to the input: ``words`` (word tokens), ``formal`` and
        ``casual`` (marker counts), ``slang`` (tokens found in the slang
        dictionary :data:`smanalysis.conversation.text.SLANG_ID`), ``emoji``,
        ``exclamations`` ("!" count), ``formality`` = (formal - casual) /
        (formal + casual) (NaN without markers), ``register``
        (formal|casual|neutral).

    Examples
    --------
    >>> tone_markers(["Mantap bgt kak!!"])[["words", "casual", "slang", "exclamations", "register"]]
       words  casual  slang  exclamations register
    0      3       2      1             2   casual
    """
    s = _series(texts)
    low = s.str.lower()
    formal = low.str.count(_FORMAL_RE).astype("int64")
    casual = low.str.count(_CASUAL_RE).astype("int64")
    toks = tokenize(low, normalise_slang=False, stopwords=False)
    words = np.array([sum(1 for t in row if t[:1].isalnum()) for row in toks], dtype="int64")
    slang = np.array([sum(1 for t in row if t in SLANG_ID and t not in ("kak", "kakak")) for row in toks],
                     dtype="int64")
    tot = (formal + casual).astype(float)
    formality = divide(formal - casual, tot, func="tone_markers", name="formality", quiet=True)  # no marker: neutral
    register = np.select([formal > casual, casual > formal], ["formal", "casual"], "neutral")
    return pd.DataFrame({
        "words": words, "formal": formal.to_numpy(), "casual": casual.to_numpy(), "slang": slang,
        "emoji": s.str.count(_EMOJI_RE).astype("int64").to_numpy(),
        "exclamations": s.str.count("!").astype("int64").to_numpy(),
        "formality": formality.to_numpy(float), "register": register,
    }, index=s.index)


def tone(texts, *, profile=None, platform=None, target: str | None = None) -> pd.DataFrame:
    """The brand's tone per platform and its consistency with the chosen tone.

    Parameters
    ----------
    texts : Series or sequence of str
        The brand's own captions and replies.
    profile : Profile, optional
        Its ``tone`` (``register``: casual|formal, ``address``, ``emoji``) is the target.
    platform : str or Series, optional
        Platform of each text (a Series aligned with ``texts``) or one
        platform for all; default "all".
    target : {"casual", "formal"}, optional
        Overrides the profile's register.

    Returns
    -------
    DataFrame
        One row per platform: ``platform``, ``texts``, ``words_mean``,
        ``formal_share``, ``casual_share``, ``neutral_share`` (shares of texts
        by register), ``formality`` (mean of the per-text score, -1 casual ..
        1 formal), ``slang_rate`` (slang tokens / word tokens), ``emoji_rate``
        and ``exclamation_rate`` (per text), ``target`` (register chosen, or
        NA), ``address_share`` (share of texts using the profile's address
        term, NaN without one), ``consistency`` (share of texts that do not
        contradict the target: not in the opposite register, and without
        emoji when the profile says ``emoji: false``; NaN without a target).

    Raises
    ------
    ValueError
        For an unknown ``target`` or a platform Series of another length.

    Examples
    --------
    >>> t = ["Halo kak, yuk mampir!", "Makasih kak 😍", "Kami mohon maaf atas ketidaknyamanan Anda."]
    >>> tone(t, platform=["instagram", "instagram", "facebook"], target="casual")[
    ...     ["platform", "texts", "casual_share", "consistency"]]
        platform  texts  casual_share  consistency
    0   facebook      1           0.0          0.0
    1  instagram      2           1.0          1.0
    """
    s = _series(texts)
    prof_tone = dict(getattr(profile, "tone", None) or {})
    if target is None:
        target = prof_tone.get("register")
    if target is not None:
        target = str(target).lower()
        check_choice("target", target, _REGISTERS)
    if platform is None or isinstance(platform, str):
        plat = pd.Series(platform or "all", index=s.index, dtype=object)
    else:
        plat = pd.Series(np.asarray(platform, dtype=object))
        if len(plat) != len(s):
            raise ValueError(f"tone: `platform` has {len(plat)} values but `texts` has {len(s)}")
        plat.index = s.index
    m = tone_markers(s)
    m["platform"] = plat.fillna("unknown").astype(str)
    address = prof_tone.get("address")
    if address:
        m["_addr"] = s.str.lower().str.contains(_words_re([str(address).lower()]), regex=True).astype(float)
    else:
        m["_addr"] = np.nan
    ok = pd.Series(True, index=s.index)
    if target is not None:
        opposite = "formal" if target == "casual" else "casual"
        ok = m["register"] != opposite
        if prof_tone.get("emoji") is False:
            ok = ok & (m["emoji"] == 0)
        m["_ok"] = ok.astype(float)
    else:
        m["_ok"] = np.nan
    for r in ("formal", "casual", "neutral"):
        m[f"_{r}"] = (m["register"] == r).astype(float)
    g = m.groupby("platform", sort=True)
    out = pd.DataFrame({
        "texts": g.size(),
        "words_mean": g["words"].mean(),
        "formal_share": g["_formal"].mean(),
        "casual_share": g["_casual"].mean(),
        "neutral_share": g["_neutral"].mean(),
        "formality": g["formality"].mean(),
        "slang_rate": divide(g["slang"].sum(), g["words"].sum(), func="tone", name="slang_rate"),
        "emoji_rate": g["emoji"].mean(),
        "exclamation_rate": g["exclamations"].mean(),
    }).reset_index()
    out.insert(len(out.columns), "target", target if target is not None else pd.NA)
    out["address_share"] = g["_addr"].mean().to_numpy()
    out["consistency"] = g["_ok"].mean().to_numpy()
    return out


@lru_cache(maxsize=1)
def _templates() -> dict:
    import yaml

    text = resources.files("smanalysis").joinpath("data", "care_reply_templates.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


_REPLY_INTENTS = ("question", "complaint", "abuse", "praise", "other", "spam")


def reply_templates(intent: str, *, tone: str = "casual", lang: str = "id", address: str = "kak",
                    brand: str = "") -> list[str]:
    """First-reply suggestions for a comment of the given intent, in the brand's tone.

    Parameters
    ----------
    intent : {"question", "complaint", "abuse", "praise", "other", "spam"}
        As returned by :func:`smanalysis.conversation.intents`. Spam gets no
        reply (hide or delete it): an empty list.
    tone : {"casual", "formal"}
    lang : {"id", "en"}
    address : str, default "kak"
        How the customer is addressed (kak, kakak, Anda, Bapak/Ibu...).
    brand : str, optional
        Business name, for templates that use it.

    Returns
    -------
    list of str
        Suggestions, best first. They are starting points to adapt, not
        replies to paste unread.

    Examples
    --------
    >>> reply_templates("praise")[0]
    'Makasih banyak kak! Senang banget dengarnya 😍 Ditunggu kedatangannya lagi ya!'
    >>> reply_templates("spam")
    []
    """
    check_choice("intent", intent, _REPLY_INTENTS)
    check_choice("tone", tone, _REGISTERS)
    check_choice("lang", lang, ("id", "en"))
    if intent == "spam":
        return []
    cap = address[:1].upper() + address[1:] if address else address
    return [t.format(address=address, Address=cap, brand=brand) for t in _templates()[lang][tone][intent]]


def suggest_replies(frame: pd.DataFrame, *, profile=None, tone: str | None = None, lang: str = "id",
                    address: str | None = None, intent_col: str = "intent") -> pd.DataFrame:
    """The care queue with a first-reply suggestion for each comment.

    Parameters
    ----------
    frame : DataFrame
        A frame with an intent column, e.g. :func:`smanalysis.conversation.unanswered`.
    profile : Profile, optional
        Its ``tone`` gives the register and the address term (defaults casual, "kak").
    tone : {"casual", "formal"}, optional
        Overrides the profile.
    lang : {"id", "en"}
    address : str, optional
        Overrides the profile's address term.
    intent_col : str, default "intent"

    Returns
    -------
    DataFrame
        A copy of ``frame`` with ``suggested_reply`` (templates rotate down the
        rows so that replies do not all read the same; empty for spam).

    Raises
    ------
    SchemaError
        When ``intent_col`` is missing.

    Examples
    --------
    >>> import pandas as pd
    >>> q = suggest_replies(pd.DataFrame({"intent": ["question", "spam"]}))
    >>> q["suggested_reply"].str[:20].tolist()
    ['Halo kak, makasih su', '']
    """
    from ..exceptions import SchemaError

    if intent_col not in frame.columns:
        raise SchemaError(f"suggest_replies: the frame lacks required columns [{intent_col!r}]; "
                          f"columns present: {list(map(str, frame.columns))}")
    prof_tone = dict(getattr(profile, "tone", None) or {})
    register = str(tone or prof_tone.get("register") or "casual").lower()
    addr = address or prof_tone.get("address") or "kak"
    out = frame.copy()
    intent = frame[intent_col].astype(object).where(frame[intent_col].notna(), "other").astype(str)
    intent = intent.where(intent.isin(_REPLY_INTENTS), "other")
    pos = pd.Series(np.arange(len(frame)), index=frame.index)
    sugg = pd.Series("", index=frame.index, dtype=object)
    for it in intent.unique():  # one pass per intent, not per row
        options = reply_templates(it, tone=register, lang=lang, address=addr)
        if options:
            m = (intent == it).to_numpy()
            sugg[m] = np.asarray(options, dtype=object)[pos[m].to_numpy() % len(options)]
    out["suggested_reply"] = sugg
    return out
