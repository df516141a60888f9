#!/usr/bin/python3
"""
Open checks of a press PDF with pikepdf (Debian's python3-pikepdf): the PDF/X keys, the output
intent, page boxes, no transparency, no RGB, embedded fonts, and overprint: every fill or stroke
painted in 100 % K overprints (OP/op true, OPM 1) and nothing else does (so no white overprints).
These are the parts of PDF/X-3 an open tool can check; certifying a file takes a commercial
preflight (callas pdfToolbox, Acrobat Preflight). Usage: check_pdfx.py FILE.pdf... ; prints one
JSON object per file and exits 1 if any check failed.
"""
import json
import sys

import pikepdf

PAINT_FILL = {"f", "F", "f*", "B", "B*", "b", "b*", "Tj", "TJ", "'", '"'}
PAINT_STROKE = {"S", "s", "B", "B*", "b", "b*"}
RGB_SPACES = {"/DeviceRGB", "/CalRGB"}


def boxes(page):
    def get(name):
        b = page.obj.get(name)
        return [float(x) for x in b] if b is not None else None
    return {n: get("/" + n) for n in ("MediaBox", "TrimBox", "BleedBox", "CropBox", "ArtBox")}


def within(inner, outer, tol=0.01):
    return inner[0] >= outer[0] - tol and inner[1] >= outer[1] - tol and inner[2] <= outer[2] + tol and inner[3] <= outer[3] + tol


def colour_space_is_rgb(cs):
    if isinstance(cs, pikepdf.Name):
        return str(cs) in RGB_SPACES
    if isinstance(cs, pikepdf.Array) and len(cs):
        kind = str(cs[0])
        if kind in RGB_SPACES:
            return True
        if kind == "/ICCBased":
            return int(cs[1].get("/N", 0)) == 3
        if kind in ("/Indexed", "/Separation", "/DeviceN"):
            return any(colour_space_is_rgb(x) for x in list(cs)[1:] if isinstance(x, (pikepdf.Name, pikepdf.Array)))
    return False


