"""TF-IDF and NMF without scikit-learn: the same numbers in NumPy and SciPy, without its import.

Importing scikit-learn costs about 1.3 s (it imports ``scipy.stats``), more than the topics and the
quotes of a report take to compute. :class:`Tfidf` and :func:`nmf` reproduce, step by step and
in the same order of floating-point operations, what the report used from it:

* :class:`Tfidf` = ``TfidfVectorizer(analyzer=..., min_df, max_df, sublinear_tf=True)`` (smooth
  idf, L2 rows): the same vocabulary, the same sparse matrix, entry for entry;
* :func:`nmf` = ``NMF(n_components, init="nndsvda", solver="cd", random_state=seed,
  max_iter).fit_transform`` (no regularisation): the randomized SVD of the initialisation
  (LU power iterations, economic QR, ``gesdd``) and the coordinate descent, its inner loop over
  rows vectorised (each row's arithmetic unchanged), so W and H are the same arrays (to the last
  bit or so: BLAS rounds the small product W'W according to the arrays' alignment in memory, in
  scikit-learn as here).

``tests/conversation/test_factorise.py`` checks both against scikit-learn on the bundled sample's
texts (TF-IDF bit for bit; W and H to 1e-9 relative, the same topics and top terms); scikit-learn
stays a dependency (the sentiment model trains with it).

Examples
--------
>>> tf = Tfidf(min_df=1)
>>> x = tf.fit_transform([["kopi", "enak"], ["kopi", "mahal", "mahal"]])
>>> tf.vocabulary_.tolist()
['enak', 'kopi', 'mahal']
>>> x.shape
(2, 3)
>>> w, h, n_iter = nmf(x, 1, seed=0)
>>> w.shape, h.shape
((2, 1), (1, 3))
"""

from __future__ import annotations

import functools
import math
import re
import warnings

import numpy as np
import pandas as pd
from scipy import sparse

from ..exceptions import SMAnalysisWarning

__all__ = ["Tfidf", "nmf", "nmf_transform", "word_tokens"]

_WORDS = re.compile(r"(?u)\b\w+\b")  # scikit-learn's default token_pattern, as quotes() used it


def word_tokens(texts) -> list[list[str]]:
    """Lower-cased words (``\\b\\w+\\b``) of each text: scikit-learn's default analyzer.

    >>> word_tokens(["Kopi enak, KOPI!"])
    [['kopi', 'enak', 'kopi']]
    """
    return [_WORDS.findall(t.lower()) for t in texts]


