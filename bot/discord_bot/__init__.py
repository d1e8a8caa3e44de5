"""The Discord adapter: the discord.py bot, its command tree, replies, embeds and the
daily poster (`daily`).

The slash commands themselves are the extensions in cogs/.
"""
