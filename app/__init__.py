"""Sereno: a calm, large-type assistant for older people whose personal data leaked."""

__version__ = "0.1.0"
