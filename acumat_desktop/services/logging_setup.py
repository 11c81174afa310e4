"""Logging to a rotating file in the log folder, with Qt's own messages routed into it."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import sys
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_fault_file: TextIO | None = None


def _qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "qt"
    logging.getLogger(f"qt.{category}").log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)


def setup_logging(log_file: Path, verbose: bool = False) -> None:
    global _fault_file
    log_file.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.WARNING)
    console.setFormatter(logging.Formatter("acumat: %(levelname)s: %(message)s"))
    root.addHandler(console)
    qInstallMessageHandler(_qt_message)
    _fault_file = log_file.with_suffix(".crash").open("a", encoding="utf-8")
    faulthandler.enable(_fault_file)
