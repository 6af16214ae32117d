#!/usr/bin/env python3
"""Writes pii-heldout.jsonl: a held-out labelled PII corpus for the conversion loop's scrubber (S2).

Written from the issue text and the corpus line format only, before reading the scrubber's patterns, so that it
measures the formats people actually write rather than the formats the scrubber was designed for.

Labelling rules (the same placeholder names as pii-corpus.jsonl):
- EMAIL: any deliverable-looking address, whatever its case, tags or subdomains. Obfuscated forms
  ("name at example dot com") are e-mail addresses too and are labelled.
- PHONE: a phone number in any national or international form, with or without the extension.
- CARD: a payment card number that passes the Luhn check. Luhn-failing lookalikes are negatives.
- IBAN: an IBAN whose mod-97 checksum holds. Checksum-failing lookalikes are negatives.
- IP: an IPv4 or IPv6 address (private and documentation ranges included); the port is not part of the value.
- NATIONAL_ID: a personal national identifier: US SSN, UK NINO, and others (Canadian SIN, Spanish DNI/NIE,
  Swedish personnummer, French NIR, Dutch BSN, Indian PAN).
- TERM: a term from heldout-terms.txt.
Hard negatives carry no label: order/invoice/tracking numbers, dates, times, version strings, hashes, ISBNs, prices,
timestamps, MAC addresses, package versions, retina image names.

Run: python3 generate_pii_heldout.py > pii-heldout.jsonl   (seeded; the output is committed)
"""
import json
import random
import string
import sys

rng = random.Random(20261122)


# ---------------------------------------------------------------- checksums
def luhn_ok(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def luhn_complete(prefix: str, length: int) -> str:
    body = prefix + "".join(rng.choice(string.digits) for _ in range(length - len(prefix) - 1))
    for c in string.digits:
        if luhn_ok(body + c):
            return body + c
    raise AssertionError


def luhn_break(number: str) -> str:
    last = int(number[-1])
    bad = str((last + rng.randint(1, 9)) % 10)
    out = number[:-1] + bad
    assert not luhn_ok(out)
    return out


def iban_digits(s: str) -> str:
    return "".join(str(int(c, 36)) for c in s)


def iban_make(country: str, bban: str) -> str:
    check = 98 - int(iban_digits(bban + country + "00")) % 97
    return f"{country}{check:02d}{bban}"


def iban_ok(iban: str) -> bool:
    s = iban.replace(" ", "").replace("-", "").upper()
    return int(iban_digits(s[4:] + s[:4])) % 97 == 1


# ---------------------------------------------------------------- value makers
def digits(n):
    return "".join(rng.choice(string.digits) for _ in range(n))


def upper(n):
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(n))


def alnum(n):
    return "".join(rng.choice(string.ascii_uppercase + string.digits) for _ in range(n))


def group(s, sizes, sep):
    out, i = [], 0
    for size in sizes:
        if i >= len(s):
            break
        out.append(s[i:i + size])
        i += size
    if i < len(s):
        out.append(s[i:])
    return sep.join(out)


CARD_KINDS = [
    # (prefix chooser, length, grouping)
    (lambda: "4", 16, [4, 4, 4, 4]),
    (lambda: "4", 16, [4, 4, 4, 4]),
    (lambda: str(rng.randint(51, 55)), 16, [4, 4, 4, 4]),
    (lambda: str(rng.randint(2221, 2720)), 16, [4, 4, 4, 4]),
    (lambda: rng.choice(["34", "37"]), 15, [4, 6, 5]),
    (lambda: rng.choice(["6011", "65"]), 16, [4, 4, 4, 4]),
    (lambda: str(rng.randint(3528, 3589)), 16, [4, 4, 4, 4]),
    (lambda: "36", 14, [4, 6, 4]),
    (lambda: "62", 19, [4, 4, 4, 4, 3]),
    (lambda: "6759", 18, [4, 4, 4, 4, 2]),
]


def card(valid=True):
    make_prefix, length, sizes = rng.choice(CARD_KINDS)
    n = luhn_complete(make_prefix(), length)
    if not valid:
        n = luhn_break(n)
    sep = rng.choice(["", " ", " ", "-"])
    return n if sep == "" else group(n, sizes, sep)


