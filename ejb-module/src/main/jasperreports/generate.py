#!/usr/bin/env python3
"""Writes the JasperReports 7 templates of ejb-module/src/main/jasperreports from column specs."""
import sys, os
from xml.sax.saxutils import escape
OUT = sys.argv[1]
FONT = "DejaVu Sans"
ACCENT = "#1F3A5F"

def cdata(s): return "<![CDATA[" + s + "]]>"

def tf(x, y, w, h, expr, size=8, bold=False, align="Left", color=None, stretch=False, style=None, extra="", italic=False, eval_time=None, pos=None, mode=None, back=None, markup=None):
    a = f'<element kind="textField" x="{x}" y="{y}" width="{w}" height="{h}"'
    if style: a += f' style="{style}"'
    else:
        a += f' fontName="{FONT}" fontSize="{size}.0"'
        if bold: a += ' bold="true"'
        if italic: a += ' italic="true"'
    if color: a += f' forecolor="{color}"'
    if mode: a += f' mode="{mode}"'
    if back: a += f' backcolor="{back}"'
    if pos: a += f' positionType="{pos}"'
    if stretch: a += ' textAdjust="StretchHeight"'
    if eval_time: a += f' evaluationTime="{eval_time}"'
    if markup: a += f' markup="{markup}"'
    a += f' blankWhenNull="true" hTextAlign="{align}" vTextAlign="Middle"{extra}>'
    return a + f'<expression>{cdata(expr)}</expression><box leftPadding="2" rightPadding="2"/></element>'

def line(x, y, w, color="#888888", width="0.5", pos=None):
    p = f' positionType="{pos}"' if pos else ""
    return f'<element kind="line" x="{x}" y="{y}" width="{w}" height="1" forecolor="{color}"{p}><pen lineWidth="{width}"/></element>'

def rect(x, y, w, h, color, pos=None):
    p = f' positionType="{pos}"' if pos else ""
    return f'<element kind="rectangle" x="{x}" y="{y}" width="{w}" height="{h}" backcolor="{color}" forecolor="{color}" mode="Opaque"{p}><pen lineWidth="0.0"/></element>'

