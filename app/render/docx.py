"""DOCX rendering of a Letter: a skeleton package built once per language with python-docx,
and each letter's body written into it as WordprocessingML text."""
from __future__ import annotations

import functools
import html
import re
import struct
import zipfile
import zlib
from dataclasses import dataclass
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


def _rtl_section(doc) -> None:
    """RTL page layout for the section, and bidi for the base footer's paragraph."""
    _put(doc.sections[0]._sectPr, "w:bidi",
         ("w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type",
          "w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType",
          "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
          "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange"))
    for p in doc.sections[0].footer.paragraphs:
        _put(p._p.get_or_add_pPr(), "w:bidi", _PPR_ORDER)


def _language(doc, language: str, rtl: bool) -> None:
    """Tag Normal with the letter's language, for spelling and hyphenation in Word."""
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    _put(rpr, "w:lang", _RPR_ORDER, **{"bidi" if rtl else "val": language})


# --- the package, written from cached parts -------------------------------------------------
#
# Everything but the body, the numbering, the header's banner and the title is the same for
# every letter of one language: those parts are built once with python-docx, compressed once,
# and copied into each letter's ZIP as they are. Only the parts that change are written and
# compressed per letter, which is what makes a letter cheaper than python-docx building one.

_BANNER = "RECOURS-BANNER-PLACEHOLDER"
_TITLE = "RECOURS-TITLE-PLACEHOLDER"
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01, a fixed time stamp: the same letter, the same bytes


@dataclass(frozen=True)
class _Member:
    name: bytes
    crc: int
    size: int
    data: bytes  # raw deflate


def _member(name: str, data: bytes) -> _Member:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return _Member(name.encode(), zlib.crc32(data), len(data), packer.compress(data) + packer.flush())


@dataclass(frozen=True)
class _Skeleton:
    """One language's package: fixed members, and the text around what each letter fills in."""

    members: tuple[tuple[str, _Member | None], ...]  # None: a part written per letter
    document: tuple[str, str]  # before the body's content, from the section properties on
    numbering: tuple[str, str]
    header: tuple[str, str] | None
    core: tuple[str, str]
    abstract_num: str
    next_num: int


@functools.cache
def _skeleton(language: str, rtl: bool, banner: bool) -> _Skeleton:
    base, abstract = _base()
    doc = Document(BytesIO(base))
    _language(doc, language, rtl)
    if rtl:
        _rtl_section(doc)
    if banner:
        doc.sections[0].header.paragraphs[0].text = _BANNER
    doc.core_properties.title = _TITLE
    out = BytesIO()
    doc.save(out)
    archive = zipfile.ZipFile(out)
    texts = {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
    document = texts["word/document.xml"]
    cut = document.index("<w:sectPr")
    numbering = texts["word/numbering.xml"]
    end = numbering.rindex("</w:numbering>")
    nums = [int(n) for n in re.findall(r'<w:num w:numId="(\d+)"', numbering)]
    header = None
    if banner:
        name = next(n for n in texts if n.startswith("word/header"))
        text = texts[name]
        start = max(m.start() for m in re.finditer(r"<w:p[ >]", text[:text.index(_BANNER)]))
        stop = text.index("</w:p>", text.index(_BANNER)) + len("</w:p>")
        header = (text[:start], text[stop:])
    core = texts["docProps/core.xml"]
    title = core.index(_TITLE)
    dynamic = {"word/document.xml", "word/numbering.xml", "docProps/core.xml"}
    if banner:
        dynamic.add(next(n for n in texts if n.startswith("word/header")))
    members = tuple((name, None if name in dynamic else _member(name, texts[name].encode("utf-8")))
                    for name in archive.namelist())
    return _Skeleton(members, (document[:cut], document[cut:]), (numbering[:end], numbering[end:]), header,
                     (core[:title], core[title + len(_TITLE):]), abstract, max(nums, default=0) + 1)


def _zip(members: list[_Member]) -> bytes:
    """A ZIP archive of already-deflated members (the format of APPNOTE.TXT, no extras)."""
    out, central, offset = [], [], 0
    for m in members:
        local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, _DOS_DATE, m.crc, len(m.data), m.size,
                            len(m.name), 0)
        out += [local, m.name, m.data]
        central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, _DOS_DATE, m.crc,
                                   len(m.data), m.size, len(m.name), 0, 0, 0, 0, 0, offset) + m.name)
        offset += len(local) + len(m.name) + len(m.data)
    directory = b"".join(central)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(directory), offset, 0)
    return b"".join(out) + directory + end


def _text(value: str) -> str:
    """Text content for XML: ``&``, ``<`` and ``>`` escaped (quotes need no escaping there)."""
    return html.escape(value, quote=False)


