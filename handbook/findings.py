"""Findings: what a check reports, pointing at the spot (`path:line: level: message`).

Validators return findings; only the edge (a hook, a CLI) decides to raise, log or print them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    message: str
    level: Level = "error"
    column: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}"
        if self.column is not None:
            where += f":{self.column}"
        return f"{where}: {self.level}: {self.message}"


class HandbookError(Exception):
    """The handbook's sources cannot be used; carries every error found, each naming its file."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = sorted(findings)
        super().__init__("\n".join(str(f) for f in self.findings))

    @property
    def first(self) -> Finding:
        return self.findings[0]
