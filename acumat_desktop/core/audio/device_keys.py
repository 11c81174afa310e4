"""How an output device's id is written in the settings (``sound.output_device``), without Qt.

``QAudioDevice.id()`` is bytes. Every backend Qt has today gives text (PulseAudio and PipeWire
sink names, Windows endpoint ids, CoreAudio UIDs), so the setting holds that text as it is and
a person can read it; bytes that are not UTF-8 are kept as ``hex:`` plus their hex digits.
"""

from __future__ import annotations

HEX_PREFIX = "hex:"


def device_key(device_id: bytes) -> str:
    """The settings text for a device id."""
    try:
        text = device_id.decode("utf-8")
    except UnicodeDecodeError:
        return HEX_PREFIX + device_id.hex()
    if text.startswith(HEX_PREFIX) or not text.isprintable():
        return HEX_PREFIX + device_id.hex()
    return text


def device_id(key: str | None) -> bytes | None:
    """The device id for a settings text; None (follow the system default) for empty."""
    if not key:
        return None
    if key.startswith(HEX_PREFIX):
        try:
            return bytes.fromhex(key[len(HEX_PREFIX) :])
        except ValueError:
            pass  # not ours after all: a name that happens to start so
    return key.encode("utf-8")