class Tfidf:
    """TF-IDF weights of token lists (sublinear tf, smoothed idf, L2-normalised rows).

    Parameters
    ----------
    min_df : int
        A token must appear in at least this many documents.
    max_df : float or int
        A token in more documents than this (a share when a float) is left out.

    Attributes
    ----------
    vocabulary_ : ndarray of str (object dtype)
        The tokens kept, sorted (column ``j`` of the matrix is ``vocabulary_[j]``).
    idf_ : ndarray of float
        ``ln((1 + n) / (1 + df)) + 1`` per token.
    """

    def __init__(self, *, min_df: int = 1, max_df: float | int = 1.0):
        self.min_df = min_df
        self.max_df = max_df

    @staticmethod
    def _matrix(doc, codes, n_docs: int, n_terms: int):
        """Counts of term ``codes`` per document as a CSR array (int64 counts, int32 indices), each
        row's entries in code order: one sort of ``doc * n_terms + code``, no loop over documents."""
        keys, counts = np.unique(doc.astype(np.int64) * max(n_terms, 1) + codes, return_counts=True)
        rows = keys // max(n_terms, 1)
        indptr = np.zeros(n_docs + 1, dtype=np.int32)
        np.cumsum(np.bincount(rows, minlength=n_docs), out=indptr[1:])
        x = sparse.csr_array((counts.astype(np.intc), (keys % max(n_terms, 1)).astype(np.int32), indptr),
                             shape=(n_docs, n_terms), dtype=np.int64)
        x.sort_indices()
        return x

    def fit_transform(self, docs) -> sparse.csr_matrix:
        """Learn the vocabulary and idf of ``docs`` (lists of tokens); their TF-IDF matrix.

        Raises
        ------
        ValueError
            When no token is left (none at all, or none within ``min_df``/``max_df``).
        """
        return self.fit_transform_tokens(*_flat(docs))

    def fit_transform_tokens(self, doc, tokens, n_docs: int) -> sparse.csr_matrix:
        """:meth:`fit_transform` of documents given flat: ``tokens[i]`` is in document ``doc[i]``
        (ascending, in text order within a document), ``n_docs`` documents in all.

        Columns are first numbered in order of first appearance in the corpus, as scikit-learn's
        ``CountVectorizer`` numbers them (``pandas.factorize`` gives that order), then sorted.
        """
        codes, terms = pd.factorize(np.asarray(tokens, dtype=object))
        if not len(terms):
            raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
        x = self._matrix(np.asarray(doc), codes, n_docs, len(terms))
        high = self.max_df if isinstance(self.max_df, (int, np.integer)) else self.max_df * n_docs
        low = self.min_df if isinstance(self.min_df, (int, np.integer)) else self.min_df * n_docs
        if high < low:
            raise ValueError("max_df corresponds to < documents than min_df")
        dfs = np.bincount(x.indices, minlength=x.shape[1])
        mask = (dfs <= high) & (dfs >= low)
        kept = np.where(mask)[0]
        if len(kept) == 0:
            raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
        x = x[:, kept]
        terms = np.asarray(terms, dtype=object)[kept]
        order = np.argsort(terms.astype(str), kind="stable")
        new_index = np.empty(len(order), dtype=x.indices.dtype)
        new_index[order] = np.arange(len(order), dtype=x.indices.dtype)
        x.indices = new_index.take(x.indices, mode="clip")  # sorted columns; row entries keep their order
        self.vocabulary_ = terms[order]
        df = np.bincount(x.indices, minlength=x.shape[1]).astype(np.float64)
        df += 1.0
        self.idf_ = np.full_like(df, fill_value=n_docs + 1, dtype=np.float64)
        self.idf_ /= df
        np.log(self.idf_, out=self.idf_)
        self.idf_ += 1.0
        return self._weigh(x)

    def transform(self, docs) -> sparse.csr_matrix:
        """TF-IDF matrix of new ``docs`` on the fitted vocabulary (unknown tokens left out)."""
        doc, tokens, n_docs = _flat(docs)
        idx = pd.Index(self.vocabulary_).get_indexer(tokens) if len(tokens) else np.zeros(0, dtype=np.intp)
        known = idx >= 0
        return self._weigh(self._matrix(doc[known], idx[known], n_docs, len(self.vocabulary_)))

    def _weigh(self, x) -> sparse.csr_matrix:
        x = sparse.csr_array(x, dtype=np.float64, copy=True)
        np.log(x.data, x.data)
        x.data += 1.0
        x.data *= self.idf_[x.indices]
        _normalise_rows(x)
        return sparse.csr_matrix(x)


def _flat(docs):
    """``(doc, tokens, n_docs)`` of lists of tokens."""
    from itertools import chain

    lens = np.fromiter(map(len, docs), dtype=np.int64)
    tokens = np.fromiter(chain.from_iterable(docs), dtype=object, count=int(lens.sum()))
    return np.repeat(np.arange(len(lens)), lens), tokens, len(lens)


def _normalise_rows(x) -> None:
    """Each row of CSR ``x`` divided by its L2 norm, in place; the squares summed left to right in
    storage order (as scikit-learn's ``inplace_csr_row_normalize_l2``), rows of zeros left alone."""
    lengths = np.diff(x.indptr)
    sq = x.data * x.data
    total = np.zeros(x.shape[0])
    starts = x.indptr[:-1]
    for k in range(int(lengths.max(initial=0))):  # loops over positions in a row, not over rows
        rows = np.nonzero(lengths > k)[0]
        total[rows] += sq[starts[rows] + k]
    norm = np.sqrt(total)
    row = np.repeat(np.arange(x.shape[0]), lengths)
    nz = norm[row] != 0.0
    x.data[nz] /= norm[row][nz]