def template(name, landscape, columns, document, keep_rows=False):
    # keep_rows: a row is never split across two pages and the section heading is repeated on
    # the next page (the reconciliation report's wrapped explanations)
    pw, ph = (842, 595) if landscape else (595, 842)
    m = 30 if landscape else 36
    W = pw - 2 * m
    total = sum(c[1] for c in columns)
    assert total == W, f"{name}: widths {total} != {W}"
    o = []
    o.append(f'<?xml version="1.0" encoding="UTF-8"?>')
    o.append(f'<!-- {name}: written by generate.py beside it (edit the generator, then run it). '
             'Every field is text the application formatted (amounts at the currency\'s scale); no arithmetic here. -->')
    o.append(f'<jasperReport name="{name}" language="java" pageWidth="{pw}" pageHeight="{ph}" '
             f'orientation="{"Landscape" if landscape else "Portrait"}" whenNoDataType="AllSectionsNoDetail" '
             f'columnWidth="{W}" leftMargin="{m}" rightMargin="{m}" topMargin="{m}" bottomMargin="{m - 6}">')
    o.append(f'<style name="Row" default="true" fontName="{FONT}" fontSize="8.0">'
             '<conditionalStyle><conditionExpression>' + cdata('"SUBTOTAL".equals($F{kind}) || "OPENING".equals($F{kind}) || "CLOSING".equals($F{kind})') +
             '</conditionExpression><style bold="true"/></conditionalStyle>'
             '<conditionalStyle><conditionExpression>' + cdata('"TOTAL".equals($F{kind})') +
             f'</conditionExpression><style bold="true" forecolor="{ACCENT}"/></conditionalStyle></style>')
    for p in ["COMPANY_NAME", "COMPANY_ADDRESS", "TITLE", "SUBTITLE", "INFO_LABELS", "INFO_VALUES",
              "PARTY_LABEL", "PARTY_BLOCK", "FOOTER_LABELS", "FOOTER_VALUES", "NOTES", "PRINTED_AT"]:
        o.append(f'<parameter name="{p}" class="java.lang.String"/>')
    o.append('<field name="kind" class="java.lang.String"/>')
    o.append('<field name="section" class="java.lang.String"/>')
    for i in range(len(columns)):
        o.append(f'<field name="c{i}" class="java.lang.String"/>')
    o.append('<group name="section"' + (' reprintHeaderOnEachPage="true"' if keep_rows else '') + '><expression>' + cdata('$F{section}') + '</expression>'
             '<groupHeader><band height="20">'
             '<printWhenExpression>' + cdata('$F{section} != null && !$F{section}.isEmpty()') + '</printWhenExpression>'
             + tf(0, 4, W, 14, '$F{section}', size=9, bold=True, color=ACCENT) + line(0, 18, W, ACCENT) +
             '</band></groupHeader></group>')
    # title
    th = 150 if document else 92
    t = [f'<title height="{th}">']
    t.append(rect(0, 0, W, 3, ACCENT))
    t.append(tf(0, 8, 300, 18, '$P{COMPANY_NAME}', size=13, bold=True, color=ACCENT))
    t.append(tf(0, 27, 260, 12, '$P{COMPANY_ADDRESS}', size=8, color="#444444", stretch=True))
    t.append(tf(W - 300, 8, 300, 22, '$P{TITLE}', size=16, bold=True, align="Right", color=ACCENT))
    t.append(tf(W - 300, 31, 300, 12, '$P{SUBTITLE}', size=8, align="Right", color="#444444", stretch=True))
    t.append(tf(W - 300, 45, 150, 12, '$P{INFO_LABELS}', size=8, align="Right", color="#666666", stretch=True))
    t.append(tf(W - 150, 45, 150, 12, '$P{INFO_VALUES}', size=8, bold=True, align="Right", stretch=True))
    if document:
        t.append(tf(0, 78, 260, 12, '$P{PARTY_LABEL}', size=7, bold=True, color="#666666", pos="Float"))
        t.append(tf(0, 91, 260, 12, '$P{PARTY_BLOCK}', size=9, stretch=True, pos="Float"))
    t.append('</title>')
    o.extend(t)
    # column header
    ch = ['<columnHeader height="18">', rect(0, 0, W, 18, "#E8EDF3")]
    x = 0
    for i, (hdr, w, al) in enumerate(columns):
        ch.append(tf(x, 0, w, 18, '"' + hdr + '"', size=8, bold=True, align=al, color=ACCENT))
        x += w
    ch.append('</columnHeader>')
    o.extend(ch)
    # detail
    # the fields are 14 high and the separator sits below them at y=14: a positionType="Float"
    # element moves down only by the stretch of the elements that end above it, so a wrapped
    # description pushes the line below its last line instead of the line crossing it
    d = ['<detail><band height="15"' + (' splitType="Prevent"' if keep_rows else '') + '>']
    d.append('<element kind="rectangle" x="0" y="0" width="%d" height="15" mode="Opaque" backcolor="#F3F5F8" forecolor="#F3F5F8" stretchType="ContainerHeight"><printWhenExpression>%s</printWhenExpression><pen lineWidth="0.0"/></element>'
             % (W, cdata('"TOTAL".equals($F{kind}) || "SUBTOTAL".equals($F{kind}) || "OPENING".equals($F{kind}) || "CLOSING".equals($F{kind})')))
    x = 0
    for i, (hdr, w, al) in enumerate(columns):
        d.append(tf(x, 0, w, 14, '$F{c%d}' % i, style="Row", align=al, stretch=True).replace('vTextAlign="Middle"', 'vTextAlign="Top"').replace('<box leftPadding="2"', '<box topPadding="2" bottomPadding="1" leftPadding="2"'))
        x += w
    d.append(line(0, 14, W, "#DDDDDD", "0.25", pos="Float"))
    d.append('</band></detail>')
    o.extend(d)
    # page footer
    pf = [f'<pageFooter height="22">', line(0, 2, W, "#888888"),
          tf(0, 5, W - 160, 14, '$P{COMPANY_NAME} + " · printed " + $P{PRINTED_AT}', size=7, color="#666666"),
          tf(W - 160, 5, 120, 14, '"Page " + $V{PAGE_NUMBER} + " of"', size=7, align="Right", color="#666666"),
          tf(W - 40, 5, 40, 14, 'String.valueOf($V{PAGE_NUMBER})', size=7, align="Left", color="#666666", eval_time="Report"),
          '</pageFooter>']
    o.extend(pf)
    # summary
    s = ['<summary height="70">', line(0, 4, W, ACCENT, "1.0"),
         tf(0, 10, W - 320, 14, '$P{NOTES}', size=8, color="#444444", stretch=True),
         tf(W - 310, 10, 170, 14, '$P{FOOTER_LABELS}', size=9, align="Right", color="#444444", stretch=True),
         tf(W - 140, 10, 140, 14, '$P{FOOTER_VALUES}', size=9, bold=True, align="Right", stretch=True),
         '</summary>']
    o.extend(s)
    o.append('</jasperReport>')
    with open(os.path.join(OUT, name + ".jrxml"), "w") as f:
        f.write("\n".join(o) + "\n")

