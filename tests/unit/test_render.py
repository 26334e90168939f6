"""The four renderers: what goes in (a Letter) comes out, in every format and script."""
from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
import unicodedata
import zipfile
from urllib.parse import unquote

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm
from pypdf import PdfReader

from app.case import Case
from app.catalogue import load_catalogue
from app.letters.citations import spell
from app.letters.compose import available_languages, compose, letter_date, letter_language
from app.letters.model import Block, Letter
from app.render import mailto_link, render_docx, render_html, render_pdf, render_text

NBSP = "\u00a0"

# ---------------------------------------------------------------- letters

_PHONE_DE = {
    "kind": "phone", "country": "DE",
    "authority": {"name": "Bundesamt für Migration und Flüchtlinge",
                  "address": "Frankenstraße 210\n90461 Nürnberg", "email": "x@bamf.bund.de"},
    "rights": ["access", "erasure", "restriction"],
    "person": {"name": "Amal Haddad", "email": "amal@example.org", "references": "BAMF 1234567-438"},
    "sheet_language": "ar", "sent_on": "2026-11-23", "event": {"topic": "phone", "date": "2026-10-01"},
}
# A hostile name (markup, a template expression, an ampersand) written partly in Arabic,
# a representative (so there are enclosures) and three numbered lists.
_HOSTILE_NAME = "<script>alert(1)</script> {{7*7}} & أمل حداد"
_DECISION_IE = {
    "kind": "decision", "country": "IE",
    "authority": {"name": "Department of Justice", "address": "51 St Stephen's Green\nDublin 2"},
    "rights": ["access", "rectification", "explanation", "human_review", "objection", "contestation"],
    "person": {"name": _HOSTILE_NAME, "email": "a@example.org", "references": "IRP 123 & <b>x</b>"},
    "details": {"inaccurate": "My name is spelt wrong", "correction": "Amal"},
    "representative": {"name": "Jo Bloggs", "organisation": "Migrant Rights Centre",
                       "address": "1 Main St\nDublin", "email": "jo@example.org"},
    "sheet_language": "ar", "sent_on": "2026-11-23", "place": "Dublin",
    "event": {"topic": "visa", "date": "2026-10-01"},
}
CASES = {"phone-de": (_PHONE_DE, "Amal Haddad"), "decision-ie": (_DECISION_IE, _HOSTILE_NAME)}
# French and German templates are written in parallel: test whatever languages exist.
COMPOSED = [(case, lang) for case in CASES for lang in available_languages()]

ARABIC = Letter(
    language="ar", direction="rtl", sender=(), recipient=(), place_date="٢٣ نوفمبر ٢٠٢٦",
    subject="ورقة مرافقة: طلبك إلى المكتب الاتحادي", references=("رقم الملف: BAMF 1234567-438",),
    blocks=(Block("paragraph", text="مرحباً أمل حداد،\nهذه الورقة تشرح الرسالة التي سترسلها."),
            Block("heading", text="ماذا تفعل الآن"),
            Block("numbered", items=("اطبع الرسالة ووقّعها.", "أرسلها بالبريد المسجل.")),
            Block("bulleted", items=("احتفظ بنسخة.", "اكتب تاريخ الإرسال.")),
            Block("numbered", items=("انتظر الرد.", "اتصل بنا."))),
    signature=(), title="ورقة مرافقة", kind="sheet", banner="نموذج — تدريب")
TIGRINYA = Letter(
    language="ti", direction="ltr", sender=(), recipient=(), place_date="23.11.2026",
    subject="ሰላም — ወረቐት ሓበሬታ", references=(),
    blocks=(Block("paragraph", text="ሰላም ኣማል፡ እዚ ወረቐት እዚ ነቲ ደብዳበ ይገልጽ።"),
            Block("numbered", items=("ደብዳበ ኣሕትሙ።", "ፈርሙ።"))),
    signature=(), title="ሰላም", kind="sheet")