def _lu_q(a):
    from scipy import linalg

    return linalg.lu(a, permute_l=True, check_finite=False)[0]


def _qr_q(a):
    from scipy import linalg

    return linalg.qr(a, mode="economic", check_finite=False)[0]


def _svd_flip(u, v, u_based: bool):
    if u_based:
        rows = np.argmax(np.abs(u.T), axis=1)
        signs = np.sign(np.take(np.reshape(u.T, (-1,)), rows + np.arange(u.T.shape[0]) * u.T.shape[1], axis=0))
    else:
        rows = np.argmax(np.abs(v), axis=1)
        signs = np.sign(np.take(np.reshape(v, (-1,)), rows + np.arange(v.shape[0]) * v.shape[1], axis=0))
    u *= signs[np.newaxis, :]
    v *= signs[:, np.newaxis]
    return u, v


def _randomized_svd(m, k: int, rng):
    """scikit-learn's ``randomized_svd(m, k, random_state=rng)`` (10 oversamples, LU power iterations)."""
    from scipy import linalg

    n_random = k + 10
    n_iter = 7 if k < 0.1 * min(m.shape) else 4
    transpose = m.shape[0] < m.shape[1]
    if transpose:
        m = m.T
    q = rng.normal(size=(m.shape[1], n_random))
    for _ in range(n_iter):
        q = _lu_q(m @ q)
        q = _lu_q(m.T @ q)
    q = _qr_q(m @ q)
    uhat, s, vt = linalg.svd(q.T @ m, full_matrices=False, lapack_driver="gesdd")
    u = q @ uhat
    u, vt = _svd_flip(u, vt, u_based=not transpose)
    if transpose:
        return vt[:k, :].T, s[:k], u[:, :k].T
    return u[:, :k], s[:k], vt[:k, :]


def _nndsvda(x, k: int, seed: int, eps: float = 1e-6):
    u, s, v = _randomized_svd(x, k, np.random.RandomState(seed))
    w, h = np.zeros_like(u), np.zeros_like(v)
    w[:, 0] = np.sqrt(s[0]) * np.abs(u[:, 0])
    h[0, :] = np.sqrt(s[0]) * np.abs(v[0, :])
    for j in range(1, k):
        a, b = u[:, j], v[j, :]
        a_p, b_p = np.maximum(a, 0), np.maximum(b, 0)
        a_n, b_n = np.abs(np.minimum(a, 0)), np.abs(np.minimum(b, 0))
        a_pn, b_pn = math.sqrt(np.dot(a_p, a_p)), math.sqrt(np.dot(b_p, b_p))
        a_nn, b_nn = math.sqrt(np.dot(a_n, a_n)), math.sqrt(np.dot(b_n, b_n))
        m_p, m_n = a_pn * b_pn, a_nn * b_nn
        if m_p > m_n:
            uu, vv, sigma = a_p / a_pn, b_p / b_pn, m_p
        else:
            uu, vv, sigma = a_n / a_nn, b_n / b_nn, m_n
        lbd = np.sqrt(s[j] * sigma)
        w[:, j] = lbd * uu
        h[j, :] = lbd * vv
    w[w < eps] = 0
    h[h < eps] = 0
    avg = x.mean()
    w[w == 0] = avg
    h[h == 0] = avg
    return w, h


def _cd_sweep(x, w, ht) -> float:
    """One sweep of coordinate descent over the columns of ``w`` (in place); the sum of the absolute
    projected gradients, added left to right as scikit-learn's ``_update_cdnmf_fast`` adds them.
    Each row's arithmetic is the loop's (``grad = -XHt[i, t]; grad += HHt[t, r] * W[i, r]`` for r in
    order), done for all rows at once on contiguous copies of the columns."""
    hht = np.dot(ht.T, ht)
    xht_t = np.ascontiguousarray((x @ ht).T)
    cols = np.ascontiguousarray(w.T)  # cols[r] is column r of w, contiguous
    k = cols.shape[0]
    parts = np.empty_like(cols)
    grad = np.empty(cols.shape[1])
    terms = np.empty_like(cols)
    for t in range(k):
        np.multiply(cols, hht[t][:, np.newaxis], out=terms)  # terms[r] = HHt[t, r] * W[:, r], all r at once
        np.negative(xht_t[t], out=grad)
        for r in range(k):
            grad += terms[r]
        col = cols[t]
        np.abs(np.where(col == 0, np.minimum(0.0, grad), grad), out=parts[t])
        hess = hht[t, t]
        if hess != 0:
            col -= grad / hess
            np.copyto(col, 0.0, where=~(col > 0.0))  # max(step, 0.): 0 unless step > 0
    w[:] = cols.T
    return float(np.cumsum(parts.ravel())[-1]) if parts.size else 0.0


