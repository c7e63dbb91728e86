"""OFX 1 (SGML), OFX 2 (XML) and QFX files, tokenised by ofxtools.

ofxtools' tree builder copes with what banks really send (unclosed tags, tabs, one-line
files, CRLF). Its strict model conversion does not: it refuses an empty TRNUID or the
language code "FRE" that French banks use. So only the element tree is taken from
ofxtools, and the few fields a statement needs are read from it here, leniently. The
bytes are decoded here too, by what they are rather than by what the header claims.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from decimal import Decimal, InvalidOperation

from app.core.statements import (
    MAX_AMOUNT,
    Statement,
    StatementError,
    Transaction,
    no_payments_message,
    not_a_statement_message,
)
from app.i18n import _

_DATE = re.compile(r"\s*(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?")
_OFX_START = re.compile(rb"<OFX>", re.IGNORECASE)


def read_ofx(data: bytes) -> Statement:
    if not data.rstrip().upper().endswith(b"</OFX>"):
        raise StatementError(
            _(
                "This file seems to be cut short, so some payments may be missing. "
                "Please download it again from your bank."
            )
        )
    upper = data.upper()
    if b"STMTTRN" not in upper and b"STMTRS" not in upper:
        raise StatementError(not_a_statement_message())  # markup, but no bank statement
    root = _parse(_without_cdata(data))
    statements = root.findall(".//STMTRS") + root.findall(".//CCSTMTRS")
    if not statements and root.find(".//STMTTRN") is None:
        raise StatementError(not_a_statement_message())
    transactions: list[Transaction] = []
    currencies: list[str] = []
    number = 0
    for index, stmt in enumerate(statements or [root]):
        curdef = (stmt.findtext("CURDEF") or "").strip().upper() or None
        if curdef:
            currencies.append(curdef)
        # Which account, when the file holds several: money between them is the person's own.
        account = None
        if len(statements) > 1:
            account = (
                stmt.findtext("BANKACCTFROM/ACCTID") or stmt.findtext("CCACCTFROM/ACCTID") or ""
            ).strip() or str(index + 1)
        for item in stmt.iter("STMTTRN"):
            number += 1
            transactions.append(
                dataclasses.replace(_transaction(item, curdef, number), account=account)
            )
    if not transactions:
        raise StatementError(no_payments_message())
    return Statement(
        transactions=transactions,
        currency=currencies[0] if len(set(currencies)) == 1 else None,
        kind="ofx",
    )


def _without_cdata(data: bytes) -> bytes:
    """CDATA sections as escaped text, in one pass.

    ofxtools matches CDATA with a greedy pattern that rescans the rest of the line for each
    section: a one-line file full of them would take hours. Escaped text reads the same.
    """
    if b"<![CDATA[" not in data:
        return data
    first, *sections = data.split(b"<![CDATA[")
    out = [first]
    for section in sections:
        end = section.find(b"]]>")
        if end < 0:
            raise StatementError(not_a_statement_message())
        text = section[:end].replace(b"&", b"&amp;").replace(b"<", b"&lt;")
        out += [text, section[end + 3 :]]
    return b"".join(out)


def _parse(data: bytes) -> ET.Element:
    """The element tree of the body, tokenised by ofxtools from text decoded here."""
    from ofxtools.Parser import TreeBuilder

    start = _OFX_START.search(data)
    if start is None:
        raise StatementError(not_a_statement_message())
    text = decode_body(data[start.start() :], declared_charset(data[: start.start()]))
    try:
        builder = TreeBuilder()
        builder.feed(text)
        root = builder.close()
    except Exception as err:  # noqa: BLE001 - a SyntaxError, AssertionError or ValueError
        raise StatementError(not_a_statement_message()) from err
    if root is None or root.tag != "OFX":
        raise StatementError(not_a_statement_message())
    return root


_CHARSET = re.compile(rb"(?i)(?:^|\n)\s*CHARSET:\s*([\w.-]+)|encoding=[\"']([\w.-]+)")
_CHARSET_NAMES = {
    "1252": "cp1252",
    "8859-1": "latin-1",
    "iso-8859-1": "latin-1",
    "none": "",
    "usascii": "ascii",
}


def declared_charset(header: bytes) -> str:
    """The codec the OFX header names ("CHARSET:1252", encoding="UTF-8"), or ""."""
    match = _CHARSET.search(header)
    if not match:
        return ""
    name = (match[1] or match[2]).decode("ascii", "replace").lower()
    name = _CHARSET_NAMES.get(name, name)
    try:
        return codecs.lookup(name).name if name else ""
    except LookupError:
        return ""


def decode_body(body: bytes, declared: str) -> str:
    """By what the bytes are: valid UTF-8 first, then the declared charset, then cp1252.

    Banks write "CHARSET:1252" above a body that is really UTF-8; trusting the header
    would turn "CRÉDITO" into "CRÃ‰DITO".
    """
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for codec in (declared, "cp1252"):
        if codec and codec not in ("utf-8", "ascii"):
            try:
                return body.decode(codec)
            except UnicodeDecodeError:
                continue
    return body.decode("latin-1")


def _text(item: ET.Element, path: str) -> str:
    """A field's text with its entities decoded once: "&amp;lt;" stays "&lt;"."""
    return html.unescape((item.findtext(path) or "").strip())


def _transaction(item: ET.Element, curdef: str | None, number: int) -> Transaction:
    raw_date = _text(item, "DTPOSTED") or _text(item, "DTUSER")
    match = _DATE.match(raw_date)
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3])) if match else None
    except ValueError:
        day = None
    if day is None:
        raise StatementError(
            _(
                "Payment number {number} in this file has a date Sereno cannot read: “{value}”."
            ).format(number=number, value=raw_date[:40])
        )
    raw_amount = _text(item, "TRNAMT")
    try:
        amount = Decimal(raw_amount.replace(",", ".").replace(" ", ""))
        if not amount.is_finite() or abs(amount) >= MAX_AMOUNT:
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        raise StatementError(
            _(
                "Payment number {number} in this file has an amount Sereno cannot read: “{value}”."
            ).format(number=number, value=raw_amount[:40])
        ) from None
    name = " ".join((_text(item, "NAME") or _text(item, "PAYEE/NAME")).split())
    memo = " ".join(_text(item, "MEMO").split())
    if name and memo and memo not in name and name not in memo:
        description = f"{name} {memo}"
    else:
        description = max(name, memo, key=len)
    currency = (_text(item, "CURRENCY/CURSYM") or _text(item, "ORIGCURRENCY/CURSYM")).upper()
    return Transaction(day, amount, description, currency or curdef, time=_time(match))


def _time(match: re.Match) -> dt.time | None:
    """The time of day the bank wrote ("…100000[-03:EST]"); none for a bare or 00:00 day."""
    if not match[4] or (match[4], match[5], match[6]) in (("00", "00", "00"), ("00", "00", None)):
        return None
    try:
        return dt.time(int(match[4]), int(match[5]), int(match[6] or 0))
    except ValueError:
        return None
