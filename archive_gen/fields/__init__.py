"""The one description of every front-matter field editors write, and the one judgement of it.

:data:`FIELDS` is a table per kind of file (``article`` for ``content/articles/**.md``,
``actor``, ``source``, ``topic`` and ``page`` for the registry folders): name, type, allowed
values, default, whether it is required, and a one-line description for editors. Like
Pelican's metadata processors, everything that judges front matter comes from this table:

- :func:`read` checks and converts one file's front matter: the values to use and every
  problem with how to fix it. The registry, the annotator, ``archive-gen check`` and the
  tests all call it, so a value is judged the same way everywhere (they only choose the
  severity: a broken registry entry is an error, a broken article value a warning);
- :mod:`archive_gen.schemas` turns the same table into JSON Schemas for editors' tools;
- :data:`ARTICLE_KEY_ORDER`, the order in which generated and imported front matter is written;
- the key sets the readers need (:func:`known_keys`, :func:`pass_through_keys`).

Types are small named shapes (``text``, ``ids``, ``date`` …, see :data:`TYPES`); each has one
Python check and one JSON Schema. ``None`` (a key written with no value) counts as absent. The
JSON Schema sees YAML as the editor's YAML language server does (YAML 1.2: an unquoted
``2024-06-19`` is a string), so a date where text is expected is text here too.
"""

from __future__ import annotations

from .read import Problem, Reading, Suggest, read, validate
from .table import (ACTOR_FIELDS, ACTOR_KINDS, ARTICLE_FIELDS, ARTICLE_KEY_ORDER, DATE_PRECISIONS, FIELDS, FOLDERS,
                    SCHEMA_DIALECT, SOURCE_KINDS, SOURCE_ROLES, STATUSES, TITLES, Field, field, known_keys,
                    pass_through_keys)
from .types import TYPES

__all__ = ["ACTOR_FIELDS", "ACTOR_KINDS", "ARTICLE_FIELDS", "ARTICLE_KEY_ORDER", "DATE_PRECISIONS", "FIELDS", "FOLDERS",
           "Field", "Problem", "Reading", "SCHEMA_DIALECT", "SOURCE_KINDS", "SOURCE_ROLES", "STATUSES", "Suggest",
           "TITLES", "TYPES", "field", "known_keys", "pass_through_keys", "read", "validate"]
