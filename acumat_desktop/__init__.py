"""AcuMat Desktop: a relaxation companion for people who use an acupressure mat."""

# The single source of the version (pyproject.toml reads it); importlib.metadata would cost
# ~40 ms of start-up.
__version__ = "0.1.0"

APP_NAME = "acumat-desktop"
APP_DISPLAY_NAME = "AcuMat"
DESKTOP_FILE_ID = "io.github.acumat.AcuMat"
