"""What the renderer may read: files under the project folder and the tool's own, never the network; and what
it could not load.

:func:`make_fetcher` gives WeasyPrint a URL fetcher that serves those files
itself (urllib would resolve ``file://HOST/…`` over the network), refuses
everything else and notes what it refused, for the build to report at the
line that asked for it. WeasyPrint logs, and goes on, when it cannot draw an
image: :class:`Complaints` keeps those messages, as content lost.
"""

from __future__ import annotations

import logging
import mimetypes
import warnings
from pathlib import Path
from urllib.parse import unquote, urlparse

REFUSED = "refused by kazthesis:"  # what the fetcher says when it refuses: the URL is reported as refused


def make_fetcher(allowed: tuple[Path, ...], refused: list[str]):  # noqa: ANN201 - a WeasyPrint URLFetcher
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class ProjectFetcher(URLFetcher):
        """Opens data: URLs and files under the allowed folders; refuses the rest, and notes it."""

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
            raise ValueError(f"{REFUSED} {url} is outside the project folder or on the network")

    return ProjectFetcher()


class Complaints(logging.Handler):
    """WeasyPrint's warnings that content was lost (an image it could not load), while it is attached; and the
    Python warnings raised meanwhile (a library's ``UserWarning``), which would otherwise be printed raw on the
    worker's stderr: the build reports them in its own words."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []
        self.warned: list[str] = []
        self._caught = warnings.catch_warnings(record=True)

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith("Failed to load") and REFUSED not in message:  # a refused URL is reported as such
            first = message.splitlines()[0]
            if first not in self.messages:
                self.messages.append(first)

    def __enter__(self) -> Complaints:
        logger = logging.getLogger("weasyprint")
        logger.setLevel(logging.WARNING)
        logging.getLogger("fontTools").setLevel(logging.ERROR)
        logger.addHandler(self)
        self._recorded = self._caught.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        logging.getLogger("weasyprint").removeHandler(self)
        self._caught.__exit__(*exc)
        for caught in self._recorded:
            text = f"{caught.category.__name__}: {str(caught.message).splitlines()[0] if str(caught.message) else ''}"
            if text not in self.warned:
                self.warned.append(text)
