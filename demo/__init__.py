"""The demo region that `manage.py seed_demo` builds: organizations, people and every stage's story.

It stands at the top of the house: it may import any app, and nothing imports it but the
seed_demo command and the tests.
"""
