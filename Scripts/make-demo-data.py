#!/usr/bin/env python3
"""Writes Resources/demo/dataset.json, the sandbox's demo organisation.

Development tooling only: the program reads the JSON, never this script. Deterministic (seeded),
so re-running it gives the same file.
"""
import base64, json, random, uuid, pathlib

rng = random.Random(20261204)
def uid():
    return uuid.UUID(int=rng.getrandbits(128), version=4)
def person_id(u):
    return base64.urlsafe_b64encode(f"ciscospark://us/PEOPLE/{u}".encode()).decode().rstrip("=")
def org_id(u):
    return base64.urlsafe_b64encode(f"ciscospark://us/ORGANIZATION/{u}".encode()).decode().rstrip("=")

SERVICES = ["All", "MeetingCenter", "EventCenter", "TrainingCenter", "SupportCenter"]
def sched(all_type=None, **per):
    if all_type is not None and all_type != "notApplicable":
        return [{"service": s, "type": all_type} for s in SERVICES]
    out = [{"service": "All", "type": "notApplicable"}]
    for s in SERVICES[1:]:
        out.append({"service": s, "type": per.get(s, "notUsed")})
    return out
def opts(values, default=None):
    return [{"value": v, "defaultValue": v == default} for v in values]

DEFAULT = "acme.webex.com"
EU = "acme-eu.webex.com"
APAC = "acme-apac.webex.com"
LAB = "acme-lab.webex.com"
sites = [
    {"siteUrl": DEFAULT, "isDefault": True, "management": "controlHub", "hasMappedCodes": False},
    {"siteUrl": EU, "isDefault": False, "management": "siteAdmin", "hasMappedCodes": False},
    {"siteUrl": APAC, "isDefault": False, "management": "controlHub", "hasMappedCodes": True},
    {"siteUrl": LAB, "isDefault": False, "management": "controlHub", "hasMappedCodes": False},
]

codes = []
def code(site, name, mode, options, host, schedule):
    codes.append({"id": str(len(codes) + 1), "name": name, "siteUrl": site, "options": options,
                  "inputMode": mode, "hostProfileCode": host, "scheduleStartCodes": schedule})

projects = [f"PRJ-{1000 + i:04d} " + rng.choice(["Apollo", "Borealis", "Cobalt", "Delta", "Ember", "Fjord",
            "Granite", "Helios", "Iris", "Juniper", "Kestrel", "Lumen", "Meridian", "Nimbus", "Orchid"])
            for i in range(300)]
code(DEFAULT, "Department", "select", opts(["Engineering", "Design", "Sales", "Marketing", "Finance",
     "Legal", "Support", "Human Resources"], "Engineering"), "optional",
     sched(MeetingCenter="required", EventCenter="optional"))
code(DEFAULT, "Division", "editableSelect", opts(["Full-time", "Part-time", "Intern", "Contractor"], "Full-time"),
     "optional", sched(MeetingCenter="optional", EventCenter="required", TrainingCenter="optional"))
code(DEFAULT, "Cost Center", "text", [], "optional", sched("required"))
code(DEFAULT, "Project", "select", opts(projects, projects[0]), "optional", sched("optional"))
code(DEFAULT, "Region", "hostProfileSelect", opts(["EMEA", "AMER", "APJC", "LATAM"], "AMER"), "optional", sched("notUsed"))
code(DEFAULT, "Billing Code", "select", opts(["B-100", "B-200", "B-300"], "B-100"), "adminSet",
     sched(MeetingCenter="adminSet", EventCenter="adminSet"))
code(DEFAULT, "Office", "select", opts(["Zürich", "São Paulo", "東京", "서울", "القاهرة", "תל אביב", "Kraków",
     "Reykjavík", "Ho Chi Minh City", "Αθήνα"], "Zürich"), "optional", sched(MeetingCenter="optional"))
code(DEFAULT, "Client Name", "text", [], "notUsed", sched(MeetingCenter="optional", SupportCenter="required"))
code(DEFAULT, "Campaign", "editableSelect", opts(["Spring Launch", "Summer Promo", "Q4 Push"]), "optional",
     sched("optional"))
code(DEFAULT, "Event Type", "select", opts(["Webinar", "Town Hall", "Training", "Customer Call"], "Webinar"),
     "optional", sched(EventCenter="required", TrainingCenter="optional"))
code(DEFAULT, "Legacy Code", "text", [], "notUsed", sched("notUsed"))
code(DEFAULT, "Business Unit", "select", opts(["Consumer", "Enterprise", "Public Sector"]), "optional",
     sched(MeetingCenter="optional", EventCenter="optional", TrainingCenter="optional", SupportCenter="optional"))

code(EU, "Kostenstelle", "text", [], "required", sched("required"))
code(EU, "Abteilung", "select", opts(["Entwicklung", "Vertrieb", "Außendienst", "Qualität"], "Entwicklung"),
     "optional", sched(MeetingCenter="required"))
code(EU, "Projet", "editableSelect", opts(["Île-de-France", "Côte d'Azur", "Bretagne"]), "optional", sched("optional"))
code(EU, "Region", "hostProfileSelect", opts(["DACH", "Nordics", "Benelux", "Iberia"], "DACH"), "optional", None)

