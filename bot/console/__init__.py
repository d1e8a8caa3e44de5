"""The console adapter: the same commands in a terminal, as text and JSON."""