IBAN_COUNTRIES = {
    "DE": lambda: digits(18),
    "GB": lambda: upper(4) + digits(14),
    "FR": lambda: digits(21) + digits(2),
    "ES": lambda: digits(20),
    "IT": lambda: upper(1) + digits(22),
    "NL": lambda: upper(4) + digits(10),
    "BE": lambda: digits(12),
    "CH": lambda: digits(17),
    "AT": lambda: digits(16),
    "PL": lambda: digits(24),
    "SE": lambda: digits(20),
    "IE": lambda: upper(4) + digits(14),
    "PT": lambda: digits(21),
    "NO": lambda: digits(11),
    "DK": lambda: digits(14),
    "FI": lambda: digits(14),
    "LU": lambda: digits(16),
    "AE": lambda: digits(19),
    "SA": lambda: digits(20),
}


def iban(valid=True, country=None):
    country = country or rng.choice(list(IBAN_COUNTRIES))
    value = iban_make(country, IBAN_COUNTRIES[country]())
    if not valid:
        good = value[2:4]
        while True:
            bad = f"{rng.randint(2, 98):02d}"
            if bad != good:
                break
        value = value[:2] + bad + value[4:]
        assert not iban_ok(value)
    else:
        assert iban_ok(value)
    return value if rng.random() < 0.45 else group(value, [4] * 9, " ")


FIRST = ["anna", "jonas", "priya", "mateo", "chloe", "liam", "sofia", "kwame", "yuki", "elena", "omar", "ingrid",
         "dmitri", "aisha", "lucas", "mei", "tomasz", "fatou", "henrik", "carmen", "raj", "zoe", "pavel", "amara"]
LAST = ["mueller", "okafor", "lindqvist", "garcia", "tanaka", "dubois", "novak", "haddad", "oconnell", "rossi",
        "kowalski", "nguyen", "fernandes", "schultz", "adeyemi", "larsen", "moreau", "petrov", "silva", "kim"]
DOMAINS = ["gmail.com", "outlook.com", "proton.me", "mail.contoso.com", "eu.fabrikam-retail.de", "uni-heidelberg.de",
           "students.ox.ac.uk", "yahoo.co.jp", "web.de", "orange.fr", "tiscali.it", "northwind.io", "acme-corp.com.au",
           "support.example.org", "hotmail.co.uk", "t-online.de", "gmx.at", "icloud.com", "company.technology",
           "sales.emea.globex.net"]


def email():
    f, l = rng.choice(FIRST), rng.choice(LAST)
    local = rng.choice([
        f"{f}.{l}", f"{f}{l[0]}", f"{f[0]}{l}", f"{f}_{l}{rng.randint(1, 99)}", f"{f}+{rng.choice(['orders', 'shop', 'news', 'amazon', 'tag2'])}",
        f"{f}.{l}+{rng.choice(['billing', 'work', 'x'])}", f"{l}-{f}", f"{f}{rng.randint(1970, 2005)}",
    ])
    domain = rng.choice(DOMAINS)
    value = f"{local}@{domain}"
    r = rng.random()
    if r < 0.12:
        value = value.upper()
    elif r < 0.3:
        value = local.capitalize().replace(".", ".", 1) + "@" + domain.capitalize()
    return value


def ssn(sep="-"):
    while True:
        area = rng.randint(1, 899)
        if area != 666:
            break
    return f"{area:03d}{sep}{rng.randint(1, 99):02d}{sep}{rng.randint(1, 9999):04d}"


NINO_FIRST = "ABCEGHJKLMNOPRSTWXYZ"
NINO_SECOND = "ABCEGHJKLMNPRSTWXYZ"


def nino(spaced=False):
    while True:
        prefix = rng.choice(NINO_FIRST) + rng.choice(NINO_SECOND)
        if prefix not in {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}:
            break
    d = digits(6)
    suffix = rng.choice("ABCD")
    return f"{prefix} {d[:2]} {d[2:4]} {d[4:]} {suffix}" if spaced else f"{prefix}{d}{suffix}"


