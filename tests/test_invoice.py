"""Factuurmaker: exact totals, every missing element named in Dutch, escaping, private saving."""

from __future__ import annotations

import dataclasses
import io
from decimal import Decimal

import pytest
from pypdf import PdfReader

from course.facts import course_year
from course.messages.module3 import InvoiceText
from course.numbers import format_euro, format_number
from course.tools.invoice import (
    EXAMPLE,
    Invoice,
    InvoiceError,
    InvoiceForm,
    InvoiceLine,
    Rate,
    check_invoice,
    compute_totals,
    delete_invoices,
    file_stem,
    invoice_folder,
    kor_limit,
    next_number,
    parse_amount,
    previous_numbers,
    rate_percent,
    render_html,
    render_pdf,
    save_invoice,
    sources,
)

T = InvoiceText
YEAR = course_year()
money = format_euro

GOOD = Invoice(
    seller_name="Samira Tolk en Voorlichting",
    seller_address="Voorbeeldstraat 12, 3071 AB Rotterdam",
    kvk_number="12345678",
    vat_id="NL123456789B01",
    client_name="Stichting Buurtkracht",
    client_address="Pleinweg 5, 3083 AA Rotterdam",
    number="2026-001",
    date="20-03-2026",
    delivery_date="12-03-2026",
    lines=(InvoiceLine("Tolken", "2", "55,00"), InvoiceLine("Voorlichting", "1,5", "55")),
    rate=Rate.HIGH,
)


def good(**changes) -> Invoice:
    return dataclasses.replace(GOOD, **changes)


def D(text: str) -> Decimal:
    return Decimal(text)


# --- facts and totals --------------------------------------------------------------------


def test_rates_and_kor_limit_come_from_the_facts():
    """facts-2026 3.8 (21 / 9 / 0) and 3.7 (KOR: at most 20.000 turnover a year)."""
    assert [rate_percent(r) for r in Rate] == [D("21"), D("9"), D("0"), D("0")]
    assert kor_limit() == D("20000")
    assert all(url.startswith("https://") for url in sources())


def test_good_invoice_has_no_problems_and_exact_totals():
    result = check_invoice(GOOD)
    assert result.ok and result.problems == () and result.notes == ()
    assert result.totals.subtotal == D("192.50")
    assert result.totals.vat == D("40.43")  # 192,50 × 21 % = 40,425 → half up
    assert result.totals.total == D("232.93")
    assert [line.amount for line in result.totals.lines] == [D("110.00"), D("82.50")]


@pytest.mark.parametrize(
    "rate, vat, total",
    [
        (Rate.HIGH, "21.00", "121.00"),
        (Rate.LOW, "9.00", "109.00"),
        (Rate.ZERO, "0.00", "100.00"),
        (Rate.KOR, "0.00", "100.00"),
    ],
)
def test_every_rate(rate, vat, total):
    totals = compute_totals([("Werk", D("1"), D("100.00"))], rate)
    assert (totals.vat, totals.total) == (D(vat), D(total))


@pytest.mark.parametrize(
    "quantity, price, amount, vat",
    [
        ("1", "0,50", "0.50", "0.11"),  # 0,105 → 0,11: half up, not half even
        ("1", "0,10", "0.10", "0.02"),  # 0,021 → 0,02
        ("0,333", "10,00", "3.33", "0.70"),  # 3,33 × 21 % = 0,6993
        ("3", "33,33", "99.99", "21.00"),  # 20,9979 → 21,00
        ("0,125", "1,00", "0.13", "0.03"),  # line amount 0,125 → 0,13
        ("1.000", "1.234,56", "1234560.00", "259257.60"),  # Dutch thousands dots
    ],
)
def test_rounding_to_cents_half_up(quantity, price, amount, vat):
    result = check_invoice(good(lines=(InvoiceLine("Werk", quantity, price),)))
    assert result.ok, result.problems
    assert result.totals.lines[0].amount == D(amount)
    assert result.totals.vat == D(vat)
    assert result.totals.total == D(amount) + D(vat)


def test_decimal_avoids_float_errors():
    """0,1 + 0,2 must be exactly 0,30 (a float sum would be 0.30000000000000004)."""
    lines = (InvoiceLine("a", "1", "0,10"), InvoiceLine("b", "1", "0,20"))
    totals = check_invoice(good(lines=lines)).totals
    assert totals.subtotal == D("0.30") and str(totals.subtotal) == "0.30"


