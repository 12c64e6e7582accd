def squares(rows, limit):
    pairs = {k: v for k, v in rows if v}
    return [x * x for row in rows for x in row if x < limit], sum(y for y in rows)