def sin_ca():
    n = luhn_complete(rng.choice("1234567"), 9)
    return rng.choice([f"{n[:3]} {n[3:6]} {n[6:]}", f"{n[:3]}-{n[3:6]}-{n[6:]}"])


def dni_es():
    n = rng.randint(10000000, 99999999)
    return f"{n}{'TRWAGMYFPDXBNJZSQVHLCKE'[n % 23]}"


def nie_es():
    lead = rng.choice("XYZ")
    n = rng.randint(1000000, 9999999)
    full = int(str("XYZ".index(lead)) + f"{n:07d}")
    return f"{lead}{n:07d}{'TRWAGMYFPDXBNJZSQVHLCKE'[full % 23]}"


def personnummer():
    date = f"{rng.randint(50, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    body = date + digits(3)
    for c in string.digits:
        if luhn_ok(body + c):
            return f"{date}-{body[6:]}{c}"
    raise AssertionError


def nir_fr():
    body = f"{rng.choice('12')}{rng.randint(50, 99):02d}{rng.randint(1, 12):02d}{rng.randint(1, 95):02d}{rng.randint(1, 990):03d}{rng.randint(1, 999):03d}"
    key = 97 - int(body) % 97
    return f"{body[0]} {body[1:3]} {body[3:5]} {body[5:7]} {body[7:10]} {body[10:13]} {key:02d}"


def bsn_nl():
    while True:
        d = digits(9)
        s = sum(int(d[i]) * (9 - i) for i in range(8)) - int(d[8])
        if s % 11 == 0 and d[0] != "0":
            return d


def pan_in():
    return upper(3) + "P" + upper(1) + digits(4) + upper(1)


def ipv4(private=None):
    kind = private if private is not None else rng.random() < 0.3
    if kind:
        return rng.choice([f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                           f"192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
                           f"172.{rng.randint(16, 31)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"])
    return f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}"


def hextet():
    return format(rng.randint(1, 0xFFFF), "x")


def ipv6():
    r = rng.random()
    if r < 0.25:
        value = ":".join(format(rng.randint(0, 0xFFFF), "04x") for _ in range(8))
    elif r < 0.5:
        value = f"2001:db8:{hextet()}::{hextet()}"
    elif r < 0.65:
        value = f"fe80::{hextet()}:{hextet()}:{hextet()}:{hextet()}"
    elif r < 0.8:
        value = f"2a0{rng.randint(0, 9)}:{hextet()}:{hextet()}:{hextet()}:{hextet()}:{hextet()}:{hextet()}:{hextet()}"
    elif r < 0.9:
        value = f"::ffff:{ipv4(False)}"
    else:
        value = f"2600:{hextet()}::{hextet()}:{hextet()}"
    return value.upper() if rng.random() < 0.15 else value


def us_phone():
    a, b, c = rng.randint(201, 989), rng.randint(201, 989), digits(4)
    return rng.choice([f"({a}) {b}-{c}", f"{a}-{b}-{c}", f"{a}.{b}.{c}", f"+1 {a} {b} {c}", f"+1-{a}-{b}-{c}",
                       f"1-{a}-{b}-{c}", f"+1 ({a}) {b}-{c}", f"{a} {b} {c}"])


