"""Almanac's process side: settings, answers, the console and the Discord bot."""
