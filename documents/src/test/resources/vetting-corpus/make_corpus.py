#!/usr/bin/python3
"""Writes the planted vetting corpus and its manifest (issue 20): personal data, secrets,
confidentiality markers and identity left in documents, planted in every format and in the places
a reader does not see at first, plus clean look-alikes that must NOT be reported.

Written before the detectors and then frozen: the files in this folder are the corpus; this script
says how they were made. Run with Debian's python3 (python3-docx is not needed: the OOXML parts are
written by hand so every hidden place is exactly where it is said to be) and python3-openpyxl,
python3-reportlab, python3-pikepdf, python3-pil; the PPTX is written by MakeDeck.java (Apache POI).
Every person, company, address, number and key here is invented for this corpus.
"""
import io
import json
import os
import re
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
PLANTED = []
LOOKALIKES = []
FIXED_TIME = (2026, 1, 1, 0, 0, 0)


def plant(file, where, category, kind, value, note=""):
    PLANTED.append({"id": f"p{len(PLANTED) + 1:03d}", "file": file, "where": where,
                    "category": category, "kind": kind, "value": value, "note": note})
    return value


def lookalike(file, where, looks_like, value, why):
    LOOKALIKES.append({"id": f"l{len(LOOKALIKES) + 1:03d}", "file": file, "where": where,
                       "looks_like": looks_like, "value": value, "why_clean": why})
    return value


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def write_zip(name, parts):
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts:
            info = zipfile.ZipInfo(part, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data if isinstance(data, bytes) else data.encode("utf-8"))


# A 1x1 PNG for pictures that carry alt text.
PIXEL_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c49444154789c63f8ffff3f0005fe02fe0def46b80000000049454e44ae426082")

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' \
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' \
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' \
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"'
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def run(text, props=""):
    return f'<w:r>{("<w:rPr>" + props + "</w:rPr>") if props else ""}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def para(*runs):
    return "<w:p>" + "".join(runs) + "</w:p>"


def core_props(creator, modified_by, title):
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{esc(title)}</dc:title><dc:creator>{esc(creator)}</dc:creator>'
            f'<cp:lastModifiedBy>{esc(modified_by)}</cp:lastModifiedBy>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>'
            '</cp:coreProperties>')


def custom_props(props):
    body = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{i + 2}" name="{esc(k)}">'
        f'<vt:lpwstr>{esc(v)}</vt:lpwstr></property>' for i, (k, v) in enumerate(props))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' + body + '</Properties>')


