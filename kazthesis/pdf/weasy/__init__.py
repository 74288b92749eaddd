"""WeasyPrint: HTML → laid-out pages → PDF bytes, and the layout passes that read the pages.

The only code of the tool that imports WeasyPrint.
"""
