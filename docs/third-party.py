#!/usr/bin/env python3
"""Lists runtime dependencies (mvn dependency:list output on stdin) with the licences their POMs declare."""
import os, re, sys, xml.etree.ElementTree as ET
M2 = os.path.expanduser('~/.m2/repository')
NS = '{http://maven.apache.org/POM/4.0.0}'
def pom(g, a, v):
    p = os.path.join(M2, *g.split('.'), a, v, f'{a}-{v}.pom')
    if not os.path.exists(p): return None
    try:
        return ET.parse(p).getroot()
    except ET.ParseError:
        txt = open(p, encoding='utf-8', errors='replace').read()
        return ET.fromstring(re.sub(r'<!DOCTYPE[^>]*>', '', txt))
def find(e, tag):
    r = e.find(NS + tag)
    return r if r is not None else e.find(tag)
def licences(g, a, v, depth=0):
    r = pom(g, a, v)
    if r is None or depth > 6: return []
    ls = find(r, 'licenses')
    if ls is not None:
        out = []
        for l in list(ls):
            n = find(l, 'name')
            if n is not None and n.text: out.append(' '.join(n.text.split()))
        if out: return out
    par = find(r, 'parent')
    if par is not None:
        pg, pa, pv = (find(par, t).text for t in ('groupId', 'artifactId', 'version'))
        return licences(pg, pa, pv, depth + 1)
    return []
rows = []
for line in sys.stdin:
    m = re.search(r'\[INFO\]\s+([\w.\-]+):([\w.\-]+):jar(?::([\w.\-]+))?:([\w.\-]+):(compile|runtime)', line)
    if not m: continue
    g, a, c, v, s = m.groups()
    rows.append((g, a, v, '; '.join(licences(g, a, v)) or 'unknown (see the artifact)'))
for g, a, v, l in sorted(set(rows)):
    print(f'| {g}:{a} | {v} | {l} |')
