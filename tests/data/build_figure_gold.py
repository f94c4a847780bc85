#!/usr/bin/env python3
"""Build a blind figure gold set: tests/data/SET.jsonl from the annotation files in
tests/data/SET/dsl/*.txt (SET: figures-real, figures-real2).

Usage: python3 tests/data/build_figure_gold.py SET [-v]"""
import json, re, sys, glob, os
DATA = os.path.dirname(os.path.abspath(__file__))
SETS = [a for a in sys.argv[1:] if not a.startswith('-')]
if len(SETS) != 1:
    sys.exit(__doc__)
SET = SETS[0]
HERE = os.path.join(DATA, SET)
CORPUS = os.path.join(DATA, 'corpus')
_cache = {}
def lines_of(f):
    if f not in _cache:
        raw = open(os.path.join(CORPUS, f), 'rb').read()
        enc = 'gb18030' if f.startswith('hailaer/') else 'utf-8'
        t = raw.decode(enc)
        t = t.replace('\r\n', '\n')
        _cache[f] = t.split('\n')
    return _cache[f]

CN = {'零':0,'〇':0,'一':1,'二':2,'两':2,'三':3,'四':4,'五':5,'六':6,'七':7,'八':8,'九':9}
CNU = {'十':10,'百':100,'千':1000}
def cn2num(s):
    total = 0; section = 0; num = 0
    for ch in s:
        if ch in CN: num = CN[ch]
        elif ch in CNU:
            section += (num or 1) * CNU[ch]; num = 0
        elif ch == '万':
            total += (section + num) * 10000; section = 0; num = 0
        elif ch == '亿':
            total = (total + section + num) * 10**8; section = 0; num = 0
        else: raise ValueError(s)
    return total + section + num

FW = str.maketrans('０１２３４５６７８９．％：', '0123456789.%:')
NUM = r'[0-9.]+|[零〇一二两三四五六七八九十百千]+'
COUNT_UNITS = ['人次','个','人','家','户','所','座','项','件','只','张','套','条','辆','次','台','部','位','名','天','例','处','起','批','场','支','只','头','架','艘','届','类','种','款','本','篇','间','份','颗','枚','对','组','门','期','列','班','宗','笔','栋','村','县','镇','所','园','片','区','城','首','场次','座次','吨次','标箱','人年']
QTY_UNITS = ['千瓦时','平方公里','平方米','立方米','公顷','千瓦','公里','千米','吨','斤','亩','米','度','标准箱','TEU','kV','千伏','兆瓦','吉瓦','微克/立方米','立方米/秒','吨标准煤','辆']
def parse(text):
    t = text.translate(FW)
    t = t.replace('萬','万').replace('億','亿').replace('個','个').replace('點','点')
    # ratio
    if re.fullmatch(r'[0-9.]+(?:[:∶][0-9.]+)+', t):
        return 'ratio', [num(x) for x in re.split('[:∶]', t)], None
    m = re.fullmatch(r'(' + NUM + r')(?:%|％)?(?:[-—～~至到])(' + NUM + r')(.*)', t)
    if m:
        k1, v1, u = parse(m.group(2) + m.group(3))
        k0, v0, _ = parse(m.group(1) + m.group(3)) if not m.group(1).endswith('%') else parse(m.group(1))
        return k1, [v0, v1], u
    m = re.fullmatch(r'第(' + NUM + r')(?:位|名)?', t)
    if m: return 'rank', num(m.group(1)), None
    m = re.fullmatch(r'(' + NUM + r')个位次', t)
    if m: return 'rank', num(m.group(1)), None
    m = re.fullmatch(r'(' + NUM + r')(?:%|％)', t)
    if m: return 'percent', num(m.group(1)), '%'
    m = re.fullmatch(r'百分之(.+)', t)
    if m: return 'percent', num(m.group(1)), '%'
    m = re.fullmatch(r'(' + NUM + r')(?:个)?百分点', t)
    if m: return 'percentage_point', num(m.group(1)), '个百分点'
    if re.fullmatch(r'(万亿|亿|万|千)元', t): t = '1' + t
    m = re.fullmatch(r'(' + NUM + r')(万亿|亿|万|千)?(.*)', t)
    if m:
        v = num(m.group(1)); mult = {'万亿':1e12,'亿':1e8,'万':1e4,'千':1e3,None:1}[m.group(2)]
        if m.group(2) == '千' and m.group(3) in ('瓦','瓦时','米','克','伏'):
            mult = 1; u = '千' + m.group(3)
        else: u = m.group(3)
        if mult != 1: v = float(v * mult)
        u = u.rstrip('余多')
        if u == '倍': return 'multiple', v, '倍'
        if u in ('元','美元','欧元'): return 'money', v, u
        if u in QTY_UNITS: return 'quantity', v, u
        if u in COUNT_UNITS or u.endswith('人次') or u.endswith('人'): return 'count', v, u
        return 'count', v, u or None
    raise ValueError('cannot parse ' + text)
def num(s):
    s = s.translate(FW)
    if re.fullmatch(r'[0-9.]+', s):
        return float(s) if '.' in s else int(s)
    # chinese with possible 万/亿 handled by caller; plain numerals
    return cn2num(s)