def intl_phone():
    makers = [
        lambda: f"+44 20 {digits(4)} {digits(4)}",
        lambda: f"020 {digits(4)} {digits(4)}",
        lambda: f"07{digits(3)} {digits(6)}",
        lambda: f"+44 7{digits(3)} {digits(6)}",
        lambda: f"+49 30 {digits(8)}",
        lambda: f"030 {digits(4)} {digits(4)}",
        lambda: f"+49 (0)89 {digits(3)} {digits(4)}",
        lambda: f"0049 171 {digits(7)}",
        lambda: f"+49 151 {digits(4)} {digits(4)}",
        lambda: f"+33 6 {digits(2)} {digits(2)} {digits(2)} {digits(2)}",
        lambda: f"06 {digits(2)} {digits(2)} {digits(2)} {digits(2)}",
        lambda: f"01.{digits(2)}.{digits(2)}.{digits(2)}.{digits(2)}",
        lambda: f"+39 06 {digits(4)} {digits(4)}",
        lambda: f"+39 3{digits(2)} {digits(3)} {digits(4)}",
        lambda: f"+34 6{digits(2)} {digits(2)} {digits(2)} {digits(2)}",
        lambda: f"91 {digits(3)} {digits(2)} {digits(2)}",
        lambda: f"+31 20 {digits(3)} {digits(4)}",
        lambda: f"06-{digits(8)}",
        lambda: f"+91 9{digits(4)} {digits(5)}",
        lambda: f"+81 3-{digits(4)}-{digits(4)}",
        lambda: f"03-{digits(4)}-{digits(4)}",
        lambda: f"+61 2 {digits(4)} {digits(4)}",
        lambda: f"(02) {digits(4)} {digits(4)}",
        lambda: f"04{digits(2)} {digits(3)} {digits(3)}",
        lambda: f"+55 11 9{digits(4)}-{digits(4)}",
        lambda: f"+86 13{digits(1)} {digits(4)} {digits(4)}",
        lambda: f"+353 87 {digits(3)} {digits(4)}",
        lambda: f"+46 70-{digits(3)} {digits(2)} {digits(2)}",
        lambda: f"+41 44 {digits(3)} {digits(2)} {digits(2)}",
        lambda: f"+48 {digits(3)} {digits(3)} {digits(3)}",
        lambda: f"+27 82 {digits(3)} {digits(4)}",
        lambda: f"+52 55 {digits(4)} {digits(4)}",
        lambda: f"+4420{digits(8)}",
        lambda: f"+1{rng.randint(201, 989)}{rng.randint(201, 989)}{digits(4)}",
    ]
    return rng.choice(makers)()


# ---------------------------------------------------------------- lines
lines = []


def add(text, *pii):
    for t, v in pii:
        assert text.count(v) == 1, (text, v)
        if t == "CARD":
            assert luhn_ok(v.replace(" ", "").replace("-", "")), v
        if t == "IBAN":
            assert iban_ok(v), v
    lines.append({"text": text, "pii": [{"type": t, "value": v} for t, v in pii]})


