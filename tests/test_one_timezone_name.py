"""One parameter name for the timezone across the package: ``timezone`` (never ``tz``)."""

import importlib
import inspect
import pkgutil

import smanalysis


def test_no_public_function_takes_tz():
    offenders = []
    for info in pkgutil.walk_packages(smanalysis.__path__, "smanalysis."):
        if info.name.endswith("__main__") or any(part.startswith("_") for part in info.name.split(".")):
            continue
        mod = importlib.import_module(info.name)
        for name, obj in vars(mod).items():
            if name.startswith("_") or getattr(obj, "__module__", None) != mod.__name__:
                continue
            funcs = [obj] if inspect.isfunction(obj) else \
                [f for n, f in vars(obj).items() if inspect.isfunction(f) and (n == "__init__" or not n.startswith("_"))] \
                if inspect.isclass(obj) else []
            for f in funcs:
                if "tz" in inspect.signature(f).parameters:
                    offenders.append(f"{mod.__name__}.{f.__qualname__}")
    assert offenders == []