def make_docx():
    f = "client-memo.docx"
    email_runs = run("Send the signed copy to ") + run("dana.whit") + run("lock@harborline", "<w:b/>") + run("-legal.com today.")
    plant(f, "body", "personal", "email", "dana.whitlock@harborline-legal.com", "split across three runs, one bold")
    body = [
        para(run("Memorandum: Cobalt Freight settlement", "<w:b/><w:sz w:val=\"32\"/>")),
        para(email_runs),
        para(run("Her direct line is " + plant(f, "body", "personal", "phone", "+1 (312) 846-2291") + ".")),
        para(run("Date of birth: " + plant(f, "body", "personal", "date_of_birth", "14 March 1979") + " (claimant).")),
        para(run("Claimant's residence: " + plant(f, "body", "personal", "street_address",
                                                 "1427 Larkspur Avenue, Springfield, IL 62704") + ".")),
        para(run(plant(f, "body", "confidential", "confidentiality_marker",
                       "subject to the mutual non-disclosure agreement",
                       "NDA language") + " between Harborline Legal LLP and Cobalt Freight Inc., this memo may not be shared.")),
        # a deleted tracked change: invisible in the final view, still in the file
        '<w:p>' + run("Identity checked against ") +
        '<w:del w:id="11" w:author="Margaret Olusegun" w:date="2026-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve">SSN '
        + plant(f, "tracked_deletion", "personal", "us_ssn", "512-48-7731") + ' and </w:delText></w:r></w:del>'
        + run("the engagement letter.") + '</w:p>',
        '<w:p>' + run("Refund goes back to ") +
        '<w:ins w:id="12" w:author="Margaret Olusegun" w:date="2026-01-01T00:00:00Z">'
        + run("card " + plant(f, "tracked_insertion", "personal", "payment_card", "4539 1488 0343 6467")) + '</w:ins>'
        + run(".") + '</w:p>',
        # hidden text
        para(run("Portal access set up. "),
             run("key " + plant(f, "hidden_text", "secret", "api_key",
                                "sk-proj-Q7vR2mXk9LpT4wYz8NbC1dFe6GhJ3sKa5UoIy0PqWr2TxVz7"), "<w:vanish/>")),
        # a field code pointing at a file on someone's disk
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "'
        + plant(f, "field_code", "identity", "file_path",
                "C:\\Users\\molusegun\\Documents\\Clients\\Cobalt\\settlement-draft-v3.docx") +
        '" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("earlier draft")
        + '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
        '<w:p>' + run("Opposing counsel: ") + '<w:hyperlink r:id="rIdMail">' + run("Klaus Brandt", '<w:rStyle w:val="Hyperlink"/>')
        + '</w:hyperlink></w:p>',
        '<w:p><w:commentRangeStart w:id="0"/>' + run("Please review before sending.")
        + '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>',
        '<w:p>' + run("Witness list attached.") + '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>',
        '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="5000"/></w:tblGrid>'
        '<w:tr><w:tc><w:p>' + run("Settlement account") + '</w:p></w:tc><w:tc><w:p>'
        + run(plant(f, "table", "personal", "iban", "GB82 WEST 1234 5698 7654 32")) + '</w:p></w:tc></w:tr>'
        '<w:tr><w:tc><w:p>' + run("Invoice") + '</w:p></w:tc><w:tc><w:p>'
        + run(lookalike(f, "table", "payment_card", "INV-2024-004417", "an invoice number")) + '</w:p></w:tc></w:tr>'
        '<w:tr><w:tc><w:p>' + run("Reference") + '</w:p></w:tc><w:tc><w:p>'
        + run("ISBN " + lookalike(f, "table", "payment_card", "978-0-306-40615-7", "an ISBN")) + '</w:p></w:tc></w:tr>'
        '<w:tr><w:tc><w:p>' + run("Card (typo, rejected)") + '</w:p></w:tc><w:tc><w:p>'
        + run(lookalike(f, "table", "payment_card", "4539 1488 0343 6468", "fails the Luhn check")) + '</w:p></w:tc></w:tr>'
        '</w:tbl>',
        para(run("Hearing on " + lookalike(f, "body", "date_of_birth", "14 March 2019",
                                           "a date with no birth word near it") + " in Springfield.")),
        # a picture whose alt text says more than the picture
        '<w:p><w:r><w:drawing><wp:inline><wp:extent cx="9525" cy="9525"/>'
        '<wp:docPr id="1" name="Badge" descr="Badge photo of Dana Whitlock, '
        + esc(plant(f, "alt_text", "personal", "email", "dana.w@harborline-legal.com")) + '"/>'
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>'
        '<pic:nvPicPr><pic:cNvPr id="1" name="badge.png"/><pic:cNvPicPr/></pic:nvPicPr>'
        '<pic:blipFill><a:blip r:embed="rIdImg"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>'
        '<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="9525" cy="9525"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>'
        '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>',
    ]
    plant(f, "hyperlink", "personal", "email", "k.brandt@cobaltfreight.com", "mailto: target of a hyperlink")
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W}><w:body>' + "".join(body) +
                '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/>'
                '<w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>'
                '</w:body></w:document>')
    header = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:hdr {W}>'
              + para(run(plant(f, "header", "confidential", "confidentiality_marker",
                               "PRIVILEGED & CONFIDENTIAL") + " — ATTORNEY–CLIENT COMMUNICATION")) + '</w:hdr>')
    footer = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:ftr {W}>'
              + para(run("Harborline Legal LLP · " + plant(f, "footer", "personal", "street_address",
                                                            "88 Wharf Street, Suite 400, Boston, MA 02110"))) + '</w:ftr>')
    comments = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments {W}>'
                f'<w:comment w:id="0" w:author="{esc(plant(f, "comment", "identity", "author", "Margaret Olusegun", "the comment author"))}" '
                'w:date="2026-01-01T00:00:00Z" w:initials="MO">'
                + para(run("Call Priya on " + plant(f, "comment", "personal", "phone", "+44 20 7946 0958") + " first."))
                + '</w:comment></w:comments>')
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {W}>'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>'
                 '<w:footnote w:id="1">' + para(run("Statement of J. Carrow, National Insurance number "
                                                    + plant(f, "footnote", "personal", "uk_nino", "JG 10 37 72 B") + "."))
                 + '</w:footnote></w:footnotes>')
    settings = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:settings {W}>'
                '<w:attachedTemplate r:id="rIdTemplate"/></w:settings>')
    template = plant(f, "template", "identity", "file_path", "\\\\HLFS01\\Users\\molusegun\\Templates\\litigation-memo.dotm",
                     "attached template on a file server, in settings.xml's relationships")
    custom_xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><clientRecord xmlns="urn:harborline:matters">'
                  f'<matter>HL-2026-0093</matter><taxId>{plant(f, "custom_xml", "personal", "us_itin", "912-78-4456")}</taxId>'
                  '</clientRecord>')
    item_props = ('<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{6C1F3B0A-8E5D-4C7B-9A21-3D4E5F607182}" '
                  'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           f'<Application>Microsoft Office Word</Application><Company>{esc(plant(f, "properties", "identity", "company", "Harborline Legal LLP"))}</Company></Properties>')
    core = core_props(plant(f, "properties", "identity", "author", "Margaret Olusegun", "dc:creator"),
                      plant(f, "properties", "identity", "user_name", "molusegun", "cp:lastModifiedBy"),
                      "Settlement memo")
    custom = custom_props([("ReviewerEmail", plant(f, "properties", "personal", "email", "r.osei@harborline-legal.com",
                                                   "a custom document property"))])
    content_types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                     '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
                     '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
                     '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
                     '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
                     '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>'
                     '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
                     '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
                     '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>'
                     '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
                     '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
                     '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
                     '</Types>')
    rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG_REL}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="word/document.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
            f'<Relationship Id="rId3" Type="{REL}/extended-properties" Target="docProps/app.xml"/>'
            f'<Relationship Id="rId4" Type="{REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>')
    doc_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG_REL}">'
                f'<Relationship Id="rIdHeader" Type="{REL}/header" Target="header1.xml"/>'
                f'<Relationship Id="rIdFooter" Type="{REL}/footer" Target="footer1.xml"/>'
                f'<Relationship Id="rIdComments" Type="{REL}/comments" Target="comments.xml"/>'
                f'<Relationship Id="rIdFootnotes" Type="{REL}/footnotes" Target="footnotes.xml"/>'
                f'<Relationship Id="rIdSettings" Type="{REL}/settings" Target="settings.xml"/>'
                f'<Relationship Id="rIdImg" Type="{REL}/image" Target="media/badge.png"/>'
                f'<Relationship Id="rIdCustom" Type="{REL}/customXml" Target="../customXml/item1.xml"/>'
                f'<Relationship Id="rIdMail" Type="{REL}/hyperlink" Target="mailto:k.brandt@cobaltfreight.com" TargetMode="External"/>'
                '</Relationships>')
    settings_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG_REL}">'
                     f'<Relationship Id="rIdTemplate" Type="{REL}/attachedTemplate" Target="file:///{esc(template)}" TargetMode="External"/>'
                     '</Relationships>')
    item_rels = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG_REL}">'
                 f'<Relationship Id="rId1" Type="{REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>')
    write_zip(f, [("[Content_Types].xml", content_types), ("_rels/.rels", rels), ("word/document.xml", document),
                  ("word/_rels/document.xml.rels", doc_rels), ("word/header1.xml", header), ("word/footer1.xml", footer),
                  ("word/comments.xml", comments), ("word/footnotes.xml", footnotes), ("word/settings.xml", settings),
                  ("word/_rels/settings.xml.rels", settings_rels), ("word/media/badge.png", PIXEL_PNG),
                  ("customXml/item1.xml", custom_xml), ("customXml/itemProps1.xml", item_props),
                  ("customXml/_rels/item1.xml.rels", item_rels), ("docProps/core.xml", core), ("docProps/app.xml", app),
                  ("docProps/custom.xml", custom)])


