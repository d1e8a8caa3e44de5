"""The process: the command line, settings, logging, the event loop, start and stop."""
