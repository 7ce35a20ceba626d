"""Read and write numbers the Dutch way (12,50 and 1.234,50), as learners type them.

This module is the one owner of Dutch notation in the course: numbers, euro amounts,
percentages, dates and month names. Reading is forgiving (a euro sign, spaces, a ``%``) but
never guesses: ``2,000`` can be two thousand (English habit) or two (Dutch), so
``parse_number`` refuses it and ``parse_number_strict`` says why and what to ask::

    parse_number("€ 1.234,50")         # 1234.5
    parse_number("35,7 %")             # 35.7
    reading = parse_number_strict("2,000")
    reading.value                      # None: it is ambiguous
    reading.ambiguous.readings         # (2000.0, 2.0)
    reading.question                   # "Bedoel je 2.000 of 2? Typ 2.000 voor tweeduizend, ..."
    format_euro(1234.5)                # "€ 1.234,50"
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from course.messages import common as msg

_THOUSANDS_DOTS = re.compile(r"^\d{1,3}(\.\d{3})+$")
# A comma followed by exactly three digits, and no other separator: "2,000", "12,500".
# A leading zero ("0,500") cannot be a thousands group, so that is plainly a decimal.
_AMBIGUOUS = re.compile(r"^[1-9]\d{0,2},\d{3}$")
_PLAIN = re.compile(r"\d+(\.\d*)?|\.\d+")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Ambiguity:
    """Two readings of one typed number: thousands separator or decimal comma."""

    thousands: float
    decimal: float

    @property
    def readings(self) -> tuple[float, float]:
        """Both readings, the thousands one first: ``(2000.0, 2.0)``."""
        return (self.thousands, self.decimal)

    @property
    def question(self) -> str:
        """A Dutch question that lets the learner choose by typing again."""
        decimal = format_number(self.decimal)
        # "12,345" read as a decimal is written the same way again; a trailing zero is not.
        typed = decimal if not _AMBIGUOUS.match(decimal.lstrip("-")) else decimal + "0"
        return msg.AMBIGUOUS_NUMBER.format(
            thousands=format_number(self.thousands),
            decimal=decimal,
            thousands_words=number_words(self.thousands),
            decimal_typed=typed,
            decimal_words=number_words(self.decimal),
        )


@dataclass(frozen=True)
class NumberReading:
    """What a learner typed, read as a number.

    ``value`` is the number, or ``None`` when the text is not a number or is ambiguous;
    ``ambiguous`` then holds both readings and ``question`` what to ask. ``percent`` is true
    when the text had a ``%`` sign (``"35,7%"`` reads as 35.7).
    """

    text: str
    value: float | None
    ambiguous: Ambiguity | None = None
    percent: bool = False

    @property
    def ok(self) -> bool:
        """Whether there is one clear number."""
        return self.value is not None

    @property
    def question(self) -> str | None:
        """The Dutch question for an ambiguous number (``None`` otherwise)."""
        return self.ambiguous.question if self.ambiguous else None


def _clean(text: str) -> tuple[float, str, bool]:
    """Sign, digits-and-separators, and whether a ``%`` was there."""
    cleaned = str(text).strip().replace("€", "").replace("\u00a0", "").replace(" ", "")
    cleaned = cleaned.replace("\u2212", "-")
    percent = cleaned.endswith("%") or cleaned.startswith("%")
    if percent:
        cleaned = cleaned.strip("%")
    sign = -1.0 if cleaned.startswith("-") else 1.0
    if cleaned[:1] in ("+", "-"):
        cleaned = cleaned[1:]
    return sign, cleaned, percent


def _canonical(body: str, comma_is_decimal: bool = True) -> str | None:
    """``"1.234,5"`` → ``"1234.5"``: the plain form of the digits, or ``None``."""
    if not body:
        return None
    if "," in body:
        if body.count(",") > 1:
            return None
        whole, _, fraction = body.partition(",")
        if "." in whole and not _THOUSANDS_DOTS.match(whole):
            return None
        body = whole.replace(".", "") + "." + fraction
    elif _THOUSANDS_DOTS.match(body):
        body = body.replace(".", "")
    return body if _PLAIN.fullmatch(body) else None


def parse_number_strict(text: str) -> NumberReading:
    """Read a number the Dutch way and say so when it is ambiguous (``2,000``, ``1,500``).

    Accepts a decimal comma or point, dots or spaces as thousands separators, a euro sign,
    a ``%`` before or after, and a minus sign. Never raises.
    """
    sign, body, percent = _clean(text)
    canonical = _canonical(body)
    if canonical is None:
        return NumberReading(str(text), None, percent=percent)
    if _AMBIGUOUS.match(body):
        ambiguity = Ambiguity(sign * float(body.replace(",", "")), sign * float(canonical))
        return NumberReading(str(text), None, ambiguity, percent)
    return NumberReading(str(text), sign * float(canonical), percent=percent)


def parse_number(text: str) -> float | None:
    """Return the number a learner typed, or ``None`` when it is not one clear number.

    ``"€ 1.234,50"`` → 1234.5, ``"12,5"`` → 12.5, ``"1.234"`` → 1234, ``"1.5"`` → 1.5,
    ``"35,7 %"`` → 35.7. Ambiguous text (``"2,000"``) gives ``None``, so nothing is saved
    silently wrong; use ``parse_number_strict`` to ask the learner which was meant.
    """
    return parse_number_strict(text).value


def read_number(text: str) -> float | None:
    """The number a learner typed in an answer field; ``None`` when the field is empty.

    Raises ``ValueError`` with the Dutch sentence to show: the question for an ambiguous
    ``2,000``, or that the text is not a number.
    """
    if not text.strip():
        return None
    reading = parse_number_strict(text)
    if reading.ambiguous is not None:
        raise ValueError(reading.ambiguous.question)
    if reading.value is None:
        raise ValueError(msg.NOT_A_NUMBER.format(text=text.strip()))
    return reading.value


def parse_decimal(text: str) -> Decimal | None:
    """An exact ``Decimal`` for amounts of money; the comma is always the decimal comma.

    ``"1.234,50"`` → ``Decimal("1234.50")``, ``"10,005"`` → ``Decimal("10.005")`` (so a
    price check can say it has too many decimals). ``None`` when it is not a number.
    """
    sign, body, _ = _clean(text)
    canonical = _canonical(body)
    if canonical is None:
        return None
    value = Decimal(canonical if not canonical.startswith(".") else "0" + canonical)
    return -value if sign < 0 else value


def _group(digits: str) -> str:
    """``"1234567"`` → ``"1.234.567"``."""
    return f"{int(digits):,}".replace(",", ".")


def format_number(value: float | Decimal, decimals: int | None = None) -> str:
    """Dutch notation: 1234.5 → ``1.234,5``; 12.0 → ``12``; with ``decimals=2``: ``12,00``.

    Without ``decimals`` there are no needless zeros (at most 6 decimals for a float, all of
    them for a ``Decimal``); with ``decimals`` the value is rounded half up to that many.
    """
    if decimals is not None:
        exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
        text = f"{exact:f}"
    elif isinstance(value, Decimal):
        text = f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"
        text = text.rstrip("0").rstrip(".") if "." in text else text
    elif value == int(value) and abs(value) < 1e15:
        text = str(int(value))
    else:
        text = f"{value:.6f}".rstrip("0").rstrip(".")
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    if sign and not (whole.strip("0") or fraction.strip("0")):
        sign = ""  # "-0" and "-0,00" are just 0
    return sign + _group(whole) + ("," + fraction if fraction else "")


def format_euro(value: float | Decimal, *, always_cents: bool = True) -> str:
    """An amount of money the Dutch way, rounded half up to cents: ``€ 1.234,50``.

    With ``always_cents=False`` a whole amount has no cents: ``€ 24.000``, but ``€ 50,90``.
    """
    cents = Decimal(str(value)).quantize(CENT, ROUND_HALF_UP)
    if not always_cents and cents == cents.to_integral():
        return f"€ {format_number(int(cents))}"
    return f"€ {format_number(cents, decimals=2)}"


def format_date(day: dt.date) -> str:
    """A date as learners write it: ``15-03-2026``."""
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


def format_day_month(day: dt.date) -> str:
    """A day and its Dutch month name: ``23 november``."""
    return f"{day.day} {msg.MONTHS[day.month - 1]}"


def _words_below_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    words = ""
    if hundreds:
        words = ("" if hundreds == 1 else msg.NUMBER_WORDS[hundreds]) + msg.HUNDRED
    if rest < 20:
        return words + (msg.NUMBER_WORDS[rest] if rest or not words else "")
    tens, unit = divmod(rest, 10)
    if not unit:
        return words + msg.TENS_WORDS[tens]
    unit_word = msg.NUMBER_WORDS[unit]
    joint = msg.TENS_AND_AFTER_E if unit_word.endswith("e") else msg.TENS_AND
    return words + unit_word + joint + msg.TENS_WORDS[tens]


def _whole_words(n: int) -> str:
    if n == 1:
        return msg.ONE_ALONE
    thousands, rest = divmod(n, 1000)
    if not thousands:
        return _words_below_thousand(rest)
    words = ("" if thousands == 1 else _words_below_thousand(thousands)) + msg.THOUSAND
    return words + (" " + _words_below_thousand(rest) if rest else "")


def number_words(value: float) -> str:
    """A number below a million in Dutch words: 2000 → ``tweeduizend``, 1.5 → ``één komma vijf``.

    The digits after the comma are read one by one (``12,345`` → ``twaalf komma drie vier
    vijf``), as people read them aloud to avoid confusion.
    """
    text = format_number(abs(value))
    whole, _, fraction = text.replace(".", "").partition(",")
    if int(whole) >= 1_000_000:
        raise ValueError(f"number_words only reads numbers below a million, not {value}")
    words = [msg.MINUS_WORD] if value < 0 else []
    words.append(_whole_words(int(whole)))
    if fraction:
        words.append(msg.COMMA_WORD)
        words.extend(_whole_words(int(digit)) for digit in fraction)
    return " ".join(words)