def rewrite_zip(name, change):
    """Rewrites the package `name` part by part: change(part, text) returns new text, or None to keep it;
    change.extra lists parts to add."""
    path = os.path.join(HERE, name)
    with zipfile.ZipFile(path) as z:
        parts = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    out = []
    for part, data in parts:
        if part.endswith(".xml") or part.endswith(".rels"):
            new = change(part, data.decode("utf-8"))
            out.append((part, new if new is not None else data))
        else:
            out.append((part, data))
    out.extend(change.extra)
    write_zip(name, out)


def make_xlsx():
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.workbook.defined_name import DefinedName

    f = "payroll-extract.xlsx"
    wb = Workbook()
    summary = wb.active
    summary.title = "Summary"
    summary["A1"] = "Payroll extract, October"
    summary["A2"] = "Status"
    summary["B2"] = plant(f, "cell", "confidential", "confidentiality_marker", "DO NOT DISTRIBUTE")
    summary["A3"] = "Contact"
    summary["B3"] = "RICH-TEXT-EMAIL"  # replaced below by an e-mail split across rich-text runs
    plant(f, "cell", "personal", "email", "jonathan.pemberton@cobaltfreight.com", "a shared string split across rich-text runs")
    summary["B3"].comment = Comment("Home address: " + plant(f, "cell_comment", "personal", "street_address",
                                                             "22 Kenworth Road, Leeds LS6 2AB"), "jpemberton")
    summary["A4"] = "Phone"
    summary["B4"] = plant(f, "cell", "personal", "phone", "(646) 287-5530")
    summary["A5"] = "Invoice"
    summary["B5"] = lookalike(f, "cell", "payment_card", "INV-2024-004417", "an invoice number")
    summary["A6"] = "Card on file"
    summary["B6"] = plant(f, "hidden_row", "personal", "payment_card", "5423 1876 0091 2342")
    summary.row_dimensions[6].hidden = True
    summary["A7"] = "PO"
    summary["B7"] = lookalike(f, "cell", "payment_card", "PO-88213-7", "a purchase order number")
    summary["A8"] = "Old IBAN (mistyped)"
    summary["B8"] = lookalike(f, "cell", "iban", "DE88 3704 0044 0532 0130 00", "fails the mod-97 check")
    summary["A9"] = "Test SSN"
    summary["B9"] = lookalike(f, "cell", "us_ssn", "666-12-3456", "area 666 is never issued")
    summary["A10"] = "Batch"
    summary["B10"] = lookalike(f, "cell", "phone", "20261031", "a batch number (a date), not a phone number")
    summary["D1"] = "Date of birth"
    summary["D4"] = plant(f, "hidden_column", "personal", "date_of_birth", "1984-07-22", "under a 'Date of birth' header")
    summary.column_dimensions["D"].hidden = True

    staff = wb.create_sheet("Staff")
    staff.sheet_state = "hidden"
    staff.append(["Name", "SSN", "Bank account"])
    staff.append(["Alicia Ferreira", plant(f, "hidden_sheet", "personal", "us_ssn", "431-22-9087"),
                  plant(f, "hidden_sheet", "personal", "iban", "DE89 3704 0044 0532 0130 00")])

    config = wb.create_sheet("Config")
    config.sheet_state = "veryHidden"
    config["A1"] = ("Driver={ODBC Driver 17 for SQL Server};Server=sql01.corp.local;Database=Payroll;Uid=pay_app;Pwd="
                    + plant(f, "very_hidden_sheet", "secret", "password", "Winter2024!Payroll") + ";")
    config["A2"] = "aws_access_key_id"
    config["B2"] = plant(f, "very_hidden_sheet", "secret", "api_key", "AKIA4HX2QPLR7KZ3MNWB")

    token = plant(f, "defined_name", "secret", "api_key", "ghp_8fK2mQ9xL4vT7nR1wZ6yB3cD5eH0jP2sU4aG")
    wb.defined_names.append(DefinedName("DeployToken", attr_text=f'"{token}"'))

    wb.properties.creator = plant(f, "properties", "identity", "author", "Jonathan Pemberton")
    wb.properties.lastModifiedBy = plant(f, "properties", "identity", "user_name", "jpemberton")
    wb.save(os.path.join(HERE, f))

    company = plant(f, "properties", "identity", "company", "Cobalt Freight Inc.")
    classification = plant(f, "properties", "confidential", "confidentiality_marker", "Internal use only",
                           "a custom document property")
    ext_path = plant(f, "external_link", "identity", "file_path",
                     "C:\\Users\\jpemberton\\OneDrive - Cobalt Freight\\HR\\Payroll 2024.xlsx")
    ext_iban = plant(f, "external_link", "personal", "iban", "NL91 ABNA 0417 1643 00", "a cached value of an external link")
    pivot_email = plant(f, "pivot_cache", "personal", "email", "m.ortega@cobaltfreight.com",
                        "a shared item of a pivot cache whose source rows were deleted")

    def change(part, text):
        if part == "xl/worksheets/sheet1.xml":
            rich = ("<is><r><t>jonathan.pem</t></r><r><rPr><b/></rPr><t>berton@cobalt</t></r>"
                    "<r><t>freight.com</t></r></is>")
            changed = text.replace("<is><t>RICH-TEXT-EMAIL</t></is>", rich)
            assert changed != text, "the rich-text placeholder was not found"
            return changed
        if part == "docProps/app.xml":
            return re.sub(r"</Properties>\s*$", f"<Company>{esc(company)}</Company></Properties>", text)
        if part == "[Content_Types].xml":
            return text.replace("</Types>",
                                '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>'
                                '<Override PartName="/xl/externalLinks/externalLink1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml"/>'
                                '<Override PartName="/xl/pivotCache/pivotCacheDefinition1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml"/>'
                                '<Override PartName="/xl/pivotCache/pivotCacheRecords1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml"/>'
                                "</Types>")
        if part == "_rels/.rels":
            return text.replace("</Relationships>",
                                f'<Relationship Id="rIdCustomProps" Type="{REL}/custom-properties" Target="docProps/custom.xml"/></Relationships>')
        if part == "xl/_rels/workbook.xml.rels":
            return text.replace("</Relationships>",
                                f'<Relationship Id="rIdExt1" Type="{REL}/externalLink" Target="externalLinks/externalLink1.xml"/>'
                                f'<Relationship Id="rIdPivot1" Type="{REL}/pivotCacheDefinition" Target="pivotCache/pivotCacheDefinition1.xml"/>'
                                "</Relationships>")
        if part == "xl/workbook.xml":
            text = re.sub(r"(</sheets>)", rf'\1<externalReferences><externalReference xmlns:r="{REL}" r:id="rIdExt1"/></externalReferences>', text)
            if "<calcPr" in text:
                text = re.sub(r"(<calcPr[^>]*/>)", rf'\1<pivotCaches><pivotCache xmlns:r="{REL}" cacheId="1" r:id="rIdPivot1"/></pivotCaches>', text)
            else:
                text = text.replace("</workbook>", f'<pivotCaches><pivotCache xmlns:r="{REL}" cacheId="1" r:id="rIdPivot1"/></pivotCaches></workbook>')
            return text
        return None

    change.extra = [
        ("docProps/custom.xml", custom_props([("Classification", classification)])),
        ("xl/externalLinks/externalLink1.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1">'
         '<sheetNames><sheetName val="Accounts"/></sheetNames><sheetDataSet><sheetData sheetId="0">'
         '<row r="1"><cell r="A1" t="str"><v>Alicia Ferreira</v></cell><cell r="B1" t="str"><v>' + esc(ext_iban) + '</v></cell></row>'
         '</sheetData></sheetDataSet></externalBook></externalLink>'),
        ("xl/externalLinks/_rels/externalLink1.xml.rels",
         f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG_REL}">'
         f'<Relationship Id="rId1" Type="{REL}/externalLinkPath" Target="file:///{esc(ext_path)}" TargetMode="External"/></Relationships>'),
        ("xl/pivotCache/pivotCacheDefinition1.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
         'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1" refreshOnLoad="0" recordCount="1">'
         '<cacheSource type="worksheet"><worksheetSource ref="A1:B2" sheet="Deleted"/></cacheSource><cacheFields count="2">'
         '<cacheField name="Approver" numFmtId="0"><sharedItems count="1"><s v="' + esc(pivot_email) + '"/></sharedItems></cacheField>'
         '<cacheField name="Amount" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="1200" maxValue="1200"/></cacheField>'
         '</cacheFields></pivotCacheDefinition>'),
        ("xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
         f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{PKG_REL}">'
         f'<Relationship Id="rId1" Type="{REL}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/></Relationships>'),
        ("xl/pivotCache/pivotCacheRecords1.xml",
         '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
         'count="1"><r><x v="0"/><n v="1200"/></r></pivotCacheRecords>'),
    ]
    rewrite_zip(f, change)


