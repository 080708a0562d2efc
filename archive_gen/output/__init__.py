"""Output: the generated trees appear all at once or not at all.

:mod:`.staging` writes a complete new ``docs/`` beside the old one and swaps it in; the same
swap replaces ``site/`` after a render. A file lock per tree keeps two runs on one project
from swapping into each other, and tells a crashed run's leftovers from a running one's.
"""

from .pagestore import PageStore
from .staging import (MARKER, StagedTree, WriteStats, make_folder, make_staging_dir, remove_leftovers, replace_dir,
                      stage_tree, tree_lock)

__all__ = ["MARKER", "PageStore", "StagedTree", "WriteStats", "make_folder", "make_staging_dir", "remove_leftovers", "replace_dir",
           "stage_tree", "tree_lock"]
