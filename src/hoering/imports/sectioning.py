"""The hearing's topics on an imported body: per heading section, and where the letter has no
heading for it, per paragraph and per bold-labelled remark.

A heading whose section names a topic keeps it (as before). Text that no topical heading
covers — a letter without headings, the text before the first heading, a section under a
heading such as "Bemærkninger" — is matched paragraph by paragraph: where a topic starts, a
heading is inserted (the topic's title, or the remark's bold label "Netværksmøder:"), marked
``guess=`` like every guessed heading, so that the høringsnotat finds the remark. Nothing is
removed or moved: a label becomes its remark's heading, every other word stays where it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from .structure import Block
from .topics import TopicMatch, TopicSpec, match_section, matched_words, stance_cues

# A paragraph is weaker evidence than a heading: below this confidence it gets no heading
MIN_PARAGRAPH = 0.44
LOOSE = ("paragraph", "bullet", "number")


@dataclass(frozen=True)
class Guess:
    """One topic guess, for the import report and ``hoering review``."""

    heading: str
    value: str
    confidence: float
    explanation: str


def assign_topics(blocks: list[Block], topics: list[TopicSpec]) -> tuple[list[Block], list[Guess]]:
    """``blocks`` with topic attributes on headings, and headings inserted where a remark
    without one names a topic; and the guesses made."""
    result: list[Block] = []
    guesses: list[Guess] = []
    named = False  # a heading of the letter names a topic itself
    for index, block in enumerate(blocks):
        if block.kind != "heading":
            continue
        match = match_section(block.text, _section_text(blocks, index), topics)
        if _by_heading(match) or not _labelled(blocks, index):
            _mark(block, match, guesses)  # a heading over labelled remarks leaves them theirs
        named = named or _by_heading(match)
    # where the letter's own headings name topics, its loose text is an introduction: only
    # its labelled remarks get sections of their own
    by_paragraph = not named
    level, covered, current = 2, False, None  # the section the next block is in
    for block in blocks:
        if block.kind == "heading":  # a remark under "Bemærkninger" gets a sub-heading
            level, covered, current = min(6, block.level + 1), "topic" in block.attributes, None
        elif not covered and block.kind == "table" and (rows := _form_rows(block, level, topics)):
            result += rows
            continue
        elif not covered and block.kind in LOOSE and (by_paragraph or label_of(block)):
            created = _new_section(block, current, level, topics, by_paragraph)
            if created is not None:
                result.append(created)
                current = created.attributes["topic"]
        result.append(block)
    _stances(result, guesses)
    return result, guesses


def _by_heading(match: TopicMatch) -> bool:
    """Whether the topic was found in the heading's own words (its title or number)."""
    return bool(
        match.topic
        and match.matched
        and match.matched[0].endswith(("(heading)",))
        or match.topic
        and match.matched[0].startswith("section ")
    )


def _labelled(blocks: list[Block], index: int) -> bool:
    """Whether the section of the heading at ``index`` holds remarks with bold labels."""
    for following in blocks[index + 1 :]:
        if following.kind == "heading" and following.level <= blocks[index].level:
            return False
        if label_of(following):
            return True
    return False


def label_of(block: Block) -> str:
    """The bold words a remark opens with ("Netværksmøder:"), as the readers found them."""
    return block.label if block.text[len(block.label) :].strip() else ""


def _section_text(blocks: list[Block], index: int) -> str:
    texts = []
    for following in blocks[index + 1 :]:
        if following.kind == "heading" and following.level <= blocks[index].level:
            break
        texts.append(following.text or " ".join(" ".join(row) for row in following.rows))
    return "\n".join(texts)


def _mark(heading: Block, match: TopicMatch, guesses: list[Guess]) -> None:
    if not match.topic and not match.stance:
        return
    if match.topic:
        heading.attributes["topic"] = match.topic
    if match.stance:
        heading.attributes["stance"] = match.stance
    heading.attributes["guess"] = f"{match.guess:.2f}"
    if match.explanation():
        heading.attributes["matched"] = match.explanation()
    value = " / ".join(x for x in (match.topic, match.stance) if x)
    guesses.append(Guess(heading.text, value, match.guess, match.explanation()))


def _new_section(
    block: Block, current: str | None, level: int, topics: list[TopicSpec], by_paragraph: bool
) -> Block | None:
    """The heading a remark without one gets: its bold label when the label's remark names
    a topic, else the topic's title when the paragraph starts another topic than the one
    before it. The label moves from the remark into the heading."""
    label = label_of(block)
    if label:
        match = match_section(label, block.text[len(label) :], topics)
        if match.topic:
            block.kind, block.level = "paragraph", 0
            block.text, block.label = block.text[len(label) :].strip(), ""
            return _heading(label.strip().rstrip(":").strip(), level, match, "bold label")
    if not by_paragraph:
        return None
    # one paragraph is short: where no topic is named twice, one mention of one topic's
    # distinctive keyword is a sign (another topic named beside it lowers the confidence)
    match = match_section("", block.text, topics)
    if not match.topic:
        match = match_section("", block.text, topics, min_hits=1)
    if not match.topic or match.topic == current or match.confidence < MIN_PARAGRAPH:
        return None
    title = next(topic.title for topic in topics if topic.id == match.topic)
    return _heading(title, level, match, "topic of the paragraph")


def _form_rows(block: Block, level: int, topics: list[TopicSpec]) -> list[Block]:
    """A form's table whose rows name the topics in their first cell ("Netværksmøder under
    indlæggelse | Vi finder …"): one section per such row, headed by that cell, each with
    the table's header row and its row; [] for any other table."""
    if len(block.rows) < 3:
        return []
    header, rows = block.rows[0], block.rows[1:]
    matches = [match_section(row[0], " ".join(row[1:]), topics) for row in rows]
    if sum(_by_heading(match) for match in matches) * 2 < len(rows):
        return []
    result = []
    for row, match in zip(rows, matches, strict=True):
        if match.topic:
            result.append(_heading(row[0].strip().rstrip(":"), level, match, "row of a form"))
        result.append(Block("table", rows=[header, row]))
    return result


def _heading(text: str, level: int, match: TopicMatch, found_as: str) -> Block:
    attributes = {
        "topic": match.topic or "",  # every caller has matched a topic
        "guess": f"{match.confidence:.2f}",
        "matched": matched_words(match.matched),
    }
    return Block("heading", text, level=level, found_as=found_as, attributes=attributes)


def _stances(blocks: list[Block], guesses: list[Guess]) -> None:
    """The stance of each inserted heading, from all the text of its section; and its guess."""
    for index, block in enumerate(blocks):
        if block.kind != "heading" or block.found_as not in (
            "bold label",
            "topic of the paragraph",
            "row of a form",
        ):
            continue
        stance = match_section("", _section_text(blocks, index), [])
        attributes = block.attributes
        if stance.stance:
            attributes["stance"] = stance.stance
            attributes["matched"] += "; " + stance_cues(stance.cues)
        attributes["matched"] = attributes["matched"].strip("; ")
        value = " / ".join(x for x in (attributes["topic"], stance.stance) if x)
        guesses.append(Guess(block.text, value, float(attributes["guess"]), attributes["matched"]))