class _Body:
    """The letter's paragraphs as WordprocessingML text."""

    def __init__(self, rtl: bool, first_num: int):
        self.rtl, self.parts, self.nums, self.next_num = rtl, [], [], first_num

    def paragraph(self, lines, style: str = "", *, end: bool = False, before: int = 0,
                  center: bool = False, bold: bool = False, num: int | None = None) -> str:
        ppr = f'<w:pStyle w:val="{style}"/>' if style else ""
        if num is not None:
            ppr += f'<w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
        if self.rtl:
            ppr += "<w:bidi/>"
        if before:
            ppr += f'<w:spacing w:before="{before * 20}"/>'
        if center:
            ppr += '<w:jc w:val="center"/>'
        elif end and not self.rtl:
            # Only for LTR: Word and LibreOffice read left/right in a bidi paragraph
            # differently, so RTL letters keep the start alignment.
            ppr += '<w:jc w:val="right"/>'
        runs = []
        for i, line in enumerate(lines):
            if i:
                runs.append("<w:r><w:br/></w:r>")
            for chunk, rtl, ethiopic in _segments(line, self.rtl):
                rpr = (f'<w:rFonts w:ascii="{ETHIOPIC_FONT}" w:hAnsi="{ETHIOPIC_FONT}"/>' if ethiopic else "") \
                    + ("<w:b/>" if bold else "") + ("<w:rtl/>" if rtl else "")
                runs.append(f"<w:r>{f'<w:rPr>{rpr}</w:rPr>' if rpr else ''}"
                            f'<w:t xml:space="preserve">{_text(chunk)}</w:t></w:r>')
        return f"<w:p>{f'<w:pPr>{ppr}</w:pPr>' if ppr else ''}{''.join(runs)}</w:p>"

    def add(self, *args, **kwargs) -> None:
        self.parts.append(self.paragraph(*args, **kwargs))

    def items(self, items, numbered: bool) -> None:
        """A list; a numbered list gets its own ``w:num`` so its numbering starts at 1."""
        num = None
        if numbered:
            num, self.next_num = self.next_num, self.next_num + 1
            self.nums.append(num)
        for item in items:
            self.add([item], "ListNumber" if numbered else "ListBullet", num=num)

    def block(self, block: Block) -> None:
        if block.kind == "heading":
            self.add([block.text], "Heading2")
        elif block.kind in ("numbered", "bulleted"):
            self.items(block.items, block.kind == "numbered")
        else:
            self.add(block.text.split("\n"))


def _body(letter: Letter, first_num: int) -> _Body:
    body = _Body(letter.direction == "rtl", first_num)
    if letter.sender:
        body.add(letter.sender)
    if letter.recipient:
        # Space rather than empty paragraphs, which a user would have to delete by hand.
        body.add(letter.recipient, before=24)
    if letter.place_date:
        body.add([letter.place_date], end=True, before=12)
    if letter.subject:
        body.add([letter.subject], "Heading1")
    if letter.references:
        body.add(letter.references)
    for block in letter.blocks:
        body.block(block)
    if letter.signature:
        body.add(letter.signature, before=18)
    if letter.enclosures:
        body.add([letter.enclosures_label], "Heading2")
        body.items(letter.enclosures, numbered=False)
    return body


def render_docx(letter: Letter) -> bytes:
    """Render ``letter`` as DOCX bytes: A4, 2.2 cm margins, editable text in named styles.

    The package comes from a cached skeleton of the letter's language (styles, page,
    footer, fonts, compressed once); only the body, the numbering of its numbered lists,
    the banner (in the page header, so it is on every page) and the title are written here.
    """
    rtl = letter.direction == "rtl"
    skeleton = _skeleton(letter.language, rtl, bool(letter.banner))
    body = _body(letter, skeleton.next_num)
    nums = "".join(f'<w:num w:numId="{n}"><w:abstractNumId w:val="{skeleton.abstract_num}"/>'
                   f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
                   for n in body.nums)
    written = {
        "word/document.xml": skeleton.document[0] + "".join(body.parts) + skeleton.document[1],
        "word/numbering.xml": skeleton.numbering[0] + nums + skeleton.numbering[1],
        "docProps/core.xml": skeleton.core[0] + _text(letter.title) + skeleton.core[1],
    }
    if skeleton.header:
        banner = body.paragraph([letter.banner], "Header", center=True, bold=True)
        name = next(name for name, member in skeleton.members if member is None and name.startswith("word/header"))
        written[name] = skeleton.header[0] + banner + skeleton.header[1]
    return _zip([member or _member(name, written[name].encode("utf-8")) for name, member in skeleton.members])
