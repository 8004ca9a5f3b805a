"""eventmap: read a news article, find its dates and places, join them into events, and write a
linked timeline + map page. See README.md."""
from eventmap import model as _model
from eventmap.article import read_article, read_corpus
from eventmap.export import document_to_dict
from eventmap.load_export import document_from_dict, read_export
from eventmap.notebook import notebook_html
from eventmap.outputs import write_outputs
from eventmap.pipeline import analyse

_model.notebook_view = notebook_html  # Document._repr_html_: the page, inline in Jupyter

__version__ = "0.1.0"
__all__ = ["analyse", "document_from_dict", "document_to_dict", "read_article", "read_corpus", "read_export",
           "write_outputs", "__version__"]
