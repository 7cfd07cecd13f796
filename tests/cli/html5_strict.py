#!/usr/bin/python3
"""Parses each HTML file given with html5lib's HTML5 parser in strict mode (the WHATWG parsing
algorithm; strict: the first parse error is fatal). Exit 0 when every file parses without an
error; else prints every parse error of each failing file (line, column, html5lib's code and
its data) and exits 1. Exit 3 when html5lib is not installed (Debian python3-html5lib)."""
import sys

try:
    import html5lib
    from html5lib.constants import E
except ImportError:
    print("html5lib is not installed (Debian python3-html5lib; scripts/deps.sh installs it)")
    sys.exit(3)

failed = False
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = f.read()
    try:
        html5lib.HTMLParser(strict=True).parse(data)
        continue
    except html5lib.html5parser.ParseError:
        failed = True
    # Strict mode stops at the first error: a lenient pass lists them all.
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(data)
    for (line, col), code, datavars in parser.errors:
        message = E.get(code, code)
        try:
            message = message % datavars
        except (TypeError, KeyError):
            pass
        print(f"{path}:{line}:{col}: {code}: {message}")
sys.exit(1 if failed else 0)