L, R, C = "Left", "Right", "Center"
# documents, portrait (width 523)
template("sale-document", False, [("#", 20, R), ("SKU", 58, L), ("Description", 165, L), ("Qty", 40, R),
         ("Unit price", 55, R), ("Net", 55, R), ("VAT %", 35, R), ("VAT", 45, R), ("Gross", 50, R)], True)
template("receipt", False, [("Date", 65, L), ("Payment", 75, L), ("Method", 80, L), ("Reference", 118, L),
         ("Invoice", 85, L), ("Amount", 100, R)], True)
template("statement", False, [("Date", 60, L), ("Document", 85, L), ("Type", 85, L), ("Invoice", 80, L),
         ("Due", 60, L), ("Amount", 78, R), ("Balance", 75, R)], True)
# books, landscape (width 782)
template("ar-aging", True, [("Terms", 70, L), ("Customer", 70, L), ("Name", 150, L), ("Cur", 32, L),
         ("Current", 70, R), ("1-30", 65, R), ("31-60", 65, R), ("61-90", 65, R), ("Over 90", 65, R),
         ("Unapplied credit", 65, R), ("Balance", 65, R)], False)
template("sales-journal", True, [("Date", 62, L), ("Channel", 80, L), ("Sale", 85, L), ("Customer", 75, L),
         ("Name", 180, L), ("Cur", 30, L), ("Sales", 40, R), ("Net", 75, R), ("VAT", 75, R), ("Gross", 80, R)], False)
template("trial-balance", True, [("Cur", 40, L), ("Account", 60, L), ("Name", 230, L), ("Type", 80, L),
         ("Normal", 60, L), ("Debit", 105, R), ("Credit", 105, R), ("Balance", 102, R)], False)
template("gl-detail", True, [("Date", 62, L), ("Entry", 80, L), ("Document", 150, L), ("Description", 200, L),
         ("Cur", 30, L), ("Debit", 85, R), ("Credit", 85, R), ("Balance (Dr +)", 90, R)], False)
template("margin", True, [("Category", 150, L), ("Product", 70, L), ("Name", 220, L), ("Cur", 32, L),
         ("Revenue", 85, R), ("Cost of sales", 85, R), ("Margin", 80, R), ("Margin %", 60, R)], False)
template("reconciliation", True, [("Date", 60, L), ("Reference", 130, L), ("Description", 160, L),
         ("Rule / class", 85, L), ("Score / status", 70, L), ("Book items / resolution", 155, L),
         ("Fee / diff.", 52, R), ("Amount", 70, R)], False, keep_rows=True)
