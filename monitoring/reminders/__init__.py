"""Daily reminders gathered from every stage: each one a notification and a letter, sent once."""
