"""The authority's own comments per topic, from ``remarks.md`` in the hearing folder:

    ## udskrivningsmentor

    Regionen præciserer i aftalens afsnit 4.3, hvilken kommunal indsats …

One heading per topic, naming its id (or its title); the text below it is printed in the
høringsnotat under that topic. Topics without a heading get an empty placeholder.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from ..errors import SourceError, SourceErrors
from ..hearing import Hearing
from ..model import nodes as n

REMARKS_FILE = "remarks.md"


def read_remarks(hearing: Hearing) -> tuple[dict[str, tuple[n.Block, ...]], Path | None]:
    """Topic id → the authority's comment blocks; and the file, when there is one."""
    from ..sources.frontmatter import read_text
    from ..sources.markdown import parse_body

    path = hearing.folder / REMARKS_FILE
    if not path.is_file():
        return {}, None
    try:
        body = parse_body(read_text(path), 1)
    except SourceErrors as exc:
        raise SourceErrors([e.located(path) for e in exc.errors]) from None
    except SourceError as exc:
        raise SourceErrors([exc.located(path)]) from None
    topics = hearing.topics
    by_title = {t.title.casefold(): t.id for t in topics.values()}
    levels = [b.level for b in body.blocks if isinstance(b, n.Heading)]
    top = min(levels, default=1)
    comments: dict[str, list[n.Block]] = {}
    errors: list[SourceError] = []
    current: list[n.Block] | None = None
    for block in body.blocks:
        if isinstance(block, n.Heading) and block.level == top:
            name = n.plain_text(block.children).strip()
            topic = block.topic or (name if name in topics else by_title.get(name.casefold()))
            if topic is None or topic not in topics:
                close = difflib.get_close_matches(block.topic or name, topics, n=1)
                errors.append(SourceError(
                    path, f"heading '{name}' names no topic of hearing.yaml", line=block.line,
                    hint=f"did you mean '{close[0]}'?" if close
                    else "use one of: " + ", ".join(topics)))
                current = None
                continue
            current = comments.setdefault(topic, [])
        elif current is not None:
            current.append(block)
    if errors:
        raise SourceErrors(errors)
    return {topic: tuple(blocks) for topic, blocks in comments.items()}, path
