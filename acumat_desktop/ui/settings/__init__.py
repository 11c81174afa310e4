"""The Settings dialog's parts: labels and pages, editors, which editor each setting gets."""
