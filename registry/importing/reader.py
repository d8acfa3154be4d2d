"""Read a registry file into batches of parsed rows, in a worker process or in this one.

Parsing a spreadsheet and writing the rows (ORM and database) each keep one core busy; reading
in a worker process lets the two overlap, which is what keeps an import close to the speed of
merely reading the file. The worker also bounds what a hostile file can cost: its
address space is capped and a reader that stops answering is killed.
"""

import datetime
import gc
import multiprocessing
import queue
import resource
import threading
import traceback
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

from core.spreadsheets import (
    FileRefused,
    ReadLimits,
    TableNotFound,
    detect_format,
    read_spreadsheet,
)
from registry.importing.columns import TableLayout, locate_table, repeats_header
from registry.importing.values import ParseContext, ParsedRow, is_skippable, parse_row

# Small batches keep the importer busy from the first rows to the last; the outbox lets the
# worker run up to OUTBOX_BATCHES batches ahead of it.
BATCH_SIZE = 250
OUTBOX_BATCHES = 64
# The worker may grow this much beyond the size it starts with before it is stopped.
WORKER_MEMORY_HEADROOM_BYTES = 1024 * 1024 * 1024
# Longest silence from the worker; a 200 000-row file sends a batch every second or two.
WORKER_SILENCE_SECONDS = 120

Batches = Iterator[list[ParsedRow]]
RawBatches = Iterator[list[tuple[int, tuple]]]


def registry_read_limits() -> ReadLimits:
    """Return the limits this installation sets for a registry file."""
    return ReadLimits(
        max_bytes=settings.REGISTRY_IMPORT_MAX_BYTES,
        max_rows=settings.REGISTRY_IMPORT_MAX_ROWS,
        max_uncompressed_bytes=settings.REGISTRY_IMPORT_MAX_UNCOMPRESSED_BYTES,
    )


def _read_rows(path: Path, limits: ReadLimits) -> tuple[TableLayout, datetime.datetime, RawBatches]:
    """Locate the registry in the file; return its layout, date epoch and batches of raw rows."""
    file_format = detect_format(path, limits)
    date_epoch, sheets = read_spreadsheet(path, file_format, limits)
    try:
        layout, rows = locate_table(sheets)
    except BaseException:
        sheets.close()
        raise
    width = max(layout.positions.values()) + 1

    def batches() -> RawBatches:
        batch: list[tuple[int, tuple]] = []
        try:
            for row_number, values in rows:
                if is_skippable(values, layout) or repeats_header(values, layout):
                    continue
                batch.append((row_number, tuple(values[:width])))
                if len(batch) >= BATCH_SIZE:
                    yield batch
                    batch = []
        finally:
            sheets.close()
        if batch:
            yield batch

    return layout, date_epoch, batches()


def _parsed(layout: TableLayout, context: ParseContext, raw_batches: RawBatches) -> Batches:
    for batch in raw_batches:
        yield [parse_row(row_number, values, layout, context) for row_number, values in batch]


def parse_file(
    path: Path, *, limits: ReadLimits, municipality_ids: dict[str, int]
) -> tuple[TableLayout, Batches]:
    """Read the file in this process; return the table layout and batches of parsed rows."""
    layout, date_epoch, raw_batches = _read_rows(path, limits)
    context = ParseContext(municipality_ids=municipality_ids, date_epoch=date_epoch)
    return layout, _parsed(layout, context, raw_batches)


def _cap_memory() -> None:
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[0])
    limit = pages * resource.getpagesize() + WORKER_MEMORY_HEADROOM_BYTES
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _work(path: str, limits: ReadLimits, municipality_ids: dict[str, int], connection) -> None:
    """Run in the worker: parse the file and send the layout, the batches and an end mark."""
    # The worker's objects die with it or by reference counting; scanning for cycles is waste.
    gc.disable()
    # A sending thread lets parsing run ahead of an importer that is busy writing a batch.
    outbox: queue.Queue = queue.Queue(maxsize=OUTBOX_BATCHES)

    def send_all() -> None:
        try:
            while (message := outbox.get()) is not None:
                connection.send(message)
        except BrokenPipeError:
            pass  # the importer stopped listening; it stops this process too

    sender = threading.Thread(target=send_all, daemon=True)
    sender.start()
    try:
        _cap_memory()
        layout, batches = parse_file(Path(path), limits=limits, municipality_ids=municipality_ids)
        outbox.put(("layout", layout))
        for batch in batches:
            outbox.put(("rows", batch))
        outbox.put(("end", None))
    except FileRefused as error:
        outbox.put(("refused", error.message))
    except TableNotFound as error:
        outbox.put(("table", error.message))
    except MemoryError:
        outbox.put(("refused", "Файл отклонён: для чтения ему нужно слишком много памяти."))
    except Exception:
        outbox.put(("failed", traceback.format_exc()))
    finally:
        outbox.put(None)
        sender.join()
        connection.close()


def _start_method() -> str:
    """Return "fork" for a single-threaded process, else "forkserver"."""
    # A plain fork costs milliseconds but is unsafe while other threads may hold locks (a
    # threaded development server); the fork server is a clean single-threaded process to fork
    # from, at the price of starting it once and importing the readers into it.
    return "fork" if threading.active_count() == 1 else "forkserver"


def _messages(path: Path, limits: ReadLimits, municipality_ids: dict[str, int]) -> Iterator:
    context = multiprocessing.get_context(_start_method())
    if context.get_start_method() == "forkserver":
        context.set_forkserver_preload([__name__])
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(
        target=_work, args=(str(path), limits, municipality_ids, sender), daemon=True
    )
    worker.start()
    sender.close()
    finished = False
    try:
        while True:
            if not receiver.poll(WORKER_SILENCE_SECONDS):
                raise FileRefused("Файл отклонён: чтение заняло слишком много времени.")
            try:
                kind, payload = receiver.recv()
            except EOFError as error:
                raise FileRefused(
                    "Файл отклонён: при чтении ему не хватило отведённой памяти или времени."
                ) from error
            finished = kind != "rows" and kind != "layout"
            if kind == "end":
                return
            if kind == "refused":
                raise FileRefused(payload)
            if kind == "table":
                raise TableNotFound(payload)
            if kind == "failed":
                raise RuntimeError(f"Сбой чтения таблицы в рабочем процессе:\n{payload}")
            yield kind, payload
    finally:
        receiver.close()
        if not finished:  # the importer gave up early: the rest of the file is not wanted
            worker.kill()
        worker.join(timeout=5)
        if worker.is_alive():
            worker.kill()
            worker.join()


def parse_file_in_worker(
    path: Path, *, limits: ReadLimits, municipality_ids: dict[str, int]
) -> tuple[TableLayout, Batches]:
    """Read the file in a worker process; return the table layout and batches of parsed rows."""
    messages = _messages(path, limits, municipality_ids)
    try:
        _, layout = next(messages)
    except StopIteration as error:  # the worker ended without a word
        raise FileRefused("Файл повреждён: таблицу не удалось прочитать.") from error
    return layout, (batch for _, batch in messages)