MEAS = {'l':'level','c':'change','s':'share','r':'rank','rc':'change','-':None}
def build(paths):
    out = []; errors = 0
    for path in paths:
        ctx = {'st':'actual','p':None,'b':None}
        f = None; cursor = {}
        for n, raw in enumerate(open(path, encoding='utf-8'), 1):
            s = raw.strip()
            if not s or s.startswith('//'): continue
            if s.startswith('@'):
                k, _, v = s[1:].partition(' ')
                v = v.strip()
                if k == 'file': f = v; cursor = {}
                else: ctx[k] = None if v in ('', '-', 'null') else v
                continue
            parts = [p.strip() for p in s.split('|')]
            try:
                nocheck = '!' in parts[0]; parts[0] = parts[0].replace('!', ''); lno = int(parts[0].split('#')[0]); text = parts[1]
                line = lines_of(f)[lno-1]
                start = cursor.get(lno, 0)
                if '#' in parts[0]:
                    occ = int(parts[0].split('#')[1]); start = 0
                else: occ = 1
                pos = start - 1; found = 0
                while True:
                    pos = line.find(text, pos + 1)
                    if pos < 0: break
                    prev = line[pos-1] if pos > 0 else ''
                    nxt = line[pos+len(text)] if pos+len(text) < len(line) else ''
                    if nocheck: pass
                    elif text[0].translate(FW).isdigit() and (prev.translate(FW).isdigit() or (prev and prev in '.．')): continue
                    if nocheck: pass
                    elif text[-1].translate(FW).isdigit() and (nxt.translate(FW).isdigit() or (nxt and nxt in '.．')): continue
                    found += 1
                    if found == occ: break
                if pos < 0:
                    print(f'{path}:{n}: {text!r} not found in line {lno} after col {start+1}', file=sys.stderr); errors += 1; continue
                cursor[lno] = pos + len(text)
                row = {'file': f, 'line': lno, 'col': pos + 1, 'text': text}
                sent = f'{f}#{lno}'
                if parts[2] == 'X':
                    row['not_a_figure'] = True; row['sentence'] = sent; out.append(row); continue
                meas = parts[2]; neg = meas.endswith('-'); meas = meas.rstrip('-')
                ind = None if parts[3] in ('~', '') else [x.strip() for x in parts[3].split(',')]
                opts = {}
                for p in parts[4:]:
                    for tok in p.split():
                        k, _, v = tok.partition('=')
                        opts[k] = v if v else True
                try:
                    kind, value, unit = parse(text)
                except ValueError:
                    if 'v' not in opts: raise
                    kind, value, unit = None, None, None
                if 'k' in opts: kind = opts['k']
                if 'v' in opts:
                    vv = opts['v']
                    value = json.loads(vv)
                if 'u' in opts: unit = None if opts['u'] in ('~','null') else opts['u']
                if neg:
                    value = [-x for x in value] if isinstance(value, list) else -value
                measure = MEAS[meas]
                st = opts.get('st', ctx['st'])
                period = opts.get('p', ctx['p'])
                if period in ('~','null'): period = None
                q = opts.get('q'); q = None if q in (None, '~') else q
                basis = None; by = None; cp = False
                if measure == 'change':
                    b = opts.get('b', ctx.get('b'))
                    by = opts.get('by')
                    if by: by = int(by)
                    if b is None or b == 'auto':
                        if by: b = 'cumulative'
                        elif period and '-' not in str(period): b = 'yoy'
                        else: b = None
                    basis = {'yoy':'yoy','avg':'annual_average','cum':'cumulative','~':None,'null':None}.get(b, b)
                    cp = bool(opts.get('cp', False))
                row.update({'kind': kind, 'value': value, 'unit': unit, 'measure': measure,
                            'indicator': ind, 'status': st, 'qualifier': q, 'period': period,
                            'basis': basis, 'base_year': by, 'comparable_prices': cp, 'sentence': sent})
                out.append(row)
            except Exception as e:
                print(f'{path}:{n}: {e!r}: {s}', file=sys.stderr); errors += 1
    return out, errors

if __name__ == '__main__':
    paths = sorted(glob.glob(os.path.join(HERE, 'dsl', '*.txt')))
    out, errors = build(paths)
    # validate
    for r in out:
        L = lines_of(r['file'])[r['line']-1]
        assert L[r['col']-1:r['col']-1+len(r['text'])] == r['text'], r
    keys = [(r['file'], r['line'], r['col'], r['text']) for r in out]
    dup = {k for k in keys if keys.count(k) > 1}
    if dup: print('DUPLICATES', dup, file=sys.stderr); errors += 1
    # no non-figure span may overlap a figure span on the same line
    for a in out:
        if not a.get('not_a_figure'): continue
        for b in out:
            if b.get('not_a_figure') or (a['file'], a['line']) != (b['file'], b['line']): continue
            if a['col'] < b['col'] + len(b['text']) and b['col'] < a['col'] + len(a['text']):
                print('OVERLAP', a['line'], a['text'], b['text'], a['file'], file=sys.stderr); errors += 1
    with open(os.path.join(DATA, SET + '.jsonl'), 'w', encoding='utf-8') as fo:
        for r in out: fo.write(json.dumps(r, ensure_ascii=False) + '\n')
    figs = [r for r in out if not r.get('not_a_figure')]
    print(f'{len(figs)} figures, {len(out)-len(figs)} non-figures, errors={errors}')
    if '-v' in sys.argv:
        for r in out:
            if r.get('not_a_figure'): print(r['line'], r['col'], r['text'], 'X')
            else: print(r['line'], r['col'], r['text'], r['kind'], r['value'], r['unit'], r['measure'], r['indicator'], r['status'], r['qualifier'], r['period'], r['basis'], r['base_year'])
    if errors: sys.exit(1)