def test_parse_amount_and_money_are_dutch():
    assert parse_amount("1.234,50") == D("1234.5")
    assert parse_amount("€ 55") == D("55")
    assert parse_amount("  ") is None
    with pytest.raises(ValueError):
        parse_amount("veel")
    assert money(D("1234.5")) == "€ 1.234,50"
    assert money(D("0.105")) == "€ 0,11"


# --- every missing or wrong element is named ---------------------------------------------


@pytest.mark.parametrize(
    "field, message",
    [
        ("seller_name", T.SELLER_NAME_MISSING),
        ("seller_address", T.SELLER_ADDRESS_MISSING),
        ("kvk_number", "Het KVK-nummer ontbreekt."),
        ("vat_id", T.VAT_ID_MISSING),
        ("client_name", T.CLIENT_NAME_MISSING),
        ("client_address", T.CLIENT_ADDRESS_MISSING),
        ("number", T.NUMBER_MISSING),
        ("date", T.DATE_MISSING),
        ("delivery_date", T.DELIVERY_MISSING),
    ],
)
def test_each_missing_element_is_named(field, message):
    result = check_invoice(good(**{field: "   "}))
    assert result.problems == (message,)
    assert result.totals is not None  # the sums are still shown


def test_an_empty_invoice_names_every_element():
    problems = check_invoice(Invoice(lines=(InvoiceLine(), InvoiceLine()))).problems
    expected = [
        T.SELLER_NAME_MISSING,
        T.SELLER_ADDRESS_MISSING,
        T.KVK_MISSING,
        T.VAT_ID_MISSING,
        T.CLIENT_NAME_MISSING,
        T.CLIENT_ADDRESS_MISSING,
        T.NUMBER_MISSING,
        T.DATE_MISSING,
        T.DELIVERY_MISSING,
        T.NO_LINES,
        T.RATE_MISSING,
    ]
    assert list(problems) == expected


def test_missing_rate_and_lines():
    assert check_invoice(good(rate=None)).problems == (T.RATE_MISSING,)
    assert check_invoice(good(rate=None)).totals is None
    assert check_invoice(good(lines=())).problems == (T.NO_LINES,)


@pytest.mark.parametrize(
    "line, message",
    [
        (InvoiceLine("", "2", "10"), "Regel 1: de omschrijving van het werk ontbreekt."),
        (InvoiceLine("Werk", "", "10"), "Regel 1: het aantal ontbreekt."),
        (InvoiceLine("Werk", "2", ""), "Regel 1: de prijs ontbreekt."),
        (InvoiceLine("Werk", "twee", "10"), "Regel 1: 'twee' is geen getal."),
        (InvoiceLine("Werk", "0", "10"), "Regel 1: het aantal moet groter zijn dan 0."),
        (InvoiceLine("Werk", "1", "-5"), "Regel 1: de prijs mag niet lager zijn dan 0."),
        (InvoiceLine("Werk", "1", "10,005"), "Regel 1: een prijs heeft hoogstens 2 cijfers"),
        (InvoiceLine("Werk", "1", "99999999"), "Regel 1: dit getal is te groot"),
    ],
)
def test_wrong_lines_are_named_with_their_number(line, message):
    result = check_invoice(good(lines=(line,)))
    assert len(result.problems) == 1 and result.problems[0].startswith(message)
    assert result.totals is None


def test_empty_lines_are_skipped_and_numbering_follows_the_form():
    lines = (InvoiceLine("Werk", "1", "10"), InvoiceLine(), InvoiceLine("", "1", "10"))
    assert check_invoice(good(lines=lines)).problems == (
        "Regel 3: de omschrijving van het werk ontbreekt.",
    )


@pytest.mark.parametrize("kvk", ["1234567", "123456789", "1234567a"])
def test_wrong_kvk_number(kvk):
    assert check_invoice(good(kvk_number=kvk)).problems == (T.KVK_WRONG,)


def test_kvk_number_with_spaces_is_fine():
    assert check_invoice(good(kvk_number="1234 5678")).ok


@pytest.mark.parametrize("vat_id", ["NL123456789", "123456789B01", "NL12345678B01", "DE123"])
def test_wrong_vat_id(vat_id):
    assert check_invoice(good(vat_id=vat_id)).problems == (T.VAT_ID_WRONG,)


def test_vat_id_is_read_leniently():
    assert check_invoice(good(vat_id="nl 1234.56789 b01")).ok


