"""The fact-finding profile: who the business is, what it wants, whom it talks to.

A profile is a YAML file (see ``data/sample/profile.yaml``)::

    business_name: Kopi Senja
    sector: food & beverage (coffee shop)
    business_model: B2C            # B2B | B2C
    goal: promotion                # reputation | promotion
    timezone: Asia/Jakarta
    website: https://kopisenja.example
    audience:
      age_min: 18
      age_max: 34
      gender: all                  # all | female | male
      locations: [Yogyakarta]
      interests: [kopi, nongkrong, kuliner]
    platforms: [instagram, tiktok, facebook, x]
    own_accounts:                  # platform -> handle (without @)
      instagram: kopisenja.id
    competitors:                   # one or two
      - name: Kopi Pagi
        accounts: {instagram: kopipagi.jogja}
    tone:
      register: casual             # casual | formal
      address: kak                 # how customers are addressed: kak | kamu | Anda | ...
      emoji: true
    kpi_targets:                   # any subset; names match smanalysis metrics
      er_reach: 0.05
      follower_growth_monthly: 0.03
      response_rate: 0.9
      median_response_minutes: 60
      net_sentiment: 0.3
      share_of_voice: 0.4

:func:`load_profile` returns a :class:`Profile` with validated fields.

Examples
--------
>>> p = Profile.from_dict({"business_name": "Kopi Senja", "business_model": "B2C",
...                        "goal": "promotion", "own_accounts": {"instagram": "kopisenja.id"}})
>>> p.brand_handles
['kopisenja.id']
>>> p.timezone
'Asia/Jakarta'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._yaml import read_yaml
from .exceptions import SchemaError
from .schema import DEFAULT_TIMEZONE, PLATFORMS
from ._checks import check_choice

__all__ = ["Profile", "load_profile"]

_REQUIRED = ("business_name", "business_model", "goal", "own_accounts")
_CHOICES = {"business_model": ("B2B", "B2C", "B2B2C"), "goal": ("reputation", "promotion")}


@dataclass
class Profile:
    """Validated fact-finding profile. See the module docstring for the YAML layout."""

    business_name: str
    business_model: str
    goal: str
    own_accounts: dict[str, str]
    sector: str = ""
    timezone: str = DEFAULT_TIMEZONE
    website: str = ""
    audience: dict[str, Any] = field(default_factory=dict)
    platforms: list[str] = field(default_factory=list)
    competitors: list[dict[str, Any]] = field(default_factory=list)
    tone: dict[str, Any] = field(default_factory=dict)
    kpi_targets: dict[str, float] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, d: dict[str, Any], *, source: str = "profile") -> "Profile":
        """Build a profile from a mapping, checking required keys and allowed values."""
        if not isinstance(d, dict):
            raise SchemaError(f"{source}: a profile must be a mapping of keys to values, got {type(d).__name__}")
        missing = [k for k in _REQUIRED if not d.get(k)]
        if missing:
            raise SchemaError(f"{source}: profile lacks required keys {missing}; keys present: {sorted(d)}")
        for key, allowed in _CHOICES.items():
            check_choice(key, d[key], allowed, where=source)
        own = {str(k).lower(): str(v).lstrip("@") for k, v in dict(d["own_accounts"]).items()}
        bad = [k for k in own if k not in PLATFORMS]
        if bad:
            raise ValueError(f"{source}: `own_accounts` platforms must be among {list(PLATFORMS)}, but {bad} was passed.")
        comps = []
        for c in d.get("competitors") or []:
            accounts = {str(k).lower(): str(v).lstrip("@") for k, v in dict(c.get("accounts") or {}).items()}
            comps.append({"name": str(c.get("name") or next(iter(accounts.values()), "")), "accounts": accounts})
        known = {f for f in cls.__dataclass_fields__}
        return cls(
            business_name=str(d["business_name"]),
            business_model=d["business_model"],
            goal=d["goal"],
            own_accounts=own,
            sector=str(d.get("sector") or ""),
            timezone=str(d.get("timezone") or DEFAULT_TIMEZONE),
            website=str(d.get("website") or ""),
            audience=dict(d.get("audience") or {}),
            platforms=[str(p).lower() for p in (d.get("platforms") or list(own))],
            competitors=comps,
            tone=dict(d.get("tone") or {}),
            kpi_targets={str(k): float(v) for k, v in dict(d.get("kpi_targets") or {}).items()},
            extra={k: v for k, v in d.items() if k not in known},
        )

    @property
    def brand_handles(self) -> list[str]:
        """The brand's own handles, all platforms, without '@'."""
        return sorted(set(self.own_accounts.values()))

    @property
    def competitor_handles(self) -> dict[str, str]:
        """Mapping handle -> competitor name, all platforms."""
        return {h: c["name"] for c in self.competitors for h in c["accounts"].values()}

    def brand_of(self, handle: str) -> str | None:
        """Brand name for a handle: the business name for own accounts, the competitor name, or None."""
        h = str(handle).lstrip("@")
        if h in self.brand_handles:
            return self.business_name
        return self.competitor_handles.get(h)

    def to_dict(self) -> dict[str, Any]:
        """The profile as a plain mapping (the YAML layout)."""
        d = {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "extra"}
        d.update(self.extra)
        return d


def load_profile(path: str | Path) -> Profile:
    """Read and validate a profile YAML file.

    Raises
    ------
    FileNotFoundError
        When the file does not exist.
    SchemaError
        When the YAML is malformed or lacks required keys (the message names the file).
    """
    path = Path(path)
    return Profile.from_dict(read_yaml(path), source=path.name)