UKRAINIAN = Letter(
    language="uk", direction="ltr", sender=("Олена Коваленко", "olena@example.org"),
    recipient=("Bundesamt für Migration und Flüchtlinge",), place_date="23 листопада 2026",
    subject="Запит щодо моїх персональних даних", references=("Номер справи: 1234567-438",),
    blocks=(Block("paragraph", text=f"Доброго дня! Прошу надати копію моїх даних (Art.{NBSP}15(3) GDPR)."),),
    signature=("Олена Коваленко",), enclosures=("Копія паспорта",), enclosures_label="Додатки",
    title="Запит", kind="request", banner="SPECIMEN — training")
BY_HAND = {"arabic": ARABIC, "tigrinya": TIGRINYA, "ukrainian": UKRAINIAN}


@functools.cache
def composed(case: str, lang: str) -> Letter:
    return compose(Case.from_dict({**CASES[case][0], "letter_language": lang}))


@functools.cache
def docx_of(letter: Letter) -> bytes:
    return render_docx(letter)


@functools.cache
def pdf_of(letter: Letter) -> bytes:
    return render_pdf(letter)


def expected(case: str, lang: str) -> list[str]:
    """Strings every rendering of the composed letter must contain."""
    letter = composed(case, lang)
    deadline = letter_date(letter.deadline, letter_language(lang))
    return [letter.subject, *letter.recipient, deadline, CASES[case][1], *cited(letter, lang)]


def cited(letter: Letter, lang: str) -> list[str]:
    """Every article and recital the letter cites, spelled as its language cites them
    (``Art.\u00a015(3) GDPR``, ``Art.\u00a015 Abs.\u00a03 DSGVO``), and every judgment number."""
    meta = letter_language(lang).meta
    short = load_catalogue().regimes[letter.regime].short(lang)
    text = "\n".join(letter.plain_paragraphs())
    out = []
    for citation in letter.citations:
        kind, _, ref = citation.partition(" ")
        if kind == "Art.":
            single = meta["cite"]["article"].format(ref=spell(ref, meta["ref_parts"]), short=short)
            grouped_in_subject = single not in text and spell(ref, meta["ref_parts"]) in letter.subject
            out.append(letter.subject if grouped_in_subject else single)
        elif kind == "Recital":
            out.append(meta["cite"]["recital"].format(ref=ref, short=short))
        else:
            out.append(citation)  # a judgment's number, e.g. C-487/21
    return out


def test_english_citations_are_checked_literally():
    found = cited(composed("phone-de", "en"), "en")
    assert f"Art.{NBSP}15(3) GDPR" in found and f"Recital{NBSP}63 GDPR" in found
    assert "C-487/21" in found and len(found) > 10


# ---------------------------------------------------------------- text helpers

