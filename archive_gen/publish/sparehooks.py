"""MkDocs building into a spare tree (:mod:`..output.spare`): the tree is not emptied, and no file
MkDocs copies into it is written through (a kept file is the live site's own inode)."""

from __future__ import annotations

from ..output.spare import Spare
from .statics import StaticCopies


def spare_hooks(spare: Spare | None, present: set[str], statics: StaticCopies | None = None) -> list[tuple]:
    """(owner, name, replacement) for MkDocs' functions while it builds into ``spare``: its
    ``clean_directory`` does nothing (the kept pages are reused), every copy unlinks its target
    first and adds it to ``present`` (what the new site has), and is made by ``statics`` (a
    live copy linked) when given. None without a spare."""
    from mkdocs import utils
    from mkdocs.structure.files import File

    if spare is None:
        return []
    copy_file, copy_media = utils.copy_file, File.copy_file

    def copy_hook(source_path, output_path):
        spare.free(output_path)
        present.add(output_path)
        if statics is not None:
            return statics.copy(source_path, output_path, copy_file)
        return copy_file(source_path, output_path)

    def copy_media_hook(file, dirty=False):
        spare.free(file.abs_dest_path)
        present.add(file.abs_dest_path)
        return copy_media(file, dirty)
    return [(utils, "clean_directory", lambda directory: None), (utils, "copy_file", copy_hook),
            (File, "copy_file", copy_media_hook)]
