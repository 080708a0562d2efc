"""Pagefind's filter files rewritten sorted (publish/stablefilters.py), on a real Pagefind bundle.

Pagefind 1.5 writes a filter's values in a per-process random order; the rewrite must give the
same bytes whatever order Pagefind chose, keep what the files hold, and refuse files it does not
understand with an error that names the file.
"""

from __future__ import annotations

import gzip
import json
import random
import shutil
from pathlib import Path

import cbor2
import pytest

from archive_gen.errors import RenderError
from archive_gen.publish.search import index_site
from archive_gen.publish.stablefilters import SIGNATURE, stabilise



@pytest.fixture(scope="module")
def bundle(built_site, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("stable") / "site"
    shutil.copytree(built_site / "site", site)
    index_site(site)
    return site / "pagefind" / "all"


def decoded(path: Path) -> object:
    return cbor2.loads(gzip.decompress(path.read_bytes())[len(SIGNATURE):])


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def shuffle(bundle: Path, seed: int) -> None:
    """What another Pagefind run could have written: every filter's values in another order,
    under other names, listed in another order in the pf_meta, the entry file naming it."""
    rng = random.Random(seed)
    meta_path = next(bundle.glob("*.pf_meta"))
    meta = decoded(meta_path)
    names = {}
    for path in sorted((bundle / "filter").iterdir()):
        index = decoded(path)
        rng.shuffle(index[1])
        new = f"de_{rng.getrandbits(28):07x}"
        names[path.stem] = new
        path.unlink()
        (bundle / "filter" / f"{new}.pf_filter").write_bytes(gzip.compress(SIGNATURE + cbor2.dumps(index)))
    for entry in meta[3]:
        entry[1] = names[entry[1]]
    rng.shuffle(meta[3])
    old = meta_path.name.removeprefix("pagefind.").removesuffix(".pf_meta")
    new = f"de_{rng.getrandbits(40):010x}"
    meta_path.unlink()
    (bundle / f"pagefind.{new}.pf_meta").write_bytes(gzip.compress(SIGNATURE + cbor2.dumps(meta)))
    entry_file = bundle / "pagefind-entry.json"
    entry_file.write_text(entry_file.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_any_order_pagefind_chose_gives_the_same_bytes(bundle, tmp_path):
    assert list((bundle / "filter").iterdir()), "the sample site has filters"
    results = []
    for seed in range(3):
        copy = tmp_path / str(seed)
        shutil.copytree(bundle, copy)
        shuffle(copy, seed)
        assert files(copy) != files(bundle)
        stabilise(copy)
        results.append(files(copy))
    assert results[0] == results[1] == results[2] == files(bundle)


def test_the_rewrite_keeps_what_the_files_hold(bundle):
    meta = decoded(next(bundle.glob("*.pf_meta")))
    filters = meta[3]
    assert [name for name, _ in filters] == sorted(name for name, _ in filters)
    for name, file_hash in filters:
        filter_name, values = decoded(bundle / "filter" / f"{file_hash}.pf_filter")
        assert filter_name == name
        assert [value for value, _ in values] == sorted(value for value, _ in values)
        assert all(pages == sorted(pages) and pages for _, pages in values)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert (bundle / f"pagefind.{entry['languages']['de']['hash']}.pf_meta").is_file()


def test_a_file_it_does_not_understand_is_an_error_naming_it(bundle, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(bundle, copy)
    broken = next((copy / "filter").iterdir())
    broken.write_bytes(gzip.compress(b"not pagefind"))
    with pytest.raises(RenderError, match=rf"{broken.name}: not a Pagefind 1.5 file"):
        stabilise(copy)
    meta = next(copy.glob("*.pf_meta"))
    meta.write_bytes(gzip.compress(SIGNATURE + cbor2.dumps(["1.5.2", [], []])))
    with pytest.raises(RenderError, match=rf"{meta.name}: not a Pagefind 1.5 metadata file"):
        stabilise(copy)
