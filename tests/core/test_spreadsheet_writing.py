import pytest

from core.spreadsheets import escape_cell, unescape_cell


@pytest.mark.parametrize(
    ("value", "escaped"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+7 (3532) 11-22-33", "'+7 (3532) 11-22-33"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Школа № 1", "Школа № 1"),
        ("a=b", "a=b"),
        (500, 500),
        (None, None),
    ],
)
def test_it_escapes_cells_that_would_be_formulas(value, escaped):
    assert escape_cell(value) == escaped


def test_it_drops_control_characters_a_workbook_cannot_hold():
    assert escape_cell("Иванова\x01") == "Иванова"
    assert escape_cell("\x02=cmd") == "'=cmd"


@pytest.mark.parametrize("value", ['=HYPERLINK("x")', "+7 900", "-1", "@SUM(A1)", "Школа"])
def test_it_reads_back_what_it_escaped(value):
    assert unescape_cell(escape_cell(value)) == value


def test_it_keeps_an_apostrophe_before_ordinary_text():
    assert unescape_cell("'Школа") == "'Школа"
