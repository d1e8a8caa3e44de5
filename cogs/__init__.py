"""discord.py extensions, one per command family: parse the options, ask bot.answers, render."""