EMAIL_T = [
    "Hi, please update my contact address to {v}, the old one bounces.",
    "From: {name} <{v}>\nSubject: Re: order not delivered",
    "Can you cc {v} on the reply? She handles our invoices.",
    "\"{v}\" is the address on the account, not my personal one.",
    "Contact: mailto:{v}",
    "I registered with ({v}) but never got the confirmation mail.",
    "Forwarded message from {v}: the parcel arrived damaged.",
    "{{\"customer\":\"{name}\",\"email\":\"{v}\",\"issue\":\"refund\"}}",
    "Send the signed contract to {v}.",
    "user={v} action=password_reset status=sent",
    "Reach me at {v}; I check it daily.",
    "The login {v} was locked after three wrong attempts",
    "'{v}' - this is the billing contact we have on file.",
    "Please remove {v}, from the mailing list!",
    "My colleague ({v}) will pick up the shipment.",
]
PHONE_T = [
    "Please call me back on {v} after 5pm.",
    "Tel: {v}",
    "You can reach our driver at {v} if the gate is closed.",
    "{{\"name\":\"{name}\",\"phone\":\"{v}\"}}",
    "Mobile {v} (WhatsApp works too).",
    "Call {v} to reschedule the delivery.",
    "The customer left a voicemail from {v} about the invoice.",
    "Phone number on the account: {v}.",
    "My new number is {v}, the old one is disconnected",
    "Emergency contact - {name}, {v}",
    "Fax: {v}",
    "She asked us to text {v} when the courier is near.",
]
CARD_T = [
    "Please charge the remaining balance to {v}.",
    "Card number: {v}, expiry 09/27.",
    "I paid with {v} but the order still shows unpaid.",
    "{{\"payment\":{{\"pan\":\"{v}\",\"exp\":\"11/26\"}}}}",
    "Refund should go back to the card {v} please.",
    "The charge on {v} appeared twice on my statement.",
    "cc: {v} cvv on the back",
    "Use my other card, {v}, for the subscription.",
    "Customer read the number out as {v} over the phone.",
]
CARD_NEG_T = [
    "The card {v} was declined: number invalid.",
    "Typo in the form: {v} does not pass validation.",
    "Payment failed for {v} (checksum error), asked the customer to retype it.",
]
IBAN_T = [
    "Please wire the refund to {v}.",
    "IBAN: {v}\nBIC: {bic}",
    "Our bank details changed, new account {v}.",
    "{{\"iban\":\"{v}\",\"holder\":\"{name}\"}}",
    "Direct debit mandate for {v} signed on 3 March.",
    "The transfer to {v} bounced, can you check the account?",
    "Kontoverbindung: {v}",
    "Paid from {v}, reference INV-{inv}.",
]
IBAN_NEG_T = [
    "The IBAN {v} was rejected by the bank (invalid check digits).",
    "Form validation failed for account {v}, please re-enter.",
    "{v} looks mistyped, the checksum does not match.",
]
IP_T = [
    "Failed login for admin from {v} at 02:14 UTC.",
    "X-Forwarded-For: {v}",
    "GET /api/orders 403 client={v} ua=curl/8.4.0",
    "The customer's router reports a WAN address of {v}.",
    "Blocked {v} after 20 requests per second.",
    "sshd[2231]: Accepted publickey for deploy from {v} port 51514",
    "{{\"event\":\"signup\",\"ip\":\"{v}\"}}",
    "Session started from {v} (Berlin, DE).",
    "Please whitelist {v} for the SFTP upload.",
]
SSN_T = [
    "SSN: {v}",
    "My social security number is {v}.",
    "Applicant SSN {v}, DOB 1984-07-12.",
    "{{\"ssn\":\"{v}\",\"state\":\"OH\"}}",
    "The W-9 lists {v} as the taxpayer id.",
    "Verify identity: last name {last}, social {v}",
]
NINO_T = [
    "National Insurance number: {v}",
    "My NI number is {v}.",
    "NINO {v} on the P60 does not match payroll.",
    "Employee record: {name}, NI {v}, start date 01/04/2024",
    "{{\"nino\":\"{v}\"}}",
]
OTHER_ID = [
    ("SIN {v} on the T4 slip.", sin_ca),
    ("My social insurance number is {v}.", sin_ca),
    ("DNI: {v}", dni_es),
    ("Adjunto copia del DNI {v} para el reembolso.", dni_es),
    ("NIE {v}, residente en Valencia.", nie_es),
    ("Personnummer {v} saknas i ansökan.", personnummer),
    ("Swedish personal id {v} was entered twice.", personnummer),
    ("Numéro de sécurité sociale : {v}", nir_fr),
    ("BSN {v} staat niet in de administratie.", bsn_nl),
    ("Burgerservicenummer: {v}", bsn_nl),
    ("PAN card {v} attached for KYC.", pan_in),
]


def name():
    return f"{rng.choice(FIRST).capitalize()} {rng.choice(LAST).capitalize()}"


for _ in range(55):
    v = email()
    add(rng.choice(EMAIL_T).format(v=v, name=name()), ("EMAIL", v))
for _ in range(25):
    v = us_phone()
    add(rng.choice(PHONE_T).format(v=v, name=name()), ("PHONE", v))
for _ in range(45):
    v = intl_phone()
    add(rng.choice(PHONE_T).format(v=v, name=name()), ("PHONE", v))
for _ in range(45):
    v = card()
    add(rng.choice(CARD_T).format(v=v), ("CARD", v))
for _ in range(20):
    v = card(valid=False)
    add(rng.choice(CARD_NEG_T).format(v=v))
for _ in range(45):
    v = iban()
    add(rng.choice(IBAN_T).format(v=v, bic=upper(4) + rng.choice(["DE", "FR", "GB", "NL"]) + alnum(2), name=name(), inv=digits(5)), ("IBAN", v))
for _ in range(20):
    v = iban(valid=False)
    add(rng.choice(IBAN_NEG_T).format(v=v))
for _ in range(30):
    v = ipv4()
    add(rng.choice(IP_T).format(v=v), ("IP", v))
