#!/usr/bin/env python3
"""Hand a city's texts to a translator and merge the translation back.

    scripts/translations.py extract content/aydin > strings.json
        every translatable text: {"key": "services/x.toml#rights", "en": ..., "tr": ..., ...}
    scripts/translations.py merge content/aydin LANG translated.json
        adds LANG to every text the file translates (a key -> text object), keeping the
        files' layout and comments, and marks LANG "unreviewed" in each file's `translation`;
        refuses unknown keys and texts that already have LANG.

A text table is any table with an `en` string (see docs/content-format.md). Keys are the
file's path in the city folder, `#`, then the table's path, e.g. `place.0.name`.
Needs tomlkit (pip install tomlkit).
"""
import json
import re
import pathlib
import sys
import tomllib


def files(city):
    city = pathlib.Path(city)
    yield from [city / "city.toml", city / "categories.toml"]
    for folder in ("services", "paths", "courses"):
        yield from sorted((city / folder).glob("*.toml"))


def texts(node, path=()):
    if isinstance(node, dict):
        if isinstance(node.get("en"), str):
            yield path, node
            return
        for key, value in node.items():
            # `translation` holds review statuses (en = "original"), not a text.
            if not (path == () and key == "translation"):
                yield from texts(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from texts(value, path + (str(i),))


def extract(city):
    out = []
    for f in files(city):
        rel = f.relative_to(city).as_posix()
        with open(f, "rb") as h:
            doc = tomllib.load(h)
        for path, table in texts(doc):
            out.append({"key": f"{rel}#{'.'.join(path)}", **table})
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    print()


def merge(city, lang, translated_file):
    import tomlkit

    city = pathlib.Path(city)
    translated = json.loads(pathlib.Path(translated_file).read_text(encoding="utf-8"))
    by_file = {}
    for key, text in translated.items():
        rel, _, path = key.partition("#")
        by_file.setdefault(rel, []).append((path.split("."), text))
    problems = []
    for rel, items in by_file.items():
        f = city / rel
        if not f.is_file():
            problems.append(f"{key}: no file {f}")
            continue
        doc = tomlkit.parse(f.read_text(encoding="utf-8"))
        if "translation" in doc and lang not in doc["translation"]:
            doc["translation"][lang] = "unreviewed"
        for path, text in items:
            node = doc
            try:
                for part in path:
                    node = node[int(part)] if part.isdigit() else node[part]
            except (KeyError, IndexError):
                problems.append(f"{rel}#{'.'.join(path)}: no such text")
                continue
            if "en" not in node:
                problems.append(f"{rel}#{'.'.join(path)}: not a text table")
            elif lang in node:
                problems.append(f"{rel}#{'.'.join(path)}: already has `{lang}`")
            elif not isinstance(text, str) or not text.strip():
                problems.append(f"{rel}#{'.'.join(path)}: empty translation")
            else:
                node[lang] = text
        # tomlkit writes `"}` at the end of an inline table it grew; keep the files' `" }`.
        out = re.sub(r'(= \{.*")\}', r"\1 }", tomlkit.dumps(doc))
        f.write_text(out, encoding="utf-8")
    for p in problems:
        print(f"error: {p}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["extract"] and len(sys.argv) == 3:
        extract(pathlib.Path(sys.argv[2]))
    elif sys.argv[1:2] == ["merge"] and len(sys.argv) == 5:
        sys.exit(merge(*sys.argv[2:]))
    else:
        sys.exit(__doc__)
