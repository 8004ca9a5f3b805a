"""eventmap: read a news article, find its dates and places, join them into events, and write a
linked timeline + map page. See README.md."""
from eventmap.article import read_article, read_corpus
from eventmap.export import document_to_dict
from eventmap.outputs import write_outputs
from eventmap.pipeline import analyse

__version__ = "0.1.0"
__all__ = ["analyse", "document_to_dict", "read_article", "read_corpus", "write_outputs", "__version__"]
