import json, hashlib
es = [json.loads(l) for l in open('raw.jsonl')]
tune, held = [], []
for e in es:
    h = int(hashlib.sha256(e['template'].encode()).hexdigest()[:8], 16)
    (held if h % 5 == 0 else tune).append(e)
for name, part in (('tune.jsonl', tune), ('heldout.jsonl', held)):
    with open(name, 'w') as f:
        for e in part: f.write(json.dumps(e, ensure_ascii=False) + '\n')
print(len(tune), len(held), len({e['template'] for e in held}))