def make_pdf():
    from reportlab.lib.pagesizes import letter
    from reportlab.pdfgen import canvas
    import pikepdf

    f = "signed-engagement.pdf"
    path = os.path.join(HERE, f)
    c = canvas.Canvas(path, pagesize=letter, invariant=1)
    c.setAuthor(plant(f, "pdf_info", "identity", "author", "Gregory Nwosu", "the document information's Author"))
    c.setCreator(plant(f, "pdf_info", "identity", "file_path", "C:\\Users\\gnwosu\\Desktop\\engagement-final.docx",
                       "the document information's Creator"))
    c.setTitle("Engagement letter")
    y = 720
    lines = [
        "Engagement letter: Northwind Advisory and Cobalt Freight Inc.",
        plant(f, "page", "confidential", "confidentiality_marker", "Attorney-Client Privileged"),
        "Billing contact: " + plant(f, "page", "personal", "email", "accounts@northwind-advisory.com"),
        "Retainer charged to card " + plant(f, "page", "personal", "payment_card", "3714 496353 98431"),
        "Social Security Number: " + plant(f, "page", "personal", "us_ssn", "609-33-7812"),
        "Shipment tracking: " + lookalike(f, "page", "payment_card", "1Z999AA10123456784", "a parcel tracking number"),
        "Order reference: " + lookalike(f, "page", "phone", "4471-2026-0093", "an order reference"),
    ]
    c.bookmarkPage("p1")
    c.addOutlineEntry("Exhibit B - J. Carrow, DOB " + plant(f, "bookmark", "personal", "date_of_birth", "1975-09-30",
                                                            "an outline (bookmark) title"), "p1", level=0)
    for line in lines:
        c.drawString(72, y, line)
        y -= 18
    # a sticky note and a form field, neither drawn on the page
    c.textAnnotation("Reach me on " + plant(f, "pdf_annotation", "personal", "phone", "+1 202-555-0143"),
                     Rect=(400, 600, 420, 620), relative=0)
    c.acroForm.textfield(name="payout_account", value=plant(f, "form_field", "personal", "iban",
                                                           "FR14 2004 1010 0505 0001 3M02 606"),
                         x=72, y=400, width=300, height=18)
    c.showPage()
    c.drawString(72, 720, "Deployment key for the client portal:")
    key_lines = ["-----BEGIN RSA PRIVATE KEY-----",
                 "MIIEowIBAAKCAQEAvV2nq8yQ3kXf7r0Lw5c1Zp9GmT4hJx2sN8dKqU6eYbR3tWf1",
                 "aL0oP9iM7uN5yB3vC1xZ2wQ4eR6tY8uI0oP1aS3dF5gH7jK9lZ2xC4vB6nM8qW0e",
                 "-----END RSA PRIVATE KEY-----"]
    plant(f, "page", "secret", "private_key", key_lines[0], "a private key block on page 2")
    y = 700
    for line in key_lines:
        c.drawString(72, y, line)
        y -= 14
    c.showPage()
    c.save()
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        with pdf.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            meta["dc:creator"] = [plant(f, "xmp", "identity", "author", "Gregory Nwosu", "dc:creator in the XMP packet")]
            meta["dc:description"] = "Contact " + plant(f, "xmp", "personal", "email", "g.nwosu@northwind-advisory.com",
                                                        "dc:description in the XMP packet")
        pdf.save(path, static_id=True)


