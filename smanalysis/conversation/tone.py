"""tone."""

__all__: list[str] = []
