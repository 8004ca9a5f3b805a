"""Language tables (JSON) for the date tagger; a package so that they install with it."""
