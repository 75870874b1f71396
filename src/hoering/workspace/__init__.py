"""``hoering workspace``: the case officer's page over a hearing's files.

:mod:`.edits` writes every change made on the page back into the Markdown files (a
response's front matter and headings, ``remarks.md``) as a person would have written it,
refusing a save when the file changed on disk since the page read it; :mod:`.state` is what
the page shows, computed by the code the notat and ``hoering review`` use.
"""
