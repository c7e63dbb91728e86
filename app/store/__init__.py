"""Persistence: the only package that touches sqlite. One database file per profile."""

from app.store.db import STORAGE_ERRORS, Database, StoreError
from app.store.profile import Store

__all__ = ["STORAGE_ERRORS", "Database", "Store", "StoreError"]
