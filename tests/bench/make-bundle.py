#!/usr/bin/env python3
# Writes an investigation-shaped bundle of N entities for timing imports:
# ~1.5 relations per entity (hubs), documents with text, quotes into them backing
# relations as evidence, events, notes and a stored position for every entity.
#   make-bundle.py N SEED OUT.json [entities]
# "entities" writes the entities alone (about 57 bytes each, the shape of the
# 57 MB million-entity bundle of issue 18).
import json, random, sys

n, seed, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
only_entities = len(sys.argv) > 4 and sys.argv[4] == "entities"
rng = random.Random(seed)
kinds = ["person", "organization", "group", "unit", "location", "other"]
words = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike "
         "november oscar papa quebec romeo sierra tango uniform victor whiskey").split()

def phrase(lo, hi):
    return " ".join(rng.choice(words) for _ in range(rng.randint(lo, hi)))

with open(out, "w") as f:
    w = f.write
    w('{"format":"redstring-case","version":1,"case":{"title":"Synthetic %d","description":"generated"},\n' % n)
    n_docs = max(1, n // 100)
    doc_texts = []
    w('"documents":[\n')
    for d in range(n_docs):
        text = ". ".join(phrase(6, 14) for _ in range(30))
        doc_texts.append(text)
        w(('' if d == 0 else ',\n') + json.dumps({"id": "d%d" % d, "title": phrase(3, 6),
          "publisher": "Pub %d" % (d % 17), "reliability": "ABCDEF"[d % 6], "text": text}))
    w('],\n"entities":[\n')
    for e in range(n):
        rec = {"id": "e%d" % e, "kind": rng.choice(kinds), "name": phrase(2, 5).title()}
        if e % 5 == 0:
            rec["aliases"] = [phrase(1, 2)]
        if e % 3 == 0:
            rec["description"] = phrase(4, 12)
        w(('' if e == 0 else ',\n') + json.dumps(rec, separators=(",", ":")))
    if only_entities:
        w(']}\n')
        sys.exit(0)
    n_rel = n * 3 // 2
    hubs = max(1, n // 200)
    w('],\n"relations":[\n')
    for r in range(n_rel):
        s = rng.randrange(hubs) if rng.random() < 0.3 else rng.randrange(n)
        t = rng.randrange(n)
        rec = {"id": "r%d" % r, "source": "e%d" % s, "target": "e%d" % t,
               "label": rng.choice(["funds", "member of", "located in", "met", "directs"]),
               "status": rng.choice(["alleged", "reported", "confirmed", "disputed"])}
        w(('' if r == 0 else ',\n') + json.dumps(rec, separators=(",", ":")))
    n_q = n // 2
    w('],\n"quotes":[\n')
    for q in range(n_q):
        d = rng.randrange(n_docs)
        text = doc_texts[d]
        start = rng.randrange(0, len(text) - 40)
        end = start + rng.randint(10, 40)
        w(('' if q == 0 else ',\n') + json.dumps({"id": "q%d" % q, "document": "d%d" % d,
          "start": start, "end": end, "text": text[start:end], "credibility": rng.randint(1, 6)},
          separators=(",", ":")))
    w('],\n"evidence":[\n')
    for q in range(n_q):
        w(('' if q == 0 else ',\n') + json.dumps({"quote": "q%d" % q, "target": "r%d" % rng.randrange(n_rel),
          "stance": rng.choice(["supports", "contradicts", "mentions"])}, separators=(",", ":")))
    w('],\n"events":[\n')
    for v in range(max(1, n // 50)):
        w(('' if v == 0 else ',\n') + json.dumps({"id": "v%d" % v, "title": phrase(3, 7),
          "date": "%d-%02d" % (2000 + v % 24, 1 + v % 12), "precision": "month",
          "entities": ["e%d" % rng.randrange(n) for _ in range(2)]}, separators=(",", ":")))
    w('],\n"notes":[\n')
    for o in range(max(1, n // 100)):
        w(('' if o == 0 else ',\n') + json.dumps({"id": "n%d" % o, "target": "e%d" % rng.randrange(n),
          "body": phrase(10, 30)}, separators=(",", ":")))
    w('],\n"positions":[\n')
    for e in range(n):
        w(('' if e == 0 else ',\n') + '{"entity":"e%d","x":%.1f,"y":%.1f}' % (e, rng.uniform(-5e4, 5e4), rng.uniform(-5e4, 5e4)))
    w(']}\n')