for _ in range(25):
    v = ipv6()
    add(rng.choice(IP_T).format(v=v), ("IP", v))
for i in range(30):
    v = ssn(sep="-" if i < 22 else (" " if i < 26 else ""))
    add(rng.choice(SSN_T).format(v=v, last=rng.choice(LAST).capitalize()), ("NATIONAL_ID", v))
for i in range(25):
    v = nino(spaced=i % 3 == 0)
    add(rng.choice(NINO_T).format(v=v, name=name()), ("NATIONAL_ID", v))
for template, maker in OTHER_ID:
    for _ in range(2):
        v = maker()
        add(template.format(v=v), ("NATIONAL_ID", v))

# ---------------------------------------------------------------- hand-written lines (mixed, odd formats)
add("Mail me at J.Smith@Example.COM or call +1 (212) 555-0187 ext. 42.", ("EMAIL", "J.Smith@Example.COM"), ("PHONE", "+1 (212) 555-0187 ext. 42"))
add("--\nMaria Gonzalez | Head of Procurement\nmaria.gonzalez@ventas.grupo-iberia.es | +34 915 55 01 23", ("EMAIL", "maria.gonzalez@ventas.grupo-iberia.es"), ("PHONE", "+34 915 55 01 23"))
add("write to peter dot novak at gmail dot com, the form rejects my address", ("EMAIL", "peter dot novak at gmail dot com"))
add("Email: sandra[at]kanzlei-weber.de", ("EMAIL", "sandra[at]kanzlei-weber.de"))
add("Contact <tom.o'brien@dublin-tech.ie> for the warranty claim.", ("EMAIL", "tom.o'brien@dublin-tech.ie"))
add("Reply-To: \"Support Bot\" <noreply+ticket-88213@helpdesk.northwind.io>", ("EMAIL", "noreply+ticket-88213@helpdesk.northwind.io"))
add("The address KWAME.ADEYEMI@PROTON.ME bounced twice.", ("EMAIL", "KWAME.ADEYEMI@PROTON.ME"))
add("name,email,phone\nLiu Wei,liu.wei@sina.com.cn,+86 10 6552 9988", ("EMAIL", "liu.wei@sina.com.cn"), ("PHONE", "+86 10 6552 9988"))
add("tel:+442079460958 is the number in the footer link.", ("PHONE", "+442079460958"))
add("Call 0800 123 4567 (free from UK landlines).", ("PHONE", "0800 123 4567"))
add("Ring me on 07700 900 461 tomorrow morning.", ("PHONE", "07700 900 461"))
add("Office: +49 (0) 221 98765-0, Fax: +49 (0) 221 98765-99", ("PHONE", "+49 (0) 221 98765-0"), ("PHONE", "+49 (0) 221 98765-99"))
add("Mobil: 0172/5551234", ("PHONE", "0172/5551234"))
add("Her number is 555-0143, ask for Dana.", ("PHONE", "555-0143"))
add("call 1 800 FLOWERS? no - call 1-800-356-9377 instead", ("PHONE", "1-800-356-9377"))
add("His cell is 2125550199, no dashes in the CRM.", ("PHONE", "2125550199"))
add("Numéro : 04 72 10 30 30, demander M. Laurent.", ("PHONE", "04 72 10 30 30"))
add("Card on file: 4111-1111-1111-1111 (test card? customer says it's real)", ("CARD", "4111-1111-1111-1111"))
add("AMEX 3782 822463 10005 exp 04/28", ("CARD", "3782 822463 10005"))
add("pan=5555555555554444&amount=19.99&currency=EUR", ("CARD", "5555555555554444"))
add("card: 4012 8888 8888 1881; billing zip 94107", ("CARD", "4012 8888 8888 1881"))
add("Refund 4000056655665556, not the Mastercard.", ("CARD", "4000056655665556"))
add("IBAN DE89 3704 0044 0532 0130 00, BIC COBADEFFXXX", ("IBAN", "DE89 3704 0044 0532 0130 00"))
add("account GB29NWBK60161331926819 (NatWest)", ("IBAN", "GB29NWBK60161331926819"))
add("Please use fr1420041010050500013m02606 for the deposit.", ("IBAN", "fr1420041010050500013m02606"))
add("IBAN: CH93-0076-2011-6238-5295-7", ("IBAN", "CH93-0076-2011-6238-5295-7"))
add("[2001:db8:85a3::8a2e:370:7334]:8443 refused the TLS handshake", ("IP", "2001:db8:85a3::8a2e:370:7334"))
add("upstream 203.0.113.45:443 timed out after 30s", ("IP", "203.0.113.45"))
add("allow from 198.51.100.0/24; deny all", ("IP", "198.51.100.0"))
add("ping6 to fe80::1ff:fe23:4567:890a%eth0 does not answer", ("IP", "fe80::1ff:fe23:4567:890a"))
add("client 100.64.12.7, 172.31.255.254 -> proxy", ("IP", "100.64.12.7"), ("IP", "172.31.255.254"))
add("NI no. JE 12 34 56 D, payroll ref PR-2291", ("NATIONAL_ID", "JE 12 34 56 D"))
add("ssn:512-38-4921,dob:1979-02-03", ("NATIONAL_ID", "512-38-4921"))
add("Claimant: Priya Nair, SSN 219 09 9999 (hand-written, please confirm)", ("NATIONAL_ID", "219 09 9999"))
add("name=Chloe Dubois email=chloe.d@orange.fr ip=90.12.45.201 card=4970 1012 3456 7899",
    ("EMAIL", "chloe.d@orange.fr"), ("IP", "90.12.45.201"), *([("CARD", "4970 1012 3456 7899")] if luhn_ok("4970101234567899") else []))
