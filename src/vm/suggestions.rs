//! "Did you mean: 'x'?" — the suggestion CPython 3.11 appends to an uncaught `AttributeError`
//! or `NameError`: the closest candidate name by an edit distance where changing only the case
//! of a letter costs half as much as any other edit.

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
/// Longer names, and longer candidate lists, are not searched (as in CPython).
const MAX_STRING_SIZE: usize = 40;
const MAX_CANDIDATE_ITEMS: usize = 750;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance between `a` and `b`, or `None` once it exceeds `max`.
fn distance(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a == b {
        return Some(0);
    }
    // Common prefix and suffix cost nothing.
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        let d = (a.len() + b.len()) * MOVE_COST;
        return (d <= max).then_some(d);
    }
    if a.len().abs_diff(b.len()) * MOVE_COST > max {
        return None;
    }
    let mut row: Vec<usize> = (1..=b.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (i, &ca) in a.iter().enumerate() {
        let mut distance_diag = i * MOVE_COST;
        result = (i + 1) * MOVE_COST;
        let mut min_in_row = usize::MAX;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = distance_diag + substitution_cost(ca, cb);
            distance_diag = row[j];
            let insert_delete = result.min(distance_diag) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[j] = result;
            min_in_row = min_in_row.min(result);
        }
        if min_in_row > max {
            return None;
        }
    }
    (result <= max).then_some(result)
}

/// The best suggestion for `name` among `candidates`, if one is close enough.
pub fn suggest<'a>(name: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    if candidates.len() > MAX_CANDIDATE_ITEMS || name.len() > MAX_STRING_SIZE {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        if c == name || c.len() > MAX_STRING_SIZE {
            continue;
        }
        let mut max = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((d, _)) = best {
            max = max.min(d.saturating_sub(1));
        }
        if let Some(d) = distance(name.as_bytes(), c.as_bytes(), max)
            && best.is_none_or(|(bd, _)| d < bd)
        {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests {
    use super::suggest;

    #[test]
    fn close_names_are_suggested() {
        assert_eq!(
            suggest("balanse", ["balance", "deposit"]).as_deref(),
            Some("balance")
        );
        assert_eq!(suggest("Print", ["print", "len"]).as_deref(), Some("print"));
        assert_eq!(suggest("xyz", ["balance"]), None);
    }
}
