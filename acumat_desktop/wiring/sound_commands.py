"""The sound feature's control commands (``sounds``, ``volume``, ``mute``/``unmute``,
``sound.layers``, ``ambience.play``/``ambience.stop``): arguments checked here, the work done by
the feature through :class:`SoundControls`."""

from __future__ import annotations

from typing import Any, Protocol

from acumat_desktop.core.audio.ambience import AmbienceInfo
from acumat_desktop.core.audio.mix import Layers
from acumat_desktop.core.commands import CommandError, CommandRegistry
from acumat_desktop.core.protocol import BAD_ARGS, FAILED
from acumat_desktop.settings.model import SoundSettings


class SoundControls(Protocol):
    """What the commands use of the sound feature."""

    def sounds(self) -> list[dict[str, str]]: ...

    def sound_settings(self) -> SoundSettings: ...

    def set_master_volume(self, volume: float) -> None: ...

    def set_muted(self, muted: bool) -> None: ...

    def play_ambience(self, spec: str, minutes: float | None = None) -> AmbienceInfo: ...

    def stop_ambience(self) -> None: ...

    def ambience_status(self) -> dict[str, Any]: ...

    def set_session_mix(self, layers: Layers) -> Layers:
        """Change a running session's layers (RuntimeError when none runs); the mix now."""
        ...


def register_sound_commands(registry: CommandRegistry, sound: SoundControls) -> None:
    commands = SoundCommands(sound)
    registry.register("sounds", lambda args: sound.sounds())
    registry.register("volume", commands.volume)
    registry.register("mute", lambda args: commands.mute(True))
    registry.register("unmute", lambda args: commands.mute(False))
    registry.register("sound.layers", commands.layers)
    registry.register("ambience.play", commands.play)
    registry.register("ambience.stop", commands.stop)


class SoundCommands:
    def __init__(self, sound: SoundControls) -> None:
        self._sound = sound

    def stop(self, args: dict[str, Any]) -> Any:
        self._sound.stop_ambience()
        return self._sound.ambience_status()

    def play(self, args: dict[str, Any]) -> Any:
        spec, minutes = args.get("mix"), args.get("minutes")
        if not isinstance(spec, str):
            raise CommandError("'mix' must be a soundscape, a mix or a saved mix's name")
        if minutes is not None and (isinstance(minutes, bool) or not isinstance(minutes, int)):
            raise CommandError(f"minutes must be a whole number, not {minutes!r}")
        try:
            self._sound.play_ambience(spec, minutes)
        except ValueError as exc:
            raise CommandError(str(exc), BAD_ARGS) from None
        except RuntimeError as exc:
            raise CommandError(str(exc), FAILED) from None
        return self._sound.ambience_status()

    def volume(self, args: dict[str, Any]) -> Any:
        percent = args.get("percent")
        if percent is not None:
            if isinstance(percent, bool) or not isinstance(percent, int) or not 0 <= percent <= 100:
                raise CommandError(f"volume must be a whole number from 0 to 100, not {percent!r}")
            self._sound.set_master_volume(percent / 100)
        return {"percent": round(self._sound.sound_settings().master_volume * 100)}

    def mute(self, muted: bool) -> Any:
        self._sound.set_muted(muted)
        return {"muted": self._sound.sound_settings().muted}

    def layers(self, args: dict[str, Any]) -> Any:
        raw = args.get("layers")
        if not isinstance(raw, list):
            raise CommandError("'layers' must be a list of [sound id, volume 0..1] pairs")
        known = {s["id"] for s in self._sound.sounds()}
        layers: Layers = []
        for item in raw:
            if not (isinstance(item, list | tuple) and len(item) == 2):
                raise CommandError(f"{item!r}: a layer is a [sound id, volume 0..1] pair")
            sound_id, volume = item
            if sound_id not in known:
                raise CommandError(f"unknown sound {sound_id!r} (see 'acumat sounds')")
            if isinstance(volume, bool) or not isinstance(volume, int | float):
                raise CommandError(f"{sound_id}: the volume must be a number from 0 to 1")
            if not 0.0 <= volume <= 1.0:
                raise CommandError(f"{sound_id}: the volume must be a number from 0 to 1")
            layers.append((str(sound_id), float(volume)))
        try:
            mix = self._sound.set_session_mix(layers)
        except RuntimeError as exc:
            raise CommandError(str(exc), FAILED) from None
        return {"layers": [{"sound": s, "volume": v} for s, v in mix]}
