"""The `content/` folder: the site's text as files, read by `load_content` and written by `export_content`.

`files` reads and checks the folder, `loader` brings it into the database without overwriting
staff edits, `export` writes the published site back out; the `translation_*` modules do the
same for each language's folder, and `writing` holds what both exporters write with.
"""
