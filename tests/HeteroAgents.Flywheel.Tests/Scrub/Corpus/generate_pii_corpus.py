#!/usr/bin/env python3
"""Writes pii-corpus.jsonl: realistic support/CRM/log lines with planted PII and hard negatives.

Each line: {"text": "...", "pii": [{"type": "EMAIL|PHONE|CARD|IBAN|IP|NATIONAL_ID|TERM", "value": "..."}]}
The values are exactly the substrings a scrubber should replace. Deterministic (seeded); rerun to regenerate.
Terms for <TERM> are listed in terms.txt next to this file.
"""
import json, random, string

rng = random.Random(20261122)
FIRST = ["anna", "james", "maria", "li", "olga", "pierre", "sven", "fatima", "kenji", "lucia", "tom", "priya", "noah", "elif", "marco"]
LAST = ["schmidt", "oconnor", "garcia", "chen", "ivanova", "dubois", "larsen", "haddad", "tanaka", "rossi", "baker", "sharma", "meyer", "yilmaz", "bianchi"]
DOMAINS = ["example.com", "mail.example.org", "contoso.co.uk", "fabrikam.de", "northwind.io", "posteo.net", "uni-hamburg.de"]
TERMS = ["Project Nightingale", "Hollowbrook Farms", "Kestrel Dynamics", "Ms. Okonkwo", "Dr. Feldmann", "Ravensworth"]

def luhn_complete(prefix, length):
    digits = [int(c) for c in prefix]
    while len(digits) < length - 1:
        digits.append(rng.randrange(10))
    for check in range(10):
        cand = digits + [check]
        s = 0
        for i, d in enumerate(reversed(cand)):
            if i % 2 == 1:
                d *= 2
                if d > 9: d -= 9
            s += d
        if s % 10 == 0:
            return "".join(map(str, cand))

def luhn_ok(num):
    s = 0
    for i, c in enumerate(reversed(num)):
        d = int(c)
        if i % 2 == 1:
            d *= 2
            if d > 9: d -= 9
        s += d
    return s % 10 == 0

def card(valid=True):
    kind = rng.choice(["visa", "mc", "amex", "disc", "mc2"])
    if kind == "amex":
        n = luhn_complete(rng.choice(["34", "37"]), 15)
        groups = [n[:4], n[4:10], n[10:]]
    else:
        prefix = {"visa": "4", "mc": str(rng.randint(51, 55)), "disc": "6011", "mc2": str(rng.randint(2221, 2720))}[kind]
        n = luhn_complete(prefix, 16)
        groups = [n[i:i + 4] for i in range(0, 16, 4)]
    if not valid:
        last = (int(n[-1]) + rng.randint(1, 9)) % 10
        n = n[:-1] + str(last)
        assert not luhn_ok(n)
        groups[-1] = groups[-1][:-1] + str(last)
    sep = rng.choice([" ", "-", ""])
    return sep.join(groups)

IBAN_SPEC = {"DE": (18, "n"), "GB": (18, "gb"), "FR": (23, "n"), "NL": (14, "nl"), "ES": (20, "n"), "IT": (23, "it"), "CH": (17, "n"), "AT": (16, "n"), "BE": (12, "n")}

def iban_checksum(country, bban):
    s = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return 98 - int(num) % 97

def iban(valid=True, spaced=None):
    country = rng.choice(list(IBAN_SPEC))
    length, kind = IBAN_SPEC[country]
    if kind == "gb":
        bban = "".join(rng.choice(string.ascii_uppercase) for _ in range(4)) + "".join(rng.choice(string.digits) for _ in range(14))
    elif kind == "nl":
        bban = "".join(rng.choice(string.ascii_uppercase) for _ in range(4)) + "".join(rng.choice(string.digits) for _ in range(10))
    elif kind == "it":
        bban = rng.choice(string.ascii_uppercase) + "".join(rng.choice(string.digits) for _ in range(22))
    else:
        bban = "".join(rng.choice(string.digits) for _ in range(length))
    check = iban_checksum(country, bban)
    if not valid:
        check = (check + rng.randint(1, 50)) % 97 + 2
        if check == iban_checksum(country, bban): check = (check % 96) + 2
    s = f"{country}{check:02d}{bban}"
    if spaced is None: spaced = rng.random() < 0.6
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4)) if spaced else s

def email():
    f, l = rng.choice(FIRST), rng.choice(LAST)
    local = rng.choice([f"{f}.{l}", f"{f[0]}{l}", f"{f}_{l}{rng.randint(1, 99)}", f"{f}+orders", f"{l}.{f}"])
    return f"{local}@{rng.choice(DOMAINS)}"

