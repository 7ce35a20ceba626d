"""The invoice itself (lesson m3-l5 "Facturen maken"): what the learner typed, and its check.

The logic lives in pure functions::

    invoice = Invoice(seller_name="Samira", ..., lines=(InvoiceLine("Tolken", "2", "55"),),
                      rate=Rate.HIGH)
    result = check_invoice(invoice, previous_numbers=["2026-001"])
    result.problems      # every missing or wrong element, in Dutch; empty when correct
    result.totals        # subtotal, btw and total as Decimal, rounded to cents

Rules (facts-2026 3.10, art. 35a Wet OB): name and address of seller and client,
KVK-nummer, btw-identificatienummer, invoice date, a unique sequential number, description
and quantity, delivery date, amount without btw, the btw rate and the btw amount. Under the
KOR (3.7) the invoice shows no btw but a note why. Btw is computed over the subtotal and
rounded half up to whole cents; each line amount is rounded the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from functools import cache

from course.facts import course_year
from course.messages.module3 import InvoiceText as T
from course.numbers import format_euro, format_number, parse_decimal
from course.tools.known import known

MAX_LINES = 10
MAX_NUMBER_LENGTH = 30
MAX_AMOUNT = Decimal("10000000")
CENT = Decimal("0.01")
EXAMPLE_NUMBER = f"{course_year()}-001"  # the first number of this year's series


# --- facts -------------------------------------------------------------------------------


@dataclass(frozen=True)
class FactValue:
    value: object
    source: str
    year: int = 0  # the year the value is valid from
    current: bool = True  # False: the newest known value, the course year's is not known


@cache
def _facts() -> dict[str, FactValue]:
    """The facts this tool needs, each with its source URL (from course/data/feiten*.toml)."""
    keys = (
        "btw.tarief_algemeen",
        "btw.tarief_laag",
        "btw.tarief_nul",
        "kor.omzetgrens",
        "factuur.wetsartikel",
    )
    found = {}
    for key in keys:
        item = known(key)
        found[key] = FactValue(item.value, item.fact.source, item.year, item.current)
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
    """The KOR turnover limit per calendar year (facts 3.7)."""
    return Decimal(str(_facts()["kor.omzetgrens"].value))


def wet_article() -> str:
    """The article of law that lists what an invoice must show."""
    return str(_facts()["factuur.wetsartikel"].value)


def sources() -> list[str]:
    """Source URLs of the rules and rates the tool uses."""
    return list(dict.fromkeys(item.source for item in _facts().values()))


# --- numbers and money -------------------------------------------------------------------


def parse_amount(text: str) -> Decimal | None:
    """A number typed the Dutch way as an exact Decimal (``"1.234,50"`` → 1234.50).

    The comma is the decimal comma, so ``"10,005"`` is ten and a half cent, which the price
    check then names. Returns ``None`` for empty text; raises ``ValueError`` when the text is
    not a number.
    """
    text = (text or "").strip()
    if not text:
        return None
    value = parse_decimal(text)
    if value is None:
        raise ValueError(text)
    return value


def cents(value: Decimal) -> Decimal:
    """Round to whole cents, half up (0,105 → 0,11), as on a Dutch invoice."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


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
            problems.append(T.KOR_TURNOVER.format(limit=format_euro(kor_limit())))
    if invoice.rate is Rate.ZERO:
        notes.append(T.NOTE_ZERO.format(pct=format_number(rate_percent(Rate.ZERO))))
    if kor:
        notes.append(T.NOTE_KOR.format(limit=format_euro(kor_limit())))
    return CheckResult(tuple(problems), tuple(notes), totals)


class InvoiceError(ValueError):
    """The invoice cannot be rendered or saved; ``problems`` says why, in Dutch."""

    def __init__(self, problems):
        super().__init__(" ".join(problems))
        self.problems = tuple(problems)


def checked_totals(invoice: Invoice, previous_numbers=()) -> Totals:
    """The totals of a correct invoice; raises ``InvoiceError`` naming every problem."""
    result = check_invoice(invoice, previous_numbers)
    if not result.ok:
        raise InvoiceError(result.problems)
    return result.totals
