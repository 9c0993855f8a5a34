# Writes answer-key.json (python3 make-answer-key.py > answer-key.json). The lists below
# are the hand-made part: every entity of each seed report a suggestion must find, the
# surface forms that name it, and every date phrase with the date it means. The code only
# finds each form's word-bounded occurrences (longest form first, no overlaps), so the
# offsets are exact; the output was then reviewed by reading it against the texts.
import json, re
A='bloomberg-2021-04-20-chinese-military-seen-behind-japan-cyber-attacks.txt'
B='report-2021-04-20-chinese-military-hacked-japan-space-agency.txt'
import os
D=os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'seeds') + '/'
docs={
 A: dict(published='2021-04-20', entities=[
  ('organization','People’s Liberation Army',['PLA'],['People’s Liberation Army']),
  ('group','Tick',[],['Tick']),
  ('organization','NHK',['Japan Broadcasting Corporation'],['NHK']),
  ('organization','JAXA',['Japan Aerospace Exploration Agency'],['JAXA']),
  ('organization','Chinese Communist Party',['CCP','China’s Communist Party','Communist Party'],['China’s Communist Party','Chinese Communist Party']),
  ('organization','FireEye Inc.',['FireEye'],['FireEye Inc.','FireEye']),
  ('person','John Hultquist',[],['John Hultquist']),
  ('person','Ben Read',[],['Ben Read']),
  ('organization','ESET',[],['ESET']),
  ('organization','Microsoft Corp.',['Microsoft'],['Microsoft Corp.']),
  ('organization','Kyodo News',['Kyodo'],['Kyodo News']),
  ('person','Yoshihide Suga',['Suga'],['Yoshihide Suga']),
  ('person','Joe Biden',['Biden'],['Joe Biden']),
  ('location','Washington',[],['Washington']),
  ('location','United States',['U.S.'],['U.S.']),
  ('person','Katsunobu Kato',['Kato'],['Katsunobu Kato']),
  ('organization','Chinese Foreign Ministry',['Ministry of Foreign Affairs of China','Foreign Ministry'],['Chinese Foreign Ministry']),
  ('person','Wang Wenbin',['Wang'],['Wang Wenbin','Wang']),
  ('location','Beijing',[],['Beijing']),
  ('location','Japan',[],['Japan']),
  ('location','China',[],['China']),
  ('location','East Asia',[],['East Asia']),
  ('location','Asia-Pacific',[],['Asia-Pacific']),
  ('organization','Bloomberg L.P.',['Bloomberg'],['Bloomberg L.P.','Bloomberg']),
 ], optional=[
  ('person','Simon Dawson',[],['Simon Dawson']),
  ('organization','BloombergQuint',['Bloomberg Quint','BQ'],['Bloomberg Quint','BloombergQuint','BQ']),
  ('other','Exchange',['Microsoft Exchange'],['Exchange']),
 ], dates=[
  ('in 2016','2016','year',None, 0),
  ('said Tuesday','2021-04-20','day',None, 0),
  ('at least 2009','2009','year','at-least', 0),
  ('late February','2021-02','month','late', 0),
  ('last week','2021-04-12/2021-04-18','range',None, 0),
  ('briefing Tuesday','2021-04-20','day',None, 0),
 ]),
 B: dict(published='2021-04-21', entities=[
  ('organization','People’s Liberation Army',['PLA','Chinese PLA'],['People’s Liberation Army','Chinese PLA','PLA']),
  ('location','China',[],['China']),
  ('location','Japan',[],['Japan']),
  ('organization','NHK',['Japan Broadcasting Corporation'],['NHK']),
  ('organization','Tokyo Metropolitan Police Department',['Tokyo police'],['Tokyo Metropolitan Police Department','Tokyo police']),
  ('organization','Chinese Communist Party',['CCP','Communist Party'],['Chinese Communist Party','CCP']),
  ('organization','Japan Aerospace Exploration Agency',['JAXA'],['Japan Aerospace Exploration Agency','JAXA']),
  ('group','Tick',[],['Tick']),
  ('organization','Mitsubishi Electric',[],['Mitsubishi Electric']),
  ('organization','Keio University',[],['Keio University']),
  ('location','Tokyo',[],['Tokyo']),
  ('unit','Unit 61419',[],['Unit 61419','unit 61419']),
  ('location','Qingdao',[],['Qingdao']),
  ('location','Shandong Province',['Shandong'],['Shandong Province']),
  ('location','South Korea',[],['South Korea']),
  ('organization','Kyodo News',['Kyodo'],['Kyodo News']),
 ], optional=[
  ('person','Sean Gallup',[],['Sean Gallup']),
  ('organization','Getty Images',[],['Getty Images']),
 ], dates=[
  ('from 2016-2017','2016/2017','range',None,0),
  ('on Tuesday','2021-04-20','day',None,0),
  ('on April 20','2021-04-20','day',None,0),
  ('in 2016','2016','year',None,0),
  ('on April 20','2021-04-20','day',None,1),
  ('this week','2021-04-19/2021-04-25','range',None,0),
  ('on Tuesday','2021-04-20','day',None,1),
  ('on Tuesday','2021-04-20','day',None,2),
  ('on Tuesday','2021-04-20','day',None,3),
 ]),
}
def isword(c): return c.isalnum() or c=='_'
out={'comment':'Hand-made answer key for the suggestion engine (issue 17). Offsets are Unicode code points into the seed texts in ../seeds/, end exclusive, as quote spans in bundles. "entities" must be found; "optional" are real names a suggestion may propose without counting against precision. A date\'s span is the date phrase; a suggested event matches when its span overlaps it and its date, precision and qualifier are the same.','reports':[]}
for f,spec in docs.items():
  t=open(D+f).read()
  taken=[]
  allents=[(e,False) for e in spec['entities']]+[(e,True) for e in spec['optional']]
  # longest forms first so "Japan Aerospace Exploration Agency" takes its "Japan"
  forms=sorted([(form,i) for i,(e,o) in enumerate(allents) for form in e[3]],key=lambda x:-len(x[0]))
  ments={i:[] for i in range(len(allents))}
  for form,i in forms:
    for m in re.finditer(re.escape(form),t):
      s,e=m.start(),m.end()
      if s>0 and isword(t[s-1]): continue
      if e<len(t) and isword(t[e]) : continue
      if any(s<te and ts<e for ts,te in taken): continue
      taken.append((s,e)); ments[i].append({'start':s,'end':e,'text':t[s:e]})
  rep={'file':f,'published':spec['published'],'entities':[],'optional':[],'dates':[]}
  for i,((k,n,al,fo),opt) in enumerate(allents):
    ms=sorted(ments[i],key=lambda m:m['start'])
    assert ms, (f,n)
    (rep['optional'] if opt else rep['entities']).append({'kind':k,'name':n,'aliases':al,'mentions':ms})
  for text,date,prec,qual,nth in spec['dates']:
    occ=[m.start() for m in re.finditer(re.escape(text),t)]
    s=occ[nth]
    # the date phrase proper, without the preposition or verb we used to find it
    inner=text
    for p in ('in ','said ','on ','from ','briefing '):
      if inner.startswith(p): s+=len(p); inner=inner[len(p):]
    rep['dates'].append({'text':inner,'start':s,'end':s+len(inner),'date':date,'precision':prec,'qualifier':qual})
  out['reports'].append(rep)
print(json.dumps(out,ensure_ascii=False,indent=2))
