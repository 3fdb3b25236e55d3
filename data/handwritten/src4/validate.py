import json,glob,re,difflib,collections,sys
NEW='../community-and-qa.jsonl'
INT={'billing','order_status','product_issue','outage','trust_safety','account','pre_sales','promo_campaign','reputation_risk','feedback','noise'}
SEVS={'low','normal','high','critical'}
def norm(t):
    t=t.lower(); t=re.sub(r'https?://\S+|\S+\.(com|net|top|co|info|app|eu|uk)\S*','URL',t)
    t=re.sub(r'@\w+','@H',t); t=re.sub(r'[^\w\s@]',' ',t); return ' '.join(t.split())
rows=[json.loads(l) for l in open(NEW,encoding='utf-8')]
errs=0
for i,r in enumerate(rows):
    if set(r)!={'id','text','intent','severity','source'}: print('keys',r); errs+=1
    if r['intent'] not in INT or r['severity'] not in SEVS or r['source']!='handwritten': print('bad',r); errs+=1
    if r['id']!=f'hw-{2978+i:04d}': print('id',r['id']); errs+=1
    if not (5<=len(r['text'])<=280): print('len',len(r['text']),r['text']); errs+=1
old=[]
for f in glob.glob('../*.jsonl'):
    if f.endswith('community-and-qa.jsonl'): continue
    old+= [json.loads(l) for l in open(f,encoding='utf-8')]
ids={r['id'] for r in old}
for r in rows:
    if r['id'] in ids: print('id clash',r['id']); errs+=1
on=[(norm(r['text']),r['text']) for r in old]
nn=[(norm(r['text']),r['text']) for r in rows]
for i,(a,ta) in enumerate(nn):
    for b,tb in on+nn[:i]:
        sm=difflib.SequenceMatcher(None,a,b)
        if sm.real_quick_ratio()>=0.8 and sm.quick_ratio()>=0.8 and sm.ratio()>=0.8:
            print('DUP %.2f'%sm.ratio(),'|',ta,'||',tb); errs+=1
print(collections.Counter(r['intent'] for r in rows))
print(collections.Counter((r['intent'],r['severity']) for r in rows))
print('rows',len(rows),'errors',errs)
