"""emguard: a reproducible benchmark of defences against emergent misalignment."""

__version__ = "0.1.0"
