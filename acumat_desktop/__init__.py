"""AcuMat Desktop: a relaxation companion for people who use an acupressure mat."""

# The single source of the version (pyproject.toml reads it); importlib.metadata would cost
# ~40 ms of start-up.
__version__ = "0.1.0"

APP_NAME = "acumat-desktop"
APP_DISPLAY_NAME = "AcuMat"
# The app id (reverse DNS, lower case as AppStream asks): the desktop file, the AppStream
# component, the icon's name and QGuiApplication.desktopFileName (Wayland app_id, KDE).
DESKTOP_FILE_ID = "io.github.acumat.acumat"
# The program name given to QApplication as argv[0]: Qt makes it the X11 WM_CLASS instance name,
# which the desktop file's StartupWMClass names (so docks group the window under the launcher
# even when started as `python -m acumat_desktop`, whose argv[0] would be "__main__.py").
WM_CLASS = "acumat"
