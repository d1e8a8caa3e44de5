"""The state store: server settings, daily subscriptions and the post log."""
