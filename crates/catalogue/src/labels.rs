//! Every word the interface says, in each interface language. Kept here,
//! not in the app, so native tools (prerendering, tests) say the same.

use crate::lang::Lang;
use crate::model::DateKind;

/// The interface's words in one language.
#[derive(Debug)]
pub struct Labels {
    pub lang: Lang,
    pub abstract_heading: &'static str,
    pub keywords: &'static str,
    pub author_notes: &'static str,
    pub funding: &'static str,
    pub affiliations: &'static str,
    pub dates: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub no_previous: &'static str,
    pub no_next: &'static str,
    pub article_navigation: &'static str,
    pub language: &'static str,
    pub both_languages: &'static str,
    pub skip_to_article: &'static str,
    pub loading: &'static str,
    pub retry: &'static str,
    pub error_heading: &'static str,
    pub not_found_heading: &'static str,
    pub not_found_body: &'static str,
    pub back_to_first: &'static str,
    pub keyword_heading: &'static str,
    pub keyword_none: &'static str,
    pub back_to_article: &'static str,
    pub empty_catalogue: &'static str,
    pub more_problems: &'static str,
    pub contents: &'static str,
    pub contents_label: &'static str,
    pub keyword_index: &'static str,
    pub all_keywords: &'static str,
    pub articles_column: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub search_heading: &'static str,
    pub search_none: &'static str,
    pub more_results: &'static str,
    pub search_prompt: &'static str,
    pub issue_not_found: &'static str,
    pub cite: &'static str,
    pub cite_heading: &'static str,
    pub copy: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub download: &'static str,
    pub copy_link: &'static str,
    pub pages_label: &'static str,
}

const EN: Labels = Labels {
    lang: Lang::En,
    abstract_heading: "Abstract",
    keywords: "Key words",
    author_notes: "Author notes",
    funding: "Funding",
    affiliations: "Affiliations",
    dates: "Dates",
    previous: "Previous article",
    next: "Next article",
    no_previous: "This is the first article",
    no_next: "This is the last article",
    article_navigation: "Previous and next articles",
    language: "Language",
    both_languages: "Both",
    skip_to_article: "Skip to the article",
    loading: "Loading the catalogue…",
    retry: "Try again",
    error_heading: "The catalogue could not be loaded",
    not_found_heading: "Article not found",
    not_found_body: "This catalogue has no article with the id",
    back_to_first: "Go to the first article",
    keyword_heading: "Articles with the keyword",
    keyword_none: "No article in this catalogue carries this keyword.",
    back_to_article: "Back to the article",
    empty_catalogue: "This catalogue has no articles yet.",
    more_problems: "more problems not shown",
    contents: "Contents",
    contents_label: "Table of contents",
    keyword_index: "Keyword index",
    all_keywords: "All keywords",
    articles_column: "Articles",
    search: "Search",
    search_placeholder: "Title, author, keyword, abstract…",
    search_heading: "Search",
    search_none: "No article matches this search.",
    more_results: "Show more results",
    search_prompt: "Type a word in English or Chinese to search titles, authors, keywords and abstracts.",
    issue_not_found: "This catalogue has no such issue.",
    cite: "Cite",
    cite_heading: "Cite this article",
    copy: "Copy",
    copied: "Copied",
    copy_failed: "Could not copy; select the text and copy it by hand.",
    download: "Download",
    copy_link: "Copy link",
    pages_label: "Pages",
};

const ZH: Labels = Labels {
    lang: Lang::Zh,
    abstract_heading: "摘要",
    keywords: "关键词",
    author_notes: "作者简介",
    funding: "基金资助",
    affiliations: "作者单位",
    dates: "日期",
    previous: "上一篇",
    next: "下一篇",
    no_previous: "已是第一篇",
    no_next: "已是最后一篇",
    article_navigation: "上一篇与下一篇",
    language: "语言",
    both_languages: "双语",
    skip_to_article: "跳到正文",
    loading: "正在加载目录…",
    retry: "重试",
    error_heading: "目录无法加载",
    not_found_heading: "未找到文章",
    not_found_body: "本目录中没有此编号的文章：",
    back_to_first: "前往第一篇文章",
    keyword_heading: "含此关键词的文章",
    keyword_none: "本目录中没有文章使用此关键词。",
    back_to_article: "返回文章",
    empty_catalogue: "本目录暂无文章。",
    more_problems: "个问题未列出",
    contents: "目录",
    contents_label: "期刊目次",
    keyword_index: "关键词索引",
    all_keywords: "全部关键词",
    articles_column: "文章数",
    search: "检索",
    search_placeholder: "标题、作者、关键词、摘要…",
    search_heading: "检索",
    search_none: "没有符合检索条件的文章。",
    more_results: "显示更多结果",
    search_prompt: "输入中文或英文词语，检索标题、作者、关键词与摘要。",
    issue_not_found: "本目录中没有这一期。",
    cite: "引用",
    cite_heading: "引用本文",
    copy: "复制",
    copied: "已复制",
    copy_failed: "无法复制，请选中文本手动复制。",
    download: "下载",
    copy_link: "复制链接",
    pages_label: "页码",
};

