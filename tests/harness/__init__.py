"""Real desktop parts for end-to-end tests: Xvfb, an XEmbed tray, D-Bus and PulseAudio."""
