"""The pipeline's shape, checked: stages import only the stages below them, nobody imports
another module's private names, and no module, function or class outgrows its job."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "archive_gen"
# Each top-level part of archive_gen and its layer: a module may import its own part and the
# layers below it, never above (ingest → annotate → index → render → output → publish).
LAYERS = {
    "errors": 0, "model": 1, "config": 1, "paths": 1, "front_matter": 1, "lang": 1,
    "fields": 2, "schemas": 3, "ingest": 3, "starter": 3,
    "registry": 4, "annotate": 5, "index": 6, "dataset": 7, "render": 7, "output": 7,
    "publish": 8, "forking": 8, "parallel": 8, "incremental": 8, "pagecache": 8, "pipeline": 9, "preview": 9, "tools": 10, "cli": 11, "__main__": 12, "__init__": 0,
}
MAX_MODULE_LINES, MAX_FUNCTION_LINES, MAX_CLASS_LINES = 400, 60, 250


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def part_of(path: Path) -> str:
    rel = path.relative_to(PACKAGE).parts
    return rel[0].removesuffix(".py")


def imports(path: Path):
    """(imported module parts below archive_gen, imported names, line) of one module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(REPO).with_suffix("").parts[:-1] if path.name != "__init__.py" else \
        path.relative_to(REPO).parent.parts
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = list(package[: len(package) - node.level + 1])
                target = base + (node.module.split(".") if node.module else [])
            elif node.module and node.module.startswith("archive_gen"):
                target = node.module.split(".")
            else:
                continue
            yield target[1:], [a.name for a in node.names], node.lineno
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("archive_gen."):
                    yield alias.name.split(".")[1:], [], node.lineno


def test_every_part_has_a_layer():
    assert {part_of(p) for p in modules()} <= set(LAYERS)


def test_no_stage_imports_a_stage_above_it():
    upward = []
    for path in modules():
        here = part_of(path)
        for target, names, line in imports(path):
            if not target:  # "from archive_gen import x": x is the part
                targets = names
            else:
                targets = [target[0]]
            for part in targets:
                if part in LAYERS and part != here and LAYERS[part] > LAYERS[here]:
                    upward.append(f"{path.relative_to(REPO)}:{line}: {here} imports {part}")
    assert upward == []


def test_no_module_imports_private_names_of_another():
    private = [f"{path.relative_to(REPO)}:{line}: {name}"
               for path in modules() for _, names, line in imports(path)
               for name in names if name.startswith("_") and not name.startswith("__")]
    assert private == []


def test_no_lazy_imports_to_dodge_cycles():
    """Imports inside functions are only for the heavy renderer (MkDocs), never for our modules."""
    lazy = []
    for path in modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.ImportFrom) and (inner.level or (inner.module or "").startswith("archive_gen")):
                        if part_of(path) not in ("cli",):  # the CLI imports a command's stages when it runs
                            lazy.append(f"{path.relative_to(REPO)}:{inner.lineno}")
    assert lazy == []


@pytest.mark.parametrize("path", modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_modules_functions_and_classes_stay_small(path):
    source = path.read_text(encoding="utf-8")
    assert len(source.splitlines()) <= MAX_MODULE_LINES, "split the module by responsibility"
    for node in ast.walk(ast.parse(source)):
        size = getattr(node, "end_lineno", 0) - getattr(node, "lineno", 0) + 1
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            assert size <= MAX_FUNCTION_LINES, f"{node.name} has {size} lines"
        elif isinstance(node, ast.ClassDef):
            assert size <= MAX_CLASS_LINES, f"{node.name} has {size} lines"
