"""Where the gazetteer's places and names come from: one module per source.

Why one module each: a source's code, what it may be used under (``ATTRIBUTION``) and which version of
it was read (``version()``) belong together, so that adding, upgrading or dropping a source is one file,
and ``eventmap gazetteer info``, the built file's meta and the attribution a page shows are all made from
these modules rather than from a list kept elsewhere.

Every source module has:
  KEY            its name in the built file's ``sources`` (the pip distribution name for a package)
  ATTRIBUTION    one line: the data, who made it, its licence
  version()      the version read (a package version, a hash of the project's tables), None if absent
  add_*(w)       steps that add places and names to a ``Writer`` (maps/gazetteer/writer.py); the order
                 in which the embedded gazetteer runs them is maps/gazetteer/embedded.py's STEPS
"""
