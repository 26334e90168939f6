"""DOCX rendering of a Letter with python-docx, on a styles-only base document built once."""
from __future__ import annotations

import functools
import re
from io import BytesIO
from unicodedata import bidirectional as _bidi

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ..letters.model import Block, Letter

FONT = "Noto Sans"
CS_FONT = "Noto Naskh Arabic"  # Word's "complex script" slot: Arabic (and Hebrew) text
ETHIOPIC_FONT = "Noto Sans Ethiopic"

# Scripts that need a run of their own: right-to-left ones (Hebrew, Arabic, Syriac, Thaana,
# N'Ko and the Arabic presentation forms) and Ethiopic, which has no slot in Word's font scheme.
_R = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_E = "\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f"
# Words of one script, with the spaces (and Arabic joiners) between them.
_SEGMENTS = re.compile(f"(?P<rtl>[{_R}]+(?:[\\s\u200c\u200d]+[{_R}]+)*)"
                       f"|(?P<eth>[{_E}]+(?:\\s+[{_E}]+)*)")

# Schema order of the w:pPr and w:rPr children we write: Word rejects a document whose
# children are out of order, and python-docx has no property for some of them (w:bidi, w:szCs).
_PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
              "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs",
              "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
              "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
              "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
              "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
              "w:pPrChange")
_RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
              "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
              "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
              "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
              "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang",
              "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _put(parent, tag: str, order: tuple[str, ...], **attrs: str):
    """Replace ``parent``'s child ``tag`` by a new one with ``attrs``, in schema order."""
    for old in parent.findall(qn(tag)):
        parent.remove(old)
    el = OxmlElement(tag)
    for name, value in attrs.items():
        el.set(qn(f"w:{name}"), value)
    parent.insert_element_before(el, *order[order.index(tag) + 1:])
    return el


def _set_fonts(rpr, size: float) -> None:
    """Give an ``w:rPr`` explicit fonts and sizes, in black.

    Theme font attributes are dropped because Word lets them win over explicit names.
    """
    _put(rpr, "w:rFonts", _RPR_ORDER, ascii=FONT, hAnsi=FONT, eastAsia=FONT, cs=CS_FONT)
    for tag in ("w:color", "w:spacing", "w:kern"):
        for el in rpr.findall(qn(tag)):
            rpr.remove(el)  # the template colours headings blue and spaces the title out
    for tag in ("w:sz", "w:szCs"):
        _put(rpr, tag, _RPR_ORDER, val=str(round(size * 2)))


def _styles(doc) -> None:
    """Normal, Heading 1/2, List Number and List Bullet, with fonts, sizes and spacing."""
    styles = doc.styles
    defaults = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _set_fonts(defaults, 10.5)
    normal = styles["Normal"]
    _set_fonts(normal.element.get_or_add_rPr(), 10.5)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for name, size, before, after in (("Heading 1", 12, 12, 6), ("Heading 2", 10.5, 10, 3)):
        style = styles[name]
        _set_fonts(style.element.get_or_add_rPr(), size)
        style.font.bold = True
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(after)
    for name in ("List Number", "List Bullet"):
        styles[name].paragraph_format.space_after = Pt(3)


def _strip_package(doc) -> None:
    """Drop the template's custom XML (bibliography sources) and thumbnail from the package."""
    for rels, reltype in ((doc.part.rels, RT.CUSTOM_XML), (doc.part.package.rels, RT.THUMBNAIL)):
        for rid in [rid for rid, rel in rels.items() if rel.reltype == reltype]:
            del rels[rid]


def _page(section) -> None:
    """A4, 2.2 cm margins, the page number centred in the footer."""
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Cm(2.2))
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    footer._p.append(field)


def _clear_core(core) -> None:
    """No author, editor, comment or keyword; the template's 'python-docx' credits removed."""
    for attr in ("author", "last_modified_by", "comments", "keywords", "subject", "category",
                 "title"):
        setattr(core, attr, "")


def _list_number_abstract(doc) -> str:
    """The ``w:abstractNumId`` behind the List Number style's numbering."""
    num_id = doc.styles["List Number"].element.pPr.numPr.numId.val
    numbering = doc.part.numbering_part.element
    return numbering.num_having_numId(num_id).abstractNumId.val


@functools.cache
def _base() -> tuple[bytes, str]:
    """The base document's bytes (styles, page, no content) and the List Number abstractNumId."""
    doc = Document()
    _strip_package(doc)
    _styles(doc)
    _page(doc.sections[0])
    _clear_core(doc.core_properties)
    abstract = _list_number_abstract(doc)
    out = BytesIO()
    doc.save(out)
    return out.getvalue(), abstract