def phone():
    return rng.choice([
        lambda: f"+1 ({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}",
        lambda: f"+1-{rng.randint(201, 989)}-{rng.randint(200, 999)}-{rng.randint(0, 9999):04d}",
        lambda: f"({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(0, 9999):04d}",
        lambda: f"{rng.randint(201, 989)}-{rng.randint(200, 999)}-{rng.randint(0, 9999):04d}",
        lambda: f"{rng.randint(201, 989)}.{rng.randint(200, 999)}.{rng.randint(0, 9999):04d}",
        lambda: f"+44 20 {rng.randint(7000, 8999)} {rng.randint(0, 9999):04d}",
        lambda: f"+44 (0)20 {rng.randint(7000, 8999)} {rng.randint(0, 9999):04d}",
        lambda: f"+44 7700 {rng.randint(900000, 900999)}",
        lambda: f"020 {rng.randint(7000, 8999)} {rng.randint(0, 9999):04d}",
        lambda: f"07700 {rng.randint(900000, 900999)}",
        lambda: f"+49 30 {rng.randint(1000000, 99999999)}",
        lambda: f"+49 (0)89 {rng.randint(100000, 9999999)}",
        lambda: f"030 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
        lambda: f"+33 1 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        lambda: f"01 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        lambda: f"+81-3-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}",
        lambda: f"+91 {rng.randint(70000, 99999)} {rng.randint(10000, 99999)}",
        lambda: f"+61 2 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
        lambda: f"{rng.randint(201, 989)}{rng.randint(200, 999)}{rng.randint(0, 9999):04d}",  # bare 10 digits: hard
    ])()

def ipv4():
    return rng.choice([
        lambda: f"192.168.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
        lambda: f"10.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
        lambda: f"{rng.randint(11, 223)}.{rng.randint(0, 255)}.{rng.randint(0, 255)}.{rng.randint(1, 254)}",
    ])()

def ipv6():
    groups = [f"{rng.randint(0, 65535):x}" for _ in range(8)]
    return rng.choice([
        lambda: ":".join(groups),
        lambda: f"2001:db8::{groups[0]}:{groups[1]}",
        lambda: f"fe80::{groups[2]}:{groups[3]}:{groups[4]}",
        lambda: f"2a02:8108:{groups[5]}::{groups[6]}",
    ])()

def ssn():
    area = rng.choice([n for n in range(1, 900) if n != 666])
    return f"{area:03d}-{rng.randint(1, 99):02d}-{rng.randint(1, 9999):04d}"

def nino():
    first = rng.choice("ABCEGHJKLMNOPRSTWXYZ")
    second = rng.choice("ABCEGHJKLMNPRSTWXYZ")
    if first + second in ("BG", "GB", "NK", "KN", "TN", "NT", "ZZ"): first, second = "A", "B"
    d = [f"{rng.randint(0, 99):02d}" for _ in range(3)]
    return rng.choice([f"{first}{second}{''.join(d)}{rng.choice('ABCD')}", f"{first}{second} {d[0]} {d[1]} {d[2]} {rng.choice('ABCD')}"])

GEN = {"EMAIL": email, "PHONE": phone, "CARD": card, "IBAN": iban, "IP": lambda: ipv4() if rng.random() < 0.6 else ipv6(), "NATIONAL_ID": lambda: ssn() if rng.random() < 0.5 else nino(), "TERM": lambda: rng.choice(TERMS)}

TEMPLATES = {
    "EMAIL": ["Please send the invoice to {} before Friday.", "Customer wrote from {} asking about a refund.", "CC: {} (account owner)", "Reply-To: {}\nSubject: damaged parcel", "My new address is {}, please update it.", "Escalated by {} after two failed deliveries."],
    "PHONE": ["Call me back on {} after 5pm.", "Mobile: {}", "The caller left {} as a callback number.", "Reach the warehouse at {} for pickup slots.", "tel. {} (office)", "Best number to reach me is {}."],
    "CARD": ["I was charged twice on card {} yesterday.", "Card number: {} exp 09/27", "Please refund to the card ending in the number {}.", "payment_method={} status=declined", "The customer read out {} over the phone."],
    "IBAN": ["Please transfer the refund to {}.", "IBAN: {} BIC: COBADEFFXXX", "Our bank details changed, new account {}.", "Wire to {} (Hausbank)", "Refund account {} confirmed by the customer."],
    "IP": ["Login from {} was blocked after 5 attempts.", "src={} dst=gateway action=deny", "Client IP {} exceeded the rate limit.", "The webhook came from {} at 03:12 UTC.", "Suspicious session, origin {}"],
    "NATIONAL_ID": ["SSN on file: {}", "Applicant national insurance number {} verified.", "Tax form lists {} as the identifier.", "Please mask {} in the export.", "ID {} belongs to the primary borrower."],
    "TERM": ["Update from {} regarding the shipment.", "{} asked for a discount on the renewal.", "Internal: this belongs to {}, do not share.", "Meeting notes for {} attached."],
}

