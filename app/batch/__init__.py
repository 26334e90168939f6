"""Many cases at once: a spreadsheet in, a ZIP of letters out (web and command line).

``columns`` documents the spreadsheet, ``read`` turns CSV or XLSX bytes into rows,
``rows`` turns a row into a Case (or errors per column), ``bundle`` streams the ZIP.
Nothing here imports Flask, and nothing is written to disk.
"""