def _coordinate_descent(x, w, h, *, tol: float, max_iter: int, update_h: bool, func: str):
    w = np.ascontiguousarray(w)
    ht = np.ascontiguousarray(h.T)
    x = sparse.csr_matrix(x) if sparse.issparse(x) else x
    n_iter = 0
    for n_iter in range(1, max_iter + 1):
        violation = 0.0
        violation += _cd_sweep(x, w, ht)
        if update_h:
            violation += _cd_sweep(x.T, ht, w)
        if n_iter == 1:
            violation_init = violation
        if violation_init == 0 or violation / violation_init <= tol:
            break
    if n_iter == max_iter and tol > 0:
        warnings.warn(f"{func}: NMF reached its {max_iter} iterations before converging; the topics are "
                      "those of the last iteration", SMAnalysisWarning, stacklevel=3)
    return w, ht.T, n_iter


def nmf(x, k: int, *, seed: int = 0, max_iter: int = 200, tol: float = 1e-4):
    """Non-negative factorisation ``x ≈ w @ h`` with ``k`` components (Frobenius loss, coordinate
    descent from the NNDSVDa start), as scikit-learn's ``NMF(k, init="nndsvda", solver="cd")``.

    Parameters
    ----------
    x : sparse matrix or ndarray, non-negative, shape (n, m)
    k : int
        Components, at most ``min(n, m)``.
    seed : int
        Random state of the randomized SVD of the start.
    max_iter, tol
        Stop after ``max_iter`` sweeps, or when the projected gradient falls to ``tol`` of the first
        sweep's (an :class:`~smanalysis.exceptions.SMAnalysisWarning` when ``max_iter`` is reached).

    Returns
    -------
    w : ndarray (n, k)
    h : ndarray (k, m)
    n_iter : int
    """
    if not 1 <= k <= min(x.shape):
        raise ValueError(f"nmf: `k` must be between 1 and min(n_samples, n_features) = {min(x.shape)}, "
                         f"but {k!r} was passed.")
    with _one_blas_thread():
        w, h = _nndsvda(x, k, seed)
        return _coordinate_descent(x, w, h, tol=tol, max_iter=max_iter, update_h=True, func="nmf")


def nmf_transform(x, h, *, max_iter: int = 200, tol: float = 1e-4) -> np.ndarray:
    """The weights ``w`` of new rows ``x`` on fitted components ``h`` (scikit-learn's ``NMF.transform``)."""
    w = np.zeros((x.shape[0], h.shape[0]), dtype=np.float64)
    with _one_blas_thread():
        return _coordinate_descent(x, w, h, tol=tol, max_iter=max_iter, update_h=False, func="nmf_transform")[0]


def _one_blas_thread():
    """BLAS on one thread while factorising: the products are thin (k columns), and OpenBLAS's
    threads, spinning for work, made the randomized SVD 20 to 50 times slower on a busy machine
    (0.5-1.2 s instead of 0.02 s on the sample). The thread pools are looked up once a process
    (:func:`_blas_pools`; each lookup scans every loaded library, ~20 ms)."""
    return _blas_pools().limit(limits=1, user_api="blas")


@functools.lru_cache(maxsize=1)
def _blas_pools():
    """threadpoolctl's controller of the BLAS libraries loaded, SciPy's own among them."""
    import scipy.linalg  # noqa: F401 - load SciPy's own BLAS now, so that the limit applies to it too
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()
