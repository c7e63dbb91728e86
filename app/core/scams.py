"""Spot the scam: practice messages kept as data (resources/scams/*.toml), shown translated.

Each example is an SMS, an email or a phone call, fake or genuine, with 2-3 clues. A clue's
`text` is the fragment of the message the page highlights and is its own catalog entry, so
its translation can be found in the translated message: `locate_clues()` and `clue_spans()`
give where to draw the marks in the language shown now. Nothing here imports Qt.

File format (English catalog ids, extracted through `translatable`):

    translatable = ["sender_name", "subject", "body", "text", "why", "do_instead"]

    [[example]]
    id = "mx-sms-imss-update"   # stable: progress is kept by id
    country = "MX"              # MX, FR or OTHER (generic.toml)
    kind = "sms"                # sms, email or call
    genuine = false
    sender = "IMSS-AVISO"       # SMS: a short code or number; email: the address
    sender_name = "..."         # optional display name (translated)
    subject = "..."             # email only
    body = "..."                # sms and email
    do_instead = "..."
    [[example.lines]]           # call only: who = "caller" or "you", text
    [[example.clues]]           # 2 or 3: text (the highlighted fragment), why
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.core.datafile import read_data_file
from app.i18n import N_, _
from app.paths import resource

COUNTRIES: tuple[str, ...] = ("MX", "FR", "OTHER")
KINDS: tuple[str, ...] = ("sms", "email", "call")
SPEAKERS: tuple[str, ...] = ("caller", "you")
FILES: dict[str, str] = {"MX": "mexico.toml", "FR": "france.toml", "OTHER": "generic.toml"}
TRANSLATABLE = frozenset({"sender_name", "subject", "body", "text", "why", "do_instead"})

KIND_NAMES: dict[str, str] = {
    "sms": N_("A text message"),
    "email": N_("An email"),
    "call": N_("A phone call"),
}
SPEAKER_NAMES: dict[str, str] = {"caller": N_("The caller"), "you": N_("You")}
ANSWER_FAKE = N_("This is a scam.")
ANSWER_GENUINE = N_("This looks genuine: it asks for nothing.")
# Said under every genuine message: a name on a text or an email proves nothing either.
SENDER_CAN_BE_IMITATED = N_(
    "A sender's name can be imitated. If unsure, call the number you already have."
)
# One turn of a call read aloud: "The caller: Good morning..."; French puts a space before ":".
SPOKEN_TURN = N_("{who}: {text}")
FICTION_NOTE = N_(
    "These practice messages are made up. Their web addresses end in “.example” so that "
    "nobody can use them."
)

_EXAMPLE_KEYS = frozenset(
    {
        "id",
        "country",
        "kind",
        "genuine",
        "sender",
        "sender_name",
        "subject",
        "body",
        "lines",
        "clues",
        "do_instead",
    }
)


class ScamDataError(ValueError):
    """A scam example file is wrong: the message names the file and the example."""


@dataclass(frozen=True)
class Line:
    """One turn of a phone call: who speaks ("caller" or "you") and what is said."""

    who: str
    text: str

    def shown(self) -> str:
        return _(self.text)

    def shown_who(self) -> str:
        return _(SPEAKER_NAMES[self.who])


@dataclass(frozen=True)
class Clue:
    """A fragment of the message to highlight, and why it gives the message away."""

    text: str
    why: str

    def shown_text(self) -> str:
        return _(self.text)

    def shown_why(self) -> str:
        return _(self.why)


@dataclass(frozen=True)
class Example:
    """One practice message. Text fields hold catalog ids; `shown()` translates them."""

    id: str
    country: str
    kind: str
    genuine: bool
    do_instead: str
    clues: tuple[Clue, ...]
    sender: str = ""
    sender_name: str = ""
    subject: str = ""
    body: str = ""
    lines: tuple[Line, ...] = ()

    def shown(self, field: str) -> str:
        """A text field in the language shown now: sender_name, subject, body, do_instead.

        `sender` (an address or short code) is shown as it is; "kind" and "answer" give
        the kind's name ("A text message") and the verdict ("This is a scam.").
        """
        if field == "sender":
            return self.sender
        if field == "kind":
            return _(KIND_NAMES[self.kind])
        if field == "answer":
            return _(ANSWER_GENUINE if self.genuine else ANSWER_FAKE)
        if field not in ("sender_name", "subject", "body", "do_instead"):
            raise KeyError(field)
        return _(getattr(self, field))

    def shown_lines(self) -> list[tuple[str, str]]:
        """A call's turns as (who, translated text); who stays "caller" or "you"."""
        return [(line.who, line.shown()) for line in self.lines]

    def shown_text(self) -> str:
        """The message itself: the body, or a call's turns one per line."""
        if self.kind == "call":
            return "\n".join(text for _who, text in self.shown_lines())
        return self.shown("body")

    def shown_clues(self) -> list[tuple[str, str]]:
        """Each clue as (highlighted fragment, why), translated."""
        return [(c.shown_text(), c.shown_why()) for c in self.clues]

    def read_aloud(self) -> str:
        """What the read-aloud button says: who sent it, the subject, then the message."""
        parts = [self.shown("kind")]
        # The display name when there is one: an address read aloud is only noise.
        sender = self.shown("sender_name") if self.sender_name else self.sender
        if sender:
            parts.append(sender)
        if self.subject:
            parts.append(self.shown("subject"))
        if self.kind == "call":
            parts.extend(
                _(SPOKEN_TURN).format(who=_(SPEAKER_NAMES[who]), text=text)
                for who, text in self.shown_lines()
            )
        else:
            parts.append(self.shown("body"))
        return "\n".join(parts)


