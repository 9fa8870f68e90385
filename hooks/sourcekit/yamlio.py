"""YAML loading that reports the file and line of every problem."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import InputError


class LineDict(dict):
    """A mapping from YAML that remembers the line it started on (1-based)."""

    line: int = 0


# libyaml's parser is several times faster than the pure-Python one and keeps the same
# marks (line numbers); PyYAML's wheels ship it, a source build may not.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):
    """SafeLoader whose mappings are :class:`LineDict` with their start line."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise InputError(
                loader.name, f"duplicate key {key!r}", line=key_node.start_mark.line + 1
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path) -> Any:
    """Parse ``path`` as UTF-8 YAML; raise :class:`InputError` naming file and line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(path, "file not found") from None
    except UnicodeDecodeError as error:
        raise InputError(path, f"not valid UTF-8 (byte {error.start})") from None
    loader = _LineLoader(text)
    loader.name = str(path)
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = (error.problem or error.context or "malformed YAML").strip()
        raise InputError(path, f"malformed YAML: {problem}", line=line) from None
    except yaml.YAMLError as error:
        raise InputError(path, f"malformed YAML: {error}") from None
    finally:
        loader.dispose()


def line_of(value: Any, default: int | None = None) -> int | None:
    """The start line of a mapping loaded by :func:`load_yaml`, if it has one."""
    return getattr(value, "line", default)
