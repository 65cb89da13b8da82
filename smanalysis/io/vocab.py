"""Value vocabularies shared by the readers and the writers (platform names, plan labels).

Examples
--------
>>> PLAN_CONTENT_TYPES["edukasi"], PLAN_STATUSES["tayang"]
('education', 'posted')
"""

from __future__ import annotations

import zlib

__all__ = [
    "PLATFORM_ALIASES", "PLAN_CONTENT_TYPES", "PLAN_STATUSES", "PLAN_FORMATS",
    "CONTENT_TYPE_ID", "STATUS_ID", "FORMAT_ID", "FB_POST_TYPE_OUT", "IG_POST_TYPE_OUT",
    "SOURCE_DOMAINS", "stable_id",
]

#: Free-text platform names (lower case) -> canonical platform.
PLATFORM_ALIASES = {
    "instagram": "instagram", "ig": "instagram", "insta": "instagram", "instagram.com": "instagram",
    "facebook": "facebook", "fb": "facebook", "facebook.com": "facebook", "meta": "facebook",
    "tiktok": "tiktok", "tik tok": "tiktok", "tt": "tiktok", "tiktok.com": "tiktok",
    "x": "x", "twitter": "x", "x (twitter)": "x", "twitter.com": "x", "x.com": "x",
    "youtube": "youtube", "yt": "youtube", "youtube.com": "youtube", "youtu.be": "youtube",
}

#: Content-plan "jenis konten" labels (Indonesian and English) -> canonical content_type.
PLAN_CONTENT_TYPES = {
    "promo": "promo", "promosi": "promo", "jualan": "promo", "promotion": "promo", "iklan": "promo",
    "edukasi": "education", "education": "education", "educational": "education", "tips": "education",
    "hiburan": "entertainment", "entertainment": "entertainment", "fun": "entertainment",
    "interaksi": "engagement", "engagement": "engagement", "keterlibatan": "engagement",
    "inspirasi": "inspiration", "inspiration": "inspiration", "motivasi": "inspiration",
    "berita": "news", "news": "news", "info": "news", "informasi": "news", "pengumuman": "news",
    "lainnya": "other", "lain-lain": "other", "other": "other",
}
#: Content-plan status labels -> canonical status.
PLAN_STATUSES = {
    "ide": "idea", "idea": "idea", "draf": "draft", "draft": "draft", "direncanakan": "planned",
    "rencana": "planned", "planned": "planned", "terjadwal": "scheduled", "dijadwalkan": "scheduled",
    "scheduled": "scheduled", "tayang": "posted", "diposting": "posted", "sudah posting": "posted",
    "posted": "posted", "published": "posted", "selesai": "posted", "done": "posted",
    "dilewati": "skipped", "batal": "skipped", "skip": "skipped", "skipped": "skipped", "cancelled": "skipped",
}
#: Content-plan format labels -> canonical format.
PLAN_FORMATS = {
    "foto": "photo", "photo": "photo", "gambar": "photo", "image": "photo", "carousel": "carousel",
    "karosel": "carousel", "video": "video", "reel": "reel", "reels": "reel", "story": "story",
    "stories": "story", "cerita": "story", "teks": "text", "text": "text", "tautan": "link", "link": "link",
    "live": "live", "siaran langsung": "live", "lainnya": "other", "other": "other",
}
CONTENT_TYPE_ID = {
    "promo": "Promo", "education": "Edukasi", "entertainment": "Hiburan", "engagement": "Interaksi",
    "inspiration": "Inspirasi", "news": "Berita", "other": "Lainnya",
}
STATUS_ID = {
    "idea": "Ide", "draft": "Draf", "planned": "Direncanakan", "scheduled": "Terjadwal",
    "posted": "Tayang", "skipped": "Dilewati",
}
FORMAT_ID = {
    "photo": "Foto", "carousel": "Carousel", "video": "Video", "reel": "Reels", "story": "Story",
    "text": "Teks", "link": "Tautan", "live": "Live", "other": "Lainnya",
}
#: canonical format -> Facebook "Post type" value.
FB_POST_TYPE_OUT = {
    "photo": "Photos", "carousel": "Photos", "video": "Videos", "reel": "Reels", "story": "Stories",
    "text": "Text", "link": "Links", "live": "Live", "other": "Text",
}
#: canonical format -> Instagram "Post type" value.
IG_POST_TYPE_OUT = {
    "photo": "IG image", "carousel": "IG carousel", "video": "IG reel", "reel": "IG reel",
    "story": "IG story", "live": "IG live", "text": "IG image", "link": "IG image", "other": "IG image",
}
#: canonical platform -> domain written by the listening-export writer.
SOURCE_DOMAINS = {
    "instagram": "instagram.com", "facebook": "facebook.com", "tiktok": "tiktok.com",
    "x": "twitter.com", "youtube": "youtube.com",
}


def stable_id(text: str, *, digits: int = 15) -> str:
    """A deterministic numeric id for a handle (CRC32 based), for ids a writer must invent.

    Examples
    --------
    >>> stable_id("kopisenja") == stable_id("kopisenja")
    True
    >>> len(stable_id("kopisenja"))
    15
    """
    n = zlib.crc32(str(text).encode("utf-8"))
    return str(10 ** (digits - 1) + n)
