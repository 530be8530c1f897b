"""Reading the page's tables as a screen reader would: the caption, then rows of cell texts."""

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Table:
    caption: str = ""
    rows: list[list[str]] = field(default_factory=list)
    header_scopes: list[str | None] = field(default_factory=list)

    def row(self, first_cell: str) -> list[str]:
        """The row whose first cell (its row header) is `first_cell`."""
        matches = [row for row in self.rows if row and row[0] == first_cell]
        assert len(matches) == 1, f"{first_cell!r} rows in {self.caption!r}: {self.rows}"
        return matches[0]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[Table] = []
        self.texts: list[str] = []
        self._table: Table | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._table = Table()
        elif self._table is None:
            return
        elif tag == "tr":
            self._table.rows.append([])
        elif tag in ("caption", "th", "td"):
            self._cell = []
            if tag == "th":
                self._table.header_scopes.append(dict(attrs).get("scope"))

    def handle_endtag(self, tag: str) -> None:
        table, cell = self._table, self._cell
        if table is None:
            return
        if tag == "table":
            self.tables.append(table)
            self._table = None
        elif tag in ("caption", "th", "td") and cell is not None:
            written = " ".join("".join(cell).split())
            if tag == "caption":
                table.caption = written
            else:
                table.rows[-1].append(written)
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.texts.append(data)
        if self._cell is not None:
            self._cell.append(data)


def table(html: str, caption_starts: str) -> Table:
    page = _Page()
    page.feed(html)
    found = [t for t in page.tables if t.caption.startswith(caption_starts)]
    assert len(found) == 1, f"captioned {caption_starts!r}: {[t.caption for t in page.tables]}"
    return found[0]


def text(html: str) -> str:
    """The page's text with the tags removed and spaces collapsed."""
    page = _Page()
    page.feed(html)
    return " ".join("".join(page.texts).split())
