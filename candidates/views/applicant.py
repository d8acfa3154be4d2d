"""Pages of the selection stage: applicant side."""
