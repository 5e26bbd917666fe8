"""emguard: a reproducible benchmark of defences against emergent misalignment."""

from emguard.kernels import apply_portable_env

apply_portable_env()  # before any torch import: the kernel paths are chosen when torch loads

__version__ = "0.1.0"
