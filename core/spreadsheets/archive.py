"""Open the zip container of .xlsx and .ods files without trusting what it says about itself.

A zip member declares its uncompressed size, but the declaration can lie; so every member is
read through a stream that stops at the declared size, and every XML member is refused when its
prolog declares a DOCTYPE or an ENTITY (spreadsheets never need one; entity bombs always do).
"""

import io
import re
import struct
import zipfile
from pathlib import Path

from core.spreadsheets.errors import FileRefused, entity_bomb
from core.spreadsheets.limits import (
    MAX_ARCHIVE_MEMBERS,
    MAX_DOCUMENT_PART_BYTES,
    RATIO_CHECK_FLOOR_BYTES,
    ReadLimits,
)

XLSX = "xlsx"
ODS = "ods"

_END_OF_DIRECTORY = b"PK\x05\x06"
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_XLSX_CONTENT_TYPES = (
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    b"application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
)
# Parts streamed row by row (or kept as a list of strings): the only ones allowed to be large.
_STREAMED_PARTS = re.compile(r"^(xl/worksheets/[^/]+\.xml|xl/sharedStrings\.xml|content\.xml)$")
_PROLOG_SCAN_BYTES = 64 * 1024
_CHUNK = 64 * 1024


def megabytes(size: int) -> str:
    """Return a byte count as megabytes written the Russian way: «12,5 МБ»."""
    return f"{size / (1024 * 1024):.1f}".replace(".", ",") + " МБ"


def _bomb(name: str, declared: int, compressed: int) -> FileRefused:
    ratio = declared // max(compressed, 1)
    return FileRefused(
        f"Файл отклонён как опасный: часть архива «{name}» при распаковке заняла бы "
        f"{megabytes(declared)} — в {ratio} раз больше, чем в файле. Так устроены «zip-бомбы»; "
        "настоящие таблицы так не сжимаются."
    )


def _is_xml(name: str) -> bool:
    return name.endswith((".xml", ".rels"))


