#!/usr/bin/env python3
"""Writes the error cases that are too large to write by hand.

Run from anywhere: `python3 tests/errors/generate.py`. It rewrites only the
`.json` inputs listed here; bless their goldens afterwards with
`BLESS=1 cargo test --test golden -- errors/`. The output is deterministic, so running
it twice changes nothing.
"""

import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def text(length, word="Checkout "):
    """A text of exactly `length` characters (not bytes)."""
    return (word * (length // len(word) + 1))[:length]


def write(name, document=None, raw=None):
    if raw is None:
        raw = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8") as f:
        f.write(raw)


def cart(**cells):
    return {"name": "Cart", "cells": cells} if cells else {"name": "Cart"}


# Short texts: at most 1,000 characters.
write("limit-title-over-1000-chars", {"title": text(1001), "stages": [cart()]})
write(
    "limit-item-text-over-1000-chars",
    {
        "title": "Checkout",
        "stages": [cart(actions=["Add item", {"text": text(1001, "Käse ")}])],
    },
)
write(
    "limit-persona-goal-over-1000-chars",
    {
        "title": "Checkout",
        "personas": [{"name": "Maya", "goals": ["Pay fast", text(1001, "Pay fast ")]}],
        "stages": [cart()],
    },
)
# Long texts: at most 10,000 characters.
write(
    "limit-description-over-10000-chars",
    {"title": "Checkout", "description": text(10001), "stages": [cart()]},
)
write(
    "limit-stage-detail-over-10000-chars",
    {
        "title": "Checkout",
        "stages": [{"name": "Cart", "detail": text(10001, "Zoomed in ")}],
    },
)
write(
    "limit-quote-over-10000-chars",
    {
        "title": "Checkout",
        "stages": [{"name": "Cart", "quotes": ["Too slow", text(10001, "“Why?” ")]}],
    },
)

# Counts.
write(
    "limit-201-stages",
    {"title": "Checkout", "stages": [{"name": f"Step {n}"} for n in range(1, 202)]},
)
write(
    "limit-101-lanes-declared",
    {
        "title": "Checkout",
        "lanes": [{"id": f"lane-{n}"} for n in range(1, 102)],
        "stages": [cart()],
    },
)
write(
    "limit-101-lanes-from-cells",
    {
        "title": "Checkout",
        "stages": [
            {"name": "Cart", "cells": {f"lane-{n}": ["Item"] for n in range(1, 51)}},
            {"name": "Pay", "cells": {f"lane-{n}": ["Item"] for n in range(51, 102)}},
        ],
    },
)
write(
    "limit-51-personas",
    {
        "title": "Checkout",
        "personas": [{"name": f"Persona {n}"} for n in range(1, 52)],
        "stages": [cart()],
    },
)

# Links: at most 2,048 characters.
write(
    "bad-url-over-2048-chars",
    {
        "title": "Checkout",
        "stages": [
            cart(
                actions=[
                    {
                        "text": "Search results",
                        "url": "https://example.com/search?q=" + text(2049 - 29, "x"),
                    }
                ]
            )
        ],
    },
)

# Nesting: serde_json refuses more than 128 levels of arrays and objects.
depth = 200
write(
    "syntax-deep-nesting",
    raw='{\n  "title": "Checkout",\n  "stages": [ { "name": "Cart" } ],\n  "deep": '
    + "[" * depth
    + "]" * depth
    + "\n}\n",
)
