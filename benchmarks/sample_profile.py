"""A sampling profiler: where CPU time goes, without cProfile's per-call overhead.

cProfile charges every Python call a fixed cost, so code made of many small calls (the
annotator's cue tests per token) looks several times more expensive than it is, and speeding
it up then gains far less than the profile promised. Here a SIGPROF timer interrupts every
millisecond of CPU time and counts the function and line running then (self) and every
function on the stack (inclusive); C work (a regex scan, a ``map``) counts for the Python
line that called it. Unix only.

    with Sampler() as sampler:
        work()
    print(sampler.report())
"""

from __future__ import annotations

import collections
import os
import signal


class Sampler:
    def __init__(self, interval: float = 0.001) -> None:
        self.interval = interval
        self.samples = 0
        self.own: collections.Counter[str] = collections.Counter()
        self.inclusive: collections.Counter[str] = collections.Counter()
        self.lines: collections.Counter[str] = collections.Counter()

    def _sample(self, _signum, frame) -> None:
        self.samples += 1
        self.own[_name(frame)] += 1
        self.lines[f"{os.path.basename(frame.f_code.co_filename)}:{frame.f_lineno}"] += 1
        seen = set()
        while frame is not None:
            name = _name(frame)
            if name not in seen:  # a recursive function counts once per sample
                seen.add(name)
                self.inclusive[name] += 1
            frame = frame.f_back

    def __enter__(self) -> Sampler:
        signal.signal(signal.SIGPROF, self._sample)
        signal.setitimer(signal.ITIMER_PROF, self.interval, self.interval)
        return self

    def __exit__(self, *exc) -> None:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, signal.SIG_DFL)

    def report(self, top: int = 25) -> str:
        total = self.samples or 1
        parts = [f"{self.samples} samples of {self.interval * 1000:g} ms CPU"]
        for title, counter in (("self", self.own), ("inclusive", self.inclusive), ("lines (self)", self.lines)):
            parts += ["", f"| {title} | % |", "| --- | ---: |"]
            parts += [f"| {name} | {100 * n / total:.1f} |" for name, n in counter.most_common(top)]
        return "\n".join(parts)


def _name(frame) -> str:
    return f"{os.path.basename(frame.f_code.co_filename)}:{frame.f_code.co_name}"
