#!/usr/bin/env python3
"""Build the Redstring sample case bundle: data/samples/tick-2021.json.

The case is held below as plain data.  Quotes are given by their exact text
(a substring of the seed document, plus an occurrence index when the text
occurs more than once); this script computes the code-point offsets, so no
offset is ever counted by hand.  The build stops with an error if a quote is
missing or ambiguous, or if any id, reference, enum value or rule of the
bundle format is broken.

Usage (from anywhere):  python3 data/samples/build-sample.py
Input:   tests/data/seeds/*.txt   (found relative to this script)
Output:  data/samples/tick-2021.json

Python 3 standard library only.
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SEEDS = REPO / "tests" / "data" / "seeds"
OUT = HERE / "tick-2021.json"


class BuildError(Exception):
    pass


# ---------------------------------------------------------------------------
# Case
# ---------------------------------------------------------------------------

CASE = {
    "title": "Tick / PLA Unit 61419: reported attacks on JAXA and ~200 Japanese organisations (April 2021)",
    "description": (
        "Sample case built from two news reports of April 2021 that relay NHK and Kyodo News "
        "accounts of a Tokyo Metropolitan Police Department investigation. Investigators, speaking "
        "anonymously, are reported to believe that China's People's Liberation Army directed the "
        "hacker group Tick against about 200 Japanese research institutions and companies in "
        "2016-2017, including the space agency JAXA, and that two Chinese nationals rented servers "
        "in Japan under false identities for the attacks, one of them on the instruction of a "
        "member of PLA Unit 61419. China's Foreign Ministry rejected the accusations in general "
        "terms. Vendor context (FireEye, ESET) covers Tick's wider activity."
    ),
    "created": "2021-04-20T00:00:00Z",
}

# ---------------------------------------------------------------------------
# Documents (text is read verbatim from tests/data/seeds/<file>)
# ---------------------------------------------------------------------------

DOCUMENTS = [
    {
        "id": "doc-bloomberg",
        "file": "bloomberg-2021-04-20-chinese-military-seen-behind-japan-cyber-attacks.txt",
        "title": "Chinese Military Seen Behind Japan Cyber-Attacks, NHK Says",
        "publisher": "Bloomberg (syndicated by BloombergQuint)",
        "author": None,
        "published": "2021-04-20",
        "url": "https://www.bloombergquint.com/global-economics/chinese-military-seen-behind-japan-cyberattacks-nhk-says",
        "reliability": "B",
    },
    {
        "id": "doc-breitbart",
        "file": "report-2021-04-20-chinese-military-hacked-japan-space-agency.txt",
        "title": "Report: Chinese Military Hacked Japan’s Space Agency, Defense Firms",
        "publisher": "Breitbart News",
        "author": None,
        # The article's URL path carries 2021/04/21; it reports NHK/Kyodo stories of Tuesday 20 April.
        "published": "2021-04-21",
        "url": "https://www.breitbart.com/national-security/2021/04/21/report-chinese-military-hacked-japans-space-agency-defense-firms/",
        "reliability": "C",
    },
]

# ---------------------------------------------------------------------------
# Entities
# ---------------------------------------------------------------------------


def E(id, kind, name, description, aliases=()):
    return {"id": id, "kind": kind, "name": name, "aliases": list(aliases), "description": description}


ENTITIES = [
    # --- actors ------------------------------------------------------------
    E("tick", "group", "Tick",
      "Hacker group named in both reports. Investigators (via NHK) believe it carried out the attacks "
      "on about 200 Japanese organisations under the instruction of the PLA; NHK calls it a "
      "\"Chinese hacker group\" and \"a private hacker group\". FireEye characterises it as a "
      "suspected Chinese espionage group with attacks dating to at least 2009 and a focus on "
      "R&D-heavy industries in the Asia-Pacific; ESET documented it exploiting a Microsoft Exchange "
      "flaw in late February 2021. The aliases are NOT from the two reports: BRONZE BUTLER "
      "(Secureworks) and REDBALDKNIGHT (Trend Micro) are vendor names publicly equated with Tick "
      "(e.g. MITRE ATT&CK group G0060).",
      ["BRONZE BUTLER", "REDBALDKNIGHT"]),
    E("pla", "organization", "People’s Liberation Army",
      "Armed forces of the People's Republic of China. According to NHK and Kyodo, citing unnamed "
      "police sources, investigators believe the PLA instructed Tick to carry out the attacks and "
      "that the second suspect took orders from a PLA cyberattack unit. China's Foreign Ministry "
      "rejected such accusations in general terms.",
      ["PLA", "Chinese PLA", "China’s military"]),
    E("unit-61419", "unit", "Unit 61419",
      "PLA unit described by NHK as \"a bureau in charge of cyberattacks within China’s PLA\". "
      "Kyodo's unnamed police sources place it in Qingdao, Shandong Province, and say it is "
      "responsible for cyberattacks on Japan and South Korea. A member allegedly instructed the "
      "second suspect.",
      ["PLA Unit 61419"]),
    E("ccp", "organization", "Chinese Communist Party",
      "The first suspect is reported to be a party member. Neither report alleges a role for the "
      "party itself.",
      ["CCP", "China’s Communist Party"]),
    E("suspect-engineer", "person", "Unnamed Chinese systems engineer (30s)",
      "First suspect, not named in either report. A Chinese national in his 30s and CCP member; "
      "Kyodo calls him a \"systems engineer\", NHK a \"computer engineer\". Allegedly rented servers "
      "in Japan five times under false names; the servers' ID and credentials were allegedly "
      "passed to Tick and used in the 2016 attack on JAXA. Questioned, then left Japan. Referred to "
      "prosecutors by the Tokyo Metropolitan Police Department on 20 April 2021 on suspicion of "
      "forging digital records. The NHK and Kyodo descriptions are merged into one person here "
      "(analyst judgement; see note).",
      ["first suspect"]),
    E("suspect-student", "person", "Unnamed former Chinese student",
      "Second suspect, not named. Kyodo: a \"former Chinese male student\" who used a fake ID to "
      "rent a Japanese server, whose fake ID Tick later bought, and who was receiving orders from a "
      "PLA cyberattack unit. NHK: \"another Chinese man\" who rented several servers in Japan using "
      "fake identities on the instruction of a Unit 61419 member. Has left Japan. Treating NHK's "
      "man and Kyodo's student as one person is an analyst inference (see note).",
      ["second suspect", "another Chinese man"]),
    E("unit-61419-member", "person", "Unnamed member of Unit 61419",
      "Alleged (NHK) to have instructed the second suspect to rent servers in Japan using fake "
      "identities. Not named; no other detail given."),
    # --- victims -----------------------------------------------------------
    E("jaxa", "organization", "Japan Aerospace Exploration Agency",
      "Japan's space agency. Attacked in 2016 via servers rented in Japan under false names. A JAXA "
      "spokesperson confirmed to NHK an unauthorized access that seemed to be a cyber-attack, with "
      "no data leak or other damage. JAXA itself does not attribute the attack in these reports.",
      ["JAXA"]),
    E("mitsubishi-electric", "organization", "Mitsubishi Electric",
      "Named (Breitbart, attributing to the Tokyo police) among the about 200 Japanese companies and "
      "research institutions targeted. No further detail in the reports."),
    E("keio-university", "organization", "Keio University",
      "Tokyo university named alongside Mitsubishi Electric among the targeted organisations. No "
      "further detail in the reports.",
      ["Tokyo’s Keio University"]),
    E("japanese-orgs", "organization", "About 200 Japanese research institutions and companies",
      "The set of targets of the 2016-2017 campaign attributed to Tick, treated as one node. The "
      "count and make-up differ by report (see note). Only JAXA, Mitsubishi Electric and Keio "
      "University are named."),
    E("it-company-east-asia", "organization", "Unnamed IT company in East Asia",
      "Targeted by Tick in late February 2021 through a Microsoft Exchange flaw, as documented by "
      "ESET (via Bloomberg). Name and country not given."),
    E("japanese-company", "organization", "Unnamed Japanese company",
      "Attacked by Tick from a server rented with the former student's fake ID (Kyodo via "
      "Breitbart). Not named; the reports do not say whether it is among the ~200."),
    # --- infrastructure / means ------------------------------------------
    E("rental-servers", "infrastructure", "Rental servers in Japan",
      "Servers rented in Japan under false names by the two suspects and allegedly used by Tick for "
      "the 2016 attack on JAXA and an attack on a Japanese company. The engineer allegedly rented "
      "servers five times; the student \"several servers\" (NHK) or \"a Japanese server\" (Kyodo). "
      "Providers, numbers and addresses are not given."),
    E("fake-ids", "other", "False identities and server credentials",
      "The false names / fake IDs used for the rental contracts (the basis of the suspicion of "
      "forging digital records) and the servers' ID and credentials allegedly handed to Tick. Kyodo "
      "reports Tick bought the student's fake ID to access a server."),
    E("exchange-flaw", "vulnerability", "Microsoft Exchange flaw (unnamed)",
      "A flaw in Microsoft's Exchange email software that Tick used in late February 2021 against an "
      "IT company in East Asia (ESET via Bloomberg); \"patched days later\". The reports give no CVE "
      "or name, so none is recorded here."),
    E("microsoft", "organization", "Microsoft Corp.",
      "Vendor of the Exchange email software whose flaw Tick exploited (ESET via Bloomberg).",
      ["Microsoft"]),
    # --- sources, reporters and spokespeople ------------------------------
    E("nhk", "organization", "NHK",
      "Japan's public broadcaster. Originated the report (20 April 2021) that police investigators "
      "believe the PLA instructed Tick; cites unidentified people in the police investigation.",
      ["Japan Broadcasting Corporation"]),
    E("kyodo", "organization", "Kyodo News",
      "Japanese news agency. Reported the referral of the engineer to prosecutors, the Unit 61419 "
      "location and remit, and the second suspect (former student), citing unnamed sources in the "
      "Tokyo police investigation."),
    E("bloomberg", "organization", "Bloomberg L.P.",
      "Publisher of doc-bloomberg (here as syndicated by BloombergQuint). Relays NHK and Kyodo and "
      "adds on-record comment from FireEye, ESET's findings, Kato and Wang Wenbin.",
      ["Bloomberg", "BloombergQuint"]),
    E("breitbart", "organization", "Breitbart News",
      "Publisher of doc-breitbart (identified from the article's URL; the seed text does not name "
      "its publisher). Relays NHK and Kyodo at length in quotation."),
    E("fireeye", "organization", "FireEye Inc.",
      "Cybersecurity firm. Characterises Tick as a suspected Chinese espionage group with attacks "
      "dating to at least 2009 and has seen it target hundreds of Japanese organisations.",
      ["FireEye"]),
    E("john-hultquist", "person", "John Hultquist",
      "Vice president of intelligence analysis at FireEye; says Tick's Japanese targets include "
      "research institutions and government agencies."),
    E("ben-read", "person", "Ben Read",
      "Director of analysis at FireEye; says Tick focuses on R&D-intensive industries in the "
      "Asia-Pacific (defense, heavy industry, aerospace, technology, banking, health care, "
      "automotive, media)."),
    E("eset", "organization", "ESET",
      "Cybersecurity firm. Documented Tick's late-February 2021 hack of an East Asian IT company via "
      "a Microsoft Exchange flaw (as reported by Bloomberg)."),
    E("tokyo-mpd", "organization", "Tokyo Metropolitan Police Department",
      "Investigating force. Its unnamed investigators are the ultimate source of the NHK and Kyodo "
      "accounts. Referred the first suspect to prosecutors on 20 April 2021.",
      ["Tokyo police"]),
    E("china-mfa", "organization", "Ministry of Foreign Affairs of China",
      "China's foreign ministry; its spokesman Wang Wenbin responded to the NHK report at a regular "
      "briefing in Beijing.",
      ["Chinese Foreign Ministry"]),
    E("wang-wenbin", "person", "Wang Wenbin",
      "Chinese Foreign Ministry spokesman. Said he was not aware of the case, that cyberspace actors' "
      "origins are difficult to trace, that designating an incident needs ample evidence, and that "
      "China opposes being smeared on cybersecurity."),
    E("katsunobu-kato", "person", "Katsunobu Kato",
      "Japan's Chief Cabinet Secretary. Declined to comment on the investigation; said cyber-attacks "
      "on infrastructure were becoming more organised."),
    E("yoshihide-suga", "person", "Yoshihide Suga",
      "Prime Minister of Japan; held a summit with Joe Biden in Washington the week before the "
      "reports, dominated by ties with China."),
    E("joe-biden", "person", "Joe Biden",
      "President of the United States; summit with Suga in Washington (context only)."),
    # --- places -------------------------------------------------------------
    E("japan", "location", "Japan", "Victim country; location of the rented servers and the investigation."),
    E("china", "location", "China",
      "People's Republic of China; Japan's biggest trading partner (Bloomberg). Alleged state "
      "sponsor; the Foreign Ministry says China too is a victim of cyber-attacks."),
    E("qingdao", "location", "Qingdao",
      "City in Shandong Province, eastern China; reported (Kyodo) location of Unit 61419."),
    E("beijing", "location", "Beijing", "Where the Foreign Ministry briefing took place."),
    E("washington", "location", "Washington", "Venue of the Suga-Biden summit.", ["Washington, D.C."]),
    E("united-states", "location", "United States", "Context: Biden's country.", ["U.S."]),
    E("south-korea", "location", "South Korea",
      "Named by Kyodo's sources as, with Japan, a target of Unit 61419's cyberattacks."),
]

# ---------------------------------------------------------------------------
# Relations
#   status: alleged   = accusation resting on unnamed investigative sources
#           reported  = attributed to a named source, or descriptive, relayed by media
#           confirmed = on-record/public-record fact, or directly visible in the documents
#           disputed  = alleged, and rejected by China's Foreign Ministry
# ---------------------------------------------------------------------------


def R(id, source, label, target, status, directed=True):
    return {"id": id, "source": source, "target": target, "label": label,
            "directed": directed, "status": status}


RELATIONS = [
    # attribution chain
    R("rel-pla-directed-tick", "pla", "directed", "tick", "disputed"),
    R("rel-tmpd-attributed-attacks-to-pla", "tokyo-mpd", "attributed attacks to", "pla", "reported"),
    R("rel-unit-61419-member-instructed-student", "unit-61419-member", "instructed", "suspect-student", "disputed"),
    R("rel-pla-ordered-student", "pla", "gave orders to (via a cyberattack unit)", "suspect-student", "disputed"),
    R("rel-unit-61419-member-member-of-unit", "unit-61419-member", "member of", "unit-61419", "alleged"),
    R("rel-unit-61419-part-of-pla", "unit-61419", "bureau of", "pla", "reported"),
    R("rel-unit-61419-located-in-qingdao", "unit-61419", "located in", "qingdao", "reported"),
    R("rel-unit-61419-attacks-japan", "unit-61419", "responsible for cyberattacks on", "japan", "alleged"),
    R("rel-unit-61419-attacks-south-korea", "unit-61419", "responsible for cyberattacks on", "south-korea", "alleged"),
    R("rel-tick-suspected-chinese", "tick", "suspected to be based in", "china", "alleged"),
    # Tick's targets
    R("rel-tick-targeted-japanese-orgs", "tick", "targeted", "japanese-orgs", "alleged"),
    R("rel-tick-attacked-jaxa", "tick", "attacked", "jaxa", "alleged"),
    R("rel-tick-targeted-mitsubishi-electric", "tick", "targeted", "mitsubishi-electric", "alleged"),
    R("rel-tick-targeted-keio-university", "tick", "targeted", "keio-university", "alleged"),
    R("rel-tick-attacked-japanese-company", "tick", "attacked", "japanese-company", "alleged"),
    R("rel-jaxa-among-japanese-orgs", "jaxa", "among", "japanese-orgs", "reported"),
    R("rel-mitsubishi-electric-among-japanese-orgs", "mitsubishi-electric", "among", "japanese-orgs", "reported"),
    R("rel-keio-university-among-japanese-orgs", "keio-university", "among", "japanese-orgs", "reported"),
    R("rel-tick-targeted-japan", "tick", "targeted organisations in", "japan", "reported"),
    R("rel-tick-targeted-it-company", "tick", "targeted", "it-company-east-asia", "reported"),
    R("rel-tick-exploited-exchange-flaw", "tick", "exploited", "exchange-flaw", "reported"),
    R("rel-exchange-flaw-in-microsoft", "exchange-flaw", "flaw in software of", "microsoft", "reported"),
    # infrastructure
    R("rel-engineer-rented-servers", "suspect-engineer", "rented under false names", "rental-servers", "alleged"),
    R("rel-engineer-used-fake-ids", "suspect-engineer", "used", "fake-ids", "alleged"),
    R("rel-engineer-passed-credentials-to-tick", "suspect-engineer", "passed server credentials to", "tick", "alleged"),
    R("rel-student-rented-servers", "suspect-student", "rented using fake identities", "rental-servers", "alleged"),
    R("rel-student-used-fake-ids", "suspect-student", "used", "fake-ids", "alleged"),
    R("rel-tick-purchased-fake-ids", "tick", "purchased", "fake-ids", "alleged"),
    R("rel-tick-used-rental-servers", "tick", "used", "rental-servers", "alleged"),
    R("rel-rental-servers-used-against-jaxa", "rental-servers", "used in attack on", "jaxa", "alleged"),
    # suspects
    R("rel-engineer-member-of-ccp", "suspect-engineer", "member of", "ccp", "reported"),
    R("rel-engineer-national-of-china", "suspect-engineer", "national of", "china", "reported"),
    R("rel-engineer-left-japan", "suspect-engineer", "left", "japan", "reported"),
    R("rel-student-national-of-china", "suspect-student", "national of", "china", "reported"),
    R("rel-student-left-japan", "suspect-student", "left", "japan", "reported"),
    R("rel-tmpd-referred-engineer", "tokyo-mpd", "referred to prosecutors", "suspect-engineer", "reported"),
    R("rel-tmpd-questioned-engineer", "tokyo-mpd", "questioned", "suspect-engineer", "reported"),
    R("rel-tmpd-questioned-student", "tokyo-mpd", "questioned", "suspect-student", "reported"),
    # vendors
    R("rel-fireeye-tracks-tick", "fireeye", "tracks", "tick", "reported"),
    R("rel-eset-documented-tick", "eset", "documented activity of", "tick", "reported"),
    R("rel-hultquist-at-fireeye", "john-hultquist", "vice president of intelligence analysis at", "fireeye", "reported"),
    R("rel-read-at-fireeye", "ben-read", "director of analysis at", "fireeye", "reported"),
    # sourcing chain
    R("rel-nhk-cited-tmpd", "nhk", "cited unnamed sources in investigation by", "tokyo-mpd", "reported"),
    R("rel-kyodo-cited-tmpd", "kyodo", "cited unnamed sources in investigation by", "tokyo-mpd", "reported"),
    R("rel-bloomberg-relayed-nhk", "bloomberg", "relayed report by", "nhk", "confirmed"),
    R("rel-bloomberg-relayed-kyodo", "bloomberg", "relayed report by", "kyodo", "confirmed"),
    R("rel-breitbart-relayed-nhk", "breitbart", "relayed report by", "nhk", "confirmed"),
    R("rel-breitbart-relayed-kyodo", "breitbart", "relayed report by", "kyodo", "confirmed"),
    # governments and officials
    R("rel-pla-military-of-china", "pla", "armed forces of", "china", "confirmed"),
    R("rel-china-mfa-of-china", "china-mfa", "foreign ministry of", "china", "confirmed"),
    R("rel-wang-spokesperson-for-mfa", "wang-wenbin", "spokesperson for", "china-mfa", "confirmed"),
    R("rel-wang-responded-to-nhk", "wang-wenbin", "responded to report by", "nhk", "reported"),
    R("rel-kato-chief-cabinet-secretary", "katsunobu-kato", "Chief Cabinet Secretary of", "japan", "confirmed"),
    R("rel-kato-declined-comment", "katsunobu-kato", "declined to comment on investigation by", "tokyo-mpd", "reported"),
    R("rel-suga-pm-of-japan", "yoshihide-suga", "Prime Minister of", "japan", "confirmed"),
    R("rel-biden-president-of-us", "joe-biden", "President of", "united-states", "confirmed"),
    R("rel-suga-met-biden", "yoshihide-suga", "held summit with", "joe-biden", "confirmed", directed=False),
    R("rel-qingdao-in-china", "qingdao", "located in", "china", "confirmed"),
]

# ---------------------------------------------------------------------------
# Events
# ---------------------------------------------------------------------------


def EV(id, date, precision, title, description, entities, end=None, qualifier=None):
    return {"id": id, "date": date, "end": end, "precision": precision, "qualifier": qualifier,
            "title": title, "description": description, "entities": list(entities)}


EVENTS = [
    EV("ev-tick-active-since-2009", "2009", "year",
       "Tick attacks observed since at least 2009 (FireEye)",
       "FireEye characterises Tick as a suspected Chinese espionage group \"with attacks dating to at "
       "least 2009\". This is the earliest activity the vendor has seen, not a founding date.",
       ["tick", "fireeye"], qualifier="at-least"),
    EV("ev-jaxa-attack-2016", "2016", "year",
       "Cyber-attack on JAXA",
       "JAXA attacked from servers rented in Japan under false names; per Kyodo, Tick used the same "
       "method (access bought or passed on from the renter) as against a Japanese company. JAXA "
       "confirmed an unauthorized access but no data leak or other damage. Month and day not given.",
       ["tick", "jaxa", "rental-servers", "suspect-engineer"]),
    EV("ev-campaign-2016-2017", "2016", "range",
       "Campaign against about 200 Japanese organisations",
       "Cyber-attacks on about 200 Japanese research institutions and companies, including JAXA, "
       "Mitsubishi Electric and Keio University, which investigators believe Tick carried out under "
       "PLA instruction. The 2016-2017 range appears only in Breitbart's account of NHK; Bloomberg "
       "gives no dates for the campaign.",
       ["tick", "pla", "japanese-orgs", "jaxa", "mitsubishi-electric", "keio-university"], end="2017"),
    EV("ev-exchange-hack", "2021-02", "month",
       "Tick exploits a Microsoft Exchange flaw against an East Asian IT company",
       "ESET documented (per Bloomberg) that Tick used a flaw in Microsoft Exchange to target an IT "
       "company in East Asia \"in late February\" 2021. Year inferred from the report's date.",
       ["tick", "exchange-flaw", "it-company-east-asia", "eset"], qualifier="late"),
    EV("ev-exchange-patch", "2021-02", "range",
       "Exchange flaw patched",
       "Bloomberg says the flaw \"was patched days later\" than Tick's late-February hack. No patch "
       "date is given, so the range spans late February to March 2021.",
       ["exchange-flaw", "microsoft"], end="2021-03"),
    EV("ev-suspects-left-japan", "2021-04-20", "day",
       "Both suspects questioned, then left Japan",
       "Kyodo: the two suspects were questioned before leaving Japan; both had left by the time of "
       "the 20 April 2021 reports. Neither the questioning nor the departure is dated.",
       ["suspect-engineer", "suspect-student", "tokyo-mpd", "japan"], qualifier="before"),
    EV("ev-suga-biden-summit", "2021-04-12", "range",
       "Suga-Biden summit in Washington",
       "Ties with China dominated the agenda (Bloomberg). Date inferred: the summit was \"last week\" "
       "in Bloomberg's report dated Tuesday 20 April 2021, i.e. the week of 12-18 April 2021; the "
       "reports give no exact day.",
       ["yoshihide-suga", "joe-biden", "washington", "japan", "united-states"], end="2021-04-18"),
    EV("ev-jaxa-confirmation", "2021-04-19", "range",
       "JAXA confirms unauthorized access to NHK",
       "A JAXA spokesperson told NHK the agency experienced unauthorized access that seemed to be a "
       "cyber-attack but suffered no data leak or other damage. Date inferred: Breitbart says \"this "
       "week\" and Bloomberg's 20 April report already carries it, so 19-20 April 2021.",
       ["jaxa", "nhk"], end="2021-04-20"),
    EV("ev-nhk-report", "2021-04-20", "day",
       "NHK reports PLA suspected of directing Tick",
       "NHK, citing unidentified people in the police investigation, reports that investigators "
       "believe the PLA instructed Tick to attack about 200 Japanese organisations, including JAXA, "
       "and that a CCP member rented the servers used against JAXA.",
       ["nhk", "pla", "tick", "tokyo-mpd", "jaxa", "suspect-engineer"]),
    EV("ev-kyodo-report", "2021-04-20", "day",
       "Kyodo reports referral, Unit 61419 and the second suspect",
       "Kyodo News, citing unnamed sources in the Tokyo police investigation, reports the referral "
       "of the engineer to prosecutors, that Unit 61419 is based in Qingdao and responsible for "
       "attacks on Japan and South Korea, and that a former student took orders from a PLA "
       "cyberattack unit.",
       ["kyodo", "suspect-engineer", "suspect-student", "unit-61419", "tokyo-mpd"]),
    EV("ev-referral", "2021-04-20", "day",
       "Tokyo police refer the first suspect to prosecutors",
       "The Tokyo Metropolitan Police Department referred the engineer (a CCP member in his 30s) to "
       "prosecutors \"on suspicion of forging digital records related to the cyberattacks\" (NHK, "
       "via Breitbart: \"on April 20\"). He had already left Japan.",
       ["tokyo-mpd", "suspect-engineer"]),
    EV("ev-kato-briefing", "2021-04-20", "day",
       "Chief Cabinet Secretary Kato's regular briefing",
       "Kato declined to comment on the investigation and said cyber-attacks on infrastructure were "
       "becoming more organised and responding to them was an important issue (Bloomberg, "
       "\"Tuesday\").",
       ["katsunobu-kato", "japan"]),
    EV("ev-mfa-response", "2021-04-20", "day",
       "Chinese Foreign Ministry response (Wang Wenbin)",
       "At a regular briefing in Beijing, asked about the NHK report, Wang Wenbin said he was not "
       "aware of the case, that cyberspace actors' origins are hard to trace, that designating an "
       "incident needs ample evidence, and that China opposes being smeared. Date: carried in "
       "Bloomberg's 20 April 2021 report as a response to that day's NHK report; the briefing day is "
       "not stated explicitly.",
       ["wang-wenbin", "china-mfa", "beijing", "nhk"]),
]

# ---------------------------------------------------------------------------
# Quotes and their evidence.
#   Q(id, doc, text, credibility, supports=[], contradicts=[], mentions=[], occurrence=None)
#   `occurrence` (0-based) is needed only when `text` occurs more than once.
#   credibility: Admiralty 1-6 (or None) for the information the quote carries; for
#   on-record statements, for the statement having been made as quoted.
# ---------------------------------------------------------------------------

PLA_ATTRIBUTION = ["rel-pla-directed-tick", "rel-unit-61419-member-instructed-student", "rel-pla-ordered-student"]


def Q(id, doc, text, credibility, supports=(), contradicts=(), mentions=(), occurrence=None):
    return {"id": id, "document": doc, "text": text, "credibility": credibility,
            "occurrence": occurrence, "supports": list(supports),
            "contradicts": list(contradicts), "mentions": list(mentions)}


BB = "doc-bloomberg"
BR = "doc-breitbart"

QUOTES = [
    # ===================== Bloomberg =====================
    Q("q-bb-headline", BB, "Chinese Military Seen Behind Japan Cyber-Attacks, NHK Says", 3,
      supports=["ev-nhk-report"], mentions=["pla", "nhk"], occurrence=0),
    Q("q-bb-pla-instructed-hacker-group", BB,
      "China’s military is thought to have instructed a hacker group to conduct cyber-attacks on nearly 200 "
      "Japanese research institutions and firms, public broadcaster NHK reported, citing unidentified people "
      "in a police investigation.", 3,
      supports=["rel-pla-directed-tick", "rel-tick-targeted-japanese-orgs", "rel-bloomberg-relayed-nhk",
                "ev-campaign-2016-2017", "ev-nhk-report"],
      mentions=["pla", "japanese-orgs", "nhk"]),
    Q("q-bb-nearly-200", BB, "nearly 200 Japanese research institutions and firms", 3,
      mentions=["japanese-orgs"]),
    Q("q-bb-nhk-unidentified-sources", BB, "citing unidentified people in a police investigation", 2,
      supports=["rel-nhk-cited-tmpd"]),
    Q("q-bb-ccp-member-rental-servers", BB,
      "The investigators found a member of China’s Communist Party made contracts under a false name for "
      "rental servers in Japan that were used in the attacks on the Japanese space agency JAXA in 2016, the "
      "broadcaster said Tuesday.", 3,
      supports=["rel-engineer-member-of-ccp", "rel-engineer-rented-servers", "rel-engineer-used-fake-ids",
                "rel-rental-servers-used-against-jaxa", "ev-jaxa-attack-2016", "ev-nhk-report"],
      mentions=["ccp", "suspect-engineer", "rental-servers", "fake-ids", "jaxa", "japan"]),
    Q("q-bb-tick-under-pla", BB,
      "Investigators believe the cyber-attacks were carried out by a group known as Tick under the "
      "instruction of the People’s Liberation Army.", 3,
      supports=["rel-pla-directed-tick", "rel-tmpd-attributed-attacks-to-pla",
                "rel-tick-targeted-japanese-orgs", "rel-tick-attacked-jaxa", "ev-campaign-2016-2017"],
      mentions=["tick", "pla"]),
    Q("q-bb-two-men-left", BB, "Two men involved with contracts for the servers have left Japan, NHK said.", 3,
      supports=["rel-engineer-left-japan", "rel-student-left-japan", "ev-suspects-left-japan"],
      mentions=["suspect-engineer", "suspect-student", "rental-servers", "japan"]),
    Q("q-bb-fireeye-on-tick", BB,
      "The cybersecurity firm FireEye Inc., which characterizes Tick as a suspected Chinese espionage group "
      "with attacks dating to at least 2009, has seen it target hundreds of Japanese organizations.", 2,
      supports=["rel-fireeye-tracks-tick", "rel-tick-targeted-japan", "rel-tick-suspected-chinese",
                "ev-tick-active-since-2009"],
      mentions=["fireeye", "tick"]),
    Q("q-bb-since-2009", BB, "a suspected Chinese espionage group with attacks dating to at least 2009", 2,
      supports=["rel-tick-suspected-chinese", "ev-tick-active-since-2009"]),
    Q("q-bb-hundreds", BB, "has seen it target hundreds of Japanese organizations", 2,
      supports=["rel-tick-targeted-japan"], mentions=["japan"]),
    Q("q-bb-hultquist", BB,
      "These include research institutions and government agencies, said John Hultquist, vice president of "
      "intelligence analysis at the firm.", 2,
      supports=["rel-hultquist-at-fireeye", "rel-tick-targeted-japan"], mentions=["john-hultquist"]),
    Q("q-bb-read-role", BB, "Ben Read, a director of analysis at FireEye", 2,
      supports=["rel-read-at-fireeye"], mentions=["ben-read", "fireeye"]),
    Q("q-bb-read-focus", BB,
      "Ben Read, a director of analysis at FireEye, said Tick has a primary focus on industries within the "
      "Asia-Pacific region that “make significant investments into research and development, offering the "
      "opportunity for theft of sensitive intellectual property, to include organizations in defense, heavy "
      "industry, aerospace, technology, banking, health care, automotive and media industries.”", 2,
      supports=["rel-fireeye-tracks-tick"], mentions=["tick", "ben-read"]),
    Q("q-bb-eset-exchange", BB,
      "In addition, the cybersecurity firm ESET documented that Tick conducted a hack in late February in "
      "which the group used a flaw in Microsoft Corp.’s Exchange software for email, which was patched days "
      "later, to target an IT company in East Asia.", 2,
      supports=["rel-eset-documented-tick", "rel-tick-exploited-exchange-flaw", "rel-tick-targeted-it-company",
                "rel-exchange-flaw-in-microsoft", "ev-exchange-hack"],
      mentions=["eset", "tick", "microsoft", "exchange-flaw", "it-company-east-asia"]),
    Q("q-bb-exchange-patched", BB,
      "a flaw in Microsoft Corp.’s Exchange software for email, which was patched days later", 2,
      supports=["rel-exchange-flaw-in-microsoft", "ev-exchange-patch"], mentions=["exchange-flaw", "microsoft"]),
    Q("q-bb-engineer-referred", BB,
      "In the recently reported incident, a Chinese systems engineer in his 30s, who is a Chinese Communist "
      "Party member, was referred to prosecutors over his alleged involvement in the attacks, according to "
      "Kyodo News, which cited unnamed investigative sources.", 2,
      supports=["rel-tmpd-referred-engineer", "rel-engineer-member-of-ccp", "rel-engineer-national-of-china",
                "rel-bloomberg-relayed-kyodo", "ev-referral", "ev-kyodo-report"],
      mentions=["suspect-engineer", "ccp", "kyodo"]),
    Q("q-bb-engineer-profile", BB,
      "a Chinese systems engineer in his 30s, who is a Chinese Communist Party member", 2,
      supports=["rel-engineer-member-of-ccp", "rel-engineer-national-of-china"],
      mentions=["suspect-engineer", "ccp"]),
    Q("q-bb-kyodo-unnamed-sources", BB, "according to Kyodo News, which cited unnamed investigative sources", 2,
      supports=["rel-kyodo-cited-tmpd", "rel-bloomberg-relayed-kyodo"], mentions=["kyodo"]),
    Q("q-bb-difficult-relations", BB,
      "The reported allegations, the latest in a series of similar incidents, come amid increasingly "
      "difficult relations between Japan and its biggest trading partner.", 2,
      mentions=["japan", "china"]),
    Q("q-bb-summit", BB,
      "The topic of ties with China dominated the agenda at Prime Minister Yoshihide Suga’s summit with U.S. "
      "President Joe Biden in Washington last week.", 1,
      supports=["rel-suga-pm-of-japan", "rel-biden-president-of-us", "rel-suga-met-biden",
                "ev-suga-biden-summit"],
      mentions=["yoshihide-suga", "joe-biden", "washington", "united-states", "china"]),
    Q("q-bb-suga-biden", BB,
      "Prime Minister Yoshihide Suga’s summit with U.S. President Joe Biden in Washington last week", 1,
      supports=["rel-suga-met-biden", "ev-suga-biden-summit"], mentions=["yoshihide-suga", "joe-biden"]),
    Q("q-bb-kato-declined", BB,
      "Japan’s Chief Cabinet Secretary Katsunobu Kato declined to comment on the investigation.", 1,
      supports=["rel-kato-chief-cabinet-secretary", "rel-kato-declined-comment", "ev-kato-briefing"],
      mentions=["katsunobu-kato", "japan"]),
    Q("q-bb-kato-briefing", BB,
      "He told a regular news briefing Tuesday cyber-attacks on infrastructure were becoming more organized "
      "and the government saw responding to such incidents as an important issue.", 2,
      supports=["ev-kato-briefing"], mentions=["katsunobu-kato"]),
    Q("q-bb-wang-unaware", BB,
      "Responding to a question on the NHK report about the alleged suspect at a regular news briefing in "
      "Beijing, Chinese Foreign Ministry spokesman Wang Wenbin said he wasn’t aware of the case.", 2,
      supports=["rel-wang-responded-to-nhk", "rel-wang-spokesperson-for-mfa", "ev-mfa-response"],
      mentions=["wang-wenbin", "china-mfa", "beijing", "nhk", "suspect-engineer"]),
    Q("q-bb-wang-spokesman", BB,
      "Chinese Foreign Ministry spokesman Wang Wenbin said he wasn’t aware of the case", 2,
      supports=["rel-wang-spokesperson-for-mfa", "rel-china-mfa-of-china"],
      mentions=["wang-wenbin", "china-mfa"]),
    Q("q-bb-briefing-beijing", BB, "at a regular news briefing in Beijing", 2,
      supports=["ev-mfa-response"], mentions=["beijing"]),
    Q("q-bb-wang-trace", BB,
      "Wang later added cyberspace is made up of many actors whose origins are difficult to trace and warned "
      "against making accusations in cybersecurity cases.", 2,
      supports=["ev-mfa-response"], contradicts=PLA_ATTRIBUTION, mentions=["wang-wenbin"]),
    Q("q-bb-wang-ample-evidence", BB,
      "“In designating an incident, there must be ample evidence. It cannot be based on presumption,” he said.", 2,
      supports=["ev-mfa-response"], contradicts=PLA_ATTRIBUTION),
    Q("q-bb-wang-smearing", BB,
      "“We are against other countries smearing us on cybersecurity or using this issue to serve its "
      "despicable political agenda.”", 2,
      supports=["ev-mfa-response"], contradicts=PLA_ATTRIBUTION),
    Q("q-bb-wang-victim", BB,
      "Cyber-attacks are a common threat to all countries and China too was a victim, he added.", 2,
      supports=["ev-mfa-response"], mentions=["china"]),
    Q("q-bb-jaxa-confirmed", BB,
      "A JAXA spokesperson confirmed it was the subject of an unauthorized access that seemed to be a "
      "cyber-attack, but suffered no damage, according to NHK.", 2,
      supports=["ev-jaxa-confirmation", "ev-jaxa-attack-2016"], mentions=["jaxa", "nhk"]),
    Q("q-bb-cyber-defenses", BB, "Japan has been seeking to beef up its cyber defenses in recent months.", 2,
      mentions=["japan"]),
    Q("q-bb-copyright", BB, "©2021 Bloomberg L.P.", 1, mentions=["bloomberg"]),

    # ===================== Breitbart =====================
    Q("q-br-headline", BR, "Report: Chinese Military Hacked Japan’s Space Agency, Defense Firms", 3,
      mentions=["pla", "jaxa", "japanese-orgs"]),
    Q("q-br-pla-ordered", BR,
      "China’s People’s Liberation Army (PLA) allegedly ordered a hacker group to conduct cyberattacks on "
      "roughly 200 Japanese research institutions, defense firms, and companies from 2016-2017, Japan’s "
      "public broadcaster NHK reported on Tuesday.", 3,
      supports=["rel-pla-directed-tick", "rel-tick-targeted-japanese-orgs", "rel-breitbart-relayed-nhk",
                "ev-campaign-2016-2017", "ev-nhk-report"],
      mentions=["pla", "nhk", "japanese-orgs"]),
    Q("q-br-pla-name", BR, "China’s People’s Liberation Army (PLA)", 1,
      supports=["rel-pla-military-of-china"], mentions=["pla", "china"]),
    Q("q-br-roughly-200", BR,
      "roughly 200 Japanese research institutions, defense firms, and companies from 2016-2017", 3,
      supports=["ev-campaign-2016-2017"], mentions=["japanese-orgs"]),
    Q("q-br-referral", BR,
      "The Tokyo Metropolitan Police Department referred a male member of the Chinese Communist Party (CCP) "
      "to prosecutors on April 20 “on suspicion of forging digital records related to the cyberattacks,” "
      "according to NHK.", 2,
      supports=["rel-tmpd-referred-engineer", "rel-engineer-member-of-ccp", "ev-referral"],
      mentions=["tokyo-mpd", "ccp", "suspect-engineer"]),
    Q("q-br-forging", BR, "“on suspicion of forging digital records related to the cyberattacks,”", 2,
      supports=["ev-referral", "rel-engineer-used-fake-ids"], mentions=["fake-ids"]),
    Q("q-br-jaxa-among", BR,
      "The Japan Aerospace Exploration Agency (JAXA) was among the firms targeted by the cyber attacks in "
      "2016, the Japanese outlet claimed.", 3,
      supports=["rel-jaxa-among-japanese-orgs", "ev-jaxa-attack-2016"], mentions=["jaxa"]),
    Q("q-br-identified-man", BR,
      "Tokyo police have since “identified a Chinese man who had leased several servers in Japan that were "
      "allegedly used in the attack [on JAXA],” NHK wrote on April 20, citing unidentified sources involved in "
      "the police investigation.", 3,
      supports=["rel-engineer-rented-servers", "rel-rental-servers-used-against-jaxa",
                "rel-engineer-national-of-china", "rel-nhk-cited-tmpd", "ev-jaxa-attack-2016", "ev-nhk-report"],
      mentions=["tokyo-mpd", "suspect-engineer", "rental-servers", "jaxa", "nhk"]),
    Q("q-br-nhk-april-20", BR,
      "NHK wrote on April 20, citing unidentified sources involved in the police investigation", 2,
      supports=["ev-nhk-report", "rel-nhk-cited-tmpd", "rel-breitbart-relayed-nhk"], mentions=["nhk"]),
    Q("q-br-engineer-30s", BR,
      "The man, who is no longer in Japan, is said to be a computer engineer in his 30s.", 3,
      supports=["rel-engineer-left-japan", "ev-suspects-left-japan"], mentions=["suspect-engineer"]),
    Q("q-br-five-times", BR, "He allegedly rented servers five times under false names", 3,
      supports=["rel-engineer-rented-servers", "rel-engineer-used-fake-ids"],
      mentions=["rental-servers", "fake-ids"]),
    Q("q-br-credentials-to-tick", BR,
      "“Investigative sources say the servers’ ID and other credentials were then passed on to a Chinese "
      "hacker group known as ‘Tick.'”", 3,
      supports=["rel-engineer-passed-credentials-to-tick", "rel-tick-suspected-chinese"],
      mentions=["tick", "rental-servers", "fake-ids"]),
    Q("q-br-tmpd-suspects", BR,
      "The Tokyo Metropolitan Police Department said it suspects the Chinese PLA directed Tick, a private "
      "hacker group, to conduct cyberattacks on about 200 Japanese companies and research institutions, "
      "including Mitsubishi Electric and Tokyo’s Keio University.", 3,
      supports=["rel-pla-directed-tick", "rel-tmpd-attributed-attacks-to-pla", "rel-tick-targeted-japanese-orgs",
                "rel-tick-targeted-mitsubishi-electric", "rel-tick-targeted-keio-university",
                "ev-campaign-2016-2017"],
      mentions=["tokyo-mpd", "pla", "tick", "japanese-orgs"]),
    Q("q-br-private-group", BR, "Tick, a private hacker group", 3, mentions=["tick"]),
    Q("q-br-mitsubishi-keio", BR,
      "about 200 Japanese companies and research institutions, including Mitsubishi Electric and Tokyo’s "
      "Keio University", 3,
      supports=["rel-mitsubishi-electric-among-japanese-orgs", "rel-keio-university-among-japanese-orgs"],
      mentions=["mitsubishi-electric", "keio-university", "japanese-orgs"]),
    Q("q-br-jaxa-confirmed", BR,
      "A JAXA spokesperson spoke to NHK this week and confirmed the Japanese space agency “did experience "
      "unauthorized access, but suffered no data leaks or other damage.”", 2,
      supports=["ev-jaxa-confirmation", "ev-jaxa-attack-2016"], mentions=["jaxa", "nhk"]),
    Q("q-br-jaxa-this-week", BR, "A JAXA spokesperson spoke to NHK this week", 2,
      supports=["ev-jaxa-confirmation"], mentions=["jaxa"]),
    Q("q-br-another-man", BR,
      "another Chinese man is also said to have rented several servers in Japan using fake identities", 3,
      supports=["rel-student-rented-servers", "rel-student-used-fake-ids", "rel-student-national-of-china"],
      mentions=["suspect-student", "rental-servers", "fake-ids"]),
    Q("q-br-unit-instruction", BR,
      "This was allegedly under the instruction of a member of unit 61419 – a bureau in charge of "
      "cyberattacks within China’s PLA", 3,
      supports=["rel-unit-61419-member-instructed-student", "rel-unit-61419-member-member-of-unit",
                "rel-unit-61419-part-of-pla"],
      mentions=["unit-61419", "unit-61419-member", "pla"]),
    Q("q-br-nhk-further-alleged", BR, "the NHK further alleged in its report on Tuesday", 2,
      supports=["ev-nhk-report", "rel-breitbart-relayed-nhk"], mentions=["nhk"]),
    Q("q-br-unit-qingdao", BR,
      "“Unit 61419, located in the eastern Chinese city of Qingdao, Shandong Province, is responsible for "
      "cyberattacks on Japan and South Korea,” Japan’s Kyodo News reported on Tuesday, citing its own unnamed "
      "sources within the Tokyo police investigation.", 3,
      supports=["rel-unit-61419-located-in-qingdao", "rel-unit-61419-attacks-japan",
                "rel-unit-61419-attacks-south-korea", "rel-kyodo-cited-tmpd", "rel-breitbart-relayed-kyodo",
                "ev-kyodo-report"],
      mentions=["unit-61419", "qingdao", "south-korea", "kyodo", "tokyo-mpd"]),
    Q("q-br-qingdao", BR, "located in the eastern Chinese city of Qingdao, Shandong Province", 3,
      supports=["rel-unit-61419-located-in-qingdao", "rel-qingdao-in-china"], mentions=["qingdao"]),
    Q("q-br-japan-south-korea", BR, "is responsible for cyberattacks on Japan and South Korea", 3,
      supports=["rel-unit-61419-attacks-japan", "rel-unit-61419-attacks-south-korea"],
      mentions=["japan", "south-korea"]),
    Q("q-br-kyodo-sources", BR, "citing its own unnamed sources within the Tokyo police investigation", 2,
      supports=["rel-kyodo-cited-tmpd"], mentions=["tokyo-mpd"]),
    Q("q-br-student-identified", BR,
      "Kyodo News partially identified the second male suspect in the case as a “former Chinese male student.”", 3,
      supports=["rel-student-national-of-china", "ev-kyodo-report"], mentions=["suspect-student", "kyodo"]),
    Q("q-br-student-fake-id", BR,
      "The student, who has since left Japan, allegedly used a fake ID to rent a Japanese server.", 3,
      supports=["rel-student-left-japan", "rel-student-rented-servers", "rel-student-used-fake-ids",
                "ev-suspects-left-japan"],
      mentions=["suspect-student", "fake-ids", "rental-servers"]),
    Q("q-br-tick-purchased", BR,
      "Tick later purchased the student’s fake ID to access the server, which it then used to launch a "
      "cyberattack on a Japanese company.", 3,
      supports=["rel-tick-purchased-fake-ids", "rel-tick-used-rental-servers", "rel-tick-attacked-japanese-company"],
      mentions=["tick", "fake-ids", "japanese-company"]),
    Q("q-br-process-jaxa", BR, "This process was also used by Tick to attack JAXA, according to Kyodo News.", 3,
      supports=["rel-tick-attacked-jaxa", "rel-tick-used-rental-servers", "rel-breitbart-relayed-kyodo",
                "ev-jaxa-attack-2016"],
      mentions=["tick", "jaxa", "kyodo"]),
    Q("q-br-questioned", BR,
      "“When the two [Chinese suspects] were questioned before leaving Japan, investigators also found that "
      "the former student was receiving orders from a cyberattack unit within the PLA,” Kyodo News reported "
      "on Tuesday, citing sources within the Tokyo police investigation.", 3,
      supports=["rel-pla-ordered-student", "rel-tmpd-questioned-engineer", "rel-tmpd-questioned-student",
                "rel-kyodo-cited-tmpd", "ev-suspects-left-japan", "ev-kyodo-report"],
      mentions=["suspect-student", "pla", "kyodo", "tokyo-mpd"]),
    Q("q-br-questioned-before-leaving", BR, "When the two [Chinese suspects] were questioned before leaving Japan", 3,
      supports=["rel-tmpd-questioned-engineer", "rel-tmpd-questioned-student", "ev-suspects-left-japan"],
      mentions=["suspect-engineer", "suspect-student"]),
    Q("q-br-student-orders", BR,
      "the former student was receiving orders from a cyberattack unit within the PLA", 3,
      supports=["rel-pla-ordered-student"], mentions=["suspect-student", "pla"]),
]

# ---------------------------------------------------------------------------
# Notes
# ---------------------------------------------------------------------------

AUTHOR = "Redstring sample"


def N(id, target, body):
    return {"id": id, "target": target, "body": body, "author": AUTHOR}


NOTES = [
    N("note-case", None,
      "Summary: two secondary reports (Bloomberg, 20 April 2021; Breitbart, dated 21 April 2021) relay NHK "
      "and Kyodo News, who cite unnamed sources in a Tokyo Metropolitan Police Department investigation. "
      "Claim: the PLA directed the hacker group Tick against about 200 Japanese research institutions and "
      "companies in 2016-2017, including JAXA (2016); two Chinese nationals rented servers in Japan under "
      "false identities and handed access to Tick; one (a CCP member in his 30s) was referred to prosecutors "
      "on 20 April 2021 for forging digital records; the other (a former student) allegedly acted on orders "
      "of a Unit 61419 member. China's Foreign Ministry rejected the accusations in general terms; Japan's "
      "Chief Cabinet Secretary declined to comment.\n\n"
      "Open questions:\n"
      "1. The attribution to the PLA rests entirely on unnamed investigative sources; no on-record Japanese "
      "official attributes the attacks in these reports. What evidence links Tick to the PLA and to Unit 61419?\n"
      "2. Who are the two suspects, and are NHK's \"another Chinese man\" and Kyodo's \"former student\" the "
      "same person?\n"
      "3. The charge is forging digital records (the false-name rentals), not hacking. Will prosecutors "
      "pursue a case against people who have left Japan?\n"
      "4. Which of the ~200 organisations were breached and what was taken? Only JAXA speaks, and it reports "
      "no damage.\n"
      "5. How many servers, rented when, from which providers? (five rentals by the engineer; \"several\" "
      "or \"a\" server by the student)\n"
      "6. Is the February 2021 Exchange activity (ESET) connected to this campaign, or only to the same actor "
      "name?"),
    N("note-doc-bloomberg", "doc-bloomberg",
      "Syndicated copy (BloombergQuint). The lead photo (a lock screen saying files are encrypted) is a stock "
      "illustration, not evidence about this case. Bloomberg relays NHK and Kyodo and adds its own on-record "
      "sources (FireEye, ESET findings, Kato, Wang Wenbin). Trailing BloombergQuint app boilerplate is kept "
      "in the text but carries no claim. Author not given in the seed text."),
    N("note-doc-breitbart", "doc-breitbart",
      "The seed text does not name its publisher; it was identified as Breitbart News from the article's "
      "URL (/national-security/2021/04/21/...), which also gives the publication date 21 April 2021 (the "
      "reports it relays are of Tuesday 20 April). Mostly long quotations of NHK and Kyodo. Cautions: the "
      "headline drops the hedging (\"Hacked\", and \"Defense Firms\" although no defence firm is named); "
      "\"[on JAXA]\" and \"[Chinese suspects]\" are editorial insertions into quotations; it calls JAXA a "
      "\"firm\"; and it says the Tokyo police \"said\" it suspects the PLA, which reads as an on-record "
      "statement where every other passage cites unnamed sources. Its NHK quotations are close to, but not "
      "word for word the same as, NHK World's English report of 20 April 2021 (outside the seeds), so check "
      "the original before quoting NHK."),
    N("note-tick", "tick",
      "Names: the reports say only \"Tick\"; the aliases BRONZE BUTLER / REDBALDKNIGHT come from public "
      "vendor naming, not from the reports. Characterisations differ: \"a group known as Tick\" (NHK via "
      "Bloomberg), \"a Chinese hacker group\" and \"a private hacker group\" (NHK via Breitbart), \"a "
      "suspected Chinese espionage group\" (FireEye). \"Private\" plus \"under the instruction of the PLA\" "
      "describes a contractor-style relationship, not a PLA unit; the reports do not equate Tick with Unit "
      "61419. No malware or tools are named in either report."),
    N("note-japanese-orgs", "japanese-orgs",
      "The figure differs by source: \"nearly 200 Japanese research institutions and firms\" (Bloomberg, "
      "citing NHK); \"roughly 200 Japanese research institutions, defense firms, and companies\" (Breitbart, "
      "citing NHK); \"about 200 Japanese companies and research institutions\" (Breitbart, attributing to the "
      "Tokyo police). FireEye's \"hundreds of Japanese organizations\" covers Tick's activity since 2009 and "
      "is a separate observation, not corroboration of the ~200. Only JAXA, Mitsubishi Electric and Keio "
      "University are named; \"defense firms\" appears only in Breitbart."),
    N("note-suspect-engineer", "suspect-engineer",
      "Unnamed. Merged from: NHK via Bloomberg (\"a member of China’s Communist Party made contracts under a "
      "false name for rental servers\"), Kyodo via Bloomberg (\"a Chinese systems engineer in his 30s ... "
      "Chinese Communist Party member, was referred to prosecutors\"), NHK via Breitbart (\"a male member of "
      "the CCP\" referred on April 20; \"a computer engineer in his 30s\" who \"rented servers five times "
      "under false names\"). The descriptions agree, but the merge is an analyst judgement. The charge "
      "reported is forging digital records, not unauthorized access."),
    N("note-suspect-student", "suspect-student",
      "Unnamed. NHK (via Breitbart): \"another Chinese man\" rented \"several servers\" using \"fake "
      "identities\" on the instruction of a Unit 61419 member. Kyodo: a \"former Chinese male student\" used "
      "\"a fake ID to rent a Japanese server\"; Tick bought the fake ID; he received orders from \"a "
      "cyberattack unit within the PLA\" (unit not named by Kyodo). Both outlets speak of two men, so they "
      "are treated as one person, but the reports never say so explicitly, and the details (several servers "
      "vs one) differ. No referral to prosecutors is reported for him."),
    N("note-unit-61419", "unit-61419",
      "Only NHK names Unit 61419 in connection with the second suspect; Kyodo's student passage says only "
      "\"a cyberattack unit within the PLA\". The Qingdao location and the Japan/South Korea remit come from "
      "Kyodo's unnamed police sources. No report links Unit 61419 to Tick directly; the link is through the "
      "suspects."),
    N("note-exchange-flaw", "exchange-flaw",
      "Neither report names the flaw or gives a CVE identifier, so none is recorded. Bloomberg says only "
      "\"a flaw in Microsoft Corp.’s Exchange software for email, which was patched days later\", from ESET's "
      "documentation. This 2021 activity is Tick context, not part of the 2016-2017 campaign under "
      "investigation."),
    N("note-tokyo-mpd", "tokyo-mpd",
      "Everything attributed to the police comes through unnamed sources (\"unidentified people in a police "
      "investigation\", \"unnamed investigative sources\"), except Breitbart's \"The Tokyo Metropolitan "
      "Police Department said it suspects ...\", which reads as on-record but is not corroborated by the "
      "other report; Kato declined to comment on the investigation."),
    N("note-china-mfa", "china-mfa",
      "Wang Wenbin did not address the specifics: he said he was not aware of the case, then rejected "
      "accusations in general terms (origins hard to trace, \"there must be ample evidence\", opposition to "
      "\"smearing\"). These are recorded as contradicting the three relations that attribute the attacks to "
      "the PLA, which are therefore marked disputed."),
    N("note-jaxa", "jaxa",
      "JAXA confirms only that it suffered unauthorized access \"that seemed to be a cyber-attack\" with no "
      "damage or data leak (both reports, via NHK). It does not attribute the attack. The 2016 date comes from "
      "NHK's sources."),
]

# ---------------------------------------------------------------------------
# Build and validation
# ---------------------------------------------------------------------------

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KINDS = {"person", "organization", "group", "unit", "location", "infrastructure", "malware",
         "vulnerability", "event", "other"}
STATUSES = {"alleged", "reported", "confirmed", "disputed", "refuted"}
STANCES = {"supports", "contradicts", "mentions"}
PRECISIONS = {"year", "month", "day", "range"}
QUALIFIERS = {None, "at-least", "about", "early", "mid", "late", "before", "after"}
RELIABILITY = {"A", "B", "C", "D", "E", "F", "unknown"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PRECISION_LEN = {"year": 4, "month": 7, "day": 10}


def find_all(haystack, needle):
    out, i = [], haystack.find(needle)
    while i != -1:
        out.append(i)
        i = haystack.find(needle, i + 1)
    return out


def locate(doc_text, q):
    if not q["text"]:
        raise BuildError(f"{q['id']}: empty quote text")
    hits = find_all(doc_text, q["text"])
    if not hits:
        raise BuildError(f"{q['id']}: text not found in {q['document']}: {q['text']!r}")
    occ = q["occurrence"]
    if occ is None:
        if len(hits) > 1:
            raise BuildError(f"{q['id']}: text is ambiguous ({len(hits)} occurrences in {q['document']}); "
                             f"give an occurrence index")
        occ = 0
    if not 0 <= occ < len(hits):
        raise BuildError(f"{q['id']}: occurrence {occ} out of range ({len(hits)} found)")
    start = hits[occ]
    return start, start + len(q["text"])


def build():
    errors = []

    documents, texts = [], {}
    for d in DOCUMENTS:
        path = SEEDS / d["file"]
        if not path.is_file():
            raise BuildError(f"seed file missing: {path}")
        with open(path, encoding="utf-8", newline="") as fh:
            text = fh.read()
        texts[d["id"]] = text
        if d["title"] not in text:
            errors.append(f"{d['id']}: title not found in its text")
        if d["reliability"] not in RELIABILITY:
            errors.append(f"{d['id']}: bad reliability {d['reliability']!r}")
        documents.append({k: d[k] for k in ("id", "title", "publisher", "author", "published", "url",
                                            "reliability")} | {"text": text})

    quotes, evidence = [], []
    for q in QUOTES:
        try:
            start, end = locate(texts[q["document"]], q) if q["document"] in texts else (None, None)
        except BuildError as exc:
            errors.append(str(exc))
            continue
        if start is None:
            errors.append(f"{q['id']}: unknown document {q['document']!r}")
            continue
        quotes.append({"id": q["id"], "document": q["document"], "start": start, "end": end,
                       "text": texts[q["document"]][start:end], "credibility": q["credibility"]})
        for stance in ("supports", "contradicts", "mentions"):
            for target in q[stance]:
                evidence.append({"quote": q["id"], "target": target, "stance": stance})
        if not (q["supports"] or q["contradicts"] or q["mentions"]):
            errors.append(f"{q['id']}: quote has no evidence")

    bundle = {
        "format": "redstring-case",
        "version": 1,
        "case": CASE,
        "documents": documents,
        "entities": ENTITIES,
        "relations": RELATIONS,
        "quotes": quotes,
        "evidence": evidence,
        "events": EVENTS,
        "notes": NOTES,
        "positions": [],
    }
    errors += validate(bundle)
    if errors:
        raise BuildError("\n  ".join(["bundle is invalid:"] + errors))
    return bundle


def validate(b):
    errs = []
    seen = {}
    for section in ("documents", "entities", "relations", "quotes", "events", "notes"):
        for item in b[section]:
            i = item["id"]
            if not ID_RE.match(i):
                errs.append(f"bad id {i!r} in {section}")
            if i in seen:
                errs.append(f"duplicate id {i!r} ({seen[i]} and {section})")
            seen[i] = section
    ids = lambda *sections: {x["id"] for s in sections for x in b[s]}
    ent, rel, evs, docs, qts = ids("entities"), ids("relations"), ids("events"), ids("documents"), ids("quotes")
    texts = {d["id"]: d["text"] for d in b["documents"]}

    for e in b["entities"]:
        if e["kind"] not in KINDS:
            errs.append(f"{e['id']}: bad kind {e['kind']!r}")
    for r in b["relations"]:
        for end in ("source", "target"):
            if r[end] not in ent:
                errs.append(f"{r['id']}: {end} {r[end]!r} is not an entity")
        if r["status"] not in STATUSES:
            errs.append(f"{r['id']}: bad status {r['status']!r}")
        if not isinstance(r["directed"], bool):
            errs.append(f"{r['id']}: directed must be boolean")
    for q in b["quotes"]:
        if q["document"] not in docs:
            errs.append(f"{q['id']}: unknown document")
        elif texts[q["document"]][q["start"]:q["end"]] != q["text"]:
            errs.append(f"{q['id']}: offsets do not match text")
        if q["credibility"] is not None and q["credibility"] not in range(1, 7):
            errs.append(f"{q['id']}: bad credibility")
    pairs = set()
    for ev in b["evidence"]:
        if ev["quote"] not in qts:
            errs.append(f"evidence: unknown quote {ev['quote']!r}")
        if ev["target"] not in rel | ent | evs:
            errs.append(f"evidence {ev['quote']}: unknown target {ev['target']!r}")
        if ev["stance"] not in STANCES:
            errs.append(f"evidence {ev['quote']}: bad stance")
        key = (ev["quote"], ev["target"])
        if key in pairs:
            errs.append(f"evidence: duplicate {key}")
        pairs.add(key)
    supported = {ev["target"] for ev in b["evidence"] if ev["stance"] == "supports"}
    contradicted = {ev["target"] for ev in b["evidence"] if ev["stance"] == "contradicts"}
    for r in b["relations"]:
        if r["id"] not in supported:
            errs.append(f"{r['id']}: no supporting quote")
        if (r["id"] in contradicted) != (r["status"] == "disputed"):
            errs.append(f"{r['id']}: status {r['status']} but contradicted={r['id'] in contradicted}")
    for e in b["events"]:
        if e["id"] not in supported:
            errs.append(f"{e['id']}: no supporting quote")
        if e["precision"] not in PRECISIONS or e["qualifier"] not in QUALIFIERS:
            errs.append(f"{e['id']}: bad precision/qualifier")
        if not DATE_RE.match(e["date"]):
            errs.append(f"{e['id']}: bad date")
        if e["precision"] == "range":
            if not (e["end"] and DATE_RE.match(e["end"]) and e["end"] >= e["date"]):
                errs.append(f"{e['id']}: range needs a valid end")
        else:
            if e["end"] is not None:
                errs.append(f"{e['id']}: end set on non-range event")
            if len(e["date"]) != PRECISION_LEN[e["precision"]]:
                errs.append(f"{e['id']}: date {e['date']} does not match precision {e['precision']}")
        for x in e["entities"]:
            if x not in ent:
                errs.append(f"{e['id']}: unknown entity {x!r}")
    for n in b["notes"]:
        if n["target"] is not None and n["target"] not in ent | rel | evs | docs:
            errs.append(f"{n['id']}: unknown target {n['target']!r}")
    return errs


def main():
    try:
        bundle = build()
    except BuildError as exc:
        print(f"build-sample: error: {exc}", file=sys.stderr)
        return 1
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        json.dump(bundle, fh, indent=2, ensure_ascii=False)
        fh.write("\n")
    unmentioned = sorted({e["id"] for e in ENTITIES} - {ev["target"] for ev in bundle["evidence"]})
    print(f"wrote {OUT.relative_to(REPO)}: {len(bundle['documents'])} documents, "
          f"{len(bundle['entities'])} entities, {len(bundle['relations'])} relations, "
          f"{len(bundle['quotes'])} quotes, {len(bundle['evidence'])} evidence, "
          f"{len(bundle['events'])} events, {len(bundle['notes'])} notes")
    if unmentioned:
        print(f"note: entities with no quote evidence: {', '.join(unmentioned)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