@pytest.mark.parametrize("text", ["31-02-2026", "2026", "morgen", "15-13-2026"])
def test_wrong_dates_are_named(text):
    assert check_invoice(good(date=text)).problems == (T.DATE_WRONG.format(text=text),)
    assert check_invoice(good(delivery_date=text)).problems == (T.DELIVERY_WRONG.format(text=text),)


@pytest.mark.parametrize("text", ["1-3-2026", "01/03/2026", "01.03.2026", "2026-03-01"])
def test_date_formats(text):
    assert check_invoice(good(date=text)).ok


# --- numbering ---------------------------------------------------------------------------


def test_number_must_be_unique_and_sequential():
    used = ["2026-001", "2026-002"]
    assert check_invoice(good(number="2026-003"), used).ok
    same = check_invoice(good(number="2026-002"), used).problems
    assert same == (
        "Het factuurnummer moet uniek en opvolgend zijn. "
        "Nummer 2026-002 heb je al gebruikt. Het volgende nummer is 2026-003.",
    )
    lower = check_invoice(good(number="2026-0001"), used).problems
    assert lower[0].startswith("Het factuurnummer moet uniek en opvolgend zijn.")
    assert "2026-002" in lower[0] and "2026-003" in lower[0]
    assert check_invoice(good(number="2026-002".lower()), used).problems == same


def test_a_gap_is_a_note_not_a_problem():
    result = check_invoice(good(number="2026-007"), ["2026-001", "2026-002"])
    assert result.ok
    assert result.notes == (T.NOTE_GAP.format(last="2026-002", next="2026-003"),)


def test_a_new_series_may_start():
    assert check_invoice(good(number="2027-001"), ["2026-001", "2026-002"]).ok


@pytest.mark.parametrize(
    "number, message",
    [
        ("factuur", "Geef het een volgnummer"),
        ("2026 001", "alleen letters, cijfers"),
        ("<b>1</b>", "alleen letters, cijfers"),
        ("1" * 31, "te lang"),
    ],
)
def test_bad_numbers(number, message):
    problems = check_invoice(good(number=number)).problems
    assert len(problems) == 1 and message in problems[0]


def test_next_number_keeps_the_series_and_width():
    assert next_number([]) == f"{YEAR}-001"  # the series of the course year
    assert next_number(["2026-009"]) == "2026-010"
    assert next_number(["F7", "F8"]) == "F9"
    assert next_number(["2026-001", "2026-002", "2027-001"]) == "2027-002"


# --- KOR and 0 % ---------------------------------------------------------------------------


def test_kor_invoice_has_no_btw_and_a_note():
    invoice = good(rate=Rate.KOR, vat_id="")
    result = check_invoice(invoice)
    assert result.ok
    assert result.totals.vat == 0 and result.totals.total == D("192.50")
    assert any("KOR" in note and "€ 20.000" in note for note in result.notes)
    page = render_html(invoice)
    assert T.KOR_NOTE in page and "Btw 21%" not in page and "btw-identificatie" not in page


def test_kor_is_impossible_above_the_turnover_limit():
    invoice = good(rate=Rate.KOR, lines=(InvoiceLine("Project", "1", "20.000,01"),))
    problems = check_invoice(invoice).problems
    assert problems == (T.KOR_TURNOVER.format(limit="€ 20.000,00"),)
    assert check_invoice(good(rate=Rate.KOR, lines=(InvoiceLine("P", "1", "20.000"),))).ok


def test_zero_rate_gets_a_note():
    result = check_invoice(good(rate=Rate.ZERO))
    assert result.ok and "export" in result.notes[0]


# --- rendering and escaping ----------------------------------------------------------------


def test_html_shows_every_required_element():
    page = render_html(good(iban="NL00BANK0123456789"))
    for text in [
        "Samira Tolk en Voorlichting",
        "Voorbeeldstraat 12",
        "12345678",
        "NL123456789B01",
        "Stichting Buurtkracht",
        "Pleinweg 5",
        "2026-001",
        "20-03-2026",
        "12-03-2026",
        "Tolken",
        "1,5",
        "€ 55,00",
        "Totaal zonder btw",
        "€ 192,50",
        "Btw 21%",
        "€ 40,43",
        "€ 232,93",
        "NL00BANK0123456789",
    ]:
        assert text in page, text


