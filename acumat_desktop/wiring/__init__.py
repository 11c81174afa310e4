"""Feature wiring: each module connects one feature's services, UI, commands and status part
to the app's Parts (see acumat_desktop/app.py). Only app.py imports these."""
