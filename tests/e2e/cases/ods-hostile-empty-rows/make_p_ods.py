# Writes p.ods by the OpenDocument 1.3 specification (part 2, packages; part 3, schema), as a
# hostile file would be: between two data rows, one empty row claimed a million million times
# (table:number-rows-repeated="1000000000000"), a few bytes that a reader handing out rows one by
# one never gets past. No spreadsheet program writes this; LibreOffice stops at 16,777,216 rows.
# Run: python3 make_p_ods.py (writes p.ods beside it; the committed p.ods is its output).
import zipfile

HEADER = ("person_id employment_id organisation_unit unit_type start_date end_date weekly_hours "
          "birth_year gender salary_scale contract jobs_agreement").split()
ROWS = [["P1", "E1", "DG A", "core", "2015-01-01", "", "36", "1980", "female", "11", "permanent",
         "false"],
        ["P2", "E2", "Agency B", "agency", "2020-03-01", "2020-10-31", "18.5", "1995", "M", "8",
         "temporary", "ja"]]


def cell(value):
    if value == "":
        return "<table:table-cell/>"
    return ('<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>'
            % value)


def row(values):
    return "<table:table-row>" + "".join(cell(v) for v in values) + "</table:table-row>"


content = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
    '<office:body><office:spreadsheet><table:table table:name="Personeel">'
    + row(HEADER) + row(ROWS[0]) +
    '<table:table-row table:number-rows-repeated="1000000000000">'
    '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    + row(ROWS[1]) +
    '</table:table></office:spreadsheet></office:body></office:document-content>')
manifest = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '</manifest:manifest>')
with zipfile.ZipFile("p.ods", "w") as z:
    # The mimetype part comes first and is stored uncompressed (part 2, 3.3).
    z.writestr(zipfile.ZipInfo("mimetype", (2020, 1, 1, 0, 0, 0)),
               "application/vnd.oasis.opendocument.spreadsheet", zipfile.ZIP_STORED)
    # Stored, not deflated, so that the fuzzer's mutations reach the XML.
    for name, text in (("content.xml", content), ("META-INF/manifest.xml", manifest)):
        z.writestr(zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0)), text, zipfile.ZIP_STORED)
