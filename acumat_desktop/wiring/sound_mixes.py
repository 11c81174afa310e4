"""Moved to :mod:`acumat_desktop.services.audio.mix_presets` (it holds no Qt and no wiring);
this name stays only until every import uses the new one."""

from acumat_desktop.services.audio.mix_presets import MAX_NAME, MixPresets

__all__ = ["MAX_NAME", "MixPresets"]
