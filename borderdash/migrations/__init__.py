"""Alembic migrations of the workspace store, run by `store.migrate` on start (no manual step).

Each schema change is a new file in versions/, written by hand, revising the one before; never edit a released one.
"""
