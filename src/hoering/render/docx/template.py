"""The starting point of every DOCX: python-docx's default template, prepared once per process.

Prepared means: only the styles we use are kept (the stock styles.xml is 440 kB and parsing
it dominated render time), the styles hoering needs are added (Code, HTML Code, Hyperlink,
footnote text/reference), Calibri is the text font, the blank-page thumbnail, the Word 2010
``stylesWithEffects`` copy and the "spelling already checked" mark are dropped, and
docProps/app.xml names hoering. Word still offers all of its built-in styles to the user.
"""

from __future__ import annotations

import functools
import io
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn

from .context import TEXT_WIDTH_TWIPS

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

# Styles kept from the stock template (plus whatever they are based on or linked to).
KEEP_STYLES = frozenset(
    {
        "Normal",
        "DefaultParagraphFont",
        "TableNormal",
        "NoList",
        "TableGrid",
        "Title",
        "Heading1",
        "Heading2",
        "Heading3",
        "ListBullet",
        "ListBullet2",
        "ListBullet3",
        "ListNumber",
        "ListNumber2",
        "ListNumber3",
        "ListContinue",
        "ListContinue2",
        "ListContinue3",
        "Quote",
        "Caption",
        "Header",
        "Footer",
        "TOCHeading",
    }
)

_MONO = '<w:rFonts w:ascii="Consolas" w:hAnsi="Consolas" w:cs="Consolas"/><w:noProof/>'
NEW_STYLES = f"""<w:styles {nsdecls("w")}>
<w:style w:type="paragraph" w:customStyle="1" w:styleId="Code"><w:name w:val="Code"/>
 <w:basedOn w:val="Normal"/><w:qFormat/>
 <w:pPr><w:keepLines/><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>
  <w:spacing w:after="200" w:line="240" w:lineRule="auto"/></w:pPr>
 <w:rPr>{_MONO}<w:sz w:val="19"/><w:szCs w:val="19"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="HTMLCode"><w:name w:val="HTML Code"/>
 <w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
 <w:rPr>{_MONO}<w:sz w:val="20"/><w:szCs w:val="20"/>
  <w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>
 <w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
 <w:rPr><w:color w:val="0563C1" w:themeColor="hyperlink"/><w:u w:val="single"/></w:rPr>
</w:style>
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/>
 <w:basedOn w:val="Normal"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
 <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
 <w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/>
 <w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="99"/><w:unhideWhenUsed/>
 <w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/>
 <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/>
 <w:unhideWhenUsed/><w:pPr><w:spacing w:after="60"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TOC2"><w:name w:val="toc 2"/>
 <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/>
 <w:unhideWhenUsed/><w:pPr><w:spacing w:after="60"/><w:ind w:left="440"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TOC3"><w:name w:val="toc 3"/>
 <w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/>
 <w:unhideWhenUsed/><w:pPr><w:spacing w:after="60"/><w:ind w:left="880"/></w:pPr></w:style>
</w:styles>"""

APP_XML = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
    b'docPropsVTypes"><Application>hoering</Application><DocSecurity>0</DocSecurity>'
    b"</Properties>"
)

_DROPPED_RELS = ("/thumbnail", "/stylesWithEffects")


@dataclass(frozen=True)
class Prepared:
    """The prepared template's bytes and the abstract numbering behind each List Number."""

    data: bytes
    number_abstracts: dict[str, int]  # "ListNumber2" -> abstractNumId


@functools.cache
def prepared() -> Prepared:
    """The prepared template; built on first use and kept for the life of the process."""
    import docx

    document = docx.Document()
    _drop_parts(document)
    styles = document.styles.element
    _trim_styles(styles)
    for style in parse_xml(NEW_STYLES):
        styles.append(style)
    _set_fonts(styles)
    settings = document.settings.element
    for proof in settings.findall(qn("w:proofState")):
        settings.remove(proof)
    abstracts = _number_abstracts(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return Prepared(_replace_entry(buffer.getvalue(), "docProps/app.xml", APP_XML), abstracts)


def _drop_parts(document: DocxDocument) -> None:
    for rels in (document.part.package.rels, document.part.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype.endswith(_DROPPED_RELS):
                rels.pop(rid)


def _trim_styles(styles: Any) -> None:
    by_id = {s.get(qn("w:styleId")): s for s in styles.findall(qn("w:style"))}
    keep, todo = set(), list(KEEP_STYLES)
    while todo:
        style_id = todo.pop()
        if style_id in keep or style_id not in by_id:
            continue
        keep.add(style_id)
        for ref in ("w:basedOn", "w:link", "w:next"):
            found = by_id[style_id].find(qn(ref))
            if found is not None:
                todo.append(found.get(qn("w:val")))
    for style_id, style in by_id.items():
        if style_id not in keep:
            styles.remove(style)
    _adjust_styles(by_id)


def _adjust_styles(by_id: dict[str, Any]) -> None:
    """A 20 pt title, and header/footer tab stops at the centre and edge of A4 text."""
    title_rpr = by_id["Title"].find(qn("w:rPr"))
    for tag in ("w:sz", "w:szCs"):
        title_rpr.find(qn(tag)).set(qn("w:val"), "40")
    for style_id in ("Header", "Footer"):
        centre, edge = by_id[style_id].find(f"{qn('w:pPr')}/{qn('w:tabs')}")
        centre.set(qn("w:pos"), str(TEXT_WIDTH_TWIPS // 2))
        edge.set(qn("w:pos"), str(TEXT_WIDTH_TWIPS))


def _set_fonts(styles: Any) -> None:
    fonts = styles.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}"
    )
    for key in list(fonts.keys()):
        del fonts.attrib[key]
    for key in ("ascii", "hAnsi", "cs"):
        fonts.set(qn(f"w:{key}"), "Calibri")
    fonts.set(qn("w:eastAsiaTheme"), "minorEastAsia")


def _number_abstracts(document: DocxDocument) -> dict[str, int]:
    numbering = document.part.numbering_part.element
    result = {}
    for style_id in ("ListNumber", "ListNumber2", "ListNumber3"):
        style = document.styles.element.get_by_id(style_id)
        num_id = style.pPr.numPr.numId.val
        result[style_id] = numbering.num_having_numId(num_id).abstractNumId.val
    return result


def _replace_entry(data: bytes, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            target.writestr(info, content if info.filename == name else source.read(info))
    return out.getvalue()