class _PrologScanner:
    """Look at the start of an XML part until its root element and refuse any DTD before it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.buffer = b""
        self.done = False

    def feed(self, data: bytes, *, at_end: bool) -> None:
        self.buffer += data
        text = self._as_utf8(self.buffer)
        if self._root_reached(text) or at_end:
            self.done = True
            self.buffer = b""
        elif len(self.buffer) > _PROLOG_SCAN_BYTES:
            raise FileRefused(
                f"Файл отклонён: часть «{self.name}» начинается не с данных, а с "
                f"{megabytes(len(self.buffer))} служебного текста."
            )

    @staticmethod
    def _as_utf8(data: bytes) -> bytes:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")) or data[:2] in (b"<\x00", b"\x00<"):
            encoding = "utf-16-be" if data.startswith((b"\xfe\xff", b"\x00<")) else "utf-16-le"
            return data.decode(encoding, errors="ignore").lstrip("\ufeff").encode()
        return data.removeprefix(b"\xef\xbb\xbf")

    def _root_reached(self, text: bytes) -> bool:
        position = 0
        while True:
            while position < len(text) and text[position : position + 1].isspace():
                position += 1
            rest = text[position:]
            if rest.startswith(b"<?"):
                terminator = b"?>"
            elif rest.startswith(b"<!--"):
                terminator = b"-->"
            elif rest.startswith(b"<!") or (len(rest) < 2 and rest.startswith(b"<")):
                if rest.upper().startswith((b"<!DOCTYPE", b"<!ENTITY")) or len(rest) >= 9:
                    raise entity_bomb(self.name)
                return False  # too little seen to tell "<!DOC…" from "<!--"
            else:
                return bool(rest)  # the root element, or text the parser will reject anyway
            end = rest.find(terminator)
            if end < 0:
                return False
            position += end + len(terminator)


class CappedReader(io.RawIOBase):
    """A zip member stream that refuses to yield more than the member declared."""

    def __init__(self, raw: io.BufferedIOBase, *, limit: int, name: str) -> None:
        super().__init__()
        self._raw = raw
        self._limit = limit
        self._name = name
        self._count = 0
        self._prolog = _PrologScanner(name) if _is_xml(name) else None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            data = self._raw.read(min(len(buffer), self._limit - self._count + 1))
        except zipfile.BadZipFile as error:
            raise FileRefused(f"Файл повреждён: часть «{self._name}» не читается.") from error
        self._count += len(data)
        if self._count > self._limit:
            raise FileRefused(
                f"Файл отклонён как опасный: часть архива «{self._name}» распаковывается в "
                "больший объём, чем заявлено в архиве (признак «zip-бомбы»)."
            )
        if self._prolog is not None and not self._prolog.done:
            self._prolog.feed(data, at_end=not data)
        buffer[: len(data)] = data
        return len(data)

    def close(self) -> None:
        self._raw.close()
        super().close()


class GuardedZipFile(zipfile.ZipFile):
    """A ZipFile whose members are read through CappedReader."""

    def open(self, name, mode="r", pwd=None, **kwargs):
        stream = super().open(name, mode, pwd, **kwargs)
        if mode != "r":
            return stream
        info = name if isinstance(name, zipfile.ZipInfo) else self.getinfo(name)
        return CappedReader(stream, limit=info.file_size, name=info.filename)


def _declared_member_count(path: Path, size: int) -> int:
    """Return the member count from the end-of-directory record, before zipfile parses it."""
    with path.open("rb") as handle:
        tail_size = min(size, 22 + 65535)
        handle.seek(size - tail_size)
        tail = handle.read(tail_size)
    position = tail.rfind(_END_OF_DIRECTORY)
    if position < 0 or len(tail) < position + 22:
        raise FileRefused("Файл повреждён: это zip-архив без оглавления.")
    return struct.unpack("<H", tail[position + 10 : position + 12])[0]


def _read_member_head(archive: GuardedZipFile, name: str, size: int) -> bytes:
    with archive.open(name) as stream:
        return stream.read(size)


def check_archive(path: Path, limits: ReadLimits) -> str:
    """Check a zip container's members and return which spreadsheet format it holds."""
    size = path.stat().st_size
    if _declared_member_count(path, size) > MAX_ARCHIVE_MEMBERS:
        raise FileRefused(
            f"Файл отклонён: в архиве больше {MAX_ARCHIVE_MEMBERS} частей, а в таблице их десятки."
        )
    try:
        archive = GuardedZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise FileRefused("Файл повреждён: zip-архив не читается.") from error
    with archive:
        members = archive.infolist()
        if len(members) > MAX_ARCHIVE_MEMBERS:
            raise FileRefused(f"Файл отклонён: в архиве больше {MAX_ARCHIVE_MEMBERS} частей.")
        total = 0
        for member in members:
            if member.flag_bits & 0x1:
                raise FileRefused("Файл защищён паролем. Снимите защиту и загрузите его снова.")
            declared, compressed = member.file_size, member.compress_size
            total += declared
            too_dense = (
                declared > RATIO_CHECK_FLOOR_BYTES
                and declared > limits.max_compression_ratio * max(compressed, 1)
            )
            if too_dense or declared > limits.max_uncompressed_bytes:
                raise _bomb(member.filename, declared, compressed)
            if (
                _is_xml(member.filename)
                and not _STREAMED_PARTS.match(member.filename)
                and declared > MAX_DOCUMENT_PART_BYTES
            ):
                raise FileRefused(
                    f"Файл отклонён: служебная часть «{member.filename}» занимает "
                    f"{megabytes(declared)}, в настоящих таблицах она в сотни раз меньше."
                )
        if total > limits.max_uncompressed_bytes:
            raise FileRefused(
                f"Файл отклонён: в распакованном виде он занял бы {megabytes(total)}, "
                f"допускается не больше {megabytes(limits.max_uncompressed_bytes)}."
            )
        names = {member.filename for member in members}
        for name in names:
            if _is_xml(name):
                _read_member_head(archive, name, _CHUNK)
        if "mimetype" in names:
            mimetype = _read_member_head(archive, "mimetype", 200).strip()
            if mimetype == _ODS_MIMETYPE:
                return ODS
            raise _not_a_spreadsheet(mimetype.decode("ascii", errors="replace"))
        if "[Content_Types].xml" in names:
            manifest = _read_member_head(archive, "[Content_Types].xml", MAX_DOCUMENT_PART_BYTES)
            if any(content_type in manifest for content_type in _XLSX_CONTENT_TYPES):
                return XLSX
            if b"wordprocessingml" in manifest:
                raise _not_a_spreadsheet("документ Word")
            if b"presentationml" in manifest:
                raise _not_a_spreadsheet("презентация PowerPoint")
        raise _not_a_spreadsheet("zip-архив")


def _not_a_spreadsheet(what: str) -> FileRefused:
    return FileRefused(
        f"Файл не похож на таблицу ({what}). Загрузите таблицу в формате .xlsx, .xls или .ods."
    )
