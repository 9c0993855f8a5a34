#!/usr/bin/env python3
# Cuts tick-2021-excerpt.json out of tick-2021.json: the first document, its first
# 12 quotes, their evidence, and the records that evidence needs. Small enough that
# the fuzz loop's successful imports stay cheap under AddressSanitizer.
import json
import os

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'tick-2021.json'), encoding='utf-8') as f:
    b = json.load(f)

doc = b['documents'][0]
quotes = [q for q in b['quotes'] if q['document'] == doc['id']][:6]
qids = {q['id'] for q in quotes}
evidence = [e for e in b['evidence'] if e['quote'] in qids]
targets = {e['target'] for e in evidence}
relations = [r for r in b['relations'] if r['id'] in targets]
events = [e for e in b['events'] if e['id'] in targets]
eids = targets | {r['source'] for r in relations} | {r['target'] for r in relations}
eids |= {x for e in events for x in e.get('entities') or []}
entities = [e for e in b['entities'] if e['id'] in eids]
kept = {doc['id']} | {e['id'] for e in entities} | {r['id'] for r in relations} | \
       {e['id'] for e in events}
notes = [n for n in b['notes'] if n.get('target') is None or n['target'] in kept]

out = dict(b, documents=[doc], entities=entities, relations=relations, quotes=quotes,
           evidence=evidence, events=events, notes=notes, positions=[])
with open(os.path.join(here, 'tick-2021-excerpt.json'), 'w', encoding='utf-8') as f:
    json.dump(out, f, ensure_ascii=False, indent=2)
    f.write('\n')