def test_html_escapes_everything_typed():
    evil = good(
        seller_name="<script>alert(1)</script>",
        client_address='"><img src=x onerror=alert(1)>',
        lines=(InvoiceLine("<b>werk</b> & meer", "1", "10"),),
        iban="<i>",
    )
    page = render_html(evil)
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<img" not in page and "&lt;img" in page
    assert "<b>werk</b>" not in page and "&lt;b&gt;werk&lt;/b&gt; &amp; meer" in page
    assert "<i>" not in page


def test_render_refuses_an_incomplete_invoice():
    with pytest.raises(InvoiceError) as error:
        render_html(good(kvk_number=""))
    assert error.value.problems == (T.KVK_MISSING,)
    with pytest.raises(InvoiceError):
        render_pdf(good(number=""))


def test_pdf_holds_the_invoice_with_dutch_characters():
    invoice = good(
        client_name="Één café – ‘Buurtkracht’", lines=(InvoiceLine("Uitleg ü ö", "1", "10"),)
    )
    data = render_pdf(invoice)
    assert data.startswith(b"%PDF")
    text = PdfReader(io.BytesIO(data)).pages[0].extract_text()
    for part in ["Factuur", "2026-001", "Één café", "Uitleg ü ö", "€ 12,10", "KVK-nummer"]:
        assert part in text, part


# --- saving in the private folder ----------------------------------------------------------


