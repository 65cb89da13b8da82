"""Scoring of token arrays by the default sentiment scorer's rules, and its evidence strings.

Every rule runs on integer arrays at the few positions that matter (sentiment words,
negators, intensifiers, contrast words); the rules and weights are in
:mod:`~smanalysis.conversation.sentiment_rules`, the public entry point is
:func:`~smanalysis.conversation.sentiment.sentiment`.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from .sentiment_lexicon import vocab_features
from .sentiment_rules import DIMINISHERS, MAX_PHRASE, WEIGHTS

__all__ = ["score_tokens"]

_W = WEIGHTS
_NEG_POS, _NEG_NEG = _W["negated_positive"], _W["negated_negative"]
_CONTRAST_BEFORE, _CONTRAST_AFTER, _CONCESSION = _W["contrast_before"], _W["contrast_after"], _W["concession"]
_ELONG, _EXCL, _ALPHA = _W["elongation"], _W["exclamation"], _W["alpha"]
_EXCESS_POS, _LAUGH_MOCK, _QUESTION_POS = _W["excess_positive"], _W["laugh_mock"], _W["question_positive"]
_WEAK, _WEAK_SUM, _WEAK_DAMP = _W["weak"], _W["weak_sum"], _W["weak_damp"]
_WAITING = _W["waiting"]


def _shift1(a):
    out = np.zeros_like(a)
    out[1:] = a[:-1]
    return out


def _same_doc(doc, a, b):
    """Positions a and b (arrays, b may be out of range) are in the same text."""
    T = len(doc)
    ok = (b >= 0) & (b < T)
    out = np.zeros(len(a), dtype=bool)
    out[ok] = doc[a[ok]] == doc[b[ok]]
    return out


def score_tokens(doc, tok, el, vocab, n, lang_code, tables, want_evidence, va=None, ev_cache=None):
    """Score every text from token arrays; work is done at the few positions that matter.

    Returns the scores (float array, one a text) and, when ``want_evidence``, a pyarrow
    string array of evidence (else None). ``ev_cache`` (a dict kept by the caller across the
    batches of one vocabulary) holds evidence items already formatted.
    """
    T = len(tok)
    if va is None:
        va = vocab_features(vocab, tables)
    en_docs = lang_code == 1
    if en_docs.any():
        sc = np.where(en_docs[doc], va["s_en"][tok], va["s_id"][tok])
    else:
        sc = va["s_id"][tok]
    # --- phrases (longest first), only where two adjacent words can belong to a phrase
    phrase_at = {}
    pwt = va["pw"][tok]
    consumed = np.zeros(T, dtype=bool)
    irony_at = np.zeros(T, dtype=bool)  # a phrase that counts as generic praise starts here
    B = tables.base
    adj = np.zeros(T, dtype=bool)  # adj[i]: (tok i, tok i+1) is a consecutive pair of some phrase
    if T > 1 and len(tables.phrase_list):
        adj[:-1] = tables.pair_ok[pwt[:-1] * B + pwt[1:]]
    c2 = np.flatnonzero(adj)
    for k in range(MAX_PHRASE, 1, -1):
        keys, idx = tables.by_n[k]
        if len(keys) == 0 or len(c2) == 0:
            continue
        c = c2[c2 <= T - k]
        for j in range(1, k - 1):
            c = c[adj[c + j]]
        c = c[~consumed[c]]
        for j in range(1, k):
            c = c[~consumed[c + j]]
        if len(c) == 0:
            continue
        code = pwt[c].astype(np.int64)
        for j in range(1, k):
            code = code * B + pwt[c + j]
        pos = np.minimum(np.searchsorted(keys, code), len(keys) - 1)
        ok = keys[pos] == code
        hits, pos = c[ok], pos[ok]
        ok = doc[hits] == doc[hits + k - 1]
        hits, pos = hits[ok], pos[ok]
        if len(hits) == 0:
            continue
        keep = np.ones(len(hits), dtype=bool)
        keep[1:] = np.diff(hits) >= k
        hits, pidx = hits[keep], idx[pos[keep]]
        if want_evidence:
            phrase_at.update(zip(hits.tolist(), pidx.tolist()))
        for j in range(k):
            consumed[hits + j] = True
        sc[hits] = tables.phrase_score[pidx]
        irony_at[hits] = tables.phrase_irony[pidx]
        for j in range(1, k):
            sc[hits + j] = 0.0
    # discourse words ("well, ...", "jujur, ...") score 0 when they open a text or stand before a comma
    SP = np.flatnonzero(va["special"][tok])  # discourse and waiting words (one pass over the tokens)
    D = SP[va["disc"][tok[SP]] & ~consumed[SP]]
    if len(D):
        opens = (D == 0) | (doc[D - 1] != doc[D])
        nxt = np.minimum(D + 1, T - 1)
        before_brk = (D + 1 < T) & (doc[nxt] == doc[D]) & va["brk"][tok[nxt]]
        sc[D[opens | before_brk]] = 0.0
    # waiting: a time unit within four words after a waiting word ("nunggu 40 menit"), unless the wait is short
    wait_at = np.zeros(T, dtype=bool)
    Wt = SP[va["wait"][tok[SP]]]
    if len(Wt):
        prev = np.maximum(Wt - 1, 0)
        tp = tok[prev]
        alive = ~((Wt > 0) & (doc[prev] == doc[Wt]) & (va["limiter"][tp] | va["neg"][tp]))
        for j in range(1, 5):
            tgt = np.minimum(Wt + j, T - 1)
            alive &= (Wt + j < T) & (doc[tgt] == doc[Wt])
            tt = tok[tgt]
            alive &= ~(va["brk"][tt] | va["neg"][tt] | va["limiter"][tt])
            hit = alive & va["unit"][tt] & (sc[tgt] == 0) & ~consumed[tgt]
            wait_at[tgt[hit]] = True
            alive &= ~hit
        sc[wait_at] = _WAITING
    phrase_start = np.zeros(T, dtype=bool)
    phrase_start[np.flatnonzero(consumed & ~_shift1(consumed))] = True
    # --- role positions (negators, intensifiers, contrast, concession) not inside phrases
    role_t = va["role"][tok]
    R = np.flatnonzero(role_t & ~consumed)
    rt = tok[R]
    # post intensifiers after a sentiment word lose their own score ("enak parah")
    post_R = R[va["ipost"][rt] > 1]
    if len(post_R):
        prev = post_R - 1
        okp = _same_doc(doc, post_R, prev)
        okp[okp] &= sc[prev[okp]] != 0
        dual = post_R[okp]
        sc[dual[~phrase_start[dual]]] = 0.0
    # ... and so do pre intensifiers before one ("gila murah")
    pre_kept = R[(va["ipre"][rt] > 1) & (sc[R] != 0)]
    if len(pre_kept):
        nxt = pre_kept + 1
        okn = _same_doc(doc, pre_kept, nxt)
        okn[okn] &= sc[nxt[okn]] != 0
        sc[pre_kept[okn & ~phrase_start[pre_kept]]] = 0.0
    polar = sc != 0
    P = np.flatnonzero(polar)
    m = np.ones(len(P))
    neg_src = np.full(len(P), -1, dtype=np.int64)
    int_src = np.full(len(P), -1, dtype=np.int64)
    brk_t = va["brk"][tok]

    def _apply(src, target, factor, store):
        # multiply the polar token at `target` (same text) by `factor`
        ok = _same_doc(doc, src, target)
        ok[ok] &= polar[target[ok]]
        src, target, factor = src[ok], target[ok], factor[ok]
        j = np.searchsorted(P, target)
        m[j] *= factor
        store[j] = src
        return ok

    # post intensifiers: word before, else two before
    if len(post_R):
        f = va["ipost"][tok[post_R]]
        done = _apply(post_R, post_R - 1, f, int_src)
        rest = post_R[~done]
        if len(rest):
            okb = ~brk_t[rest - 1] & ~polar[rest - 1]
            _apply(rest[okb], rest[okb] - 2, va["ipost"][tok[rest[okb]]], int_src)
    pre_R = R[va["ipre"][rt] != 1]
    if len(pre_R):
        f = va["ipre"][tok[pre_R]]
        done = _apply(pre_R, pre_R + 1, f, int_src)
        rest = pre_R[~done & (pre_R + 2 < T)]
        if len(rest):
            okb = ~brk_t[rest + 1] & ~polar[rest + 1]
            _apply(rest[okb], rest[okb] + 2, va["ipre"][tok[rest[okb]]], int_src)
    # negation: first sentiment word within three tokens, same clause
    clause_brk = brk_t | va["contrast"][tok] | va["conc"][tok]
    neg_R = R[va["neg"][rt]]
    negated = np.zeros(len(P), dtype=bool)
    if len(neg_R):
        alive = np.ones(len(neg_R), dtype=bool)
        for j in range(1, 4):
            tgt = neg_R + j
            ok = alive & _same_doc(doc, neg_R, tgt)
            alive &= ok
            if not alive.any():
                break
            t_ok = tgt[alive]
            stop = clause_brk[t_ok] | va["neg"][tok[t_ok]] | va["is_emoji"][tok[t_ok]]
            hit = polar[t_ok] & ~stop
            idx_alive = np.flatnonzero(alive)
            hit_i = idx_alive[hit]
            if len(hit_i):
                jj = np.searchsorted(P, tgt[hit_i])
                negated[jj] = True
                neg_src[jj] = neg_R[hit_i]
            alive[idx_alive[hit | stop | polar[t_ok]]] = False
        m = np.where(negated, m * np.where(sc[P] > 0, _NEG_POS, _NEG_NEG), m)
    # contrast: words before the last contrast word of the text x0.5, after x1.5
    con_R = R[va["contrast"][rt]]
    cw = np.ones(len(P))
    lastc_P = np.full(len(P), -1, dtype=np.int64)
    if len(con_R) and len(P):
        lastc = np.full(n, -1, dtype=np.int64)
        lastc[doc[con_R]] = con_R  # sorted: the last assignment wins
        lastc_P = lastc[doc[P]]
        # only when some sentiment word follows the contrast word ("3 menit cuma buat 1 gelas" is no contrast)
        after = np.zeros(n, dtype=bool)
        after[doc[P][P > lastc_P]] = True
        lastc_P = np.where(after[doc[P]], lastc_P, -1)
        has = lastc_P >= 0
        cw = np.where(has & (P < lastc_P), _CONTRAST_BEFORE, np.where(has & (P > lastc_P), _CONTRAST_AFTER, 1.0))
    # concession: its own clause x0.5
    conc_R = R[va["conc"][rt]]
    in_conc = np.zeros(len(P), dtype=bool)
    if len(conc_R) and len(P):
        B = np.append(-1, np.flatnonzero(brk_t | va["contrast"][tok]))
        last_b = B[np.searchsorted(B, P) - 1]
        i_k = np.searchsorted(conc_R, P) - 1
        last_k = np.where(i_k >= 0, conc_R[np.maximum(i_k, 0)], -1)
        in_conc = (last_k >= 0) & (last_k > last_b) & _same_doc(doc, P, last_k)
    elong = el[P]
    dP = doc[P]
    tP = tok[P]
    pos_word = sc[P] > 0
    # excess ("terlalu manis"): the intensifier turns a positive word negative
    exc = (int_src >= 0) & pos_word & va["excess"][tok[np.maximum(int_src, 0)]]
    m = np.where(exc, m * (_EXCESS_POS / va["ipre"][tok[np.maximum(int_src, 0)]]), m)
    contrib = sc[P] * m * cw * np.where(in_conc, _CONCESSION, 1.0) * np.where(elong, _ELONG, 1.0)
    rflags = np.where(exc, 4, 0) | np.where(wait_at[P], 256, 0)
    # laughter: mocking in a text with a negative word
    laugh = va["laugh"][tP]
    if laugh.any():
        neg_doc = np.zeros(n, dtype=bool)
        neg_doc[dP[(contrib < -_WEAK) & ~laugh]] = True
        mock = laugh & neg_doc[dP]
        contrib = np.where(mock, _LAUGH_MOCK, contrib)
        rflags = rflags | np.where(mock, 8, 0)
    # sarcasm: praise in a text with a sarcasm marker counts negative
    S = np.flatnonzero(va["sarc"][tok])
    if len(S):
        sarc_doc = np.zeros(n, dtype=bool)
        sarc_doc[doc[S]] = True
        flip = sarc_doc[dP] & (contrib > 0)
        contrib = np.where(flip, -contrib, contrib)
        rflags = rflags | np.where(flip, 16, 0)
    # scare quotes: a positive word written in quotes on its own is ironic ('the "fresh" bread')
    scare = va["scare"][tP] & (contrib > 0)
    if scare.any():
        contrib = np.where(scare, -contrib, contrib)
        rflags = rflags | np.where(scare, 128, 0)
    # sarcasm without emoji: generic praise opens the text and a clear complaint follows, or a clear
    # complaint comes first and generic praise closes the text in a clause of its own; no other praise
    # (openers such as "wow" flip along), no contrast word
    if len(P):
        opener_t = va["opener"][tok]
        nonop = (~(opener_t | brk_t)).astype(np.int64)
        excl_c = np.cumsum(nonop) - nonop  # non-opener tokens before each position
        first = np.searchsorted(doc, dP)  # first token of the text of each polar token
        pos_c = (contrib > 0) & ~negated
        gp = np.where(consumed[P], irony_at[P], va["gpraise"][tP])  # a phrase counts by its category
        initial = (excl_c[P] == excl_c[first]) & pos_c & gp
        # closing praise: the last polar token of its text, in a final clause of praise/openers/fillers only
        last_of_doc = np.ones(len(P), dtype=bool)
        last_of_doc[:-1] = dP[:-1] != dP[1:]
        closing = last_of_doc & pos_c & gp & ~initial
        if closing.any():
            sel = contrib < -_WEAK
            first_neg = np.full(n, np.iinfo(np.int64).max, dtype=np.int64)
            first_neg[dP[sel][::-1]] = P[sel][::-1]  # the first assignment wins
            closing &= first_neg[dP] < P
        if closing.any():
            closing[np.flatnonzero(closing)[~_closing_clause(P[closing], first[closing], doc, tok, va, brk_t)]] = False
        if initial.any() or closing.any():
            last_neg = np.full(n, -1, dtype=np.int64)
            sel = contrib < -_WEAK
            last_neg[dP[sel]] = P[sel]  # P is sorted: the last assignment wins
            op_pos = pos_c & va["opener"][tP]
            other_pos = np.bincount(dP[(contrib > 0) & ~initial & ~closing & ~op_pos], minlength=n) > 0
            has_con = np.zeros(n, dtype=bool)
            has_con[doc[con_R]] = True
            ok_doc = ~other_pos[dP] & ~has_con[dP]
            flip = ((initial & (last_neg[dP] > P)) | closing) & ok_doc
            fdoc = np.zeros(n, dtype=bool)
            fdoc[dP[flip]] = True
            flip |= op_pos & fdoc[dP]
            contrib = np.where(flip, -contrib, contrib)
            rflags = rflags | np.where(flip, 16, 0)
    # questions: positive words weigh less ("ada yang cocok buat kulit kering?")
    Q = np.flatnonzero(va["quest"][tok])
    if len(Q):
        q_doc = np.zeros(n, dtype=bool)
        q_doc[doc[Q]] = True
        damp = q_doc[dP] & (contrib > 0)
        contrib = np.where(damp, contrib * _QUESTION_POS, contrib)
        rflags = rflags | np.where(damp, 32, 0)
    raw = np.bincount(dP, weights=contrib, minlength=n)
    # neutral band: one weak word alone does not make a text polar
    strong = np.bincount(dP, weights=np.abs(contrib) > _WEAK, minlength=n)
    weak = (strong == 0) & (np.abs(raw) <= _WEAK_SUM)
    raw = np.where(weak, raw * _WEAK_DAMP, raw)
    rflags = rflags | np.where(weak[dP], 64, 0)
    E = np.flatnonzero(va["excl"][tok] > 0)
    ex = np.minimum(np.bincount(doc[E], weights=va["excl"][tok[E]], minlength=n), 3)
    raw = raw + np.sign(raw) * _EXCL * ex
    score = raw / np.sqrt(raw * raw + _ALPHA)
    evidence = None
    if want_evidence:
        evidence = _evidence(P, dP, tok, vocab, n, contrib, phrase_at, tables, negated, neg_src, int_src,
                             lastc_P, cw, in_conc, elong, va, ex, raw, rflags, {} if ev_cache is None else ev_cache)
    return score, evidence


def _closing_clause(p, first, doc, tok, va, brk_t):
    """For praise at positions ``p`` (the last polar token of texts starting at ``first``): is it in a
    final clause of its own, made only of generic praise, sarcasm openers, fillers and punctuation?

    Works on the token ranges of these few texts only (not on every token).
    """
    T = len(tok)
    end = np.searchsorted(doc, doc[p], side="right")  # one past the last token of each text
    lens = end - first
    offs = np.zeros(len(p), dtype=np.int64)
    offs[1:] = np.cumsum(lens)[:-1]
    g = np.repeat(np.arange(len(p)), lens)
    idx = first[g] + np.arange(int(lens.sum())) - offs[g]
    tk = tok[np.minimum(idx, T - 1)]
    is_brk = brk_t[idx]
    ok = va["gpraise"][tk] | va["opener"][tk] | va["filler"][tk] | is_brk
    b_at = np.maximum.reduceat(np.where(is_brk & (idx < p[g]), idx, -1), offs)
    n_bad = np.add.reduceat((~ok & (idx > b_at[g])).astype(np.int64), offs)
    return (b_at >= 0) & (n_bad == 0)


_FLAG_TAGS = ((4, "excess"), (8, "mocking laughter"), (16, "sarcasm"), (32, "question"), (64, "weak alone"),
              (128, "scare quotes"), (256, "waiting"))


def _mix(h, x):
    """Fold an int64 array into a running 64-bit hash (multiply-xor; collisions ~2**-64)."""
    with np.errstate(over="ignore"):
        return (h ^ x.astype(np.uint64)) * np.uint64(0x9E3779B97F4A7C15)


def _evidence(P, dP, tok, vocab, n, contrib, phrase_at, tables, negated, neg_src, int_src, lastc, cw, in_conc,
              elong, va, ex, raw, rflags, cache):
    """Evidence strings of every text, built vectorised.

    Each sentiment token gives one ``word:contribution [rules]`` item. Items are
    identified by a hash of (word or phrase, contribution in cents, rule
    sources); only the distinct items are formatted in Python, then the items
    of each text are joined with pyarrow (C++), so the cost per text is a few
    array operations, not Python string work.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    V = len(vocab)
    unit = tok[P].astype(np.int64)
    if phrase_at and len(P):
        ppos = np.fromiter(phrase_at.keys(), dtype=np.int64, count=len(phrase_at))
        pidx = np.fromiter(phrase_at.values(), dtype=np.int64, count=len(phrase_at))
        j = np.searchsorted(P, ppos)
        ok = (j < len(P)) & (P[np.minimum(j, len(P) - 1)] == ppos)
        unit[j[ok]] = -1 - pidx[ok]  # phrases as negative ids: stable across batches (the cache outlives V)
    cents = np.rint(contrib * 100).astype(np.int64)
    negw = np.where(negated, tok[np.maximum(neg_src, 0)], -1)
    intw = np.where(int_src >= 0, tok[np.maximum(int_src, 0)], -1)
    conw = np.where(cw != 1.0, tok[np.maximum(lastc, 0)] * 2 + (cw > 1), -1)
    flags = in_conc.astype(np.int64) + 2 * elong.astype(np.int64) + rflags
    h = np.full(len(P), np.uint64(0xCBF29CE484222325))
    for col in (unit, cents, negw, intw, conw, flags):
        h = _mix(h, col)
    codes, uniq = pd.factorize(h)
    first = np.empty(len(uniq), dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)
    strs = []
    is_emoji, root = va["is_emoji"], va["root"]
    for j, hj in zip(first.tolist(), uniq.tolist()):
        done = cache.get(hj)
        if done is not None:  # formatted in an earlier batch
            strs.append(done)
            continue
        u = int(unit[j])
        if u < 0:
            key, (_, cat) = tables.phrase_list[-1 - u]
            word = " ".join(key)
            tags = ["complaint" if cat == "complaint" else "phrase"]
        else:
            word = vocab[u]
            tags = ["emoji"] if is_emoji[u] else []
            if root[u] is not None:
                tags.append(f"root {root[u]}")
        if negw[j] >= 0:
            tags.append(f"negation {vocab[negw[j]]}")
        if intw[j] >= 0:
            w = vocab[intw[j]]
            tags.append(f"{'diminisher' if w in DIMINISHERS else 'intensifier'} {w}")
        if conw[j] >= 0:
            tags.append(f"contrast {vocab[conw[j] // 2]} {'after' if conw[j] % 2 else 'before'}")
        if flags[j] & 1:
            tags.append("concession")
        if flags[j] & 2:
            tags.append("elongation")
        for bit, name in _FLAG_TAGS:
            if flags[j] & bit:
                tags.append(name)
        item = f"{word}:{cents[j] / 100:+.2f}" + (f" [{', '.join(tags)}]" if tags else "")
        cache[hj] = item
        strs.append(item)
    item_doc = dP
    # exclamation items come last in their text
    exd = np.flatnonzero((ex > 0) & (raw != 0))
    if len(exd):
        ex_c = np.rint(np.sign(raw[exd]) * _EXCL * ex[exd] * 100).astype(np.int64)
        ex_u, ex_codes = np.unique(ex_c, return_inverse=True)
        strs.extend(f"exclamation:{c / 100:+.2f}" for c in ex_u.tolist())
        codes = np.concatenate([codes, len(uniq) + ex_codes])
        item_doc = np.concatenate([dP, exd])
        order = np.argsort(item_doc, kind="stable")
        codes, item_doc = codes[order], item_doc[order]
    offsets = np.searchsorted(item_doc, np.arange(n + 1)).astype(np.int32)
    values = pc.take(pa.array(strs, type=pa.string()), pa.array(codes.astype(np.int32)))
    lists = pa.ListArray.from_arrays(pa.array(offsets), values)
    return pc.binary_join(lists, "; ")

