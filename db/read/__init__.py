"""The content store's read side: bounded queries that answer the commands."""
