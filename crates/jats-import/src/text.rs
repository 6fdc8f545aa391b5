//! JATS mixed content to catalogue text: the four inline tags kept, other
//! markup made readable, paragraphs separated by blank lines.

use roxmltree::Node;

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";
const MATHML_NS: &str = "http://www.w3.org/1998/Math/MathML";

/// Warnings for one file, each said once.
pub(crate) struct Warnings {
    source: String,
    list: Vec<String>,
}

impl Warnings {
    pub(crate) fn new(source: &str) -> Warnings {
        Warnings {
            source: source.to_owned(),
            list: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, message: String) {
        let line = format!("{}: {message}", self.source);
        if !self.list.contains(&line) {
            self.list.push(line);
        }
    }

    pub(crate) fn into_vec(self) -> Vec<String> {
        self.list
    }
}

/// The element's own `xml:lang`, if it has one.
pub(crate) fn explicit_lang(node: Node<'_, '_>) -> Option<String> {
    node.attribute((XML_NS, "lang"))
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
}

/// The element's `xml:lang`, else the one it inherits, else `default`.
pub(crate) fn lang_of(node: Node<'_, '_>, default: &str) -> String {
    node.ancestors()
        .find_map(|n| n.attribute((XML_NS, "lang")))
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty())
        .unwrap_or_else(|| default.to_owned())
}

/// The language of a piece of text that carries no `xml:lang` of its own:
/// Chinese characters say Chinese; their absence in a Chinese article says
/// English (the usual second language of these journals).
pub(crate) fn guess_lang(text: &str, article_lang: &str) -> String {
    let chinese_article = article_lang.to_ascii_lowercase().starts_with("zh");
    match (has_cjk(text), chinese_article) {
        (true, true) => article_lang.to_owned(),
        (true, false) => "zh".to_owned(),
        (false, true) => "en".to_owned(),
        (false, false) => article_lang.to_owned(),
    }
}

pub(crate) fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{2fa1f}'))
}

