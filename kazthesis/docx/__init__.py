"""The resolved document → a .docx that Word and LibreOffice open, laid out by the same profile."""
