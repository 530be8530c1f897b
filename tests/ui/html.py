"""Reading a page's tables the way a screen reader would: captions, header cells and cells."""

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Table:
    caption: str = ""
    caption_id: str | None = None
    rows: list[list[str]] = field(default_factory=list)
    header_scopes: list[str | None] = field(default_factory=list)

    def row(self, first_cell: str) -> list[str]:
        """The row whose first cell (its row header) is `first_cell`."""
        matches = [row for row in self.rows if row and row[0] == first_cell]
        assert len(matches) == 1, f"{first_cell!r} rows in {self.caption!r}: {self.rows}"
        return matches[0]


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[Table] = []
        self._open: list[Table] = []
        self._text: list[str] | None = None
        self._in_caption = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._open.append(Table())
        elif not self._open:
            return
        elif tag == "caption":
            self._in_caption = True
            self._open[-1].caption_id = dict(attrs).get("id")
            self._text = []
        elif tag == "tr":
            self._open[-1].rows.append([])
        elif tag in ("th", "td"):
            if tag == "th":
                self._open[-1].header_scopes.append(dict(attrs).get("scope"))
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if not self._open:
            return
        table = self._open[-1]
        if tag == "table":
            self.tables.append(self._open.pop())
        elif tag == "caption" and self._text is not None:
            table.caption = " ".join("".join(self._text).split())
            self._in_caption = False
            self._text = None
        elif tag in ("th", "td") and self._text is not None:
            table.rows[-1].append(" ".join("".join(self._text).split()))
            self._text = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


def tables(html: str) -> list[Table]:
    parser = _Tables()
    parser.feed(html)
    return parser.tables


def table(html: str, caption_starts: str) -> Table:
    found = [t for t in tables(html) if t.caption.startswith(caption_starts)]
    assert len(found) == 1, (
        f"tables captioned {caption_starts!r}: {[t.caption for t in tables(html)]}"
    )
    return found[0]


def text(html: str) -> str:
    """The page's text with tags removed and spaces collapsed."""

    class _Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.parts: list[str] = []

        def handle_data(self, data: str) -> None:
            self.parts.append(data)

    parser = _Text()
    parser.feed(html)
    return " ".join("".join(parser.parts).split())
