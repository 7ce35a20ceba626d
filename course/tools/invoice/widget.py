"""The factuurmaker form: fields on top, the check and the invoice below; saves on request."""

from __future__ import annotations

import base64
import html
from dataclasses import dataclass, field
from pathlib import Path

import ipywidgets as widgets
from IPython.display import display

from course.facts import course_year
from course.messages.module3 import InvoiceText as T
from course.numbers import format_number
from course.tools.invoice.model import (
    MAX_LINES,
    Invoice,
    InvoiceError,
    InvoiceLine,
    Rate,
    check_invoice,
    next_number,
    rate_percent,
)
from course.tools.invoice.render import footer_html, render_result
from course.tools.invoice.store import (
    delete_invoices,
    invoice_folder,
    previous_numbers,
    save_invoice,
)
from course.widgets import DeleteConfirmation, problems_html, status_html

# Samira's example (lesson m3-l5); the delivery date and number are left for the learner.
EXAMPLE = Invoice(
    **T.EXAMPLE_PARTIES,
    kvk_number="12345678",
    vat_id="NL123456789B01",
    number="",
    date=f"20-03-{course_year()}",
    delivery_date="",
    lines=tuple(InvoiceLine(*line) for line in T.EXAMPLE_LINES),
    rate=Rate.HIGH,
)


@dataclass
class _LineFields:
    description: widgets.Text
    quantity: widgets.Text
    price: widgets.Text
    box: widgets.HBox = field(init=False)

    def __post_init__(self):
        self.box = widgets.HBox([self.description, self.quantity, self.price])

    def read(self) -> InvoiceLine:
        return InvoiceLine(self.description.value, self.quantity.value, self.price.value)