def check(path):
    errors = []
    stats = {"overprintedK": 0, "knockout": 0, "extgstates": 0}
    pdf = pikepdf.open(path)
    header = pdf.pdf_version
    info = pdf.docinfo
    version = str(info.get("/GTS_PDFXVersion", ""))
    if not version.startswith("PDF/X-"):
        errors.append("no GTS_PDFXVersion in the document information")
    if version == "PDF/X-3:2002" and header > "1.3":
        errors.append(f"PDF/X-3:2002 is PDF 1.3, the header says {header}")
    if str(info.get("/Trapped", "")) not in ("/True", "/False"):
        errors.append("Trapped is not /True or /False")
    for key in ("/Title", "/CreationDate", "/ModDate"):
        if key not in info:
            errors.append(f"no {key[1:]} in the document information")
    if "/ID" not in pdf.trailer:
        errors.append("no file /ID in the trailer")
    intents = pdf.Root.get("/OutputIntents")
    intent = None
    if not intents:
        errors.append("no /OutputIntents")
    else:
        x = [i for i in intents if str(i.get("/S")) == "/GTS_PDFX"]
        if len(x) != 1:
            errors.append(f"{len(x)} GTS_PDFX output intents (one needed)")
        else:
            i = x[0]
            profile = i.get("/DestOutputProfile")
            intent = {
                "OutputConditionIdentifier": str(i.get("/OutputConditionIdentifier", "")),
                "OutputCondition": str(i.get("/OutputCondition", "")),
                "RegistryName": str(i.get("/RegistryName", "")),
                "Info": str(i.get("/Info", "")),
                "DestOutputProfileN": int(profile.get("/N", 0)) if profile is not None else None,
                "DestOutputProfileBytes": len(profile.read_bytes()) if profile is not None else 0,
            }
            if not intent["OutputConditionIdentifier"]:
                errors.append("output intent without OutputConditionIdentifier")
            if profile is None or intent["DestOutputProfileN"] != 4:
                errors.append("output intent without a CMYK (N 4) DestOutputProfile")
    page_boxes = []
    for n, page in enumerate(pdf.pages, 1):
        b = boxes(page)
        page_boxes.append(b)
        if b["TrimBox"] is None and b["ArtBox"] is None:
            errors.append(f"page {n}: no TrimBox")
        if b["TrimBox"] and b["ArtBox"]:
            errors.append(f"page {n}: both TrimBox and ArtBox")
        if b["TrimBox"] and b["BleedBox"] and not within(b["TrimBox"], b["BleedBox"]):
            errors.append(f"page {n}: TrimBox outside the BleedBox")
        if b["BleedBox"] and not within(b["BleedBox"], b["MediaBox"]):
            errors.append(f"page {n}: BleedBox outside the MediaBox")
    # Every object: transparency, RGB, fonts.
    fonts = set()
    for obj in pdf.objects:
        d = obj.stream_dict if isinstance(obj, pikepdf.Stream) else obj if isinstance(obj, pikepdf.Dictionary) else None
        if d is None:
            continue
        t = str(d.get("/Type", ""))
        if t == "/ExtGState" or any(k in d for k in ("/ca", "/CA", "/SMask", "/BM")) and t != "/XObject":
            if float(d.get("/ca", 1)) < 1 or float(d.get("/CA", 1)) < 1:
                errors.append(f"transparency: ExtGState with CA/ca {d.get('/CA', 1)}/{d.get('/ca', 1)}")
            sm = d.get("/SMask")
            if sm is not None and str(sm) != "/None":
                errors.append("transparency: a soft mask")
            bm = d.get("/BM")
            if bm is not None and str(bm) not in ("/Normal", "/Compatible", "[ /Normal ]"):
                errors.append(f"transparency: blend mode {bm}")
        g = d.get("/Group")
        if isinstance(g, pikepdf.Dictionary) and str(g.get("/S")) == "/Transparency":
            errors.append("transparency: a transparency group")
        if str(d.get("/Subtype", "")) == "/Image":
            errors.append("an image: the maps are vectors (was the page flattened for transparency?)")
            if colour_space_is_rgb(d.get("/ColorSpace")):
                errors.append("an RGB image")
            if "/SMask" in d:
                errors.append("transparency: an image with a soft mask")
        cs = d.get("/ColorSpace")
        if isinstance(cs, pikepdf.Dictionary):
            for k, v in cs.items():
                if colour_space_is_rgb(v):
                    errors.append(f"RGB colour space {k}")
        if t == "/Font" and "/BaseFont" in d and str(d.get("/Subtype")) != "/Type0":
            fonts.add(str(d.BaseFont)[1:])
        if t == "/FontDescriptor":
            if not any(k in d for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                errors.append(f"font {d.get('/FontName')} not embedded")
    # Content streams: colour operators and overprint state at every paint.
    def walk(content_owner, resources, where, seen):
        gstates = resources.get("/ExtGState", {}) if resources is not None else {}
        state = {"fill": None, "stroke": None, "op": False, "OP": False, "OPM": 0}
        stack = []
        for n_op, (operands, op) in enumerate(pikepdf.parse_content_stream(content_owner)):
            o = str(op)
            if o in ("rg", "RG"):
                errors.append(f"{where}: RGB colour operator {o}")
            elif o in ("sc", "scn", "SC", "SCN", "cs", "CS"):
                if o in ("cs", "CS") and str(operands[0]) in RGB_SPACES:
                    errors.append(f"{where}: RGB colour space {operands[0]}")
                key = "fill" if o.islower() else "stroke"
                state[key] = None
            elif o in ("k", "K"):
                state["fill" if o == "k" else "stroke"] = tuple(round(float(x), 4) for x in operands)
            elif o in ("g", "G"):
                state["fill" if o == "g" else "stroke"] = (0.0, 0.0, 0.0, round(1 - float(operands[0]), 4))
            elif o == "q":
                stack.append(dict(state))
            elif o == "Q":
                state = stack.pop() if stack else state
            elif o == "gs":
                g = gstates.get(operands[0])
                if g is not None:
                    stats["extgstates"] += 1
                    # op, when absent, takes the value of OP in the same ExtGState (PDF 32000 8.4.5).
                    if "/OP" in g:
                        state["OP"] = bool(g.OP)
                        state["op"] = bool(g.get("/op", g.OP))
                    elif "/op" in g:
                        state["op"] = bool(g.op)
                    if "/OPM" in g:
                        state["OPM"] = int(g.OPM)
            elif o == "Do":
                x = resources.get("/XObject", {}).get(operands[0]) if resources is not None else None
                if x is not None and str(x.get("/Subtype")) == "/Form" and x.objgen not in seen:
                    seen.add(x.objgen)
                    walk(x, x.get("/Resources", resources), f"{where} form {operands[0]}", seen)
            for kind, flag, paints in (("fill", "op", PAINT_FILL), ("stroke", "OP", PAINT_STROKE)):
                if o not in paints:
                    continue
                colour = state[kind]
                black = colour == (0.0, 0.0, 0.0, 1.0)
                if state[flag] and not black:
                    errors.append(f"{where}: {kind} {colour} overprints (only 100 % K may)")
                elif black and not state[flag]:
                    errors.append(f"{where}: a 100 % K {kind} knocks out (it must overprint), e.g. {o}")
                elif black and state["OPM"] != 1:
                    errors.append(f"{where}: overprinting 100 % K {kind} without OPM 1")
                elif black:
                    stats["overprintedK"] += 1
                else:
                    stats["knockout"] += 1
    for n, page in enumerate(pdf.pages, 1):
        walk(page, page.obj.get("/Resources"), f"page {n}", set())
    if stats["overprintedK"] == 0:
        errors.append("nothing overprints: black text and rules must")
    # One message per kind of error is enough to read.
    unique = list(dict.fromkeys(errors))
    return {
        "file": path,
        "pdfVersion": header,
        "GTS_PDFXVersion": version,
        "Trapped": str(info.get("/Trapped", "")),
        "outputIntent": intent,
        "boxes": page_boxes,
        "fonts": sorted(fonts),
        "paints": stats,
        "errors": unique[:20],
        "ok": not unique,
    }


if __name__ == "__main__":
    results = [check(p) for p in sys.argv[1:]]
    for r in results:
        print(json.dumps(r, ensure_ascii=False))
    sys.exit(0 if all(r["ok"] for r in results) else 1)