def make_jpeg():
    from PIL import Image

    f = "site-photo.jpg"
    image = Image.new("RGB", (64, 48), (180, 190, 200))
    exif = Image.Exif()
    exif[0x013B] = plant(f, "exif", "identity", "author", "Dana Whitlock", "EXIF Artist")
    exif[0x010E] = "Taken at " + plant(f, "exif", "personal", "street_address", "1427 Larkspur Avenue, Springfield, IL 62704",
                                       "EXIF ImageDescription")
    exif[0x8825] = {1: "N", 2: (39.0, 46.0, 53.4), 3: "W", 4: (89.0, 38.0, 41.2)}
    plant(f, "exif", "personal", "gps_location", "39.781500,-89.644778", "EXIF GPS latitude/longitude (degrees, 4 places)")
    image.save(os.path.join(HERE, f), exif=exif.tobytes(), quality=80)


def make_csv():
    f = "crm-export.csv"
    rows = [
        "name,email,phone,date_of_birth,notes",
        "Alicia Ferreira," + plant(f, "csv_cell", "personal", "email", "alicia.ferreira@cobaltfreight.com") + ","
        + plant(f, "csv_cell", "personal", "phone", "+49 30 901820") + ","
        + plant(f, "csv_cell", "personal", "date_of_birth", "1962-05-04", "in a date_of_birth column") + ","
        + "\"prefers card " + plant(f, "csv_cell", "personal", "payment_card", "6011 9876 5432 1019") + "\"",
        "Ravi Menon,ravi.menon@example.org,,,\"order " + lookalike(f, "csv_cell", "payment_card", "4000 1234 5678 9011",
                                                                  "fails the Luhn check") + "\"",
        "Ops desk,,,,\"ticket " + lookalike(f, "csv_cell", "phone", "2026-11-05-0042", "a ticket number") + "\"",
    ]
    plant(f, "csv_cell", "personal", "email", "ravi.menon@example.org",
          "example.org is reserved, but a tool told nothing finds it (the sample suite allow-lists it)")
    with open(os.path.join(HERE, f), "w", newline="\n") as out:
        out.write("\n".join(rows) + "\n")


