"""Samira's worked btw example of lesson m3-l5, computed with the btw rate of the course year.

The lesson shows it with ``show_btw_example()``: a table and the steps, so the amounts follow
the btw fact (course/data/feiten*.toml) instead of being typed into the lesson.
"""

from __future__ import annotations

from decimal import Decimal

from IPython.display import Markdown, display

from course.messages.module3 import InvoiceExampleText as T
from course.numbers import format_number
from course.tools.invoice.model import Rate, compute_totals, rate_percent

# Samira's fictional work (a case, not a fact): description, hours, price per hour.
EXAMPLE_LINES = (
    ("Voorlichting ouderavond", Decimal("2"), Decimal("55.00")),
    ("Tolken gesprek wijkteam", Decimal("1.5"), Decimal("55.00")),
)


def _money(value: Decimal) -> str:
    return format_number(value, 2)


def btw_example_markdown() -> str:
    """The table and the five steps, in Dutch, for the general btw rate of the course year."""
    totals = compute_totals(list(EXAMPLE_LINES), Rate.HIGH)
    percent = format_number(rate_percent(Rate.HIGH))
    rows = [T.HEADER, "|---|---:|---:|---:|"]
    rows += [
        f"| {line.description} | {format_number(line.quantity)} | {_money(line.price)} | "
        f"{_money(line.amount)} |"
        for line in totals.lines
    ]
    rows.append(T.ROW_SUBTOTAL.format(amount=_money(totals.subtotal)))
    rows.append(T.ROW_VAT.format(percent=percent, amount=_money(totals.vat)))
    rows.append(T.ROW_TOTAL.format(amount=_money(totals.total)))
    exact = totals.subtotal * totals.percent / 100
    last = totals.lines[-1]
    steps = [
        T.STEP_LINE.format(
            quantity=format_number(last.quantity),
            price=_money(last.price),
            amount=_money(last.amount),
        ),
        T.STEP_SUBTOTAL.format(amount=_money(totals.subtotal)),
        T.STEP_PERCENT.format(percent=percent, exact=format_number(exact.normalize())),
        (T.STEP_ROUND if exact != totals.vat else T.STEP_NO_ROUND).format(
            amount=_money(totals.vat)
        ),
        T.STEP_TOTAL.format(amount=_money(totals.total)),
    ]
    numbered = "\n".join(f"{n}. {step}" for n, step in enumerate(steps, start=1))
    return (
        f"{T.INTRO.format(percent=percent)}\n\n"
        + "\n".join(rows)
        + (f"\n\n{T.STEPS_TITLE}\n\n{numbered}\n")
    )


def show_btw_example() -> None:
    """Show the worked example in a lesson."""
    display(Markdown(btw_example_markdown()))
