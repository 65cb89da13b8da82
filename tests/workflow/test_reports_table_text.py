"""Report tables show captions as text: escaped, line breaks folded to spaces."""

import pandas as pd

from smanalysis.reporting.sections import _table_html


def test_line_breaks_in_captions_do_not_show_as_backslash_n():
    html = _table_html(pd.DataFrame({"caption": ["Menu baru!\n\n#kopisenja <b>", None]}))
    assert "\\n" not in html
    assert "Menu baru! #kopisenja &lt;b&gt;" in html
