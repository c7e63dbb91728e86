"""Persistence: the only package that touches sqlite. One database file per profile."""
from app.store.db import Database, StoreError
from app.store.profile import Store

__all__ = ["Database", "Store", "StoreError"]
