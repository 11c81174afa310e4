"""The ``acumat`` command line: starts the app, or controls the running one."""