@dataclass(frozen=True)
class ClueSpan:
    """Where a clue sits in the shown message.

    `part` is "body", "line" (then `line` is the call turn's index), "subject", "sender_name"
    or "sender"; `start`/`end` index into that part's shown text; `why` is translated.
    """

    clue: int
    part: str
    line: int
    start: int
    end: int
    why: str


def _parts(example: Example) -> list[tuple[str, int, str]]:
    """The shown parts a clue may sit in, searched in this order."""
    parts: list[tuple[str, int, str]] = []
    if example.kind == "call":
        parts.extend(("line", i, line.shown()) for i, line in enumerate(example.lines))
    else:
        parts.append(("body", -1, example.shown("body")))
    if example.subject:
        parts.append(("subject", -1, example.shown("subject")))
    if example.sender_name:
        parts.append(("sender_name", -1, example.shown("sender_name")))
    if example.sender:
        parts.append(("sender", -1, example.sender))
    return parts


def locate_clues(example: Example) -> list[ClueSpan]:
    """Every clue found in the message as shown now (a clue not found is left out)."""
    parts = _parts(example)
    spans: list[ClueSpan] = []
    for index, clue in enumerate(example.clues):
        fragment = clue.shown_text()
        for part, line, text in parts:
            start = text.find(fragment)
            if start >= 0:
                spans.append(
                    ClueSpan(index, part, line, start, start + len(fragment), clue.shown_why())
                )
                break
    return spans


def clue_spans(
    example: Example, part: str | None = None, line: int = -1
) -> list[tuple[int, int, str]]:
    """(start, end, why) of the clues to highlight, in the language shown now.

    With no `part`, offsets are into `example.shown_text()` (the body, or a call's turns
    joined by newlines). Otherwise only that part: "body", "subject", "sender_name",
    "sender", or "line" with the call turn's index in `line`.
    """
    spans = locate_clues(example)
    if part is not None:
        return [(s.start, s.end, s.why) for s in spans if s.part == part and s.line == line]
    if example.kind != "call":
        return [(s.start, s.end, s.why) for s in spans if s.part == "body"]
    offsets, position = [], 0
    for _who, text in example.shown_lines():
        offsets.append(position)
        position += len(text) + 1
    return [
        (offsets[s.line] + s.start, offsets[s.line] + s.end, s.why)
        for s in spans
        if s.part == "line"
    ]


def _text(raw: dict[str, Any], key: str, where: str, required: bool = True) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str):
        raise ScamDataError(f"{where}: {key} must be text")
    if required and not value.strip():
        raise ScamDataError(f"{where}: {key} is missing")
    if value != value.strip():
        raise ScamDataError(f"{where}: {key} starts or ends with spaces")
    return value


