#!/usr/bin/env python3
"""Writes sample-thematic-list.docx: a SAMPLE thematic list written for the uprx project.

It imitates the shape of OHCHR's 2022+ thematic lists (a Word table: recommendation and
recommending States, the State's position, themes and groups of persons, SDGs) for the invented
review in sample-wg-report.txt. The labels were chosen for the sample; they are not OHCHR's.
Run it again after editing ROWS: python3 scripts/make_sample_thematic_list.py
"""
import os
import zipfile
from xml.sax.saxutils import escape

SOURCE = "Source of Position: A/HRC/99/9/Add.1"
ROWS = [
    ("2.1 Ratify the Optional Protocol to the Convention against Torture (Denmark)", "Supported",
     ["Ratification of & accession to international instruments",
      "Prohibition of torture & ill-treatment (including cruel, inhuman or degrading treatment)"],
     ["Persons deprived of their liberty"], ["16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"]),
    ("2.2 Ratify the International Convention for the Protection of All Persons from Enforced "
     "Disappearance (France) (Uruguay)", "Noted",
     ["Ratification of & accession to international instruments", "Enforced disappearances"],
     ["Disappeared persons"], ["16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"]),
    ("2.3 Adopt a national action plan on human rights with a budget for each of its measures "
     "(Norway)", "Supported",
     ["Human rights & development policies and plans of action",
      "Budget & resources (for human rights implementation)"],
     ["General"], ["16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"]),
    ("2.4 Strengthen the independence and resources of the national human rights institution "
     "in line with the Paris Principles (Germany)", "Supported",
     ["National Human Rights Institution (NHRI)"], ["General"],
     ["16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"]),
    ("2.5 Take further measures to close the gender pay gap (Canada)", "Supported",
     ["Discrimination against women", "Right to just and favourable conditions of work"],
     ["Women & girls"], ["5 - GENDER EQUALITY", "8 - DECENT WORK AND ECONOMIC GROWTH"]),
    ("2.6 Continue efforts to prevent domestic violence and to support its victims, in "
     "particular women and children (Spain)", "Supported",
     ["Violence against women & girls", "Domestic violence"],
     ["Women & girls", "Children"], ["5 - GENDER EQUALITY"]),
    ("2.7 Ensure access to education in their mother tongue for children of migrant families "
     "(Mexico)", "Supported",
     ["Right to education", "Cultural rights"], ["Children", "Migrants"],
     ["4 - QUALITY EDUCATION"]),
    ("2.8 Adopt comprehensive legislation against discrimination on all grounds, including "
     "sexual orientation and gender identity (Netherlands)", "Noted",
     ["Equality & non-discrimination", "Constitutional & legislative framework"],
     ["Lesbian, gay, bisexual, transgender and intersex persons"],
     ["10 - REDUCED INEQUALITIES"]),
    ("2.9 Ensure that asylum seekers have access to legal aid during the whole procedure "
     "(Brazil)", "Supported",
     ["Asylum-seekers & refugees", "Access to justice & remedy"],
     ["Refugees & asylum-seekers"], ["16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"]),
    ("2.10 Improve access to mental health services for young people in rural areas (Finland)",
     "Supported", ["Right to health"], ["Youth", "Persons living in rural areas"],
     ["3 - GOOD HEALTH AND WELL-BEING"]),
]

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def para(text):
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def cell(paragraphs):
    return "<w:tc>" + "".join(para(p) for p in paragraphs) + "</w:tc>"


def document():
    body = [
        para("SAMPLE DOCUMENT WRITTEN FOR THE UPRX PROJECT. NOT A UN DOCUMENT."),
        para("It imitates the shape of an OHCHR thematic list of recommendations so that uprx "
             "can be tried without the real documents; its rows and labels are invented."),
        para("UPR of Iceland (4th Cycle - 45th session)"),
        para("Thematic list of recommendations"),
    ]
    rows = ["<w:tr>" + cell(["Recommendation and recommending State"]) +
            cell(["Position of the State under review"]) +
            cell(["Human rights themes and groups of persons"]) + cell(["Relevant SDGs"]) +
            "</w:tr>"]
    for text, position, themes, persons, sdgs in ROWS:
        rows.append("<w:tr>" + cell([text + "; " + SOURCE]) + cell([position]) +
                    cell(["- " + t for t in themes] + ["Groups of Persons:"] +
                         ["- " + p for p in persons]) +
                    cell(["- " + s for s in sdgs]) + "</w:tr>")
    body.append("<w:tbl>" + "".join(rows) + "</w:tbl>")
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>' +
            "".join(body) + "</w:body></w:document>")


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "corpora", "sample", "sample-thematic-list.docx")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", RELS),
                           ("word/document.xml", document())):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))  # same bytes each run
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    print(out)


if __name__ == "__main__":
    main()
