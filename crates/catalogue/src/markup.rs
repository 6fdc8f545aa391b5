//! The only markup catalogue text may carry: paragraphs separated by a blank
//! line, and the inline tags `<i>`, `<b>`, `<sup>`, `<sub>`.
//!
//! Everything else that looks like markup, `<script>` included, stays text:
//! the parser returns a tree of plain strings and four tag kinds, and the app
//! renders strings as text nodes only. An opening tag without its closing tag
//! (or the reverse) is also kept as the characters it is, so nothing is lost.

/// One of the four inline tags with a meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InlineTag {
    Italic,
    Bold,
    Superscript,
    Subscript,
}

impl InlineTag {
    fn name(self) -> &'static str {
        match self {
            InlineTag::Italic => "i",
            InlineTag::Bold => "b",
            InlineTag::Superscript => "sup",
            InlineTag::Subscript => "sub",
        }
    }

    fn from_name(name: &str) -> Option<InlineTag> {
        [
            InlineTag::Italic,
            InlineTag::Bold,
            InlineTag::Superscript,
            InlineTag::Subscript,
        ]
        .into_iter()
        .find(|t| t.name().eq_ignore_ascii_case(name))
    }
}

/// Inline content: text, or text inside one of the four tags.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Tagged(InlineTag, Vec<Inline>),
}

/// Splits text into paragraphs at blank lines (lines holding only
/// whitespace), trimming each. No paragraph is empty.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut result = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                result.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line.trim());
        }
    }
    if !current.is_empty() {
        result.push(current.join("\n"));
    }
    result
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Token<'a> {
    Text(&'a str),
    Open(InlineTag, &'a str),
    Close(InlineTag, &'a str),
}

fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    while let Some(offset) = text[i..].find('<') {
        let lt = i + offset;
        let tag = text[lt..].find('>').and_then(|gt| {
            let raw = &text[lt..=lt + gt];
            let inner = &raw[1..raw.len() - 1];
            let (closing, name) = match inner.strip_prefix('/') {
                Some(name) => (true, name),
                None => (false, inner),
            };
            InlineTag::from_name(name).map(|t| {
                if closing {
                    Token::Close(t, raw)
                } else {
                    Token::Open(t, raw)
                }
            })
        });
        match tag {
            Some(token) => {
                if text_start < lt {
                    tokens.push(Token::Text(&text[text_start..lt]));
                }
                let len = match token {
                    Token::Open(_, raw) | Token::Close(_, raw) => raw.len(),
                    Token::Text(_) => 0,
                };
                i = lt + len;
                text_start = i;
                tokens.push(token);
            }
            None => i = lt + 1,
        }
    }
    if text_start < text.len() {
        tokens.push(Token::Text(&text[text_start..]));
    }
    tokens
}

/// Parses inline markup into a tree. Never fails: what is not a well-nested
/// allowed tag is text.
pub fn parse_inline(text: &str) -> Vec<Inline> {
    let tokens = tokenize(text);

    // Pair tags with a stack. A closing tag closes the nearest open tag of
    // its kind; tags it skips over stay unpaired (and become text).
    let mut paired = vec![false; tokens.len()];
    let mut open: Vec<(InlineTag, usize)> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        match *token {
            Token::Open(tag, _) => open.push((tag, i)),
            Token::Close(tag, _) => {
                if let Some(depth) = open.iter().rposition(|(t, _)| *t == tag) {
                    let (_, start) = open[depth];
                    open.truncate(depth);
                    paired[start] = true;
                    paired[i] = true;
                }
            }
            Token::Text(_) => {}
        }
    }

    // Build the tree; unpaired tags are written back as their characters.
    let mut stack: Vec<(InlineTag, Vec<Inline>)> = Vec::new();
    let mut root: Vec<Inline> = Vec::new();
    for (token, is_paired) in tokens.into_iter().zip(paired) {
        let children = stack.last_mut().map_or(&mut root, |(_, c)| c);
        match token {
            Token::Open(tag, _) if is_paired => stack.push((tag, Vec::new())),
            Token::Close(_, _) if is_paired => {
                if let Some((tag, inner)) = stack.pop() {
                    stack
                        .last_mut()
                        .map_or(&mut root, |(_, c)| c)
                        .push(Inline::Tagged(tag, inner));
                }
            }
            Token::Text(s) | Token::Open(_, s) | Token::Close(_, s) => push_text(children, s),
        }
    }
    root
}

