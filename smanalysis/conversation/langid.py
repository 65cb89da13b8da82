"""langid."""

__all__: list[str] = []
