"""Factuurmaker: make, check and save a simple invoice (lesson m3-l5 "Facturen maken").

The learner fills in seller, client, invoice number, dates, work lines and a btw choice
(21 %, 9 %, 0 % or the KOR). The logic lives in pure functions::

    invoice = Invoice(seller_name="Samira", ..., lines=(InvoiceLine("Tolken", "2", "55"),),
                      rate=Rate.HIGH)
    result = check_invoice(invoice, previous_numbers=["2026-001"])
    result.problems      # every missing or wrong element, in Dutch; empty when correct
    result.totals        # subtotal, btw and total as Decimal, rounded to cents
    render_html(invoice) # the invoice as escaped HTML
    render_pdf(invoice)  # the invoice as PDF bytes (fpdf2, DejaVu fonts from matplotlib)
    save_invoice(invoice)  # → learner_home()/facturen/factuur-<number>.pdf (+ .json)

Invoices are saved only in the learner's private folder (``learner_home() / "facturen"``),
never next to the notebook, so they are not handed in with an assignment. A lesson cell
shows the form with ``invoice_widget()``.

Rules (facts-2026 3.10, art. 35a Wet OB): name and address of seller and client,
KVK-nummer, btw-identificatienummer, invoice date, a unique sequential number, description
and quantity, delivery date, amount without btw, the btw rate and the btw amount. Under the
KOR (3.7) the invoice shows no btw but a note why. Btw is computed over the subtotal and
rounded half up to whole cents; each line amount is rounded the same way.
"""

from __future__ import annotations

import base64
import html
import os
import re
import tempfile
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import Enum
from functools import cache
from pathlib import Path

import ipywidgets as widgets
import matplotlib
from fpdf import FPDF
from IPython.display import display

from course.facts import fact
from course.messages import InvoiceText
from course.numbers import parse_number
from course.storage import learner_home
from course.storage import UnreadableFile, read_object, write_object

T = InvoiceText

FOLDER_NAME = "facturen"
MAX_LINES = 10
MAX_NUMBER_LENGTH = 30
MAX_AMOUNT = Decimal("10000000")
CENT = Decimal("0.01")
EXAMPLE_NUMBER = "2026-001"
FONTS = Path(matplotlib.get_data_path()) / "fonts" / "ttf"  # DejaVu, as keurmerk/pdf.py


# --- facts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FactValue:
    value: object
    source: str


@cache
def _facts() -> dict[str, FactValue]:
    """The facts this tool needs, each with its source URL (from course/data/feiten.toml)."""
    keys = (
        "btw.tarief_algemeen",
        "btw.tarief_laag",
        "btw.tarief_nul",
        "kor.omzetgrens",
        "factuur.wetsartikel",
    )
    found = {}
    for key in keys:
        item = fact(key)
        found[key] = FactValue(item.value, item.source)
    return found


class Rate(Enum):
    """The btw choice on the invoice."""

    HIGH = "high"
    LOW = "low"
    ZERO = "zero"
    KOR = "kor"


_RATE_KEYS = {
    Rate.HIGH: "btw.tarief_algemeen",
    Rate.LOW: "btw.tarief_laag",
    Rate.ZERO: "btw.tarief_nul",
}


def rate_percent(rate: Rate) -> Decimal:
    """The btw percentage of a rate from the facts data (0 under the KOR)."""
    if rate is Rate.KOR:
        return Decimal(0)
    return Decimal(str(_facts()[_RATE_KEYS[rate]].value))


def kor_limit() -> Decimal:
    """The KOR turnover limit per calendar year (facts-2026 3.7)."""
    return Decimal(str(_facts()["kor.omzetgrens"].value))


def sources() -> list[str]:
    """Source URLs of the rules and rates the tool uses."""
    return list(dict.fromkeys(item.source for item in _facts().values()))


# --- numbers and money -------------------------------------------------------------------


def parse_amount(text: str) -> Decimal | None:
    """A number typed the Dutch way as an exact Decimal (``"1.234,50"`` → 1234.50).

    Returns ``None`` for empty text; raises ``ValueError`` when the text is not a number.
    """
    text = (text or "").strip()
    if not text:
        return None
    number = parse_number(text)
    if number is None:
        raise ValueError(text)
    try:
        return Decimal(str(number))
    except InvalidOperation as error:  # pragma: no cover - parse_number already checked
        raise ValueError(text) from error