class InvoiceForm:
    """The factuurmaker: fields on top, the check and the invoice below; updates on change."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or invoice_folder()
        self._quiet = False
        self._make_inputs()
        self.lines: list[_LineFields] = []
        self.lines_box = widgets.VBox([])
        self.add_line_button = widgets.Button(description=T.ADD_LINE, icon="plus")
        self.add_line_button.on_click(lambda _b: self.add_line())
        self.example_button = widgets.Button(
            description=T.EXAMPLE, layout=widgets.Layout(width="auto")
        )
        self.example_button.on_click(lambda _b: self.fill(EXAMPLE))
        self.save_button = widgets.Button(
            description=T.SAVE, button_style="primary", icon="file", disabled=True
        )
        self.save_button.on_click(lambda _b: self.save())
        self.result = widgets.HTML()
        self.saved = widgets.HTML()
        self.delete = DeleteConfirmation(T.DELETE_QUESTION, self.delete_all)
        for _ in range(2):
            self.add_line(update=False)
        for widget in self._fields():
            widget.observe(self.update, names="value")
        self.box = widgets.VBox(self._layout())
        self.box.add_class("sp-invoice-maker")
        self.update()

    def _make_inputs(self) -> None:
        style = {"description_width": "14em"}

        def text(label, placeholder=""):
            return widgets.Text(
                description=label,
                placeholder=placeholder,
                continuous_update=False,
                style=style,
                layout=widgets.Layout(width="36em"),
            )

        self.seller_name = text(T.LABEL_SELLER_NAME)
        self.seller_address = text(T.LABEL_SELLER_ADDRESS, T.PLACEHOLDER_ADDRESS)
        self.kvk_number = text(T.LABEL_KVK, T.PLACEHOLDER_KVK)
        self.vat_id = text(T.LABEL_VAT_ID, T.PLACEHOLDER_VAT_ID)
        self.iban = text(T.LABEL_IBAN)
        self.client_name = text(T.LABEL_CLIENT_NAME)
        self.client_address = text(T.LABEL_CLIENT_ADDRESS, T.PLACEHOLDER_ADDRESS)
        self.number = text(T.LABEL_NUMBER)
        self.date = text(T.LABEL_DATE, T.PLACEHOLDER_DATE)
        self.delivery_date = text(T.LABEL_DELIVERY, T.PLACEHOLDER_DATE)
        self.rate = widgets.RadioButtons(
            options=[
                (T.RATE_OPTIONS[r.value].format(pct=format_number(rate_percent(r))), r)
                for r in Rate
            ],
            value=None,
            description=T.LABEL_RATE,
            style=style,
            layout=widgets.Layout(width="auto"),
        )

    def _layout(self) -> list[widgets.Widget]:
        def heading(text):
            return widgets.HTML(f"<h3>{html.escape(text)}</h3>")

        info = " ".join(
            [
                f"<p><strong>{html.escape(T.TITLE)}</strong></p>",
                f"<p>{html.escape(T.INTRO)} <strong>{html.escape(T.DISCLAIMER)}</strong></p>",
                f"<p>{html.escape(T.PRIVATE.format(folder=self.folder))}</p>",
            ]
        )
        return [
            widgets.HTML(info),
            self.example_button,
            heading(T.SECTION_SELLER),
            *(self.seller_name, self.seller_address, self.kvk_number, self.vat_id, self.iban),
            heading(T.SECTION_CLIENT),
            *(self.client_name, self.client_address),
            heading(T.SECTION_INVOICE),
            *(self.number, self.date, self.delivery_date),
            heading(T.SECTION_LINES),
            *(self.lines_box, self.add_line_button),
            heading(T.SECTION_RATE),
            *(self.rate, self.result, self.save_button, self.saved),
            *(self.delete.box, self.delete.status),
            widgets.HTML(footer_html()),
        ]

    def _fields(self):
        singles = [
            self.seller_name,
            self.seller_address,
            self.kvk_number,
            self.vat_id,
            self.iban,
            self.client_name,
            self.client_address,
            self.number,
            self.date,
            self.delivery_date,
            self.rate,
        ]
        for line in self.lines:
            singles += [line.description, line.quantity, line.price]
        return singles

    def add_line(self, update: bool = True) -> None:
        """Add an empty work line (up to ``MAX_LINES``)."""
        if len(self.lines) >= MAX_LINES:
            return
        n = len(self.lines) + 1
        row = _LineFields(
            widgets.Text(
                description=T.LABEL_DESCRIPTION.format(n=n),
                placeholder=T.PLACEHOLDER_DESCRIPTION,
                continuous_update=False,
                style={"description_width": "8em"},
                layout=widgets.Layout(width="30em"),
            ),
            widgets.Text(
                description=T.LABEL_QUANTITY.format(n=n),
                placeholder=T.PLACEHOLDER_QUANTITY,
                continuous_update=False,
                style={"description_width": "5em"},
                layout=widgets.Layout(width="16em"),
            ),
            widgets.Text(
                description=T.LABEL_PRICE.format(n=n),
                placeholder=T.PLACEHOLDER_PRICE,
                continuous_update=False,
                style={"description_width": "8em"},
                layout=widgets.Layout(width="22em"),
            ),
        )
        self.lines.append(row)
        self.lines_box.children = [line.box for line in self.lines]
        if update:
            for widget in (row.description, row.quantity, row.price):
                widget.observe(self.update, names="value")
        self.add_line_button.disabled = len(self.lines) >= MAX_LINES

    def read(self) -> Invoice:
        """The invoice as currently typed."""
        return Invoice(
            seller_name=self.seller_name.value,
            seller_address=self.seller_address.value,
            kvk_number=self.kvk_number.value,
            vat_id=self.vat_id.value,
            client_name=self.client_name.value,
            client_address=self.client_address.value,
            number=self.number.value,
            date=self.date.value,
            delivery_date=self.delivery_date.value,
            lines=tuple(line.read() for line in self.lines),
            rate=self.rate.value,
            iban=self.iban.value,
        )

    def fill(self, invoice: Invoice) -> None:
        """Put an invoice into the form (used by the example button)."""
        self._quiet = True
        try:
            while len(self.lines) < len(invoice.lines):
                self.add_line()
            for name in (
                "seller_name",
                "seller_address",
                "kvk_number",
                "vat_id",
                "iban",
                "client_name",
                "client_address",
                "number",
                "date",
                "delivery_date",
            ):
                getattr(self, name).value = getattr(invoice, name)
            if not invoice.number:
                self.number.value = next_number(previous_numbers(self.folder))
            for index, row in enumerate(self.lines):
                line = invoice.lines[index] if index < len(invoice.lines) else InvoiceLine()
                row.description.value = line.description
                row.quantity.value = line.quantity
                row.price.value = line.price
            self.rate.value = invoice.rate
        finally:
            self._quiet = False
        self.update()

    def update(self, _change=None) -> None:
        """Check the invoice as typed and show the problems, notes, totals and the invoice."""
        if self._quiet:
            return
        self.saved.value = ""
        previous = previous_numbers(self.folder)
        self.number.placeholder = T.PLACEHOLDER_NUMBER.format(example=next_number(previous))
        invoice = self.read()
        result = check_invoice(invoice, previous)
        self.save_button.disabled = not result.ok
        self.result.value = render_result(invoice, result, previous, started=_started(invoice))

    def save(self) -> Path | None:
        """Save the invoice as PDF in the private folder and prepare the next number."""
        invoice = self.read()
        try:
            path = save_invoice(invoice, self.folder)
        except InvoiceError as error:
            self.saved.value = problems_html(T.NOT_SAVED, error.problems, role="status")
            return None
        following = next_number(previous_numbers(self.folder))
        self.number.value = following  # triggers update(), which clears self.saved
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        self.saved.value = (
            '<div class="sp-feedback sp-correct" role="status">'
            f"<p>{html.escape(T.SAVED.format(path=path))}</p>"
            f'<p><a download="{html.escape(path.name, quote=True)}" '
            f'href="data:application/pdf;base64,{data}">{html.escape(T.DOWNLOAD)}</a></p>'
            f"<p>{html.escape(T.NEXT_READY.format(number=following))}</p></div>"
        )
        return path

    def delete_all(self) -> None:
        """Delete every saved invoice (after "Ja, wis alles") and empty the form."""
        deleted = delete_invoices(self.folder)
        self._quiet = True
        try:
            for widget in self._fields():
                widget.value = None if widget is self.rate else ""
        finally:
            self._quiet = False
        self.update()
        self.delete.status.value = status_html(T.DELETED if deleted else T.NOTHING_TO_DELETE)


def _rate_label(rate: Rate) -> str:
    return T.RATE_OPTIONS[rate.value].format(pct=format_number(rate_percent(rate)))


def _started(invoice: Invoice) -> bool:
    texts = [
        invoice.seller_name,
        invoice.seller_address,
        invoice.kvk_number,
        invoice.vat_id,
        invoice.client_name,
        invoice.client_address,
        invoice.number,
        invoice.date,
        invoice.delivery_date,
    ]
    return (
        any(t.strip() for t in texts)
        or invoice.rate is not None
        or any(not line.is_empty for line in invoice.lines)
    )


def invoice_widget(folder: Path | None = None) -> None:
    """Show the factuurmaker in a lesson."""
    display(InvoiceForm(folder).box)