def norm(text: str) -> str:
    """NFKC, no NBSP, no bidi controls or combining marks, single spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Mn"))
    return re.sub(r"\s+", " ", text.replace(NBSP, " ")).strip()


def docx_text(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    header = [p.text for p in d.sections[0].header.paragraphs]
    return "\n".join([*header, *(p.text for p in d.paragraphs)])


def pdf_text(data: bytes) -> str:
    # The footer "n / m" sits between two pages' text: drop it so a sentence that runs
    # over a page break still reads as one.
    pages = (page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return norm(" ".join(re.sub(r"\b\d+ / \d+\s*$", "", page) for page in pages))


def pdftotext(data: bytes) -> str:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data,
                          capture_output=True, check=True)
    return norm(done.stdout.decode("utf-8"))


def pdf_fonts(data: bytes) -> set[str]:
    reader = PdfReader(io.BytesIO(data))
    return {str(font.get_object()["/BaseFont"]) for page in reader.pages
            for font in page["/Resources"]["/Font"].values()}


# ---------------------------------------------------------------- DOCX

@pytest.mark.parametrize("case,lang", COMPOSED)
def test_docx_contains_the_letter(case, lang):
    letter = composed(case, lang)
    text = docx_text(docx_of(letter))
    for needle in expected(case, lang):
        assert needle in text  # exactly, NBSP included
    for line in letter.plain_paragraphs():
        assert line in text


@pytest.mark.parametrize("case,lang", COMPOSED)
def test_docx_numbered_lists_restart(case, lang):
    letter = composed(case, lang)
    d = docx.Document(io.BytesIO(docx_of(letter)))
    style = d.styles["List Number"].element.pPr.numPr.numId.val
    numbering = d.part.numbering_part.element
    abstract = numbering.num_having_numId(style).abstractNumId.val
    num_ids = []
    for p in d.paragraphs:
        if p.style.name == "List Number":
            num_id = p._p.pPr.numPr.numId.val
            if not num_ids or num_ids[-1][0] != num_id:
                num_ids.append([num_id, 0])
            num_ids[-1][1] += 1
    lists = [b for b in letter.blocks if b.kind == "numbered"]
    assert [n for _, n in num_ids] == [len(b.items) for b in lists]
    assert len({num_id for num_id, _ in num_ids}) == len(lists)  # one w:num per list
    for num_id, _ in num_ids:
        num = numbering.num_having_numId(num_id)
        assert num.abstractNumId.val == abstract
        start = num.find(f"{qn('w:lvlOverride')}/{qn('w:startOverride')}")
        assert start is not None and start.get(qn("w:val")) == "1"


@pytest.mark.parametrize("letter", [composed("phone-de", "en"), *BY_HAND.values()],
                         ids=["en", *BY_HAND])
def test_docx_package_and_properties(letter):
    data = docx_of(letter)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert not [n for n in names if n.startswith("customXml/") or n in (
        "docProps/custom.xml", "docProps/thumbnail.jpeg")]
    d = docx.Document(io.BytesIO(data))
    core = d.core_properties
    assert (core.author, core.last_modified_by, core.comments, core.keywords) == ("", "", "", "")
    assert core.title == letter.title
    section = d.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    for margin in (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin):
        assert abs(margin - Cm(2.2)) < Cm(0.01)
    header = " ".join(p.text for p in section.header.paragraphs)
    assert header.strip() == letter.banner


def _paragraphs(d):
    return [*d.sections[0].header.paragraphs, *d.paragraphs, *d.sections[0].footer.paragraphs]


def test_docx_rtl_letter_is_bidi():
    d = docx.Document(io.BytesIO(docx_of(ARABIC)))
    for p in _paragraphs(d):
        assert p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None, p.text
        for run in p.runs:
            if re.search("[\u0600-\u06ff]", run.text):
                assert run.font.rtl, run.text
            elif re.search("[A-Za-z]", run.text):
                assert not run.font.rtl, run.text  # "BAMF 1234567-438" keeps its digits
            elif run.text.strip():
                assert run.font.rtl, run.text  # punctuation belongs to the Arabic around it
    assert d.sections[0]._sectPr.find(qn("w:bidi")) is not None


def test_docx_ltr_letter_marks_arabic_runs_only():
    d = docx.Document(io.BytesIO(docx_of(composed("decision-ie", "en"))))
    arabic = [r for p in d.paragraphs for r in p.runs if "أمل" in r.text]
    assert arabic and all(r.font.rtl and r.text == "أمل حداد" for r in arabic)
    assert not any(r.font.rtl for p in d.paragraphs for r in p.runs if "أمل" not in r.text)
    assert all(p._p.pPr is None or p._p.pPr.find(qn("w:bidi")) is None for p in d.paragraphs)


def test_docx_ethiopic_runs_name_their_font():
    d = docx.Document(io.BytesIO(docx_of(TIGRINYA)))
    runs = [r for p in d.paragraphs for r in p.runs if "ሰላም" in r.text]
    assert runs and all(r.font.name == "Noto Sans Ethiopic" for r in runs)


def test_docx_signature_lines_stay_separate():
    letter = composed("decision-ie", "en")
    text = docx_text(docx_of(letter))
    assert "\n".join(letter.signature) in text


# ---------------------------------------------------------------- PDF

@pytest.mark.parametrize("case,lang", COMPOSED)
def test_pdf_contains_the_letter(case, lang):
    letter = composed(case, lang)
    data = pdf_of(letter)
    text = pdf_text(data)
    for needle in expected(case, lang):
        assert norm(needle) in text
    reader = PdfReader(io.BytesIO(data))
    assert reader.attachments == {}
    assert reader.metadata.title == letter.title
    assert reader.metadata.author is None
    assert len(reader.pages[0].mediabox) == 4 and round(float(reader.pages[0].mediabox.width)) == 595


@pytest.mark.parametrize("name,font,needles", [
    ("arabic", "Noto-Naskh-Arabic", ["ورقة مرافقة", "مرحبا أمل حداد", "ووقعها", "BAMF 1234567-438"]),
    ("tigrinya", "Noto-Sans-Ethiopic", ["ሰላም", "ደብዳበ ኣሕትሙ።"]),
    ("ukrainian", "Noto-Sans", ["Запит щодо моїх персональних даних", "Доброго дня!",
                                "Art. 15(3) GDPR", "Додатки", "SPECIMEN — training"]),
])
def test_pdf_scripts(name, font, needles):
    letter = BY_HAND[name]
    data = pdf_of(letter)
    # pypdf reverses or splits Arabic; poppler's pdftotext gives logical order.
    text = pdftotext(data) if letter.direction == "rtl" else pdf_text(data)
    for needle in needles:
        assert norm(needle) in text
    assert any(f.split("+")[-1] == font for f in pdf_fonts(data))
    assert PdfReader(io.BytesIO(data)).attachments == {}


@pytest.mark.skipif(not shutil.which("pdftoppm"), reason="poppler-utils not installed")
@pytest.mark.parametrize("letter", [ARABIC, composed("phone-de", "en")], ids=["arabic", "en"])
def test_pdf_rasterises(letter, tmp_path):
    (tmp_path / "letter.pdf").write_bytes(pdf_of(letter))
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1",
                    str(tmp_path / "letter.pdf"), str(tmp_path / "page")], check=True)
    pngs = list(tmp_path.glob("page*.png"))
    assert len(pngs) == 1 and pngs[0].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_pdf_fetches_nothing():
    from app.render.pdf import _NoFetch

    fetcher = _NoFetch()
    for url in ("file:///etc/passwd", "http://example.org/x.css", "https://example.org/"):
        with pytest.raises(ValueError):
            fetcher(url)
    assert fetcher("data:text/plain,hi").read() == b"hi"


# ---------------------------------------------------------------- HTML

@pytest.mark.parametrize("letter,lang,direction", [
    (composed("phone-de", "en"), "en", "ltr"), (ARABIC, "ar", "rtl"), (TIGRINYA, "ti", "ltr"),
], ids=["en", "ar", "ti"])
def test_html_language_and_direction(letter, lang, direction):
    page = render_html(letter)
    assert page.startswith("<!DOCTYPE html>")
    assert f'<html lang="{lang}" dir="{direction}">' in page
    assert f'lang="{lang}" dir="{direction}"' in render_html(letter, standalone=False)
    assert "<style>" in page and "@page" in page


def test_html_structure():
    letter = composed("decision-ie", "en")
    page = render_html(letter, standalone=False)
    assert page.startswith('<article class="letter') and page.rstrip().endswith("</article>")
    assert "<html" not in page and "<style" not in page
    assert page.count("<h1>") == 1
    assert page.count("<ol>") == sum(b.kind == "numbered" for b in letter.blocks)
    assert page.count("<h2>") == sum(b.kind == "heading" for b in letter.blocks) + 1  # enclosures
    assert 'class="sender"' in page and 'class="recipient"' in page


@pytest.mark.parametrize("standalone", [True, False])
def test_html_escapes_user_text(standalone):
    page = render_html(composed("decision-ie", "en"), standalone=standalone)
    assert "&lt;script&gt;alert(1)&lt;/script&gt; {{7*7}} &amp; أمل حداد" in page
    assert "IRP 123 &amp; &lt;b&gt;x&lt;/b&gt;" in page
    assert "<script" not in page and "<b>" not in page and "<link" not in page


def test_html_subject_is_h1_and_breaks_are_br():
    page = render_html(ARABIC, standalone=False)
    assert "<h1>ورقة مرافقة: طلبك إلى المكتب الاتحادي</h1>" in page
    assert "مرحباً أمل حداد،<br>" in page


def test_html_sheet_without_addresses_and_with_banner():
    page = render_html(ARABIC, standalone=False)
    assert "addresses" not in page and 'class="sender"' not in page and 'class="recipient"' not in page
    first = page.split(">", 1)[1].lstrip()
    assert first.startswith('<p class="banner"') and "نموذج — تدريب" in first.split("\n")[0]


# ---------------------------------------------------------------- text and mailto

def test_text_layout():
    letter = composed("decision-ie", "en")
    text = render_text(letter)
    assert text.startswith("\n".join(letter.sender) + "\n\n" + "\n".join(letter.recipient) + "\n\n")
    first_list = next(b for b in letter.blocks if b.kind == "numbered")
    assert "\n".join(f"{i}. {item}" for i, item in enumerate(first_list.items, 1)) in text
    bullets = next(b for b in letter.blocks if b.kind == "bulleted")
    assert "\n".join(f"- {item}" for item in bullets.items) in text
    heading = next(b for b in letter.blocks if b.kind == "heading")
    assert f"\n\n{heading.text}\n\n" in text
    assert "\n".join(letter.signature) in text
    assert text.endswith("\n\n" + "\n".join([letter.enclosures_label, *(f"- {e}" for e in letter.enclosures)]) + "\n")
    assert "\n\n\n" not in text


def test_text_sheet_starts_with_banner_and_skips_empty_parts():
    text = render_text(ARABIC)
    assert text.startswith(f"{ARABIC.banner}\n\n{ARABIC.place_date}\n\n{ARABIC.subject}\n")
    assert "\n\n\n" not in text


@pytest.mark.parametrize("letter,address", [
    (composed("phone-de", "en"), "x@bamf.bund.de"), (composed("decision-ie", "en"), ""),
    (ARABIC, ""), (UKRAINIAN, ""),
], ids=["with-address", "without-address", "arabic", "ukrainian"])
def test_mailto_round_trips(letter, address):
    link = mailto_link(letter)
    assert link.startswith(f"mailto:{address}?subject=")
    assert not re.search(r"[\s<>\"{}]", link)  # everything outside the URL alphabet is encoded
    query = link.split("?", 1)[1]
    fields = dict(part.split("=", 1) for part in query.split("&"))
    assert set(fields) == {"subject", "body"}
    assert unquote(fields["subject"]) == letter.subject
    body = unquote(fields["body"])
    assert body == render_text(letter).replace("\n", "\r\n")
    assert "%0D%0A" in fields["body"] and "\n" not in body.replace("\r\n", "")


# ---------------------------------------------------------------- caching

def test_renders_are_deterministic_and_thread_safe():
    """The cached base document, fonts and CSS leave no state behind between letters."""
    from concurrent.futures import ThreadPoolExecutor

    letters = [composed("phone-de", "en"), ARABIC, TIGRINYA, UKRAINIAN]
    with ThreadPoolExecutor(4) as pool:
        pdfs = list(pool.map(render_pdf, letters * 2))
        docxs = list(pool.map(render_docx, letters * 2))
    assert pdfs[:4] == pdfs[4:] == [pdf_of(letter) for letter in letters]
    # Zip entries carry the time of writing: compare the parts, not the archives.
    parts = [_parts(data) for data in docxs]
    assert parts[:4] == parts[4:] == [_parts(docx_of(letter)) for letter in letters]


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}