def cents(value: Decimal) -> Decimal:
    """Round to whole cents, half up (0,105 → 0,11), as on a Dutch invoice."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def money(value: Decimal) -> str:
    """An amount the Dutch way: ``€ 1.234,50``."""
    text = f"{cents(value):,.2f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"€ {text}"


def dutch_number(value: Decimal) -> str:
    """A quantity without needless zeros: 1.50 → ``1,5``, 1234 → ``1.234``."""
    text = f"{value.normalize():,f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return text


# --- the invoice -------------------------------------------------------------------------


@dataclass(frozen=True)
class InvoiceLine:
    """One line of work as typed: description, quantity and price per unit (without btw)."""

    description: str = ""
    quantity: str = ""
    price: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.description.strip() or self.quantity.strip() or self.price.strip())


@dataclass(frozen=True)
class Invoice:
    """An invoice as the learner typed it (all text, so the check can name every problem)."""

    seller_name: str = ""
    seller_address: str = ""
    kvk_number: str = ""
    vat_id: str = ""
    client_name: str = ""
    client_address: str = ""
    number: str = ""
    date: str = ""
    delivery_date: str = ""
    lines: tuple[InvoiceLine, ...] = ()
    rate: Rate | None = None
    iban: str = ""


@dataclass(frozen=True)
class PricedLine:
    description: str
    quantity: Decimal
    price: Decimal
    amount: Decimal


@dataclass(frozen=True)
class Totals:
    """The amounts of an invoice, all rounded to cents."""

    lines: tuple[PricedLine, ...]
    subtotal: Decimal
    percent: Decimal
    vat: Decimal
    total: Decimal


@dataclass(frozen=True)
class CheckResult:
    """What the check found: problems (must be fixed), notes (good to know), the totals."""

    problems: tuple[str, ...]
    notes: tuple[str, ...] = ()
    totals: Totals | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def compute_totals(lines: list[tuple[str, Decimal, Decimal]], rate: Rate) -> Totals:
    """Subtotal, btw and total for priced lines ``(description, quantity, price)``.

    Each line amount is quantity × price rounded to cents; btw is the percentage of the
    subtotal, rounded to cents; the total is subtotal + btw.
    """
    priced = tuple(PricedLine(d, q, p, cents(q * p)) for d, q, p in lines)
    subtotal = sum((line.amount for line in priced), Decimal("0.00"))
    percent = rate_percent(rate)
    vat = cents(subtotal * percent / 100)
    return Totals(priced, subtotal, percent, vat, subtotal + vat)


def parse_date(text: str) -> date | None:
    """A date typed as ``15-03-2026`` (also with / or .) or ``2026-03-15``; ``None`` if not."""
    text = (text or "").strip()
    match = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text)
    try:
        if match:
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
        match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if match:
            year, month, day = (int(part) for part in match.groups())
            return date(year, month, day)
    except ValueError:
        return None
    return None


def dutch_date(value: date) -> str:
    return f"{value.day:02d}-{value.month:02d}-{value.year}"


def clean_kvk(text: str) -> str:
    return re.sub(r"[\s.]", "", text or "")


def clean_vat_id(text: str) -> str:
    return re.sub(r"[\s.]", "", text or "").upper()


# --- invoice numbers ---------------------------------------------------------------------

_NUMBER_PARTS = re.compile(r"^(.*?)(\d+)$")
_NUMBER_CHARACTERS = re.compile(r"^[A-Za-z0-9/-]+$")


def number_parts(number: str) -> tuple[str, int, int] | None:
    """``"2026-007"`` → ``("2026-", 7, 3)``: series prefix, sequence number, digit count."""
    match = _NUMBER_PARTS.match((number or "").strip())
    if not match:
        return None
    return match.group(1).upper(), int(match.group(2)), len(match.group(2))


def next_number(previous: list[str], example: str = EXAMPLE_NUMBER) -> str:
    """The number after the highest previous number (in the series of the last one)."""
    parsed = [(p, number_parts(p)) for p in previous]
    parsed = [(p, parts) for p, parts in parsed if parts]
    if not parsed:
        return example
    last_text, (prefix, _, width) = parsed[-1]
    series = [parts[1] for _, parts in parsed if parts[0] == prefix]
    original_prefix = _NUMBER_PARTS.match(last_text.strip()).group(1)
    return f"{original_prefix}{max(series) + 1:0{width}d}"


def check_number(number: str, previous: list[str]) -> tuple[list[str], list[str]]:
    """Problems and notes for an invoice number, given the numbers already used (in order)."""
    number = (number or "").strip()
    if not number:
        return [T.NUMBER_MISSING], []
    if len(number) > MAX_NUMBER_LENGTH:
        return [T.NUMBER_TOO_LONG.format(max=MAX_NUMBER_LENGTH)], []
    if not _NUMBER_CHARACTERS.match(number):
        return [T.NUMBER_BAD_CHARACTERS], []
    parts = number_parts(number)
    if parts is None:
        return [T.NUMBER_NO_DIGITS.format(example=next_number(previous))], []
    used = {p.strip().upper() for p in previous}
    if number.upper() in used:
        return [T.NUMBER_USED.format(number=number, next=next_number(previous))], []
    prefix, sequence, _ = parts
    series = [(p, number_parts(p)) for p in previous]
    series = [(p, q[1]) for p, q in series if q and q[0] == prefix]
    if not series:
        return [], []
    last_text, last = max(series, key=lambda item: item[1])
    if sequence <= last:
        following = next_number([p for p, _ in series])
        return [T.NUMBER_LOWER.format(last=last_text, next=following)], []
    if sequence > last + 1:
        following = next_number([p for p, _ in series])
        return [], [T.NOTE_GAP.format(last=last_text, next=following)]
    return [], []


# --- the check ---------------------------------------------------------------------------


def _priced_lines(invoice: Invoice) -> tuple[list[tuple[str, Decimal, Decimal]], list[str]]:
    lines: list[tuple[str, Decimal, Decimal]] = []
    problems: list[str] = []
    filled = [(n, line) for n, line in enumerate(invoice.lines, start=1) if not line.is_empty]
    if not filled:
        return [], [T.NO_LINES]
    for n, line in filled:
        before = len(problems)
        if not line.description.strip():
            problems.append(T.LINE_DESCRIPTION_MISSING.format(n=n))
        values = []
        for text, missing in (
            (line.quantity, T.LINE_QUANTITY_MISSING),
            (line.price, T.LINE_PRICE_MISSING),
        ):
            try:
                value = parse_amount(text)
            except ValueError:
                problems.append(T.LINE_NOT_A_NUMBER.format(n=n, text=text.strip()))
                value = None
            else:
                if value is None:
                    problems.append(missing.format(n=n))
            values.append(value)
        quantity, price = values
        if quantity is not None and quantity <= 0:
            problems.append(T.LINE_QUANTITY_NOT_POSITIVE.format(n=n))
        if price is not None and price < 0:
            problems.append(T.LINE_PRICE_NEGATIVE.format(n=n))
        if price is not None and price != price.quantize(CENT):
            problems.append(T.LINE_PRICE_CENTS.format(n=n))
        if any(v is not None and abs(v) >= MAX_AMOUNT for v in values):
            problems.append(T.LINE_TOO_LARGE.format(n=n))
        if len(problems) == before:
            lines.append((line.description.strip(), quantity, price))
    return lines, problems


def check_invoice(invoice: Invoice, previous_numbers: list[str] = ()) -> CheckResult:
    """Check an invoice against the rules; name every missing or wrong element in Dutch.

    ``previous_numbers`` are the numbers of invoices already made, oldest first; the new
    number must not be one of them and must come after them in its series.
    """
    problems: list[str] = []
    notes: list[str] = []
    kor = invoice.rate is Rate.KOR

    if not invoice.seller_name.strip():
        problems.append(T.SELLER_NAME_MISSING)
    if not invoice.seller_address.strip():
        problems.append(T.SELLER_ADDRESS_MISSING)
    kvk = clean_kvk(invoice.kvk_number)
    if not kvk:
        problems.append(T.KVK_MISSING)
    elif not re.fullmatch(r"\d{8}", kvk):
        problems.append(T.KVK_WRONG)
    vat_id = clean_vat_id(invoice.vat_id)
    if not vat_id:
        if not kor:
            problems.append(T.VAT_ID_MISSING)
    elif not re.fullmatch(r"NL\d{9}B\d{2}", vat_id):
        problems.append(T.VAT_ID_WRONG)
    if not invoice.client_name.strip():
        problems.append(T.CLIENT_NAME_MISSING)
    if not invoice.client_address.strip():
        problems.append(T.CLIENT_ADDRESS_MISSING)

    number_problems, number_notes = check_number(invoice.number, list(previous_numbers))
    problems += number_problems
    notes += number_notes

    for text, missing, wrong in (
        (invoice.date, T.DATE_MISSING, T.DATE_WRONG),
        (invoice.delivery_date, T.DELIVERY_MISSING, T.DELIVERY_WRONG),
    ):
        if not text.strip():
            problems.append(missing)
        elif parse_date(text) is None:
            problems.append(wrong.format(text=text.strip()))

    lines, line_problems = _priced_lines(invoice)
    problems += line_problems

    if invoice.rate is None:
        problems.append(T.RATE_MISSING)

    totals = None
    if lines and not line_problems and invoice.rate is not None:
        totals = compute_totals(lines, invoice.rate)
        if kor and totals.subtotal > kor_limit():
            problems.append(T.KOR_TURNOVER.format(limit=money(kor_limit())))
    if invoice.rate is Rate.ZERO:
        notes.append(T.NOTE_ZERO.format(pct=dutch_number(rate_percent(Rate.ZERO))))
    if kor:
        notes.append(T.NOTE_KOR.format(limit=money(kor_limit())))
    return CheckResult(tuple(problems), tuple(notes), totals)


class InvoiceError(ValueError):
    """The invoice cannot be rendered or saved; ``problems`` says why, in Dutch."""

    def __init__(self, problems):
        super().__init__(" ".join(problems))
        self.problems = tuple(problems)


def _checked(invoice: Invoice, previous_numbers=()) -> Totals:
    result = check_invoice(invoice, previous_numbers)
    if not result.ok:
        raise InvoiceError(result.problems)
    return result.totals


# --- rendering ---------------------------------------------------------------------------


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
        (T.DATE, dutch_date(parse_date(invoice.date))),
        (T.DELIVERY, dutch_date(parse_date(invoice.delivery_date))),
    ]


def _sum_rows(totals: Totals, rate: Rate) -> list[tuple[str, str]]:
    if rate is Rate.KOR:
        return [(T.TOTAL, money(totals.total))]
    return [
        (T.SUBTOTAL, money(totals.subtotal)),
        (T.VAT_LINE.format(pct=dutch_number(totals.percent)), money(totals.vat)),
        (T.TOTAL, money(totals.total)),
    ]


NUM = " class='num' style='text-align:right'"


def render_html(invoice: Invoice, previous_numbers=()) -> str:
    """A correct invoice as HTML; every value is escaped. Raises ``InvoiceError`` if not ok."""
    totals = _checked(invoice, previous_numbers)
    e = html.escape

    def dl(rows):
        return "".join(
            f"<tr><th scope='row' style='text-align:left'>{e(label)}</th><td>{e(value)}</td></tr>"
            for label, value in rows
        )

    lines = "".join(
        f"<tr><td>{e(line.description)}</td><td{NUM}>{e(dutch_number(line.quantity))}</td>"
        f"<td{NUM}>{e(money(line.price))}</td><td{NUM}>{e(money(line.amount))}</td>"
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
    totals = _checked(invoice, previous_numbers)
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
                    dutch_number(line.quantity),
                    money(line.price),
                    money(line.amount),
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


# --- saving (only in the learner's private folder) ---------------------------------------


def invoice_folder() -> Path:
    """Where invoices are kept: ``learner_home() / "facturen"`` (private, never handed in)."""
    return learner_home() / FOLDER_NAME


def file_stem(number: str) -> str:
    """A safe file name for an invoice number: ``2026/001`` → ``factuur-2026-001``."""
    safe = re.sub(r"[^A-Za-z0-9-]+", "-", number.strip()).strip("-")
    return f"factuur-{safe or 'zonder-nummer'}"


def previous_numbers(folder: Path | None = None) -> list[str]:
    """Numbers of the invoices saved before, oldest first (unreadable files are skipped)."""
    folder = folder or invoice_folder()
    records = []
    for path in sorted(folder.glob("factuur-*.json")) if folder.is_dir() else ():
        try:
            data = read_object(path)
        except UnreadableFile:
            continue
        if isinstance(data.get("number"), str):
            records.append((str(data.get("saved", "")), data["number"]))
    return [number for _, number in sorted(records)]


def _write_bytes(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_invoice(invoice: Invoice, folder: Path | None = None) -> Path:
    """Check, then save the invoice as PDF plus a JSON record; return the PDF path.

    The number must be new and follow the saved ones. Raises ``InvoiceError`` otherwise.
    """
    folder = folder or invoice_folder()
    previous = previous_numbers(folder)
    totals = _checked(invoice, previous)
    stem = file_stem(invoice.number)
    pdf_path, json_path = folder / f"{stem}.pdf", folder / f"{stem}.json"
    if json_path.exists() or pdf_path.exists():
        raise InvoiceError(
            [T.NUMBER_USED.format(number=invoice.number.strip(), next=next_number(previous))]
        )
    pdf = render_pdf(invoice, previous)
    folder.mkdir(parents=True, exist_ok=True)
    record = asdict(invoice)
    record["rate"] = invoice.rate.value
    record["number"] = invoice.number.strip()
    record["subtotal"] = str(totals.subtotal)
    record["vat"] = str(totals.vat)
    record["total"] = str(totals.total)
    record["saved"] = datetime.now().isoformat(timespec="microseconds")
    _write_bytes(pdf_path, pdf)
    write_object(json_path, record)
    return pdf_path


# --- the widget --------------------------------------------------------------------------

EXAMPLE = Invoice(
    seller_name="Samira Tolk en Voorlichting",
    seller_address="Voorbeeldstraat 12, 3071 AB Rotterdam",
    kvk_number="12345678",
    vat_id="NL123456789B01",
    client_name="Stichting Buurtkracht",
    client_address="Pleinweg 5, 3083 AA Rotterdam",
    number="",
    date="20-03-2026",
    delivery_date="",
    lines=(
        InvoiceLine("Voorlichting ouderavond in het Arabisch (uren)", "2", "55,00"),
        InvoiceLine("Tolken bij gesprek met het wijkteam (uren)", "1,5", "55,00"),
    ),
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
        style = {"description_width": "14em"}
        wide = widgets.Layout(width="36em")

        def text(label, placeholder=""):
            return widgets.Text(
                description=label,
                placeholder=placeholder,
                continuous_update=False,
                style=style,
                layout=wide,
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
                (T.RATE_OPTIONS[r.value].format(pct=dutch_number(rate_percent(r))), r) for r in Rate
            ],
            value=None,
            description=T.LABEL_RATE,
            style=style,
            layout=widgets.Layout(width="auto"),
        )
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

        self._quiet = False
        for _ in range(2):
            self.add_line(update=False)
        for widget in self._fields():
            widget.observe(self.update, names="value")

        def heading(text_):
            return widgets.HTML(f"<h3>{html.escape(text_)}</h3>")

        info = " ".join(
            [
                f"<p><strong>{html.escape(T.TITLE)}</strong></p>",
                f"<p>{html.escape(T.INTRO)} <strong>{html.escape(T.DISCLAIMER)}</strong></p>",
                f"<p>{html.escape(T.PRIVATE.format(folder=self.folder))}</p>",
            ]
        )
        self.box = widgets.VBox(
            [
                widgets.HTML(info),
                self.example_button,
                heading(T.SECTION_SELLER),
                self.seller_name,
                self.seller_address,
                self.kvk_number,
                self.vat_id,
                self.iban,
                heading(T.SECTION_CLIENT),
                self.client_name,
                self.client_address,
                heading(T.SECTION_INVOICE),
                self.number,
                self.date,
                self.delivery_date,
                heading(T.SECTION_LINES),
                self.lines_box,
                self.add_line_button,
                heading(T.SECTION_RATE),
                self.rate,
                self.result,
                self.save_button,
                self.saved,
                widgets.HTML(_footer_html()),
            ]
        )
        self.box.add_class("sp-invoice-maker")
        self.update()

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
            items = "".join(f"<li>{html.escape(p)}</li>" for p in error.problems)
            self.saved.value = (
                f'<div role="status"><p>{html.escape(T.NOT_SAVED)}</p><ul>{items}</ul></div>'
            )
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


def _footer_html() -> str:
    e = html.escape
    items = "".join(f"<li>{e(text)}</li>" for text in T.ASSUMPTIONS)
    links = ", ".join(
        f'<a href="{e(url, quote=True)}" target="_blank" rel="noopener">{e(url)}</a>'
        for url in sources()
    )
    return (
        f"<details><summary>{e(T.ASSUMPTIONS_TITLE)}</summary><ul>{items}</ul>"
        f"<p>{e(T.LAW.format(law=_facts()['factuur.wetsartikel'].value))}</p>"
        f"<p>{e(T.SOURCES).replace('{sources}', links)}</p>"
        f"<p>{e(T.DISCLAIMER)}</p></details>"
    )


def invoice_widget(folder: Path | None = None) -> None:
    """Show the factuurmaker in a lesson."""
    display(InvoiceForm(folder).box)


__all__ = [
    "EXAMPLE",
    "CheckResult",
    "Invoice",
    "InvoiceError",
    "InvoiceForm",
    "InvoiceLine",
    "Rate",
    "Totals",
    "check_invoice",
    "compute_totals",
    "invoice_widget",
    "next_number",
    "previous_numbers",
    "render_html",
    "render_pdf",
    "save_invoice",
]
