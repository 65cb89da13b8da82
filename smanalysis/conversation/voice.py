"""voice."""

__all__: list[str] = []
