"""HTML → PDF with WeasyPrint: offline, confined to the project, written atomically."""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from kazthesis.problems import Problems
from kazthesis.tables import find_splits, split_tables

TOOL_DIR = Path(__file__).resolve().parent.parent


@dataclass
class PdfResult:
    """What the renderer made."""

    pages: int


def _make_fetcher(allowed: list[Path], refused: list[str]):  # noqa: ANN202 - WeasyPrint class
    from weasyprint.urls import URLFetcher

    class ProjectFetcher(URLFetcher):
        """Opens data: URLs and files under the project or the tool; refuses the rest."""

        def fetch(self, url: str, headers: dict | None = None):  # noqa: ANN201
            if url.startswith("data:"):
                return super().fetch(url, headers)
            if url.startswith("file:"):
                from urllib.parse import unquote, urlparse

                path = Path(unquote(urlparse(url).path)).resolve()
                if any(path.is_relative_to(root) for root in allowed):
                    return super().fetch(url, headers)
            refused.append(url)
            raise ValueError(f"refused: {url} is outside the project folder or on the network")

    return ProjectFetcher()


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


def write_pdf(html: str, root: Path, target: Path, problems: Problems) -> PdfResult | None:
    """Render ``html`` and replace ``target`` only once the new PDF is complete."""
    # WeasyPrint is imported here: `check` and `refs` never pay for it.
    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    refused: list[str] = []
    fetcher = _make_fetcher([root.resolve(), TOOL_DIR], refused)
    document = _render(weasyprint, html, root, fetcher)
    for url in sorted(set(refused)):
        problems.error(target.parent.parent / "content", None,
                       f"the renderer was asked for {url}, outside the project or on the network; refused",
                       "keep images and styles inside the project folder")
    if refused:
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=".thesis-", suffix=".pdf.part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            document.write_pdf(stream, uncompressed_pdf=False)
        os.replace(temp_name, target)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return PdfResult(pages=len(document.pages))


def write_text_atomically(path: Path, text: str) -> None:
    """Write a text file so that a reader never sees half of it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}-", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
