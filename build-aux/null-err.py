#!/usr/bin/env python3
# The error argument is never NULL (issue 11). Calls that pass NULL as the last (cart_err *) argument: print them, or with --fix replace NULL
# by CART_IGNORED. Usage: nullerr.py [--fix] DIR...
import re,glob,sys
fix='--fix' in sys.argv
dirs=[a for a in sys.argv[1:] if a!='--fix']
names=set()
files=[]
for d in dirs:
    files+=glob.glob(d+'/**/*.c',recursive=True)+glob.glob(d+'/**/*.h',recursive=True)
for f in files:
    s=open(f,errors='replace').read()
    names|=set(re.findall(r'\b([a-z_0-9]+)\([^;{()]*cart_err \*[a-z_]*\)',s))
bad=0
for f in files:
    if f.endswith('migrations.c') or not f.endswith('.c'): continue
    s=open(f,errors='replace').read(); out=[]; last=0
    for m in re.finditer(r'\b([a-z_0-9]+)\(',s):
        if m.group(1) not in names: continue
        i=m.end(); d=1
        while i<len(s) and d:
            if s[i]=='(': d+=1
            elif s[i]==')': d-=1
            i+=1
        call=s[m.start():i]
        mm=re.search(r'[,(](\s*)NULL(\s*)\)$',call)
        if mm:
            line=s.count('\n',0,m.start())+1
            prefix=s[s.rfind('\n',0,m.start())+1:m.start()]
            if re.match(r'^\s*(static\s+)?(int|void|const|char|size_t|long)\b',prefix) and prefix.strip().endswith(('int','void')) : continue
            bad+=1
            print('%s:%d: %s'%(f,line,call[:80].replace('\n',' ')))
            if fix:
                out.append(s[last:m.start()+mm.start()+1]); out.append('%sCART_IGNORED%s)'%(mm.group(1),mm.group(2))); last=i
    if fix and out:
        out.append(s[last:]); open(f,'w').write(''.join(out))
print(bad,'calls pass NULL for the error')
sys.exit(1 if bad and not fix else 0)
