"""The invoice on screen and on paper: escaped HTML, an A4 PDF, and the check as HTML."""

from __future__ import annotations

import html
from pathlib import Path

import matplotlib
from fpdf import FPDF

from course.messages.module3 import InvoiceText as T
from course.numbers import format_date, format_euro, format_number
from course.tools.invoice.model import (
    CheckResult,
    Invoice,
    Rate,
    Totals,
    checked_totals,
    clean_kvk,
    clean_vat_id,
    parse_date,
    sources,
    wet_article,
)

FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"  # DejaVu, as keurmerk/pdf.py


def _party_rows(invoice: Invoice) -> list[tuple[str, str]]:
    rows = [(T.KVK, clean_kvk(invoice.kvk_number))]
    if clean_vat_id(invoice.vat_id):
        rows.append((T.VAT_ID, clean_vat_id(invoice.vat_id)))
    if invoice.iban.strip():
        rows.append((T.IBAN, invoice.iban.strip()))
    return rows


def _invoice_rows(invoice: Invoice) -> list[tuple[str, str]]:
    return [
        (T.NUMBER, invoice.number.strip()),
        (T.DATE, format_date(parse_date(invoice.date))),
        (T.DELIVERY, format_date(parse_date(invoice.delivery_date))),
    ]


def _sum_rows(totals: Totals, rate: Rate) -> list[tuple[str, str]]:
    if rate is Rate.KOR:
        return [(T.TOTAL, format_euro(totals.total))]
    return [
        (T.SUBTOTAL, format_euro(totals.subtotal)),
        (T.VAT_LINE.format(pct=format_number(totals.percent)), format_euro(totals.vat)),
        (T.TOTAL, format_euro(totals.total)),
    ]


NUM = " class='num' style='text-align:right'"


def render_html(invoice: Invoice, previous_numbers=()) -> str:
    """A correct invoice as HTML; every value is escaped. Raises ``InvoiceError`` if not ok."""
    totals = checked_totals(invoice, previous_numbers)
    e = html.escape

    def dl(rows):
        return "".join(
            f"<tr><th scope='row' style='text-align:left'>{e(label)}</th><td>{e(value)}</td></tr>"
            for label, value in rows
        )

    lines = "".join(
        f"<tr><td>{e(line.description)}</td><td{NUM}>{e(format_number(line.quantity))}</td>"
        f"<td{NUM}>{e(format_euro(line.price))}</td><td{NUM}>{e(format_euro(line.amount))}</td>"
        "</tr>"
        for line in totals.lines
    )
    sums = "".join(
        f"<tr><th scope='row' colspan='3' style='text-align:right'>{e(label)}</th>"
        f"<td{NUM}>{e(value)}</td></tr>"
        for label, value in _sum_rows(totals, invoice.rate)
    )
    extra = ""
    if invoice.rate is Rate.KOR:
        extra += f"<p>{e(T.KOR_NOTE)}</p>"
    if invoice.iban.strip():
        pay = T.PAY_TO.format(iban=invoice.iban.strip(), number=invoice.number.strip())
        extra += f"<p>{e(pay)}</p>"
    return (
        '<div class="sp-invoice" style="border:1px solid #888;padding:1em;max-width:42em">'
        f"<h4>{e(T.INVOICE)}</h4>"
        f"<p><strong>{e(invoice.seller_name.strip())}</strong><br>"
        f"{e(invoice.seller_address.strip())}</p>"
        f"<table>{dl(_party_rows(invoice))}</table>"
        f"<p>{e(T.TO)}:<br><strong>{e(invoice.client_name.strip())}</strong><br>"
        f"{e(invoice.client_address.strip())}</p>"
        f"<table>{dl(_invoice_rows(invoice))}</table>"
        '<table style="width:100%;margin-top:1em">'
        f"<thead><tr><th scope='col' style='text-align:left'>{e(T.COL_DESCRIPTION)}</th>"
        f"<th scope='col' style='text-align:right'>{e(T.COL_QUANTITY)}</th>"
        f"<th scope='col' style='text-align:right'>{e(T.COL_PRICE)}</th>"
        f"<th scope='col' style='text-align:right'>{e(T.COL_AMOUNT)}</th></tr></thead>"
        f"<tbody>{lines}{sums}</tbody></table>{extra}</div>"
    )


