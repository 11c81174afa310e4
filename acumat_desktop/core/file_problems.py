"""What routine and pattern files share: their formats, and an error that names the file, each
bad field and the reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, TypeVar

Format = Literal["toml", "json"]


@dataclass
class FileProblems(ValueError):
    """A file could not be read. ``problems`` holds (field, reason) pairs."""

    source: str
    problems: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(f"{self.source}: {where}: {reason}" for where, reason in self.problems)

    @property
    def fields(self) -> list[str]:
        return [where for where, _ in self.problems]


E = TypeVar("E", bound=FileProblems)


def file_format(name: str, error: type[E]) -> Format:
    """The format a file name implies; raises ``error`` naming the file otherwise."""
    lower = name.lower()
    if lower.endswith(".toml"):
        return "toml"
    if lower.endswith(".json"):
        return "json"
    raise error(name, [("(file)", "use a .toml or .json file")])
