"""Pictures in a Word report: placed at the size they were drawn (shrunk only to fit the
page), with their alternative text, or the reason a picture could not be drawn."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.shape import CT_Inline
from docx.section import Section as DocxSection
from docx.shared import Cm, Emu
from docx.text.paragraph import Paragraph as DocxParagraph

from maltrace.render.diagram.output import emf_size, is_emf, png_size
from maltrace.render.document.docx_text import _W, _runs, _safe
from maltrace.render.document.model import (
    Figure,
    FigureError,
    office_format,
)

# A4 with 2.5 cm margins (when no template gives its own page).
_PAGE_W, _PAGE_H, _MARGIN = Cm(21.0), Cm(29.7), Cm(2.5)

# -- figures -------------------------------------------------------------------------------------


_HASHING = threading.Lock()
_HASHING_USERS = 0


@contextmanager
def pictures_hashed_once() -> Iterator[None]:
    """While pictures are added, remember each picture's hash on its part.

    python-docx looks for a copy of each picture it adds by hashing every picture already in
    the document: for a report of 93 diagram parts, 4,278 hashes of 100 kB (0.4 s). A part's
    bytes never change, so its hash can be remembered. python-docx has no hook for that, so its
    ``ImagePart.sha1`` is replaced for as long as a Word report adds pictures (counted, so that
    two reports written at once share it) and put back after; a python-docx whose ``sha1`` is
    not the property this expects is left as it is."""
    from docx.parts.image import ImagePart

    global _HASHING_USERS
    plain = ImagePart.__dict__.get("sha1")
    with _HASHING:
        if _HASHING_USERS == 0 and isinstance(plain, property) and plain.fget is not None:
            compute = plain.fget

            def sha1(part: ImagePart) -> str:
                known: str | None = part.__dict__.get("_maltrace_sha1")
                if known is None:
                    known = part.__dict__["_maltrace_sha1"] = compute(part)
                return known

            ImagePart._plain_sha1 = plain  # type: ignore[attr-defined]
            ImagePart.sha1 = property(sha1)  # type: ignore[method-assign,assignment]
        _HASHING_USERS += 1
    try:
        yield
    finally:
        with _HASHING:
            _HASHING_USERS -= 1
            if _HASHING_USERS == 0 and "_plain_sha1" in ImagePart.__dict__:
                ImagePart.sha1 = ImagePart.__dict__["_plain_sha1"]  # type: ignore[method-assign]
                del ImagePart._plain_sha1  # type: ignore[attr-defined]


def _add_figure(place: DocxParagraph, figure: Figure, box: tuple[int, int]) -> None:
    """The figure's picture in the paragraph kept for it, or why it could not be drawn."""
    try:
        data = figure.draw(office_format(figure))
    except FigureError as exc:
        place._p.addnext(parse_xml(f'<w:p xmlns:w="{_W}">{_runs(exc.text, "")}</w:p>'))
        place._p.getparent().remove(place._p)
        return
    alt = _safe(figure.alt or figure.caption)
    if not is_emf(data):
        width, height = _fit(png_size(data), box, _png_natural_width(data))
        shape = place.add_run().add_picture(io.BytesIO(data), width=width, height=height)
        shape._inline.docPr.set("descr", alt)  # the alternative text a screen reader reads
        return
    size = emf_size(data)
    width, height = _fit(size, box, size[0] * 360)  # hundredths of a millimetre in EMU
    part = Part(
        place.part.package.next_partname("/word/media/diagram%d.emf"),
        "image/x-emf",
        data,
        place.part.package,
    )
    rid = place.part.relate_to(part, RT.IMAGE)
    shape_id = place.part.next_id
    inline = CT_Inline.new_pic_inline(
        shape_id, rid, f"diagram{shape_id}.emf", width, height or Emu(width)
    )
    inline.docPr.set("descr", alt)
    place.add_run()._r.add_drawing(inline)


def _text_box(section: DocxSection | None = None) -> tuple[int, int]:
    """The room for a picture on a page of ``section``: the text width, and the text height
    less room for the caption."""
    page_w = (section.page_width if section else None) or _PAGE_W
    page_h = (section.page_height if section else None) or _PAGE_H
    left = (section.left_margin if section else None) or _MARGIN
    right = (section.right_margin if section else None) or _MARGIN
    top = (section.top_margin if section else None) or _MARGIN
    bottom = (section.bottom_margin if section else None) or _MARGIN
    return page_w - left - right, page_h - top - bottom - Cm(2)


def _png_natural_width(data: bytes) -> int | None:
    """The width a PNG was drawn for (its pixels at its resolution), in EMU."""
    from docx.image.image import Image

    try:
        return int(Image.from_blob(data).width)
    except Exception:  # an odd PNG: python-docx raises several kinds; fit it to the page
        return None


def _fit(
    size: tuple[int, int] | None, box: tuple[int, int], natural: int | None = None
) -> tuple[Emu, Emu | None]:
    """The picture's size: the size it was drawn at, so that the text of a report's pictures
    reads at one size, and less when that is wider than the text or a tall picture would
    overrun the page (never blown up: a small picture at the text width has big letters)."""
    text_w, text_h = box
    if not size or not size[0]:
        return Emu(text_w), None
    w, h = size
    width = min(text_w, int(text_h * w / h), natural or text_w)
    return Emu(width), Emu(int(width * h / w))
