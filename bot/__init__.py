"""Almanac's bot: answers, their adapters (Discord, console), the daily post, the process."""