/// The text without its inline tags, for places that cannot hold markup
/// (the document title, attributes): `CO<sub>2</sub>` becomes `CO2`.
pub fn plain_text(text: &str) -> String {
    fn collect(nodes: &[Inline], out: &mut String) {
        for node in nodes {
            match node {
                Inline::Text(s) => out.push_str(s),
                Inline::Tagged(_, children) => collect(children, out),
            }
        }
    }
    let mut out = String::with_capacity(text.len());
    collect(&parse_inline(text), &mut out);
    out
}

fn push_text(children: &mut Vec<Inline>, s: &str) {
    if let Some(Inline::Text(last)) = children.last_mut() {
        last.push_str(s);
    } else {
        children.push(Inline::Text(s.to_owned()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use InlineTag::*;

    fn t(s: &str) -> Inline {
        Inline::Text(s.to_owned())
    }

    fn check(input: &str, expected: Vec<Inline>) {
        assert_eq!(parse_inline(input), expected, "input: {input:?}");
    }

    #[test]
    fn plain_text_is_one_node() {
        check("digital diplomacy", vec![t("digital diplomacy")]);
        check("", vec![]);
    }

    #[test]
    fn the_four_tags_format() {
        check(
            "CO<sub>2</sub>",
            vec![t("CO"), Inline::Tagged(Subscript, vec![t("2")])],
        );
        check(
            "<i>Oryza sativa</i> L.",
            vec![Inline::Tagged(Italic, vec![t("Oryza sativa")]), t(" L.")],
        );
        check(
            "m<sup>2</sup> <b>bold</b>",
            vec![
                t("m"),
                Inline::Tagged(Superscript, vec![t("2")]),
                t(" "),
                Inline::Tagged(Bold, vec![t("bold")]),
            ],
        );
        check("<I>x</I>", vec![Inline::Tagged(Italic, vec![t("x")])]);
    }

    #[test]
    fn tags_nest() {
        check(
            "<b>a<i>b</i></b>",
            vec![Inline::Tagged(
                Bold,
                vec![t("a"), Inline::Tagged(Italic, vec![t("b")])],
            )],
        );
    }

    #[test]
    fn other_markup_stays_literal() {
        check(
            "<script>alert(1)</script>",
            vec![t("<script>alert(1)</script>")],
        );
        check(
            "<img src=x onerror=alert(1)>",
            vec![t("<img src=x onerror=alert(1)>")],
        );
        check("a < b > c", vec![t("a < b > c")]);
        check("<i onclick=x>y</i>", vec![t("<i onclick=x>y</i>")]);
        check("x <", vec![t("x <")]);
    }

    #[test]
    fn unbalanced_tags_stay_literal() {
        check("<i>open", vec![t("<i>open")]);
        check("close</b>", vec![t("close</b>")]);
        check(
            "<i>a<b>b</i>c</b>",
            vec![Inline::Tagged(Italic, vec![t("a<b>b")]), t("c</b>")],
        );
    }

    #[test]
    fn plain_text_drops_only_allowed_tags() {
        assert_eq!(
            plain_text("CO<sub>2</sub> and <i>x</i> <script>"),
            "CO2 and x <script>"
        );
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        assert_eq!(paragraphs("one\n\ntwo"), vec!["one", "two"]);
        assert_eq!(
            paragraphs("one\r\n \r\ntwo\nstill two\n\n\n"),
            vec!["one", "two\nstill two"]
        );
        assert!(paragraphs("  \n ").is_empty());
    }
}