pub(crate) fn normalize_space(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Inline content as catalogue text.
pub(crate) fn inline_text(node: Node<'_, '_>, warnings: &mut Warnings) -> String {
    let mut out = String::new();
    inline_into(node, &mut out, warnings);
    let text = normalize_space(&out);
    // Tags around nothing but spaces say nothing.
    ["i", "b", "sup", "sub"]
        .iter()
        .fold(text, |t, tag| t.replace(&format!("<{tag}></{tag}>"), ""))
}

fn wrap(tag: &str, node: Node<'_, '_>, out: &mut String, warnings: &mut Warnings) {
    out.push_str(&format!("<{tag}>"));
    inline_children(node, out, warnings);
    out.push_str(&format!("</{tag}>"));
}

fn inline_children(node: Node<'_, '_>, out: &mut String, warnings: &mut Warnings) {
    for c in node.children() {
        inline_into(c, out, warnings);
    }
}

fn inline_into(node: Node<'_, '_>, out: &mut String, warnings: &mut Warnings) {
    if node.is_text() {
        out.push_str(node.text().unwrap_or_default());
        return;
    }
    if !node.is_element() {
        return;
    }
    if node.tag_name().namespace() == Some(MATHML_NS) {
        math_into(node, out);
        return;
    }
    match node.tag_name().name() {
        "italic" => wrap("i", node, out, warnings),
        "bold" => wrap("b", node, out, warnings),
        "sup" => wrap("sup", node, out, warnings),
        "sub" => wrap("sub", node, out, warnings),
        // Typographic and linking markup: the words stay, the markup goes.
        "sc" | "monospace" | "underline" | "roman" | "sans-serif" | "overline" | "strike"
        | "named-content" | "styled-content" | "ext-link" | "uri" | "email" | "xref" | "abbrev"
        | "inline-formula" | "tex-math" | "chem-struct" | "x" | "span" | "article-title"
        | "trans-title" | "kwd" | "p" | "journal-title" | "trans-title-group" | "title"
        | "institution" | "addr-line" | "country" | "city" | "state" | "postal-code"
        | "institution-wrap" | "collab" | "funding-source" | "alternatives" => {
            inline_children(node, out, warnings)
        }
        "break" => out.push(' '),
        "inline-graphic" | "graphic" => {
            warnings.push(format!(
                "<{}> is an image: dropped, the text around it is kept",
                node.tag_name().name()
            ));
        }
        "fn" | "fn-group" => {
            warnings.push("<fn> (a footnote) inside text: dropped".to_owned());
        }
        other => {
            warnings.push(format!(
                "<{other}> is not understood: its text is kept, its markup dropped"
            ));
            inline_children(node, out, warnings);
        }
    }
}

/// MathML as readable text: sub- and superscripts as the inline tags,
/// fractions with a slash, everything else as its characters.
fn math_into(node: Node<'_, '_>, out: &mut String) {
    let kids: Vec<Node> = node.children().filter(|c| c.is_element()).collect();
    let part = |n: Option<&Node>| {
        let mut s = String::new();
        if let Some(n) = n {
            math_into(*n, &mut s);
        }
        s
    };
    match node.tag_name().name() {
        "msub" => out.push_str(&format!(
            "{}<sub>{}</sub>",
            part(kids.first()),
            part(kids.get(1))
        )),
        "msup" => out.push_str(&format!(
            "{}<sup>{}</sup>",
            part(kids.first()),
            part(kids.get(1))
        )),
        "msubsup" => out.push_str(&format!(
            "{}<sub>{}</sub><sup>{}</sup>",
            part(kids.first()),
            part(kids.get(1)),
            part(kids.get(2))
        )),
        "mfrac" => out.push_str(&format!("{}/{}", part(kids.first()), part(kids.get(1)))),
        "msqrt" => out.push_str(&format!(
            "√({})",
            kids.iter().map(|k| part(Some(k))).collect::<String>()
        )),
        "annotation" | "annotation-xml" => {}
        "mi" | "mn" | "mo" | "mtext" | "ms" => {
            out.push_str(&normalize_space(node.text().unwrap_or_default()))
        }
        _ => {
            for k in &kids {
                math_into(*k, out);
            }
        }
    }
}

/// Block content (an abstract, a bio) as paragraphs separated by a blank
/// line. Section titles become a bold paragraph of their own.
pub(crate) fn block_text(node: Node<'_, '_>, warnings: &mut Warnings) -> String {
    let mut paragraphs = Vec::new();
    blocks_into(node, &mut paragraphs, warnings, true);
    paragraphs.retain(|p| !p.is_empty());
    paragraphs.join("\n\n")
}

fn blocks_into(
    node: Node<'_, '_>,
    paragraphs: &mut Vec<String>,
    warnings: &mut Warnings,
    top: bool,
) {
    let mut loose = String::new();
    for c in node.children() {
        if c.is_text() {
            loose.push_str(c.text().unwrap_or_default());
            continue;
        }
        if !c.is_element() {
            continue;
        }
        match c.tag_name().name() {
            // The abstract's own heading ("Abstract", "摘要") is not content.
            "title" if top => {}
            "title" => paragraphs.push(format!("<b>{}</b>", inline_text(c, warnings))),
            "label" | "object-id" => {}
            "p" => paragraphs.push(inline_text(c, warnings)),
            "sec" | "abstract" | "trans-abstract" => blocks_into(c, paragraphs, warnings, false),
            "list" => {
                for item in c.children().filter(|i| i.has_tag_name("list-item")) {
                    let mut inner = Vec::new();
                    blocks_into(item, &mut inner, warnings, false);
                    paragraphs.push(format!("• {}", inner.join(" ")));
                }
            }
            _ => {
                let mut s = String::new();
                inline_into(c, &mut s, warnings);
                loose.push_str(&s);
            }
        }
    }
    let loose = normalize_space(&loose);
    if !loose.is_empty() {
        paragraphs.push(loose);
    }
}
