"""Import incoming høringssvar (PDF, DOCX) into Markdown sources a person can check.

One responsibility per module: ``safety`` (is the file what it says, within limits?),
``pdf``/``docx`` (file → :class:`~hoering.imports.lines.Line` objects), ``cleanup`` (running
headers, page numbers, hyphenation, paragraphs), ``structure`` (headings, lists, tables),
``metadata`` (sender, date, case number, subject, signatory), ``topics`` (hearing topics and
stance, explained), ``writer`` (the Markdown source) and ``run`` (the API and the batch).
"""
