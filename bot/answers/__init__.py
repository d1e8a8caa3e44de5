"""Answers computed once, free of any adapter: the cogs, the console and --json
all render these same results. One module a command; requests, dates and errors
beside them.
"""
