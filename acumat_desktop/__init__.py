"""AcuMat Desktop: a relaxation companion for people who use an acupressure mat."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("acumat-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.1.0"

APP_NAME = "acumat-desktop"
APP_DISPLAY_NAME = "AcuMat"
DESKTOP_FILE_ID = "io.github.acumat.AcuMat"
