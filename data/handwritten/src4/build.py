import json,sys,os
SEV={'h':'high','c':'critical','l':'low','n':'normal'}
parts=[('ts.txt','trust_safety'),('noise.txt','noise'),('fb.txt','feedback'),('ps.txt','pre_sales'),('promo.txt','promo_campaign')]
n=2978; out=[]
for f,intent in parts:
    if not os.path.exists(f): continue
    for line in open(f,encoding='utf-8'):
        line=line.rstrip('\n')
        if not line.strip(): continue
        s,t=line.split('\t',1)
        out.append({"id":f"hw-{n:04d}","text":t.strip(),"intent":intent,"severity":SEV[s],"source":"handwritten"}); n+=1
with open('../community-and-qa.jsonl','w',encoding='utf-8') as fh:
    for r in out: fh.write(json.dumps(r,ensure_ascii=False)+'\n')
print(len(out), 'last', out[-1]['id'])
