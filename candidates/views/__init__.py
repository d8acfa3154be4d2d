"""Pages of the selection stage: the applicant's, the staff's and the commission's."""
