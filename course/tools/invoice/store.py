"""Saving invoices, only in the learner's private folder ``<learner home>/facturen``.

Each saved invoice is a PDF plus a JSON record (``factuur-<number>.pdf`` and ``.json``),
owner-only, never next to the notebook, so it is not handed in with an assignment.
``delete_invoices`` removes them all ("Wis mijn gegevens").
"""

from __future__ import annotations

import re
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from course.messages.module3 import InvoiceText as T
from course.storage import (
    UnreadableFile,
    delete_private,
    learner_home,
    read_object,
    secure_folder,
    write_object,
    write_private_bytes,
)
from course.tools.invoice.model import Invoice, InvoiceError, checked_totals, next_number
from course.tools.invoice.render import render_pdf

FOLDER_NAME = "facturen"
FILE_STEM = "factuur"


def invoice_folder() -> Path:
    """Where invoices are kept: ``learner_home() / "facturen"`` (private, never handed in)."""
    return learner_home() / FOLDER_NAME


def file_stem(number: str) -> str:
    """A safe file name for an invoice number: ``2026/001`` → ``factuur-2026-001``."""
    safe = re.sub(r"[^A-Za-z0-9-]+", "-", number.strip()).strip("-")
    return f"{FILE_STEM}-{safe or 'zonder-nummer'}"


def previous_numbers(folder: Path | None = None) -> list[str]:
    """Numbers of the invoices saved before, oldest first (unreadable files are skipped)."""
    folder = folder or invoice_folder()
    records = []
    for path in sorted(folder.glob(f"{FILE_STEM}-*.json")) if folder.is_dir() else ():
        try:
            data = read_object(path)
        except UnreadableFile:
            continue
        if isinstance(data.get("number"), str):
            records.append((str(data.get("saved", "")), data["number"]))
    return [number for _, number in sorted(records)]


def save_invoice(invoice: Invoice, folder: Path | None = None) -> Path:
    """Check, then save the invoice as PDF plus a JSON record; return the PDF path.

    The number must be new and follow the saved ones. Raises ``InvoiceError`` otherwise.
    """
    folder = folder or invoice_folder()
    previous = previous_numbers(folder)
    totals = checked_totals(invoice, previous)
    stem = file_stem(invoice.number)
    pdf_path, json_path = folder / f"{stem}.pdf", folder / f"{stem}.json"
    if json_path.exists() or pdf_path.exists():
        raise InvoiceError(
            [T.NUMBER_USED.format(number=invoice.number.strip(), next=next_number(previous))]
        )
    pdf = render_pdf(invoice, previous)
    secure_folder(folder)
    record = asdict(invoice)
    record["rate"] = invoice.rate.value
    record["number"] = invoice.number.strip()
    record["subtotal"] = str(totals.subtotal)
    record["vat"] = str(totals.vat)
    record["total"] = str(totals.total)
    record["saved"] = datetime.now().isoformat(timespec="microseconds")
    write_private_bytes(pdf_path, pdf)
    write_object(json_path, record)
    return pdf_path


def delete_invoices(folder: Path | None = None) -> list[Path]:
    """Delete every saved invoice (PDF, record and leftovers); return what was deleted."""
    return delete_private(FILE_STEM, folder or invoice_folder())
