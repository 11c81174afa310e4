"""Soak tests: the app under long repeated use keeps its memory, files and objects flat."""
