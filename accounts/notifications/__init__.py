"""In-portal notifications: what a person should look at, with an unread count in the navbar."""
