"""Idle sources: seconds since the last keyboard or pointer input, one module per platform.

Use :func:`acumat_desktop.services.idle.factory.create_idle_source`; backends import lazily.
"""
