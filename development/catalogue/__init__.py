"""The programme and its catalogue: modules and activities, the Excel import, the .docx."""
