//! Errors a user can act on: what is wrong, where (JSON path and
//! line:column), and, through the message, what to do.

use std::fmt;

/// One step of a JSON path: an object key or an array index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathSegment {
    Key(String),
    Index(usize),
}

/// A path into the catalogue, displayed as `articles[3].title`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct JsonPath(pub Vec<PathSegment>);

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(top level)");
        }
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                PathSegment::Key(key) if is_plain_key(key) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    f.write_str(key)?;
                }
                // Keys that are not identifiers are quoted so the path stays
                // unambiguous: `keywords["zh-Hans"][0]`.
                PathSegment::Key(key) => write!(f, "[{key:?}]")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

fn is_plain_key(key: &str) -> bool {
    !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// The file breaks the contract; the reader refuses it.
    Error,
    /// Legal but suspicious; the reader loads the file.
    Warning,
}

/// One problem found in a catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: JsonPath,
    pub message: String,
    /// 1-based line and column of the value at `path` in the source text.
    pub position: Option<(usize, usize)>,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some((line, column)) = self.position {
            write!(f, " (line {line}, column {column})")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Why a catalogue could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// The text is not JSON at all.
    Syntax {
        message: String,
        line: usize,
        column: usize,
        /// The text starts like an HTML page: usually a server's error or
        /// fallback page answered in place of the catalogue.
        looks_like_html: bool,
    },
    /// The text is JSON but breaks the catalogue format; every problem found
    /// is listed, errors first.
    Contract(Vec<Diagnostic>),
}

impl LoadError {
    /// The problems to list under the summary (empty for syntax errors).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        match self {
            LoadError::Syntax { .. } => &[],
            LoadError::Contract(diagnostics) => diagnostics,
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Syntax {
                looks_like_html: true,
                ..
            } => f.write_str(
                "The catalogue is an HTML page, not JSON: the server probably answered with an \
                 error or fallback page. Check that catalogue.json exists beside index.html.",
            ),
            LoadError::Syntax {
                message,
                line,
                column,
                ..
            } => {
                // serde_json counts column 0 at the very start of a line.
                let column = (*column).max(1);
                write!(
                    f,
                    "The catalogue is not valid JSON: {message} at line {line}, column {column}."
                )?;
                if message.starts_with("EOF") {
                    f.write_str(" The file ends too early: it may have been cut off.")?;
                }
                Ok(())
            }
            LoadError::Contract(diagnostics) => {
                let errors = diagnostics
                    .iter()
                    .filter(|d| d.severity == Severity::Error)
                    .count();
                let problems = if errors == 1 { "problem" } else { "problems" };
                write!(
                    f,
                    "The catalogue breaks the catalogue format ({errors} {problems}):"
                )?;
                for d in diagnostics.iter().filter(|d| d.severity == Severity::Error) {
                    write!(f, "\n  {d}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for LoadError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_display_like_javascript() {
        let path = JsonPath(vec![
            PathSegment::Key("articles".into()),
            PathSegment::Index(3),
            PathSegment::Key("keywords".into()),
            PathSegment::Key("zh-Hans".into()),
            PathSegment::Index(0),
        ]);
        assert_eq!(path.to_string(), r#"articles[3].keywords["zh-Hans"][0]"#);
        assert_eq!(JsonPath::default().to_string(), "(top level)");
    }
}