code(APAC, "Employee Grade", "select", opts(["G1", "G2", "G3", "G4"]), "optional", sched("optional"))
code(APAC, "部门", "select", opts(["研发", "销售", "市场"], "研发"), "optional", sched(MeetingCenter="optional"))
code(APAC, "Team", "text", [], "optional", sched("optional"))

code(LAB, "Experiment", "text", [], "optional", sched(TrainingCenter="optional"))

for c in codes:
    if c["scheduleStartCodes"] is None:
        c["scheduleStartCodes"] = sched("notUsed")

first = ["José", "Zoë", "Łukasz", "Siobhán", "Björn", "Ana", "Mateus", "Chloé", "Søren", "Ayşe", "İbrahim",
         "Đorđe", "Nguyễn Văn", "Jürgen", "François", "Ngozi", "Aarav", "Priya", "Mei", "Hiroshi", "Olumide",
         "Liam", "Emma", "Noah", "Sofía", "Mateo", "Yuki", "Fatima", "Omar", "Ingrid"]
last = ["García", "Müller", "Nowak", "O'Brien", "Ångström", "Silva", "Dubois", "Kristensen", "Yılmaz",
        "Petrović", "An", "Schröder", "Lefèvre", "Okafor", "Sharma", "Patel", "Chen", "Tanaka", "Adeyemi",
        "Smith", "Johnson", "Fernández", "Rossi", "Kowalski", "Novák", "Virtanen", "Haddad", "Costa"]
native = [("王", "芳", "wang.fang"), ("李", "伟", "li.wei"), ("佐藤", "健", "kenji.sato"), ("鈴木", "花子", "hanako.suzuki"),
          ("김", "민준", "minjun.kim"), ("박", "서연", "seoyeon.park"), ("محمد", "العلي", "mohammed.alali"),
          ("فاطمة", "الزهراء", "fatima.alzahra"), ("דוד", "כהן", "david.cohen"), ("שרה", "לוי", "sara.levi"),
          ("Дмитрий", "Иванов", "dmitry.ivanov"), ("Αλέξανδρος", "Παπαδόπουλος", "alexandros.papadopoulos"),
          ("Ελένη", "Γεωργίου", "eleni.georgiou"), ("अर्जुन", "शर्मा", "arjun.sharma"), ("สมชาย", "ใจดี", "somchai.jaidee")]
def ascii_fold(s):
    import unicodedata
    table = {"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "đ": "d", "Đ": "D", "ı": "i", "İ": "I", "'": ""}
    s = "".join(table.get(ch, ch) for ch in s)
    return "".join(ch for ch in unicodedata.normalize("NFKD", s) if ord(ch) < 128).lower().replace(" ", "")

domain = "acme.example.com"
users, seen = [], set()
def add_user(display, local):
    n = 2
    base = local
    while local in seen:
        local = f"{base}{n}"; n += 1
    seen.add(local)
    users.append({"personId": person_id(uid()), "email": f"{local}@{domain}", "displayName": display, "values": {}})

for f, l, local in native:
    # East Asian names: family name first, no space; the tuples list them that way.
    east_asian = local.startswith(("wang", "li.", "kenji", "hanako", "minjun", "seoyeon"))
    add_user(f + l if east_asian else f"{f} {l}", local)
while len(users) < 240:
    f, l = rng.choice(first), rng.choice(last)
    add_user(f"{f} {l}", f"{ascii_fold(f)}.{ascii_fold(l)}")

by_site = {}
for c in codes:
    by_site.setdefault(c["siteUrl"], []).append(c)
for u in users:
    for site in (DEFAULT, EU, APAC):
        vals = {}
        for c in by_site[site]:
            if rng.random() < 0.5:
                continue
            if c["inputMode"] in ("select", "hostProfileSelect"):
                vals[c["id"]] = rng.choice(c["options"])["value"]
            elif c["inputMode"] == "editableSelect" and c["options"] and rng.random() < 0.7:
                vals[c["id"]] = rng.choice(c["options"])["value"]
            else:
                vals[c["id"]] = rng.choice(["CC-4410", "CC-7730", "Contoso GmbH", "Globex", "Initech", "北京分公司", "R&D"])
        if vals:
            u["values"][site] = vals

admin_uuid = uid()
admin = {"id": person_id(admin_uuid), "emails": [f"admin@{domain}"], "displayName": "Robin Admin",
         "firstName": "Robin", "lastName": "Admin", "orgId": org_id(uid()),
         "roles": ["full_admin"], "siteUrls": [f"{s['siteUrl']}#host" for s in sites], "type": "person"}
# The admin is also a user of the org, so a support person can look themselves up.
users.insert(0, {"personId": admin["id"], "email": f"admin@{domain}", "displayName": "Robin Admin", "values": {}})

dataset = {"admin": admin, "sites": sites, "codes": codes, "users": users, "nextCodeId": len(codes) + 1}
out = pathlib.Path(__file__).resolve().parent.parent / "Resources" / "demo" / "dataset.json"
out.write_text(json.dumps(dataset, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
print(f"wrote {out}: {len(sites)} sites, {len(codes)} codes, {len(users)} users")
