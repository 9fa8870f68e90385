"""YAML loading with bounds, that reports the file and line of every problem.

Every data file is read by :func:`load_yaml`, which

- reads at most :data:`MAX_BYTES` (5 MB). The biggest data file today is ``seeds/glossary.yml``
  at 63 KB, and a translation is about 1.7 times its seed (57 KB for a 34 KB seed), so 5 MB
  leaves room for the translation of a book-length text while a stray multi-gigabyte file is
  refused before it is read;
- refuses nesting deeper than :data:`MAX_DEPTH` (64) levels: our deepest file has 6, and a
  file nested thousands of levels deep would exhaust Python's recursion (or crash libyaml's
  composer) instead of giving one line;
- refuses anchors and aliases (``&name``, ``*name``): our data never needs them, and aliases
  are how a few hundred bytes expand into gigabytes ("billion laughs");
- keeps dates as written (``"2017-09"`` stays a string, checked by the schema), so that an
  impossible date gives one line instead of a traceback from the date constructor;
- withholds every e-mail address in a string value (keys excluded), so that no address from
  any data file is ever published (:func:`sourcekit.privacy.withhold_emails`).

Mappings come back as :class:`LineDict` and lists as :class:`LineList`; both remember their
own line and the line of each key or item, so that the schema (:mod:`sourcekit.schema`) and
the loaders can name the line of any value.
"""

from __future__ import annotations

from collections.abc import Hashable
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError
from .load import read_text
from .privacy import withhold_emails

MAX_BYTES = 5_000_000
MAX_DEPTH = 64

_STR_TAG = "tag:yaml.org,2002:str"
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"


class LineDict(dict):
    """A mapping from YAML that remembers the line it started on and each key's line (1-based)."""

    line: int = 0
    lines: dict[Any, int]


class LineList(list):
    """A list from YAML that remembers the line it started on and each item's line (1-based)."""

    line: int = 0
    lines: list[int]


# libyaml's parser is several times faster than the pure-Python one and keeps the same
# marks (line numbers); PyYAML's wheels ship it, a source build may not.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):
    """SafeLoader with line-aware containers, no timestamps, and e-mail addresses withheld."""

    yaml_implicit_resolvers = {
        first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP_TAG]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """Construct ``node``; a value Python refuses (an integer of 5,000 digits) names its line."""
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError) as error:
            reason = str(error).split(";")[0]  # Python's advice after a ';' is not for the reader
            raise yaml.constructor.ConstructorError(None, None, f"cannot read this value: {reason}", node.start_mark) from None


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.lines = {}
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        # Keys are names, not published text: they are not passed through withhold_emails.
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag == _STR_TAG:
            key = loader.construct_scalar(key_node)
        else:
            key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, Hashable):
            raise InputError(loader.name, "a key must be a name, not a list or a mapping", line=line)
        if key in mapping:
            raise InputError(loader.name, f"duplicate key {key!r}", line=line)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = line
    return mapping


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    sequence = LineList(loader.construct_object(item, deep=True) for item in node.value)
    sequence.line = node.start_mark.line + 1
    sequence.lines = [item.start_mark.line + 1 for item in node.value]
    return sequence


def _construct_string(loader: _LineLoader, node: yaml.ScalarNode) -> str:
    return withhold_emails(loader.construct_scalar(node))


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_LineLoader.add_constructor(_STR_TAG, _construct_string)


def load_yaml(path: Path) -> Any:
    """Parse ``path`` as UTF-8 YAML within the bounds above; raise :class:`InputError` naming file and line."""
    text = read_text(path, limit=MAX_BYTES)
    try:
        _check_structure(path, text)
        loader = _LineLoader(text)
        loader.name = str(path)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        problem = (error.problem or error.context or "malformed YAML").strip()
        raise InputError(path, f"malformed YAML: {problem}", line=line) from None
    except yaml.YAMLError as error:
        raise InputError(path, f"malformed YAML: {error}") from None


def _check_structure(path: Path, text: str) -> None:
    """Refuse anchors, aliases and deep nesting, from the parser's events, before anything is built.

    The check runs before composition because libyaml's composer recurses in C: a file
    nested a few hundred thousand levels deep would crash Python, not raise an error.
    """
    parser = _BaseLoader(text)
    depth = 0
    try:
        while parser.check_event():
            event = parser.get_event()
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                raise InputError(
                    path, "anchors and aliases (&name, *name) are not allowed in data files; write each value out", line=line
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise InputError(path, f"nested more than {MAX_DEPTH} levels deep", line=line)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    finally:
        parser.dispose()


def line_of(value: Any, default: int | None = None) -> int | None:
    """The start line of a mapping or list loaded by :func:`load_yaml`, if it has one."""
    return getattr(value, "line", None) or default


def line_at(container: Any, key: Any, default: int | None = None) -> int | None:
    """The line of ``container[key]``: the line of the key in a mapping, of the item in a list."""
    lines = getattr(container, "lines", None)
    if isinstance(lines, dict):
        return lines.get(key, default)
    if isinstance(lines, list) and isinstance(key, int) and 0 <= key < len(lines):
        return lines[key]
    return default
