"""The Slack adapter: the same almanac in a Slack workspace, a sibling of bot/discord_bot.

app (the Bolt AsyncApp: commands, buttons, how it runs), daily (/daily and the poster),
render (Block Kit), buttons (the state a button carries), text (safe text), cooldown,
client (the Web API clients), manifest.yml (the Slack app's commands and scopes).
"""
