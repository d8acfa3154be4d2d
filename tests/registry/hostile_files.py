"""Builders of hostile and broken registry files; the tests and the benchmark both use them."""

import io
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from registry.importing.columns import TEMPLATE_HEADERS

SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SHEET = "xl/worksheets/sheet1.xml"


def _template_xlsx() -> bytes:
    workbook = Workbook()
    workbook.active.append(TEMPLATE_HEADERS)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _rewrite(path: Path, *, replace: dict[str, bytes], source: bytes | None = None) -> None:
    """Write a copy of an .xlsx with some members replaced or added."""
    original = zipfile.ZipFile(io.BytesIO(source or _template_xlsx()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in original.infolist():
            if info.filename not in replace:
                target.writestr(info, original.read(info.filename))
        for name, data in replace.items():
            target.writestr(name, data)


def _sheet(rows_xml: str, *, prolog: str = "", dimension: str = "A1:O2") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<worksheet xmlns="{SHEET_NS}">'
        f'<dimension ref="{dimension}"/><sheetData>{rows_xml}</sheetData></worksheet>'
    ).encode()


def _laughs(root_name: str) -> str:
    """Return the billion-laughs DTD: ten levels of entities, each ten of the one below."""
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)
    ]
    return f"<!DOCTYPE {root_name} [{''.join(entities)}]>"


def zip_bomb(path: Path, megabytes: int = 64) -> None:
    """A sheet that inflates from kilobytes to the given size; its directory tells the truth."""
    original = zipfile.ZipFile(io.BytesIO(_template_xlsx()))
    head = _sheet("", dimension="A1:A1").split(b"<sheetData>")[0] + b"<sheetData>"
    chunk = b" " * (1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in original.infolist():
            if info.filename != SHEET:
                archive.writestr(info, original.read(info.filename))
        with archive.open(SHEET, "w") as member:
            member.write(head)
            for _ in range(megabytes):
                member.write(chunk)
            member.write(b"</sheetData></worksheet>")


def lying_zip_bomb(path: Path) -> None:
    """A sheet that declares a kilobyte in the zip directory but inflates to megabytes."""
    _rewrite(path, replace={SHEET: _sheet("<row r='1'/>" * 400_000)})
    data = bytearray(path.read_bytes())
    name = SHEET.encode()
    for signature, size_offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        position = 0
        while (position := data.find(signature, position)) >= 0:
            name_offset = 30 if signature == b"PK\x03\x04" else 46
            if data[position + name_offset : position + name_offset + len(name)] == name:
                data[position + size_offset : position + size_offset + 4] = struct.pack("<I", 1024)
            position += 4
    path.write_bytes(bytes(data))


def entity_bomb_in_sheet(path: Path) -> None:
    """The billion laughs in the worksheet XML."""
    sheet = _sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>')
    _rewrite(path, replace={SHEET: sheet.replace(b"?>", b"?>" + _laughs("worksheet").encode(), 1)})


def entity_bomb_in_shared_strings(path: Path) -> None:
    """The billion laughs in sharedStrings.xml, which every Excel file has."""
    strings = (
        f'<?xml version="1.0"?>{_laughs("sst")}<sst xmlns="{SHEET_NS}" count="1" uniqueCount="1">'
        "<si><t>&lol9;</t></si></sst>"
    ).encode()
    source = _template_xlsx()
    manifest = (
        zipfile.ZipFile(io.BytesIO(source))
        .read("[Content_Types].xml")
        .replace(
            b"</Types>",
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
            b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        )
    )
    _rewrite(
        path,
        source=source,
        replace={"xl/sharedStrings.xml": strings, "[Content_Types].xml": manifest},
    )


def forged_dimension(path: Path) -> None:
    """A three-cell sheet that declares all 1 048 576 rows and 16 384 columns."""
    _rewrite(path, replace={SHEET: _sheet('<row r="1"/>', dimension="A1:XFD1048576")})


def _header_row_xml() -> str:
    cells = "".join(
        f'<c r="{chr(ord("A") + index)}1" t="inlineStr"><is><t>{header}</t></is></c>'
        for index, header in enumerate(TEMPLATE_HEADERS)
    )
    return f'<row r="1">{cells}</row>'


def far_away_row(path: Path) -> None:
    """The header, then one data row numbered 1 048 576; the dimension claims only the header."""
    row = '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    _rewrite(path, replace={SHEET: _sheet(_header_row_xml() + row, dimension="A1:O1")})


def _ods(path: Path, table_xml: str) -> None:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="Лист1">{table_xml}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest='
        '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type='
        '"application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            "mimetype", "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED
        )
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)


def ods_table(path: Path, rows: list[list[str]], *, tail_xml: str = "") -> None:
    """Write a minimal .ods whose one sheet holds the rows as text cells."""
    rows_xml = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{value}</text:p>'
            "</table:table-cell>"
            for value in row
        )
        + "</table:table-row>"
        for row in rows
    )
    _ods(path, rows_xml + tail_xml)


def ods_repeated_rows(path: Path) -> None:
    """A non-empty row declared to repeat a billion times."""
    row = (
        '<table:table-row table:number-rows-repeated="1000000000"><table:table-cell '
        'office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>'
    )
    ods_table(path, [list(TEMPLATE_HEADERS)], tail_xml=row)


def pdf_renamed(path: Path) -> None:
    """A PDF document given an .xlsx name."""
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>> endobj\n%%EOF\n")


def text_renamed(path: Path) -> None:
    """A CSV text file given an .xlsx name."""
    path.write_text(";".join(TEMPLATE_HEADERS) + "\n", encoding="utf-8")


def word_renamed(path: Path) -> None:
    """A Word document given an .xlsx name."""
    manifest = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        'content-types"><Override PartName="/word/document.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", manifest)
        archive.writestr("word/document.xml", "<document/>")


def broken_xls(path: Path) -> None:
    """An OLE2 signature followed by garbage."""
    path.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + zlib.compress(b"x" * 4096) * 4)


HOSTILE_FILES: dict[str, Callable[[Path], None]] = {
    "zip-бомба": zip_bomb,
    "zip-бомба с ложным размером": lying_zip_bomb,
    "XML-бомба в листе": entity_bomb_in_sheet,
    "XML-бомба в sharedStrings": entity_bomb_in_shared_strings,
    "ложный размер листа": forged_dimension,
    "строка № 1 048 576": far_away_row,
    "ods: строка × 10⁹": ods_repeated_rows,
    "PDF под именем .xlsx": pdf_renamed,
    "текст под именем .xlsx": text_renamed,
    "документ Word под именем .xlsx": word_renamed,
    "испорченный .xls": broken_xls,
}