add("Ticket #48213: customer omar.haddad@web.de (+49 160 5550 1234) asks to refund to DE75 5121 0800 1245 1261 99.",
    ("EMAIL", "omar.haddad@web.de"), ("PHONE", "+49 160 5550 1234"), *([("IBAN", "DE75 5121 0800 1245 1261 99")] if iban_ok("DE75512108001245126199") else []))

# ---------------------------------------------------------------- hard negatives
NEG = [
    "Order #113-4827716-2239461 shipped on 2024-05-14.",
    "Your order 402-9931874-5510226 has been cancelled.",
    "Invoice INV-2024-000318 is due on 30.06.2024.",
    "Tracking: 1Z 999 AA1 01 2345 6784 (UPS Ground)",
    "USPS tracking 9400 1000 0000 0000 0000 00 shows in transit.",
    "FedEx 7489 2734 5610, delivered to the front desk.",
    "DHL Waybill 1234567890 will arrive Thursday.",
    "ISBN 978-3-16-148410-0, second edition, 2019.",
    "ISBN-13: 9780306406157; ISBN-10: 0-306-40615-2",
    "EAN 5901234123457 on the shelf label.",
    "Version 4.8.1.0 of the agent is rolling out.",
    "AssemblyVersion(\"2.0.0.0\") must match the NuGet package.",
    "Upgraded Chrome to 120.0.6099.129 and the bug persists.",
    "Driver 31.0.15.5222 fixed the flicker.",
    "Firmware v1.2.3.4 introduced the regression.",
    "Build 10.0.22631.3447 (Windows 11 23H2)",
    "npm install lodash@4.17.21 react@18.2.0",
    "import { Component } from '@angular/core'; // v17.0.1",
    "Add icon@2x.png and icon@3x.png to the asset catalog.",
    "@Override public String toString() is missing.",
    "Thanks @mateo_dev for the quick fix!",
    "Meet @ 5pm at gate B14.",
    "commit 9fceb02d0ae598e95dc970b74767f19372d61af8 reverted the change",
    "md5 d41d8cd98f00b204e9800998ecf8427e, sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "Docker image sha256:4f1f3b5c0e2d... pulled in 3.2s",
    "Request 5f2c9a1e-7b3d-4c8e-9f10-fdc5582598c2 took 812 ms.",
    "Timestamp 1717171717 (epoch seconds) is in the future.",
    "2024-03-15T14:30:00Z started, 2024-03-15T14:31:07.512+01:00 finished",
    "Logged at 15/03/2024 14:30:45.123",
    "Meeting on 03.15.2024 at 09:30-10:15.",
    "Total: $1,234.56 (tax $98.76) paid on 12/01/2023.",
    "Preis: 1.299,00 € inkl. MwSt.",
    "We shipped 1 234 567 units in Q3 2023.",
    "Coordinates 48.858370, 2.294481 (Eiffel Tower).",
    "MAC 00:1A:2B:3C:4D:5E is already registered.",
    "Device aa:bb:cc:dd:ee:ff joined the guest VLAN.",
    "std::vector<int> and std::map<std::string, int> leak here.",
    "The match ended 3-1 after extra time (90:00+4).",
    "Pages 112-118 of the manual cover the reset.",
    "Part number 123-45-678 is on backorder.",
    "SKU GB-2024-XL-0042 and SKU DE-2023-M-1187 are out of stock.",
    "BIC DEUTDEFF500 is the Frankfurt branch.",
    "Serial SN: 4C0D-88A1-99F2-0B17",
    "Flight LH 454 departs 10:35, seat 23C.",
    "ZIP 94105-1234, postcode SW1A 1AA, PLZ 10115.",
    "Case number 2024-CV-00912 was filed in district court.",
    "Room 2.14, building 3, floor 1.",
    "Temperature 21.5 °C, humidity 48 %, pressure 1013.25 hPa.",
    "Score 0.93 with threshold 0.85 on 2024-05-01.",
    "Use the last four digits only: card ending in 4242.",
    "Ratio 16:9, resolution 1920x1080, 60 Hz.",
    "Error 0x80070005 (access denied) in module 12.",
    "base64: dGhpcyBpcyBhIHRlc3Q= (not a secret)",
    "Postgres 16.2, Redis 7.0.15, RabbitMQ 3.10.0.",
    "Bug 1872234 was duplicated by 1872299.",
    "Account balance 12 450,00 PLN as of 31.12.2023.",
    "The lot code L2403-115-02 is affected by the recall.",
    "Call center hours: 8:00-20:00, Monday to Friday.",
    "Percentiles p50 1.58 ms, p95 4.2 ms, p99 11.07 ms.",
    "Container 7f3d2a1b9c8e started at 12:00:01.",
    "See RFC 5321 section 4.1.2 and RFC 4291 section 2.2.",
    "Quote Q-88231-B valid until 2025-01-31.",
    "Reference 20240315-0001-7781 in the remittance.",
    "Batch 000123456789 contains 12 pallets.",
    "The loan number 4400-2211-0099 was closed.",
    "Patch notes 2.3.1 -> 2.4.0: 14 fixes, 3 features.",
    "Range 10-20-30 was used for the test matrix.",
    "Invoice total 4.532,18 EUR, Kundennummer 100245.",
    "Support PIN 482913 expires in 10 minutes.",
    "Shipment weight 12.5 kg, dims 40x30x20 cm.",
    "The model scored 86.8% on 5,605 schemas.",
    "Semantic version 1.2.3-beta.4+build.5 was published.",
]
for text in NEG:
    add(text)

# ---------------------------------------------------------------- user-supplied terms
add("Marisol Quintero-Vance asked for the contract to be cancelled.", ("TERM", "Marisol Quintero-Vance"))
add("Shipments for Bluefin Logistics are delayed by two days.", ("TERM", "Bluefin Logistics"))
add("Status update on Operation Larkspur: phase two starts Monday.", ("TERM", "Operation Larkspur"))
add("Referred by Dr. Abernathy-Cole, see the attached letter.", ("TERM", "Dr. Abernathy-Cole"))
add("BLUEFIN LOGISTICS invoice attached.", ("TERM", "BLUEFIN LOGISTICS"))
add("We met the bluefin logistics team on site.", ("TERM", "bluefin logistics"))
add("The Larkspur plan differs from Operation Larkspur's first draft.", ("TERM", "Operation Larkspur"))
add("Bluefin tuna prices rose again; logistics costs too.")
add("Our operation in Larkspur, California, closed in May.")

rng.shuffle(lines)
for line in lines:
    sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
