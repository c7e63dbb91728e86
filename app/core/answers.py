"""What the person told Sereno about the leak: the shared vocabulary of every journey.

Answers to "What happened?" feed the plan, the activity checks, the password journey and
the "what they already know" card, so the kinds below are the contract between them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.i18n import N_

NOTICE_SOURCES: tuple[str, ...] = ("imss", "ameli", "bank", "other", "unsure")

EXPOSED_KINDS: tuple[str, ...] = (
    "name_address",
    "birth_date",
    "social_security",
    "curp",
    "contact",
    "bank",
    "pension",
    "health_rights",
    "unknown",
)
# The question is asked on two pages (nine answers do not fit one screen at large sizes):
# details about the person, then money and health. "I don't know" is offered on both.
IDENTITY_KINDS: tuple[str, ...] = (
    "name_address",
    "birth_date",
    "social_security",
    "curp",
    "contact",
    "unknown",
)
MONEY_HEALTH_KINDS: tuple[str, ...] = ("bank", "pension", "health_rights", "unknown")
# What each leak held (DOMAIN.md and its corrections): ticked for the person when they say
# which notice they got. The IMSS leak's pension amounts and phones came from one outlet
# only, and no report lists email: not ticked.
LEAK_DATA: dict[str, frozenset[str]] = {
    "imss": frozenset({"name_address", "birth_date", "curp", "social_security", "health_rights"}),
    "ameli": frozenset({"birth_date", "social_security", "health_rights"}),
}
# "I don't know" is answered as if the sensitive data were exposed.
SENSITIVE_KINDS: frozenset[str] = frozenset(
    {"name_address", "birth_date", "social_security", "contact", "bank", "pension"}
)

# In the order that matters for passwords: email resets everything else.
ACCOUNT_KINDS: tuple[str, ...] = ("email", "bank", "social_security", "pension", "phone")

ACCOUNT_KIND_NAMES: dict[str, str] = {
    "email": N_("Email"),
    "bank": N_("Bank account"),
    "social_security": N_("Social security online space"),
    "pension": N_("Pension payment account"),
    "phone": N_("Mobile phone account"),
}


@dataclass(frozen=True)
class Account:
    """An account the person has: a name they recognise, a kind, at most 4 last digits."""

    id: int
    kind: str
    name: str
    last4: str = ""


@dataclass(frozen=True)
class Answers:
    """A snapshot of everything answered so far, read by the journeys' step rules."""

    country: str = ""
    notice: str = ""
    exposed: frozenset[str] = frozenset()
    accounts: tuple[Account, ...] = field(default_factory=tuple)
    start_account: int | None = None  # the account the person checks first (their worry)
    # Pension accounts the person said are not their bank account: each gets its own
    # password pages (a pension paid into the bank is changed with the bank).
    separate_pensions: frozenset[int] = frozenset()

    def effective_exposed(self) -> frozenset[str]:
        """The exposed kinds to act on: "I don't know" counts as the sensitive ones."""
        kinds = set(self.exposed)
        if "unknown" in kinds:
            kinds.discard("unknown")
            kinds |= SENSITIVE_KINDS
            if self.country == "MX":
                kinds.add("curp")
            if self.country == "FR":
                kinds.add("health_rights")
        return frozenset(kinds)

    def accounts_of(self, kind: str) -> tuple[Account, ...]:
        return tuple(a for a in self.accounts if a.kind == kind)


def offered_exposed(country: str, kinds: tuple[str, ...] = EXPOSED_KINDS) -> tuple[str, ...]:
    """The exposed kinds asked about in this country (the CURP is Mexican), in page order."""
    return tuple(k for k in kinds if k != "curp" or country == "MX")


def leak_data(notice: str, country: str) -> frozenset[str]:
    """What the leak behind this notice held, among the kinds asked about here."""
    return LEAK_DATA.get(notice, frozenset()) & set(offered_exposed(country))


def valid_last4(text: str) -> bool:
    """At most the last 4 digits of a number are ever kept."""
    return len(text) <= 4 and text.isdigit() or text == ""