NEGATIVES = [
    "Order ORD-2024-{n6} shipped on 2024-03-15 via DHL.",
    "Your order #{n9} will arrive between 12/04/2024 and 15/04/2024.",
    "Tracking number 1Z999AA1{n8}, weight 2.5 kg.",
    "Invoice INV-{n5}-{n4} totals EUR 1 249,50 incl. VAT.",
    "Updated to version 4.2.1.0 last night; build {n5} is stable.",
    "Running v1.2.3.4 of the agent on Windows 10.0.19045.2965.",
    "Firmware 3.10.2.7 fixes the Bluetooth pairing issue.",
    "Timestamp 2024-03-15T10:22:31Z, retry at 10:25:00.",
    "Meeting moved to 14:30:00 on 03.15.2024.",
    "Card {badcard} was rejected: invalid number.",
    "The number {badcard} fails validation, ask the customer again.",
    "Bank account {badiban} could not be verified (checksum error).",
    "SSN 000-{n2}-{n4} is not a valid format, rejected by the form.",
    "ID 666-{n2}-{n4} is reserved and was rejected.",
    "MAC address 00:1A:2B:{h2}:{h2}:{h2} registered on port 7.",
    "ISBN 978-3-16-148410-0, second edition, page {n3}.",
    "Coordinates 48.8566, 2.3522 mark the depot.",
    "Pi is roughly 3.14159 and e is 2.71828.",
    "SKU 8841-2230-{n2} is out of stock until week {n2}.",
    "Ticket {n6} merged into ticket {n6}; priority P2.",
    "Amount due: $1,234.56 by 2024-04-30.",
    "Reference RF{n2} {n4} {n4} {n4} applies to this statement.",
    "Request id 5f2c9a1e-7b3d-4c8e-9f10-{h12} failed with HTTP 502.",
    "Serial number SN-{n4}-{n4}-{n4}-{n4} is under warranty.",
    "Room 2.14, building 3, floor 1.",
    "The batch took 12.5 s for 1,000,000 rows (v2.0).",
    "std::vector and std::map were used in module {n2}.",
    "Score 0.93 with threshold 0.85 on 2024-05-01.",
    "Ports 8080, 8443 and 5672 are open on the staging host.",
    "Quote number Q{n4}-{n4}-{n2} valid for 30 days.",
    "Product code 4006381333931 (EAN-13) scanned twice.",
    "Version string 10.0.0.1 appears in the release notes.",
    "Your PIN was reset; the new one arrives by post in 3-5 days.",
    "Delivery window 0900-1200 on 2024/06/12.",
]

def fill_negative(t):
    def r(n): return "".join(rng.choice(string.digits) for _ in range(n))
    out = t
    while "{" in out:
        i = out.index("{"); j = out.index("}", i); key = out[i + 1:j]
        val = {"n2": lambda: r(2), "n3": lambda: r(3), "n4": lambda: r(4), "n5": lambda: r(5), "n6": lambda: r(6), "n8": lambda: r(8), "n9": lambda: r(9),
               "h2": lambda: f"{rng.randint(0, 255):02X}", "h12": lambda: "".join(rng.choice("0123456789abcdef") for _ in range(12)),
               "badcard": lambda: card(valid=False), "badiban": lambda: iban(valid=False)}[key]()
        out = out[:i] + val + out[j + 1:]
    return out

lines = []
types = list(TEMPLATES)
# Single-PII lines: 36 per type.
for t in types:
    for _ in range(36):
        v = GEN[t]()
        lines.append({"text": rng.choice(TEMPLATES[t]).format(v), "pii": [{"type": t, "value": v}]})
# Mixed lines: two or three kinds in one message, plus a negative.
for _ in range(60):
    picked = rng.sample(types, rng.choice([2, 3]))
    parts, pii = [], []
    for t in picked:
        v = GEN[t]()
        parts.append(rng.choice(TEMPLATES[t]).format(v))
        pii.append({"type": t, "value": v})
    if rng.random() < 0.5:
        parts.append(fill_negative(rng.choice(NEGATIVES)))
    lines.append({"text": " ".join(parts), "pii": pii})
# Hard negatives: 4 variants of each.
for t in NEGATIVES:
    for _ in range(4):
        lines.append({"text": fill_negative(t), "pii": []})
rng.shuffle(lines)
with open("pii-corpus.jsonl", "w", encoding="utf-8") as f:
    for line in lines:
        f.write(json.dumps(line, ensure_ascii=False) + "\n")
with open("terms.txt", "w", encoding="utf-8") as f:
    f.write("# Terms the PII corpus test passes to the scrubber as user-supplied terms.\n")
    for t in TERMS:
        f.write(t + "\n")
print(len(lines), "lines")
