"""Mass nomination by spreadsheet: the template, keeping an upload, and checking every row.

Files are opened with the registry import's guarded readers (content sniffing, zip and XML bomb
refusal, row caps), so a nomination list gets the same protection as the school registry. Every
problem is reported as «строка R, столбец «C»: …» with the row number the person sees.
"""

from candidates.bulk_nomination.columns import COLUMNS, MAX_ROWS, template_workbook
from candidates.bulk_nomination.plan import BulkPlan, PlannedRow, check_plan, read_plan
from candidates.bulk_nomination.storage import (
    MAX_BYTES,
    claim_upload,
    discard_upload,
    pending_path,
    store_upload,
)

__all__ = [
    "COLUMNS",
    "MAX_BYTES",
    "MAX_ROWS",
    "BulkPlan",
    "PlannedRow",
    "check_plan",
    "claim_upload",
    "discard_upload",
    "pending_path",
    "read_plan",
    "store_upload",
    "template_workbook",
]
