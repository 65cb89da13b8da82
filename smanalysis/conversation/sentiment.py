"""sentiment."""

__all__: list[str] = []
