"""The process: the command line, logging, the event loop, start and stop."""
