"""Uncaught exceptions: logged, shown without blocking, and the app keeps running."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

log = logging.getLogger(__name__)

Reporter = Callable[[str], None]


def install_excepthooks(report: Reporter) -> None:
    """Route uncaught exceptions (main and worker threads) to the log and ``report``."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        text = "".join(traceback.format_exception(kind, exc, tb))
        log.error("uncaught exception:\n%s", text)
        try:
            report(f"{kind.__name__}: {exc}")
        except Exception:  # the reporter must never recurse into the hook
            log.exception("could not show the error")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
