"""Device ids in the settings: readable text when they are text, hex otherwise, both ways."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from acumat_desktop.core.audio.device_keys import device_id, device_key


def test_text_ids_are_kept_readable() -> None:
    assert device_key(b"alsa_output.usb-Jabra-00.analog-stereo") == (
        "alsa_output.usb-Jabra-00.analog-stereo"
    )
    assert device_id("alsa_output.usb-Jabra-00.analog-stereo") == (
        b"alsa_output.usb-Jabra-00.analog-stereo"
    )


def test_other_bytes_go_through_hex() -> None:
    assert device_key(b"\xff\x00\x01") == "hex:ff0001"
    assert device_id("hex:ff0001") == b"\xff\x00\x01"
    assert device_key(b"hex:abc") == "hex:6865783a616263"  # no ambiguity with the prefix


def test_empty_follows_the_default_and_a_stray_prefix_is_plain_text() -> None:
    assert device_id(None) is None and device_id("") is None
    assert device_id("hex:not-hex") == b"hex:not-hex"


@given(st.binary(min_size=1, max_size=64))
def test_every_id_survives_the_round_trip(raw: bytes) -> None:
    assert device_id(device_key(raw)) == raw
