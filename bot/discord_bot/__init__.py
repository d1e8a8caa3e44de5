"""The Discord adapter: the discord.py bot, its command tree, replies and embeds.

The slash commands themselves are the extensions in cogs/.
"""
