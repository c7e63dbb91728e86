"""The domain in plain Python: no Qt, no sqlite. Tested without a display."""
