"""``hoering workspace``: the case officer's page over a hearing's files.

The official checks what import guessed against the original's pages, answers each remark
with a status and sees the høringsnotat of the current state; every change is written back
to the hearing's Markdown files, which stay the source of truth.

:mod:`.edits` writes every change made on the page back into the Markdown files (a
response's front matter and headings, ``remarks.md``) as a person would have written it,
refusing a save when the file changed on disk since the page read it.

:mod:`.running` holds a served hearing (its state, read again when a file changed, and the
token that lets the browser in); :mod:`.server` is the HTTP layer and its security,
:mod:`.routes` what each address answers, :mod:`.pagestate` what the pages show (computed by
the code the notat and ``hoering review`` use) and :mod:`.overview`, :mod:`.response_page`
and :mod:`.remarks_page` the pages themselves.
"""
