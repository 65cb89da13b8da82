"""ethnography."""

__all__: list[str] = []
