"""The almanac's data layer: ingest (text -> records), schema, and the Store."""
