"""Make or change a breathing pattern in the app: a name and the seconds to breathe in, hold,
breathe out and rest, checked exactly as a pattern file is (``core.pattern_io``) and saved through
``PatternLibrary.save``. It says what is wrong only once something was changed (or on Save),
in plain words, on a line kept free so nothing moves.

Editing keeps the pattern's id (routines name it by id, so a new name breaks nothing) and
what the form does not show (its cue words, a caution, a cycle limit). A built-in pattern is
never changed: "your own version" opens the form on a copy, saved under a new name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.core.breathing import PHASE_LIMITS, BreathingPattern, Phase
from acumat_desktop.core.pattern_io import (
    PatternFileError,
    pattern_from_mapping,
    pattern_to_mapping,
)
from acumat_desktop.core.routines import slugify, unique_id

log = logging.getLogger(__name__)

SavePattern = Callable[[Mapping[str, Any]], BreathingPattern]
STEPS = (Phase.INHALE, Phase.HOLD, Phase.EXHALE, Phase.REST)
OPTIONAL = (Phase.HOLD, Phase.REST)  # 0 seconds leaves the step out


def fits_the_form(pattern: BreathingPattern) -> bool:
    """Whether the form can show ``pattern`` whole: in, hold, out, rest, each at most once and in
    that order (a "top up" second inhale, say, it cannot)."""
    order = [p.phase for p in pattern.phases]
    return len(set(order)) == len(order) and order == [p for p in STEPS if p in order]


class PatternEditor(QDialog):
    def __init__(
        self,
        save: SavePattern,
        *,
        taken_ids: Collection[str] = (),
        parent: QWidget | None = None,
        pattern: BreathingPattern | None = None,
        copy: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PatternEditor")
        self.setMinimumWidth(460)
        self._save_pattern = save
        # Editing keeps the id and the fields the form does not show; a copy gets a new id.
        self._own_id = pattern.id if pattern is not None and not copy else None
        self._kept = pattern_to_mapping(pattern) if pattern is not None else {}
        self._taken = set(taken_ids) - {self._own_id}
        self._touched = False
        self.saved: BreathingPattern | None = None
        self.problems: list[str] = []
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.name_edit.setPlaceholderText(self.tr("For example: Slow evening"))
        self.description_edit = QLineEdit(self)
        self.description_edit.setAccessibleName(self.tr("Description"))
        self.description_edit.setPlaceholderText(self.tr("Optional: what it is for"))
        labels = {
            Phase.INHALE: self.tr("Breathe &in:"),
            Phase.HOLD: self.tr("&Hold:"),
            Phase.EXHALE: self.tr("Breathe &out:"),
            Phase.REST: self.tr("&Rest:"),
        }
        self.spins = {phase: self._spin(labels[phase]) for phase in STEPS}
        for phase, seconds in zip(STEPS, (4.0, 0.0, 6.0, 0.0), strict=True):
            self.spins[phase].setValue(seconds)
        for phase in OPTIONAL:
            self.spins[phase].setSpecialValueText(self.tr("none"))
        self.rate_label = QLabel(self)
        self.rate_label.setObjectName("patternRate")
        self.error_label = QLabel(self)
        self.error_label.setProperty("role", "error")
        self.error_label.setWordWrap(True)
        self.error_label.setMinimumHeight(2 * QFontMetrics(self.error_label.font()).height())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self._lay_out(labels)
        self.name_edit.textEdited.connect(self._touch)
        for spin in self.spins.values():
            spin.valueChanged.connect(self._touch)
        self._load(pattern, copy)
        self.validate()

    def _load(self, pattern: BreathingPattern | None, copy: bool) -> None:
        if pattern is None:
            self.setWindowTitle(self.tr("New breathing pattern"))
            return
        name = QCoreApplication.translate("Breathing", pattern.name)
        if copy:
            self.setWindowTitle(self.tr("Your version of %1").replace("%1", name))
            name = self.tr("%1 (my version)").replace("%1", name)
        else:
            self.setWindowTitle(self.tr("Edit %1").replace("%1", name))
        self.name_edit.setText(name)
        self.description_edit.setText(pattern.description)
        for phase in STEPS:
            self.spins[phase].blockSignals(True)
            self.spins[phase].setValue(0.0)
        for spec in pattern.phases:
            self.spins[spec.phase].setValue(spec.seconds)
        for spin in self.spins.values():
            spin.blockSignals(False)

    def _spin(self, accessible: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setAccessibleName(accessible.replace("&", "").rstrip(":"))
        spin.setRange(0.0, 20.0)
        spin.setSingleStep(0.5)
        spin.setDecimals(1)
        spin.setSuffix(self.tr(" s"))
        return spin

    def _lay_out(self, labels: Mapping[Phase, str]) -> None:
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name_edit)
        for phase in STEPS:
            form.addRow(labels[phase], self.spins[phase])
        form.addRow("", self.rate_label)
        form.addRow(self.tr("&Description:"), self.description_edit)
        intro = QLabel(
            self.tr(
                "Slow, gentle breathing: each breath between 3 and 60 seconds. A longer breath "
                "out than in helps most people relax."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    # ----------------------------------------------------------------- checking

    def data(self) -> dict[str, Any]:
        """The pattern as a file would hold it (the id made from the name)."""
        name = self.name_edit.text().strip()
        phases = [
            {"phase": str(phase), "seconds": self.spins[phase].value()}
            for phase in STEPS
            if not (phase in OPTIONAL and self.spins[phase].value() == 0)
        ]
        cues = {p["phase"]: p["cue"] for p in self._kept.get("phases", []) if "cue" in p}
        for phase in phases:
            if phase["phase"] in cues:
                phase["cue"] = cues[phase["phase"]]
        made_id = unique_id(slugify(name), self._taken) if name else ""
        data: dict[str, Any] = {
            **{k: v for k, v in self._kept.items() if k in ("warning", "max_cycles")},
            "id": self._own_id or made_id,
            "name": name,
            "phases": phases,
        }
        description = self.description_edit.text().strip()
        if description:
            data["description"] = description
        return data

    def validate(self) -> bool:
        """Check as a pattern file is checked; True if it would be accepted."""
        data = self.data()
        cycle = sum(p["seconds"] for p in data["phases"])
        rate = 60.0 / cycle if cycle else 0.0
        self.rate_label.setText(
            self.tr("One breath: %1 s, about %2 breaths a minute")
            .replace("%1", f"{cycle:g}")
            .replace("%2", f"{rate:.1f}".rstrip("0").rstrip("."))
        )
        try:
            pattern_from_mapping(data, "pattern", taken_ids=self._taken)
        except PatternFileError as exc:
            plain = (self._plain(where, reason, data) for where, reason in exc.problems)
            self.problems = list(dict.fromkeys(plain))
        else:
            self.problems = []
        self.error_label.setText("\n".join(self.problems) if self._touched else "")
        return not self.problems

    def _plain(self, where: str, reason: str, data: Mapping[str, Any]) -> str:
        if where in ("name", "id"):
            return self.tr("Give the pattern a name.")
        if where.startswith("phases[") and where.endswith(".seconds"):
            index = int(where[len("phases[") : where.index("]")])
            phase = Phase(data["phases"][index]["phase"])
            low, high = PHASE_LIMITS[phase]
            words = {
                Phase.INHALE: self.tr("Breathing in can last from %1 to %2 seconds."),
                Phase.HOLD: self.tr("A hold can last from %1 to %2 seconds."),
                Phase.EXHALE: self.tr("Breathing out can last from %1 to %2 seconds."),
                Phase.REST: self.tr("A rest can last from %1 to %2 seconds."),
            }[phase]
            return words.replace("%1", f"{low:g}").replace("%2", f"{high:g}")
        if "one breath lasts" in reason:
            return self.tr("Keep one breath between 3 and 60 seconds (3 to 20 breaths a minute).")
        return reason[:1].upper() + reason[1:] + ("" if reason.endswith(".") else ".")

    def _touch(self) -> None:
        self._touched = True
        self.validate()

    def _save(self) -> None:
        self._touched = True
        if not self.validate():
            return
        try:
            self.saved = self._save_pattern(self.data())
        except PatternFileError as exc:
            self.error_label.setText(
                "\n".join(self._plain(w, r, self.data()) for w, r in exc.problems)
            )
            return
        except OSError as exc:
            log.warning("pattern not saved: %s", exc)
            self.error_label.setText(
                self.tr("The pattern could not be saved: %1").replace(
                    "%1", exc.strerror or str(exc)
                )
            )
            return
        self.accept()


def ask_new_pattern(
    parent: QWidget,
    save: SavePattern,
    taken_ids: Collection[str],
    *,
    pattern: BreathingPattern | None = None,
    copy: bool = False,
) -> BreathingPattern | None:
    """Show the editor modally (on ``pattern``, or a copy of it, if given); the saved pattern,
    or None when cancelled."""
    dialog = PatternEditor(save, taken_ids=taken_ids, parent=parent, pattern=pattern, copy=copy)
    try:
        return dialog.saved if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