impl Labels {
    pub fn of(lang: Lang) -> &'static Labels {
        match lang {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }

    /// The label of a date, as the seed page writes it ("Online",
    /// "网络出版日期").
    pub fn date(&self, kind: DateKind) -> &'static str {
        match (self.lang, kind) {
            (Lang::En, DateKind::Received) => "Received",
            (Lang::En, DateKind::Revised) => "Revised",
            (Lang::En, DateKind::Accepted) => "Accepted",
            (Lang::En, DateKind::Online) => "Online",
            (Lang::En, DateKind::Published) => "Published",
            (Lang::Zh, DateKind::Received) => "收稿日期",
            (Lang::Zh, DateKind::Revised) => "修回日期",
            (Lang::Zh, DateKind::Accepted) => "录用日期",
            (Lang::Zh, DateKind::Online) => "网络出版日期",
            (Lang::Zh, DateKind::Published) => "发布日期",
        }
    }

    /// The name of a language in this interface language.
    pub fn language_name(&self, tag: &str) -> String {
        match (self.lang, Lang::from_tag(tag)) {
            (Lang::En, Some(Lang::En)) => "English".into(),
            (Lang::En, Some(Lang::Zh)) => "Chinese".into(),
            (Lang::Zh, Some(Lang::En)) => "英文".into(),
            (Lang::Zh, Some(Lang::Zh)) => "中文".into(),
            (_, None) => tag.into(),
        }
    }

    /// What a screen reader hears after the reader picks a view.
    pub fn view_announcement(&self, view: crate::lang::View) -> &'static str {
        use crate::lang::View;
        match (self.lang, view) {
            (Lang::En, View::One(Lang::En)) => "Showing the English text",
            (Lang::En, View::One(Lang::Zh)) => "Showing the Chinese text",
            (Lang::En, View::Both) => "Showing English and Chinese side by side",
            (Lang::Zh, View::One(Lang::En)) => "显示英文",
            (Lang::Zh, View::One(Lang::Zh)) => "显示中文",
            (Lang::Zh, View::Both) => "中英对照显示",
        }
    }

    /// An issue's size in the contents of a split catalogue.
    pub fn article_count(&self, n: usize) -> String {
        match (self.lang, n) {
            (Lang::En, 1) => "1 article".into(),
            (Lang::En, n) => format!("{n} articles"),
            (Lang::Zh, n) => format!("{n} 篇文章"),
        }
    }

    /// "1 result" / "2 results" / "共 2 条结果".
    pub fn result_count(&self, n: usize) -> String {
        match (self.lang, n) {
            (Lang::En, 1) => "1 result".into(),
            (Lang::En, n) => format!("{n} results"),
            (Lang::Zh, n) => format!("共 {n} 条结果"),
        }
    }

    /// The visible note beside text shown in another language than asked
    /// for, e.g. the seed article's English-only title in the Chinese view.
    pub fn fallback_note(&self, shown_tag: &str) -> String {
        let shown = self.language_name(shown_tag);
        match self.lang {
            Lang::En => format!("{shown} only"),
            Lang::Zh => format!("仅有{shown}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_notes_name_the_language_shown() {
        assert_eq!(Labels::of(Lang::Zh).fallback_note("en"), "仅有英文");
        assert_eq!(
            Labels::of(Lang::En).fallback_note("zh-Hans"),
            "Chinese only"
        );
        assert_eq!(Labels::of(Lang::En).fallback_note("fr"), "fr only");
    }

    #[test]
    fn seed_page_labels() {
        let zh = Labels::of(Lang::Zh);
        assert_eq!(
            (zh.abstract_heading, zh.keywords, zh.date(DateKind::Online)),
            ("摘要", "关键词", "网络出版日期")
        );
        let en = Labels::of(Lang::En);
        assert_eq!(
            (
                en.abstract_heading,
                en.keywords,
                en.date(DateKind::Published)
            ),
            ("Abstract", "Key words", "Published")
        );
    }
}
