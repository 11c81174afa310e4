"""Qt side of audio: the output engine, the sound catalogue and the user-sound importer."""