def _segments(text: str, rtl_letter: bool):
    """Split ``text`` into ``(chunk, rtl, ethiopic)`` runs, merging neighbours that agree.

    Arabic/Hebrew chunks are RTL. In an RTL letter, chunks of digits and punctuation belong
    to the Arabic text around them and are RTL too; chunks with Latin letters (a file
    number, "GDPR") stay LTR, or Word would set them in the Arabic font and could show
    their digits as Arabic-Indic ones.
    """
    pieces, pos = [], 0
    for m in _SEGMENTS.finditer(text):
        pieces.append((text[pos:m.start()], False, False))
        pieces.append((m.group(), bool(m.group("rtl")), bool(m.group("eth"))))
        pos = m.end()
    pieces.append((text[pos:], False, False))
    merged: list[tuple[str, bool, bool]] = []
    for chunk, rtl, eth in pieces:
        if not chunk:
            continue
        rtl = rtl or (rtl_letter and not eth and not any(_bidi(ch) == "L" for ch in chunk))
        if merged and merged[-1][1:] == (rtl, eth):
            merged[-1] = (merged[-1][0] + chunk, rtl, eth)
        else:
            merged.append((chunk, rtl, eth))
    return merged


class _Writer:
    """Appends a letter's paragraphs to a document copied from the base."""

    def __init__(self, doc, letter: Letter, abstract_num: str):
        self.doc, self.abstract_num = doc, abstract_num
        self.rtl = letter.direction == "rtl"

    def paragraph(self, lines, style: str | None = None, *, end: bool = False, p=None):
        """Fill paragraph ``p`` (default: a new one at the end); ``lines`` are joined by breaks."""
        if p is None:
            p = self.doc.add_paragraph()
        if style:
            p._p.style = style  # a style id: avoids python-docx's lookup by name
        if self.rtl:
            _put(p._p.get_or_add_pPr(), "w:bidi", _PPR_ORDER)
        elif end:
            # Only for LTR: Word and LibreOffice read left/right in a bidi paragraph
            # differently, so RTL letters keep the start alignment.
            p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for i, line in enumerate(lines):
            if i:
                p.add_run().add_break()
            self._runs(p, line)
        return p

    def _runs(self, p, text: str) -> None:
        for chunk, rtl, ethiopic in _segments(text, self.rtl):
            run = p.add_run(chunk)
            if ethiopic:
                run.font.name = ETHIOPIC_FONT  # Word has no Ethiopic slot: name it for ascii/hAnsi
            if rtl:
                run.font.rtl = True

    def items(self, items, numbered: bool) -> None:
        """A list; a numbered list gets its own ``w:num`` so its numbering starts at 1."""
        style = "ListNumber" if numbered else "ListBullet"
        num_id = self._restarted_num() if numbered else None
        for item in items:
            p = self.paragraph([item], style)
            if num_id is not None:
                num_pr = p._p.get_or_add_pPr().get_or_add_numPr()
                num_pr.get_or_add_ilvl().val = 0
                num_pr.get_or_add_numId().val = num_id

    def _restarted_num(self) -> int:
        numbering = self.doc.part.numbering_part.element
        num = numbering.add_num(self.abstract_num)
        num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return num.numId

    def block(self, block: Block) -> None:
        if block.kind == "heading":
            self.paragraph([block.text], "Heading2")
        elif block.kind in ("numbered", "bulleted"):
            self.items(block.items, block.kind == "numbered")
        else:
            self.paragraph(block.text.split("\n"))


def _rtl_section(doc) -> None:
    """RTL page layout for the section, and bidi for the base footer's paragraph."""
    _put(doc.sections[0]._sectPr, "w:bidi",
         ("w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type",
          "w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType",
          "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
          "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange"))
    for p in doc.sections[0].footer.paragraphs:
        _put(p._p.get_or_add_pPr(), "w:bidi", _PPR_ORDER)


def _language(doc, letter: Letter) -> None:
    """Tag Normal with the letter's language, for spelling and hyphenation in Word."""
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    key = "bidi" if letter.direction == "rtl" else "val"
    _put(rpr, "w:lang", _RPR_ORDER, **{key: letter.language})


def render_docx(letter: Letter) -> bytes:
    """Render ``letter`` as DOCX bytes: A4, 2.2 cm margins, editable text in named styles.

    Starts from the cached base document, so only the letter's paragraphs are added here.
    The banner (if any) goes into the page header, so it appears on every page.
    """
    base, abstract_num = _base()
    doc = Document(BytesIO(base))
    doc.core_properties.title = letter.title
    _language(doc, letter)
    w = _Writer(doc, letter, abstract_num)
    if w.rtl:
        _rtl_section(doc)
    if letter.banner:
        p = w.paragraph([letter.banner], p=doc.sections[0].header.paragraphs[0])
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for run in p.runs:
            run.bold = True
    if letter.sender:
        w.paragraph(letter.sender)
    if letter.recipient:
        # Space rather than empty paragraphs, which a user would have to delete by hand.
        w.paragraph(letter.recipient).paragraph_format.space_before = Pt(24)
    if letter.place_date:
        w.paragraph([letter.place_date], end=True).paragraph_format.space_before = Pt(12)
    if letter.subject:
        w.paragraph([letter.subject], "Heading1")
    if letter.references:
        w.paragraph(letter.references)
    for block in letter.blocks:
        w.block(block)
    if letter.signature:
        w.paragraph(letter.signature).paragraph_format.space_before = Pt(18)
    if letter.enclosures:
        w.paragraph([letter.enclosures_label], "Heading2")
        w.items(letter.enclosures, numbered=False)
    out = BytesIO()
    doc.save(out)
    return out.getvalue()
