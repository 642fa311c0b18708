# Writes p.xlsx by ECMA-376 (part 1, 18.3.1.40 <f> and 18.3.1.96 <v>; part 2, the package), as a
# program that writes formulas but does not calculate them does (openpyxl): weekly_hours is
# <f>32+4</f> with no <v>. No such program is installed here (LibreOffice always calculates; the
# unit test XlsxReader.AFormulaLibxlsxwriterNeverCalculatedIsAFinding uses libxlsxwriter, which
# stores 0 and asks Excel to recalculate).
# Run: python3 make_p_xlsx.py (writes p.xlsx beside it; the committed p.xlsx is its output).
import zipfile

HEADER = ("person_id employment_id organisation_unit unit_type start_date end_date weekly_hours "
          "birth_year gender salary_scale contract jobs_agreement").split()
ROW = ["P1", "E1", "DG A", "core", "2015-01-01", None, "FORMULA", "1980", "female", "11",
       "permanent", "false"]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def column(i):
    return chr(ord("A") + i)


def cell(ref, value):
    if value is None:
        return ""
    if value == "FORMULA":
        return '<c r="%s"><f>32+4</f></c>' % ref
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, value)


def row(n, values):
    return ('<row r="%d">' % n + "".join(cell(column(i) + str(n), v) for i, v in enumerate(values))
            + "</row>")


sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="%s"><sheetData>'
         % MAIN + row(1, HEADER) + row(2, ROW) + "</sheetData></worksheet>")
parts = {
    "[Content_Types].xml":
        '<?xml version="1.0" encoding="UTF-8"?><Types '
        'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '</Types>',
    "_rels/.rels":
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s"><Relationship Id="rId1" '
        'Type="%s/officeDocument" Target="xl/workbook.xml"/></Relationships>' % (PKG, REL),
    "xl/workbook.xml":
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="%s" xmlns:r="%s"><sheets>'
        '<sheet name="Personeel" sheetId="1" r:id="rId1"/></sheets></workbook>' % (MAIN, REL),
    "xl/_rels/workbook.xml.rels":
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="%s"><Relationship Id="rId1" '
        'Type="%s/worksheet" Target="worksheets/sheet1.xml"/></Relationships>' % (PKG, REL),
    "xl/worksheets/sheet1.xml": sheet,
}
with zipfile.ZipFile("p.xlsx", "w") as z:
    for name, text in parts.items():
        z.writestr(zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0)), text, zipfile.ZIP_DEFLATED)
