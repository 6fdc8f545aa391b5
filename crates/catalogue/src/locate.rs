//! Finds the line and column of a JSON path in the source text.
//!
//! `serde_json::Value` forgets positions, so when a catalogue has problems
//! this small scanner walks the (already syntax-checked) text along the path.
//! It runs only on the error path. When the path ends at a missing key, it
//! answers with the position of the object that lacks it.

use crate::error::{JsonPath, PathSegment};

pub(crate) fn position_of(text: &str, path: &JsonPath) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    for segment in &path.0 {
        let found = match segment {
            PathSegment::Key(key) => member(text, pos, key),
            PathSegment::Index(index) => element(bytes, pos, *index),
        };
        match found {
            Some(p) => pos = p,
            None => break,
        }
    }
    (pos < bytes.len()).then(|| line_column(text, pos))
}

fn line_column(text: &str, pos: usize) -> (usize, usize) {
    let before = &text[..pos];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while pos < bytes.len() && matches!(bytes[pos], b' ' | b'\t' | b'\n' | b'\r') {
        pos += 1;
    }
    pos
}

/// The end (exclusive) of the string starting at `pos` (a `"`).
fn skip_string(bytes: &[u8], mut pos: usize) -> usize {
    pos += 1;
    while pos < bytes.len() {
        match bytes[pos] {
            b'\\' => pos += 2,
            b'"' => return pos + 1,
            _ => pos += 1,
        }
    }
    pos
}

/// The end (exclusive) of the value starting at `pos`.
fn skip_value(bytes: &[u8], mut pos: usize) -> usize {
    match bytes.get(pos) {
        Some(b'"') => skip_string(bytes, pos),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            while pos < bytes.len() {
                match bytes[pos] {
                    b'"' => {
                        pos = skip_string(bytes, pos);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return pos + 1;
                        }
                    }
                    _ => {}
                }
                pos += 1;
            }
            pos
        }
        _ => {
            while pos < bytes.len()
                && !matches!(
                    bytes[pos],
                    b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'
                )
            {
                pos += 1;
            }
            pos
        }
    }
}

/// The start of the value of `key` in the object at `pos`.
fn member(text: &str, pos: usize, key: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes.get(pos) != Some(&b'{') {
        return None;
    }
    let mut p = skip_ws(bytes, pos + 1);
    while bytes.get(p) == Some(&b'"') {
        let key_end = skip_string(bytes, p);
        let this_key: Option<String> = serde_json::from_str(text.get(p..key_end)?).ok();
        p = skip_ws(bytes, key_end);
        if bytes.get(p) != Some(&b':') {
            return None;
        }
        p = skip_ws(bytes, p + 1);
        if this_key.as_deref() == Some(key) {
            return Some(p);
        }
        p = skip_ws(bytes, skip_value(bytes, p));
        if bytes.get(p) != Some(&b',') {
            return None;
        }
        p = skip_ws(bytes, p + 1);
    }
    None
}

/// The start of element `index` of the array at `pos`.
fn element(bytes: &[u8], pos: usize, index: usize) -> Option<usize> {
    if bytes.get(pos) != Some(&b'[') {
        return None;
    }
    let mut p = skip_ws(bytes, pos + 1);
    for _ in 0..index {
        if matches!(bytes.get(p), None | Some(b']')) {
            return None;
        }
        p = skip_ws(bytes, skip_value(bytes, p));
        if bytes.get(p) != Some(&b',') {
            return None;
        }
        p = skip_ws(bytes, p + 1);
    }
    (!matches!(bytes.get(p), None | Some(b']'))).then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, path: &[PathSegment]) -> Option<(usize, usize)> {
        position_of(text, &JsonPath(path.to_vec()))
    }

    fn key(k: &str) -> PathSegment {
        PathSegment::Key(k.into())
    }

    #[test]
    fn finds_nested_values() {
        let text =
            "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": {\"d\\\"e\": [true, null, \"数字\"]}\n}";
        assert_eq!(
            at(text, &[key("a"), PathSegment::Index(1), key("b")]),
            Some((2, 18))
        );
        assert_eq!(
            at(text, &[key("c"), key("d\"e"), PathSegment::Index(2)]),
            Some((3, 30))
        );
        assert_eq!(at(text, &[]), Some((1, 1)));
    }

    #[test]
    fn missing_key_points_at_its_object() {
        let text = "{\"articles\": [ {\"id\": \"a\"} ]}";
        assert_eq!(
            at(
                text,
                &[key("articles"), PathSegment::Index(0), key("title")]
            ),
            Some((1, 16))
        );
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\"标题\": 1, \"x\": 2}";
        assert_eq!(at(text, &[key("x")]), Some((1, 16)));
    }

    #[test]
    fn strings_with_brackets_do_not_confuse_the_scanner() {
        let text = r#"[ "]}[{", {"k": "v"} ]"#;
        assert_eq!(at(text, &[PathSegment::Index(1), key("k")]), Some((1, 17)));
    }
}
