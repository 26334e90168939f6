"""Renderers: pure functions from a Letter to DOCX, PDF, HTML or plain text. No Flask here."""
from .docx import render_docx
from .html import render_html
from .pdf import render_pdf
from .text import mailto_link, render_text

__all__ = ["mailto_link", "render_docx", "render_html", "render_pdf", "render_text"]
