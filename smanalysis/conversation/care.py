"""care."""

__all__: list[str] = []
