"""WeasyPrint: a piece's HTML → its laid-out pages as a PDF, with the layout passes that read the pages.

This package is the only code of the tool that imports WeasyPrint or reads
its objects; the rest of the tool uses what this module names, and nothing
else of it.

The contract:

* **In**: a :class:`Job` — one piece of the thesis as a complete HTML
  document (without the stylesheet), the stylesheet as text, the project
  folder and the folders the renderer may read (it reads nothing else and
  never the network), and two flags: ``keep`` (watch mode: keep the layout
  for the piece's next version) and ``paint`` (False: pages and anchors
  only, no PDF). Or, for :func:`lay_out_or_measure`, a :class:`Measure`:
  the stylesheet alone, with the same folder and allowed folders.
* **Out**: a :class:`LaidOut` — the piece's PDF, each page's size, the page
  and place of every anchor (``id``) and internal link, in PDF points, the
  HTML after the passes (tables cut, hyphens withdrawn), the URLs refused,
  the images WeasyPrint could not draw, and what is drawn outside the text
  area (:mod:`~kazthesis.pdf.weasy.edges`). For a stylesheet alone: a
  one-page PDF whose footer shows "0123456789" as the page numbers will be
  drawn. Both are plain data (no WeasyPrint object), so they cross between
  processes and are kept between rebuilds.
* **Version**: WeasyPrint 70.0 exactly (:data:`PINNED`, as requirements.txt
  pins it). The passes use its internals — ``Document._build_layout_context``,
  the page maker's per-page state, ``make_all_pages``, box classes and their
  ``element`` — and a copy of its ``split_first_line``. The first use in a
  process (:func:`load`, :func:`warm_up`, or the first job) checks the installed version
  and raises :class:`WrongWeasyPrint`, naming both versions and the command
  that installs the right one, before anything is laid out.
* **Processes**: WeasyPrint's import, the fonts and the parsed stylesheet
  are kept per process; so are the layouts of watch mode. A process that
  will fork the workers calls :func:`load` (the import alone: loading fonts
  starts Pango's threads, and a process forked while one of them holds
  fontconfig's lock would wait for ever); each worker calls :func:`warm_up`
  (the fonts) once forked (:mod:`kazthesis.pdf.workers`).
* **Loads**: every WeasyPrint ``HTML`` and ``CSS`` the tool makes — each
  piece, the shared stylesheet, the page the footer's digits are measured
  on — is made by :mod:`~kazthesis.pdf.weasy.engine` with the fetcher of
  :mod:`~kazthesis.pdf.weasy.fetcher`: an ``@import``, font, background or
  image outside the project or on the network is refused and listed in
  ``LaidOut.refused``, never read.

Importing this package does not import WeasyPrint: the build names the work
here and the renderer process does it.
"""

from kazthesis.pdf.weasy.engine import load, warm_up
from kazthesis.pdf.weasy.installed import PINNED, WrongWeasyPrint
from kazthesis.pdf.weasy.jobs import Job, LaidOut, Measure
from kazthesis.pdf.weasy.passes import lay_out_or_measure

__all__ = ["PINNED", "Job", "LaidOut", "Measure", "WrongWeasyPrint", "lay_out_or_measure", "load", "warm_up"]