def test_saving_goes_to_the_private_folder_only(learner_home, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = save_invoice(GOOD)
    assert invoice_folder() == learner_home / "facturen"
    assert path == learner_home / "facturen" / "factuur-2026-001.pdf"
    assert path.read_bytes().startswith(b"%PDF")
    assert (learner_home / "facturen" / "factuur-2026-001.json").exists()
    assert not list(tmp_path.glob("*.pdf"))  # nothing next to the notebook
    assert previous_numbers() == ["2026-001"]


def test_saving_twice_or_out_of_order_is_refused(learner_home):
    save_invoice(GOOD)
    with pytest.raises(InvoiceError, match="uniek en opvolgend"):
        save_invoice(GOOD)
    save_invoice(good(number="2026-002"))
    with pytest.raises(InvoiceError, match="laatste factuur had nummer 2026-002"):
        save_invoice(good(number="2026-000"))
    assert previous_numbers() == ["2026-001", "2026-002"]


def test_saving_refuses_an_incomplete_invoice(learner_home):
    with pytest.raises(InvoiceError):
        save_invoice(good(client_name=""))
    assert not (learner_home / "facturen").exists()


def test_file_names_are_safe():
    assert file_stem("2026/001") == "factuur-2026-001"
    assert file_stem("../../x") == "factuur-x"


def test_unreadable_records_are_skipped(learner_home):
    folder = learner_home / "facturen"
    folder.mkdir(parents=True)
    (folder / "factuur-kapot.json").write_text("{niet", encoding="utf-8")
    assert previous_numbers() == []


# --- the widget ----------------------------------------------------------------------------


def test_form_names_what_is_missing_and_reacts_to_changes(learner_home):
    form = InvoiceForm()
    assert T.START in form.result.value
    assert "Het KVK-nummer ontbreekt." in form.result.value
    assert form.save_button.disabled
    assert str(learner_home / "facturen") in form.box.children[0].value

    form.fill(EXAMPLE)
    assert "€ 232,93" in form.result.value
    assert T.DELIVERY_MISSING in form.result.value
    assert form.number.value == f"{YEAR}-001"
    assert form.save_button.disabled

    form.delivery_date.value = "12-03-2026"
    assert T.COMPLETE in form.result.value and "Dit moet nog goed" not in form.result.value
    assert not form.save_button.disabled

    form.kvk_number.value = ""
    assert "Het KVK-nummer ontbreekt." in form.result.value
    assert form.save_button.disabled
    form.kvk_number.value = "12345678"

    form.rate.value = Rate.LOW
    assert "€ 17,33" in form.result.value  # 192,50 × 9 % = 17,325 → 17,33


def test_form_saves_and_prepares_the_next_number(learner_home):
    form = InvoiceForm()
    form.fill(dataclasses.replace(EXAMPLE, delivery_date="12-03-2026"))
    path = form.save()
    assert path == learner_home / "facturen" / f"factuur-{YEAR}-001.pdf"
    assert form.number.value == f"{YEAR}-002"
    assert "Bewaard" in form.saved.value and "data:application/pdf;base64," in form.saved.value
    assert T.COMPLETE in form.result.value  # the next number is valid straight away


def test_form_shows_why_saving_failed(learner_home):
    form = InvoiceForm()
    form.fill(dataclasses.replace(EXAMPLE, delivery_date="12-03-2026"))
    save_invoice(form.read())  # saved elsewhere in the meantime
    assert form.save() is None
    assert T.NOT_SAVED in form.saved.value


def test_form_lines_can_be_added_up_to_a_maximum():
    form = InvoiceForm()
    for _ in range(20):
        form.add_line()
    assert len(form.lines) == 10 and form.add_line_button.disabled
    form.lines[9].description.value = "Extra"
    assert "Regel 10: het aantal ontbreekt." in form.result.value


def test_every_input_has_a_label():
    form = InvoiceForm()
    fields = form._fields()
    assert fields and all(field.description for field in fields)
    assert all(b.description for b in (form.save_button, form.add_line_button, form.example_button))


def test_footer_shows_assumptions_sources_and_disclaimer():
    form = InvoiceForm()
    footer = form.box.children[-1].value
    assert T.DISCLAIMER in footer and "geen belastingadvies" in footer
    assert all(url in footer for url in sources())
    assert "artikel 35a Wet op de omzetbelasting 1968" in footer


# --- "Wis mijn gegevens" -------------------------------------------------------------------


def _files(home):
    return sorted(p.relative_to(home).as_posix() for p in home.rglob("*") if p.is_file())


def test_delete_asks_first_and_then_removes_every_saved_invoice(learner_home):
    """Does "Wis mijn gegevens" ask first, remove PDFs and records, and empty the form?"""
    save_invoice(GOOD)
    form = InvoiceForm()
    form.fill(dataclasses.replace(EXAMPLE, delivery_date="12-03-2026"))
    form.save()
    assert len(_files(learner_home)) == 4
    form.delete.button.click()
    assert form.delete.confirm.layout.display is None
    assert "Weet je het zeker?" in form.delete.question.value
    form.delete.no.click()
    assert len(_files(learner_home)) == 4  # "Nee, toch niet" keeps the invoices
    assert "niets gewist" in form.delete.status.value
    form.delete.button.click()
    form.delete.yes.click()
    assert _files(learner_home) == []
    assert T.DELETED in form.delete.status.value
    assert all(field.value in ("", None) for field in form._fields())
    assert T.START in form.result.value and form.save_button.disabled
    assert previous_numbers() == []
    form.fill(EXAMPLE)
    assert form.number.value == f"{YEAR}-001"  # numbering starts again


def test_delete_leaves_other_private_files_alone(learner_home):
    save_invoice(GOOD)
    (learner_home / "facturen" / "notities.txt").write_text("eigen", encoding="utf-8")
    (learner_home / "urenregistratie.json").write_text("{}", encoding="utf-8")
    deleted = delete_invoices()
    assert sorted(p.name for p in deleted) == ["factuur-2026-001.json", "factuur-2026-001.pdf"]
    assert _files(learner_home) == ["facturen/notities.txt", "urenregistratie.json"]


def test_delete_with_nothing_saved_says_so(learner_home):
    form = InvoiceForm()
    form.delete_all()
    assert T.NOTHING_TO_DELETE in form.delete.status.value


def test_the_lesson_example_follows_the_btw_fact(monkeypatch):
    """Samira's worked example (lesson m3-l5) is computed with the btw rate of the facts."""
    from course.tools.invoice import example

    text = example.btw_example_markdown()
    percent = example.rate_percent(example.Rate.HIGH)
    assert f"Btw {format_number(percent)}%" in text
    assert "192,50" in text and "Zo gaat het, stap voor stap:" in text
    monkeypatch.setattr(example, "rate_percent", lambda rate: Decimal("10"))
    monkeypatch.setattr(
        example, "compute_totals", lambda lines, rate: _totals_at(lines, Decimal("10"))
    )
    changed = example.btw_example_markdown()
    assert "Btw 10%" in changed and "19,25" in changed and "211,75" in changed
    assert "Dat is al een bedrag in hele centen" in changed


def _totals_at(lines, percent):
    from course.tools.invoice.model import PricedLine, Totals, cents

    priced = tuple(PricedLine(d, q, p, cents(q * p)) for d, q, p in lines)
    subtotal = sum((line.amount for line in priced), Decimal("0.00"))
    vat = cents(subtotal * percent / 100)
    return Totals(priced, subtotal, percent, vat, subtotal + vat)
