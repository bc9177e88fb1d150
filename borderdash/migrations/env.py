"""Alembic's entry point: migrate the connection `store.migrate` hands over (no ini file, no URL here)."""

from alembic import context

context.configure(connection=context.config.attributes["connection"], render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
