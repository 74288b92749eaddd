"""Language as data: each document language's fixed strings, typography, hyphenation and alphabet order.

Plain text in a language → the same text as it is printed in that language (quotes, dashes, no-break
spaces, soft hyphens), and the words every other stage prints or looks for in kk, ru and en.
"""
