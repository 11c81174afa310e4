from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import qWarning

from acumat_desktop.services.errors import install_excepthooks
from acumat_desktop.services.logging_setup import setup_logging


@pytest.fixture
def restore_hooks() -> Iterator[None]:
    saved = sys.excepthook, threading.excepthook
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    sys.excepthook, threading.excepthook = saved
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def test_uncaught_errors_are_logged_and_reported(
    restore_hooks: None, caplog: pytest.LogCaptureFixture
) -> None:
    reports: list[str] = []
    install_excepthooks(reports.append)
    try:
        raise ValueError("the dial fell over")
    except ValueError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    worker = threading.Thread(target=lambda: 1 / 0)
    worker.start()
    worker.join()
    assert reports == ["ValueError: the dial fell over", "ZeroDivisionError: division by zero"]
    assert "the dial fell over" in caplog.text


def test_a_failing_reporter_does_not_recurse(restore_hooks: None) -> None:
    def broken(text: str) -> None:
        raise RuntimeError("no display")

    install_excepthooks(broken)
    try:
        raise KeyError("x")
    except KeyError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]


def test_log_file_gets_our_and_qts_messages(restore_hooks: None, tmp_path: Path) -> None:
    log_file = tmp_path / "log" / "acumat.log"
    setup_logging(log_file)
    logging.getLogger("acumat_desktop.test").warning("hello from python")
    qWarning("hello from qt")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text()
    assert "hello from python" in text
    assert "hello from qt" in text
    assert "qt." in text
