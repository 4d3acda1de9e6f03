"""The XML attack corpus: each case is a body no client or server of ours may act on.

``{url}`` stands for a loopback listener that must never receive a connection and ``{file}`` for
a FIFO that must never be opened (opening it would block): together they prove that parsing
reads no file and opens no socket.
"""

from __future__ import annotations

from attrs import frozen


@frozen
class Attack:
    name: str
    body: bytes
    content_type: str = "application/xml"


def _laughs() -> bytes:
    entities = ['<!ENTITY l0 "lol">'] + [f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10)]
    document = f'<?xml version="1.0"?><!DOCTYPE r [{"".join(entities)}]>'
    return (document + "<TokenResponse><access_token>&l9;</access_token></TokenResponse>").encode()


def _quadratic() -> bytes:
    entity = "x" * 50_000
    references = "&a;" * 50_000
    document = f'<!DOCTYPE r [<!ENTITY a "{entity}">]>'
    return (document + f"<TokenResponse><access_token>{references}</access_token></TokenResponse>").encode()


TOKEN = "<access_token>t</access_token>"
UTF16_SAYING_UTF8 = f'<?xml version="1.0" encoding="UTF-8"?><TokenResponse>{TOKEN}</TokenResponse>'.encode("utf-16")

ATTACKS = [
    Attack("billion laughs", _laughs()),
    Attack("quadratic blowup", _quadratic()),
    Attack(
        "external entity to a local file",
        b'<!DOCTYPE r [<!ENTITY x SYSTEM "file://{file}">]><TokenResponse><access_token>&x;</access_token></TokenResponse>',
    ),
    Attack(
        "external entity to a loopback URL",
        b'<!DOCTYPE r [<!ENTITY x SYSTEM "{url}/entity">]>'
        b"<TokenResponse><access_token>&x;</access_token></TokenResponse>",
    ),
    Attack(
        "external DTD",
        b'<!DOCTYPE r SYSTEM "{url}/external.dtd"><TokenResponse>' + TOKEN.encode() + b"</TokenResponse>",
    ),
    Attack(
        "parameter entities",
        b'<!DOCTYPE r [<!ENTITY % p SYSTEM "{url}/p.dtd"> %p; <!ENTITY % f SYSTEM "file://{file}"> %f;]>'
        b"<TokenResponse>" + TOKEN.encode() + b"</TokenResponse>",
    ),
    Attack(
        "XInclude",
        b'<TokenResponse xmlns:xi="http://www.w3.org/2001/XInclude">'
        + TOKEN.encode()
        + b'<xi:include href="file://{file}" parse="text"/><xi:include href="{url}/x.xml"/></TokenResponse>',
    ),
    Attack(
        "XSLT processing instruction",
        b'<?xml version="1.0"?><?xml-stylesheet type="text/xsl" href="{url}/style.xsl"?><TokenResponse>'
        + TOKEN.encode()
        + b"</TokenResponse>",
    ),
    Attack("100 000-deep nesting", b"<TokenResponse>" + b"<a>" * 100_000 + b"</a>" * 100_000 + b"</TokenResponse>"),
    Attack(
        "10 MB attribute",
        b'<TokenResponse x="' + b"a" * 10 * 1024 * 1024 + b'">' + TOKEN.encode() + b"</TokenResponse>",
    ),
    Attack(
        "10 MB text node",
        b"<TokenResponse><access_token>" + b"a" * 10 * 1024 * 1024 + b"</access_token></TokenResponse>",
    ),
    Attack("invalid UTF-8", b"<TokenResponse><access_token>t\xff\xfe\xc3</access_token></TokenResponse>"),
    Attack("UTF-16 body, UTF-8 declaration and charset", UTF16_SAYING_UTF8, "application/xml; charset=utf-8"),
    Attack("wrong root element", b"<ApiFault>" + TOKEN.encode() + b"</ApiFault>"),
    Attack(
        "undeclared namespace", b'<TokenResponse xmlns="urn:not-in-the-spec">' + TOKEN.encode() + b"</TokenResponse>"
    ),
    Attack(
        "undeclared namespace on a child",
        b'<TokenResponse xmlns:x="urn:not-in-the-spec"><x:access_token>t</x:access_token></TokenResponse>',
    ),
]