def _example(raw: dict[str, Any], name: str) -> Example:
    where = f"{name} example {raw.get('id', '?')!r}"
    extra = set(raw) - _EXAMPLE_KEYS
    if extra:
        raise ScamDataError(f"{where}: unknown keys {sorted(extra)}")
    kind, country = raw.get("kind"), raw.get("country")
    if kind not in KINDS:
        raise ScamDataError(f"{where}: kind must be one of {', '.join(KINDS)}")
    if country not in COUNTRIES:
        raise ScamDataError(f"{where}: country must be one of {', '.join(COUNTRIES)}")
    if not isinstance(raw.get("genuine"), bool):
        raise ScamDataError(f"{where}: genuine must be true or false")
    lines: tuple[Line, ...] = ()
    if kind == "call":
        if "body" in raw or "subject" in raw or not raw.get("lines"):
            raise ScamDataError(f"{where}: a call has lines, and no body or subject")
        lines = tuple(
            Line(who=item.get("who"), text=_text(item, "text", where)) for item in raw["lines"]
        )
        if any(line.who not in SPEAKERS for line in lines):
            raise ScamDataError(f"{where}: who must be caller or you")
    elif "lines" in raw:
        raise ScamDataError(f"{where}: only a call has lines")
    if kind == "email" and not (raw.get("subject") and raw.get("sender")):
        raise ScamDataError(f"{where}: an email needs a sender address and a subject")
    clues = tuple(
        Clue(text=_text(item, "text", where), why=_text(item, "why", where))
        for item in raw.get("clues", [])
    )
    if not 2 <= len(clues) <= 3:
        raise ScamDataError(f"{where}: needs 2 or 3 clues")
    example = Example(
        id=_text(raw, "id", where),
        country=country,
        kind=kind,
        genuine=raw["genuine"],
        do_instead=_text(raw, "do_instead", where),
        clues=clues,
        sender=_text(raw, "sender", where, required=False),
        sender_name=_text(raw, "sender_name", where, required=False),
        subject=_text(raw, "subject", where, required=False),
        body=_text(raw, "body", where, required=kind != "call"),
        lines=lines,
    )
    if kind != "call" and not (example.sender or example.sender_name):
        raise ScamDataError(f"{where}: a message needs a sender or a sender_name")
    english = [text for _part, _line, text in _raw_parts(example)]
    for clue in clues:
        if not any(clue.text in text for text in english):
            raise ScamDataError(f"{where}: clue {clue.text!r} is not in the message")
    return example


def _raw_parts(example: Example) -> list[tuple[str, int, str]]:
    """The parts as written in the file (English), for checking clues at load time."""
    parts = [("line", i, line.text) for i, line in enumerate(example.lines)]
    parts += [(p, -1, getattr(example, p)) for p in ("body", "subject", "sender_name", "sender")]
    return [p for p in parts if p[2]]


def load_file(path: Path) -> list[Example]:
    """The examples of one file, checked; raises ScamDataError naming what is wrong."""
    data = read_data_file(path, TRANSLATABLE, ScamDataError)
    return [_example(raw, path.name) for raw in data.get("example", [])]


@lru_cache(maxsize=4)
def _load_all(folder: Path) -> tuple[Example, ...]:
    examples: list[Example] = []
    for country, name in FILES.items():
        for example in load_file(folder / name):
            if example.country != country:
                raise ScamDataError(f"{name} example {example.id!r}: country must be {country}")
            examples.append(example)
    ids = [e.id for e in examples]
    doubles = sorted({i for i in ids if ids.count(i) > 1})
    if doubles:
        raise ScamDataError(f"example ids used twice: {doubles}")
    return tuple(examples)


def all_examples(folder: Path | None = None) -> list[Example]:
    """Every example of every file: Mexico, France, then the generic ones."""
    return list(_load_all(folder or resource("scams")))


def load_examples(country: str, folder: Path | None = None) -> list[Example]:
    """The examples for a person in this country: its own first, then the generic ones.

    MX and FR get their country's examples plus the generic ones; any other value (OTHER,
    an empty or unknown country) gets the generic ones only.
    """
    wanted = {country, "OTHER"} if country in ("MX", "FR") else {"OTHER"}
    return [e for e in all_examples(folder) if e.country in wanted]


def find_example(example_id: str, folder: Path | None = None) -> Example | None:
    """The example with this id, or None (an id kept in progress from an older version)."""
    return next((e for e in all_examples(folder) if e.id == example_id), None)