def render_pdf(invoice: Invoice, previous_numbers=()) -> bytes:
    """A correct invoice as an A4 PDF. Raises ``InvoiceError`` if the invoice is not ok."""
    totals = checked_totals(invoice, previous_numbers)
    pdf = FPDF(format="A4")
    pdf.set_title(f"{T.INVOICE} {invoice.number.strip()}")
    pdf.set_author(T.PDF_AUTHOR)
    pdf.set_lang("nl")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.add_page()
    width = pdf.epw

    pdf.set_font("DejaVu", "B", 20)
    pdf.cell(width, 12, T.INVOICE, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(width, 6, invoice.seller_name.strip(), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(width, 5, invoice.seller_address.strip(), new_x="LMARGIN", new_y="NEXT")
    for label, value in _party_rows(invoice):
        pdf.cell(55, 5, f"{label}:")
        pdf.cell(width - 55, 5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    pdf.cell(width, 5, f"{T.TO}:", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "B", 11)
    pdf.multi_cell(width, 6, invoice.client_name.strip(), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    pdf.multi_cell(width, 5, invoice.client_address.strip(), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    for label, value in _invoice_rows(invoice):
        pdf.cell(55, 5, f"{label}:")
        pdf.cell(width - 55, 5, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)

    widths = (width - 90, 25, 30, 35)
    with pdf.table(col_widths=widths, text_align=("LEFT", "RIGHT", "RIGHT", "RIGHT")) as table:
        table.row([T.COL_DESCRIPTION, T.COL_QUANTITY, T.COL_PRICE, T.COL_AMOUNT])
        for line in totals.lines:
            table.row(
                [
                    line.description,
                    format_number(line.quantity),
                    format_euro(line.price),
                    format_euro(line.amount),
                ]
            )
    pdf.ln(3)
    for label, value in _sum_rows(totals, invoice.rate):
        bold = "B" if label == T.TOTAL else ""
        pdf.set_font("DejaVu", bold, 10)
        pdf.cell(width - 35, 6, label, align="R")
        pdf.cell(35, 6, value, align="R", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 10)
    pdf.ln(4)
    if invoice.rate is Rate.KOR:
        pdf.multi_cell(width, 5, T.KOR_NOTE, new_x="LMARGIN", new_y="NEXT")
    if invoice.iban.strip():
        pay = T.PAY_TO.format(iban=invoice.iban.strip(), number=invoice.number.strip())
        pdf.multi_cell(width, 5, pay, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def render_result(invoice: Invoice, result: CheckResult, previous=(), started=True) -> str:
    """The check as HTML: totals (when known), problems, notes, and the invoice when ok."""
    e = html.escape
    parts = []
    if not started:
        parts.append(f"<p>{e(T.START)}</p>")
    if result.totals is not None and invoice.rate is not None and not result.ok:
        rows = "".join(
            f"<tr><th scope='row' style='text-align:left'>{e(label)}</th>"
            f"<td{NUM}>{e(value)}</td></tr>"
            for label, value in _sum_rows(result.totals, invoice.rate)
        )
        parts.append(f"<table>{rows}</table>")
    if result.problems:
        items = "".join(f"<li>{e(problem)}</li>" for problem in result.problems)
        parts.append(f"<p><strong>{e(T.TODO)}</strong></p><ul>{items}</ul>")
    if result.notes:
        items = "".join(f"<li>{e(note)}</li>" for note in result.notes)
        parts.append(f"<p><strong>{e(T.NOTES)}</strong></p><ul>{items}</ul>")
    if result.ok:
        parts.append(f"<p><strong>{e(T.COMPLETE)}</strong></p>")
        parts.append(render_html(invoice, previous))
    return f'<div class="sp-invoice-result" role="status">{"".join(parts)}</div>'


def footer_html() -> str:
    e = html.escape
    items = "".join(f"<li>{e(text)}</li>" for text in T.ASSUMPTIONS)
    links = ", ".join(
        f'<a href="{e(url, quote=True)}" target="_blank" rel="noopener">{e(url)}</a>'
        for url in sources()
    )
    return (
        f"<details><summary>{e(T.ASSUMPTIONS_TITLE)}</summary><ul>{items}</ul>"
        f"<p>{e(T.LAW.format(law=wet_article()))}</p>"
        f"<p>{e(T.SOURCES).replace('{sources}', links)}</p>"
        f"<p>{e(T.DISCLAIMER)}</p></details>"
    )
