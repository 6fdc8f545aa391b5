//! `cargo xtask generate --articles N [--out FILE]`: a plainly fictitious
//! catalogue of any size, for demos and scale tests ("Sample Journal
//! (fictitious)", placeholder authors, text drawn from a fixed vocabulary).
//! The same N always gives the same file.

use std::path::PathBuf;

use serde_json::{Value, json};

use crate::util::{Args, Result, failed, project_root, usage};

/// Articles per issue and issues per volume (one volume a year).
const PER_ISSUE: usize = 20;
const ISSUES_PER_VOLUME: usize = 12;

const EN_WORDS: [&str; 48] = [
    "digital",
    "diplomacy",
    "governance",
    "network",
    "policy",
    "cooperation",
    "regional",
    "economy",
    "platform",
    "data",
    "security",
    "framework",
    "trade",
    "innovation",
    "education",
    "language",
    "translation",
    "terminology",
    "culture",
    "media",
    "public",
    "strategy",
    "risk",
    "model",
    "evidence",
    "survey",
    "method",
    "analysis",
    "history",
    "practice",
    "reform",
    "development",
    "infrastructure",
    "energy",
    "climate",
    "health",
    "urban",
    "rural",
    "industry",
    "market",
    "technology",
    "archive",
    "library",
    "journal",
    "citation",
    "review",
    "sample",
    "placeholder",
];

const ZH_WORDS: [&str; 48] = [
    "数字",
    "外交",
    "治理",
    "网络",
    "政策",
    "合作",
    "区域",
    "经济",
    "平台",
    "数据",
    "安全",
    "框架",
    "贸易",
    "创新",
    "教育",
    "语言",
    "翻译",
    "术语",
    "文化",
    "媒体",
    "公共",
    "战略",
    "风险",
    "模型",
    "证据",
    "调查",
    "方法",
    "分析",
    "历史",
    "实践",
    "改革",
    "发展",
    "基础设施",
    "能源",
    "气候",
    "健康",
    "城市",
    "乡村",
    "产业",
    "市场",
    "技术",
    "档案",
    "图书馆",
    "期刊",
    "引文",
    "评论",
    "示例",
    "占位",
];

/// A small deterministic generator (xorshift64*): no dependency, same
/// output on every machine.
struct Words(u64);

impl Words {
    fn next(&mut self) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        // The modulo keeps it below the vocabulary's length.
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize
    }
    fn en(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| EN_WORDS[self.next() % EN_WORDS.len()])
            .collect::<Vec<_>>()
            .join(" ")
    }
    fn zh(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| ZH_WORDS[self.next() % ZH_WORDS.len()])
            .collect()
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Article `i` (0-based) of a generated catalogue.
fn article(i: usize, words: &mut Words) -> Value {
    let issue_no = i / PER_ISSUE;
    let volume = issue_no / ISSUES_PER_VOLUME + 1;
    let issue = issue_no % ISSUES_PER_VOLUME + 1;
    let position = i % PER_ISSUE;
    let first_page = position * 10 + 1;
    let year = 2000 + volume;
    let sentences_en: Vec<String> = (0..6)
        .map(|_| format!("{}.", capitalised(&words.en(12))))
        .collect();
    let sentences_zh: Vec<String> = (0..6).map(|_| format!("{}。", words.zh(10))).collect();
    // Four different keywords, paired by position across the languages.
    let mut keywords: Vec<usize> = Vec::new();
    while keywords.len() < 4 {
        let k = words.next() % EN_WORDS.len();
        if !keywords.contains(&k) {
            keywords.push(k);
        }
    }
    let n = i + 1;
    json!({
        "id": format!("sample-{volume}-{issue}-{first_page}"),
        "year": year,
        "volume": volume.to_string(),
        "issue": issue.to_string(),
        "pages": format!("{first_page}-{}", first_page + 9),
        "title": {
            "en": format!("Fictitious article {n}: {}", capitalised(&words.en(6))),
            "zh": format!("虚构文章{n}：{}", words.zh(6)),
        },
        "authors": [
            { "name": { "en": format!("Author {n}A (placeholder)"), "zh": format!("作者{n}甲（占位）") }, "affiliations": [1] },
            { "name": { "en": format!("Author {n}B (placeholder)"), "zh": format!("作者{n}乙（占位）") }, "affiliations": [1] },
        ],
        "affiliations": [
            { "id": 1, "name": { "en": "Placeholder Institute (fictitious)", "zh": "占位研究所（虚构）" } }
        ],
        "dates": { "received": format!("{}-01-15", year - 1), "published": format!("{year}-{issue:02}-01") },
        "abstract": { "en": sentences_en.join(" "), "zh": sentences_zh.join("") },
        "keywords": {
            "en": keywords.iter().map(|&k| EN_WORDS[k]).collect::<Vec<_>>(),
            "zh": keywords.iter().map(|&k| ZH_WORDS[k]).collect::<Vec<_>>(),
        },
    })
}

/// A fictitious catalogue of `count` articles, in reading order.
pub fn catalogue(count: usize) -> Value {
    let mut words = Words(0x9e37_79b9_7f4a_7c15);
    let articles: Vec<Value> = (0..count).map(|i| article(i, &mut words)).collect();
    json!({
        "format": "abstract-catalogue/1",
        "generator": format!("cargo xtask generate --articles {count} (fictitious data)"),
        "journal": {
            "title": { "en": "Sample Journal (fictitious)", "zh": "示例期刊（虚构）" }
        },
        "articles": articles,
    })
}

pub fn run(args: &[String]) -> Result {
    let mut args = Args::new(args);
    let count: usize = args
        .value("--articles")?
        .ok_or_else(|| usage("generate needs --articles N"))?
        .parse()
        .map_err(|_| usage("--articles takes a whole number"))?;
    let out = args
        .value("--out")?
        .map(PathBuf::from)
        .unwrap_or_else(|| project_root().join(format!("target/generated-{count}.json")));
    args.finish()?;
    write_catalogue(count, &out)?;
    println!("Wrote {count} fictitious articles to {}", out.display());
    Ok(())
}

/// Writes the generated catalogue of `count` articles to `out`.
pub fn write_catalogue(count: usize, out: &std::path::Path) -> Result {
    let text = serde_json::to_string(&catalogue(count))
        .map_err(|e| failed(format!("cannot serialise the catalogue: {e}")))?;
    crate::build::write(out, &text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_catalogues_load_and_are_plainly_fictitious() {
        let text = catalogue(45).to_string();
        let loaded = catalogue::Catalogue::from_json(&text).expect("loads");
        assert_eq!(loaded.articles().len(), 45);
        let (_, warnings) = catalogue::Catalogue::check_json(&text).expect("loads");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert!(text.contains("(fictitious)") && text.contains("(placeholder)"));
        // Same size, same file.
        assert_eq!(text, catalogue(45).to_string());
        // Ids are unique across issues and volumes.
        assert_eq!(
            loaded.article("sample-1-2-1").map(|a| a.issue()),
            Some(Some("2"))
        );
    }
}
