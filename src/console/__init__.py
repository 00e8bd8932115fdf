"""Tribune: run a live civic event from the stage."""

__version__ = "0.1.0"
