"""Exceptions and warnings raised by smanalysis."""


class SMAnalysisError(Exception):
    """Base class of every error smanalysis raises on purpose."""


class SchemaError(SMAnalysisError, ValueError):
    """A table or file lacks required columns, or holds values of the wrong kind."""


class EmptyDataError(SMAnalysisError, ValueError):
    """A file or table holds no data rows where some are needed."""


class FormatError(SMAnalysisError, ValueError):
    """A file's format is unknown, or it cannot be decoded."""


class SMAnalysisWarning(UserWarning):
    """Legal but undefined results (0 followers, an empty week), duplicates resolved, and the like."""
