"""The daily anniversary post: when it is due (schedule) and posting it once (poster)."""
