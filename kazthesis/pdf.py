"""HTML → PDF with WeasyPrint: offline, confined to the project, written atomically."""

from __future__ import annotations

import logging
import mimetypes
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse

from kazthesis.problems import Problems
from kazthesis.tables import find_splits, split_tables

TOOL_DIR = Path(__file__).resolve().parent.parent
TEXT_SUFFIXES = {".md", ".markdown", ".svg", ".html", ".css"}


@dataclass
class PdfResult:
    """What the renderer made."""

    pages: int
    data: bytes


def _make_fetcher(allowed: list[Path], refused: list[str]):  # noqa: ANN202 - WeasyPrint class
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ProjectFetcher(URLFetcher):
        """Opens data: URLs and files under the project or the tool; refuses the rest.

        Files are read here rather than through urllib, whose file handler
        resolves a host name (``file://HOST/…``) over the network.
        """

        def fetch(self, url: str, headers: dict | None = None):  # noqa: ANN201
            if url.startswith("data:"):
                return super().fetch(url, headers)
            parsed = urlparse(url)
            if parsed.scheme == "file" and not parsed.netloc:
                path = Path(unquote(parsed.path)).resolve()
                if any(path.is_relative_to(root) for root in allowed) and path.is_file():
                    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                    return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})
            refused.append(url)
            raise ValueError(f"refused: {url} is outside the project folder or on the network")

    return ProjectFetcher()


def locate(url: str, root: Path) -> tuple[Path, int | None]:
    """Where the project asks for ``url``: the first text file and line naming it (or its file name)."""
    name = unquote(urlparse(url).path).rstrip("/").rsplit("/", 1)[-1]
    candidates = [p for folder in ("content", "templates", "images") if (root / folder).is_dir()
                  for p in sorted((root / folder).rglob("*")) if p.suffix.lower() in TEXT_SUFFIXES and p.is_file()]
    for needle in (url, name):
        for path in candidates:
            try:
                text = path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if needle and needle in text:
                return path, text.count("\n", 0, text.index(needle)) + 1
    return root, None


MAX_TABLE_PASSES = 4


def _render(weasyprint, html: str, root: Path, fetcher):  # noqa: ANN001, ANN202
    """Render; re-render with long tables split until the splits stop moving."""
    base_url = str(root.resolve()) + "/"
    document = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher).render()
    applied: set = set()
    for _ in range(MAX_TABLE_PASSES):
        # Each continuation label moves the rows after it, so the splits are found
        # afresh on every pass; a split that no longer opens a page is dropped.
        splits = find_splits(document.pages)
        if splits == applied:
            break
        applied = splits
        document = weasyprint.HTML(string=split_tables(html, applied), base_url=base_url,
                                   url_fetcher=fetcher).render()
    return document


def write_pdf(html: str, root: Path, problems: Problems) -> PdfResult | None:
    """Render ``html`` into PDF bytes; None when the renderer was refused a file."""
    # WeasyPrint is imported here: `check` and `refs` never pay for it.
    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    refused: list[str] = []
    fetcher = _make_fetcher([root.resolve(), TOOL_DIR], refused)
    document = _render(weasyprint, html, root, fetcher)
    data = document.write_pdf(uncompressed_pdf=False)  # attachments are fetched here: refusals may come late
    for url in sorted(set(refused)):
        path, line = locate(url, root)
        problems.error(path, line, f"the renderer was asked for {url}, outside the project or on the network; "
                       "refused", "keep images and styles inside the project folder and refer to them by a "
                       "relative path")
    if refused:
        return None
    return PdfResult(pages=len(document.pages), data=data)
