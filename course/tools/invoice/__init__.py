"""Factuurmaker: make, check and save a simple invoice (lesson m3-l5 "Facturen maken").

The learner fills in seller, client, invoice number, dates, work lines and a btw choice
(21 %, 9 %, 0 % or the KOR). Four parts, each importing only the ones before it:

- ``model``: the invoice as typed and its check (pure functions, Dutch problems);
- ``render``: the invoice as escaped HTML and as an A4 PDF (fpdf2, DejaVu fonts);
- ``store``: saving in the learner's private folder ``<learner home>/facturen``, and deleting;
- ``widget``: the form a lesson shows with ``invoice_widget()``.
"""

from course.tools.invoice.model import (
    EXAMPLE_NUMBER,
    CheckResult,
    Invoice,
    InvoiceError,
    InvoiceLine,
    Rate,
    Totals,
    check_invoice,
    compute_totals,
    kor_limit,
    next_number,
    parse_amount,
    rate_percent,
    sources,
)
from course.tools.invoice.render import render_html, render_pdf, render_result
from course.tools.invoice.store import (
    delete_invoices,
    file_stem,
    invoice_folder,
    previous_numbers,
    save_invoice,
)
from course.tools.invoice.widget import EXAMPLE, InvoiceForm, invoice_widget

__all__ = [
    "EXAMPLE",
    "EXAMPLE_NUMBER",
    "CheckResult",
    "Invoice",
    "InvoiceError",
    "InvoiceForm",
    "InvoiceLine",
    "Rate",
    "Totals",
    "check_invoice",
    "compute_totals",
    "delete_invoices",
    "file_stem",
    "invoice_folder",
    "invoice_widget",
    "kor_limit",
    "next_number",
    "parse_amount",
    "previous_numbers",
    "rate_percent",
    "render_html",
    "render_pdf",
    "render_result",
    "save_invoice",
    "sources",
]