def make_text():
    f = "deploy-notes.txt"
    jwt = plant(f, "text_line", "secret", "jwt",
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJwb3J0YWwtYWRtaW4iLCJpYXQiOjE3NjcyMjU2MDB9."
                "Qm9ndXNTaWduYXR1cmVGb3JUaGVDb3JwdXNPbmx5MTIz")
    lines = [
        "Deployment notes for the client portal (" + plant(f, "text_line", "confidential", "confidentiality_marker",
                                                           "Proprietary and confidential") + ")",
        "",
        "DATABASE_URL=postgresql://svc_report:" + plant(f, "text_line", "secret", "password", "Tr0ub4dor-Pine-88",
                                                        "the password of a connection URL") + "@db.cobalt.internal:5432/finance",
        "STRIPE_SECRET_KEY=" + plant(f, "text_line", "secret", "api_key", "sk_live_51Hx9QmT2vR8pL4nK7wZ3yB6c"),
        "ANTHROPIC_API_KEY=" + plant(f, "text_line", "secret", "api_key",
                                     "sk-ant-api03-Vb7Xq2Lm9Nf4Rt8Wk1Zy6Hc3Jd5Gs0Pa-Qe2Tu7Io9Yr4Ew1Mn8Bx6Cv3Az5Sl2Dk9Fj7Gh4AA"),
        "maps_key: " + plant(f, "text_line", "secret", "api_key", "AIzaSyD4kX9mQ2wE7rT1yU6iO3pL8aS5dF0gHjK"),
        "slack: " + plant(f, "text_line", "secret", "api_key", "xoxb-2841750336-6102947583021-Zq7Lm2Xv9Rt4Nk8Wp1Yb6Hc3"),
        "[smtp]",
        "user = alerts",
        "password = " + plant(f, "text_line", "secret", "password", "hunter2-Production", "a config line"),
        "Authorization: Bearer " + jwt,
        "",
        "Not secrets (must not be reported):",
        "password = ${" + lookalike(f, "text_line", "password", "SMTP_PASSWORD", "a variable reference, not a value") + "}",
        "db_password: " + lookalike(f, "text_line", "password", "<redacted>", "already redacted"),
        "image digest sha256:" + lookalike(f, "text_line", "api_key",
                                           "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "a SHA-256 digest"),
        "request id " + lookalike(f, "text_line", "api_key", "3f2b8c1e-7d4a-4e6b-9a0c-5d8e1f2a3b4c", "a UUID"),
        "commit " + lookalike(f, "text_line", "api_key", "e83c5163316f89bfbde7d9ab23ca2e25604af290", "a git commit id"),
        "risk-adjusted task-proj-7 estimate",
    ]
    lookalike(f, "text_line", "api_key", "task-proj-7", "a word that merely contains 'sk-proj'")
    key = ["-----BEGIN OPENSSH PRIVATE KEY-----",
           "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
           "QyNTUxOQAAACDe0Vq3Zt8s1mN4pL7xK2cR9wB5yH6jF0aT3gU8eI1oQAAAAJhYm9ndXM=",
           "-----END OPENSSH PRIVATE KEY-----"]
    plant(f, "text_line", "secret", "private_key", key[0])
    with open(os.path.join(HERE, f), "w", newline="\n") as out:
        out.write("\n".join(lines + [""] + key) + "\n")

    f = "handover.md"
    lines = [
        "# Handover: Cobalt Freight account",
        "",
        "> " + plant(f, "text_line", "confidential", "confidentiality_marker", "Internal use only") + ". Owner: account team.",
        "",
        "- Main contact: Alicia Ferreira, " + plant(f, "text_line", "personal", "email", "alicia.f@cobaltfreight.com")
        + ", " + plant(f, "text_line", "personal", "phone", "+1 (312) 846-2291"),
        "- Her date of birth (for the insurer): " + plant(f, "text_line", "personal", "date_of_birth", "5 May 1962"),
        "- Tax id on file: " + plant(f, "text_line", "personal", "us_itin", "947-81-2203"),
        "- UK payroll: NINO " + plant(f, "text_line", "personal", "uk_nino", "AB 12 34 56 C"),
        "- Office: " + plant(f, "text_line", "personal", "street_address", "Flat 3, 22 Kenworth Road, Leeds LS6 2AB"),
        "",
        "Look-alikes kept on purpose: NINO example " + lookalike(f, "text_line", "uk_nino", "QQ 12 34 56 C",
                                                                 "prefix QQ is never issued")
        + ", SSN " + lookalike(f, "text_line", "us_ssn", "123-00-4567", "group 00 is never issued")
        + ", ISBN " + lookalike(f, "text_line", "payment_card", "978-1-4028-9462-6", "an ISBN-13") + ".",
        "The quarterly review is on " + lookalike(f, "text_line", "date_of_birth", "3 June 2026", "a date with no birth word near it") + ".",
    ]
    with open(os.path.join(HERE, f), "w", newline="\n") as out:
        out.write("\n".join(lines) + "\n")


def make_pptx():
    """The deck is written by MakeDeck.java with Apache POI (Debian has no python-pptx): its planted values
    are declared here and handed over as JSON, so the manifest stays the one list."""
    import subprocess

    f = "board-update.pptx"
    values = {
        "title": "Q3 Board Update - " + plant(f, "slide", "confidential", "confidentiality_marker", "Strictly Confidential"),
        "body": "Escalations: Dana Whitlock, " + plant(f, "slide", "personal", "phone", "+1 (312) 846-2291"),
        "jwt": "Demo sign-in token: " + plant(f, "slide", "secret", "jwt",
                                              "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYm9hcmQtZGVtbyJ9.Q29ycHVzT25seVNpZ25hdHVyZTk4NzY1"),
        "notes": "Remind the board that Priya's SSN " + plant(f, "speaker_notes", "personal", "us_ssn", "287-65-4321")
                 + " is on the visa form. Bot token " + plant(f, "speaker_notes", "secret", "api_key",
                                                              "xoxp-7301846251-9912837465-4417283910-5bd8f3a1c6e24907d1f5a8b3c2e6d7f0") + ".",
        "alt": "Scan of passport, DOB " + plant(f, "alt_text", "personal", "date_of_birth", "02/11/1990"),
        "chartHidden": plant(f, "chart_workbook", "personal", "email", "k.brandt@cobaltfreight.com",
                             "a cell of the chart's embedded workbook outside the plotted range"),
        "author": plant(f, "properties", "identity", "author", "Dana Whitlock"),
        "company": plant(f, "properties", "identity", "company", "Cobalt Freight Inc."),
        "lookalike": "Revenue grew 12% to $4,471,202; order " + lookalike(f, "slide", "phone", "PO-2026-88213",
                                                                          "a purchase order number"),
        "out": os.path.join(HERE, f),
    }
    spec = os.path.join(HERE, ".deck.json")
    with open(spec, "w") as out:
        json.dump(values, out)
    try:
        subprocess.run(["java", "-cp", os.environ["POI_CP"], os.path.join(HERE, "MakeDeck.java"), spec], check=True)
    finally:
        os.remove(spec)


def main():
    make_docx()
    make_xlsx()
    make_pptx()
    make_pdf()
    make_jpeg()
    make_csv()
    make_text()
    import hashlib
    files = sorted({p["file"] for p in PLANTED} | {l["file"] for l in LOOKALIKES})
    digests = {name: hashlib.sha256(open(os.path.join(HERE, name), "rb").read()).hexdigest() for name in files}
    manifest = {
        "version": 1,
        "files": digests,
        "about": "Planted vetting corpus (issue 20). See README.md for the matching rule. Frozen: do not edit by hand.",
        "planted": PLANTED,
        "lookalikes": LOOKALIKES,
    }
    with open(os.path.join(HERE, "manifest.json"), "w") as out:
        json.dump(manifest, out, indent=2, ensure_ascii=False)
        out.write("\n")
    print(f"{len(PLANTED)} planted, {len(LOOKALIKES)} look-alikes", file=sys.stderr)


if __name__ == "__main__":
    main()
