//! Widgets the pages are built from.

pub mod article_list;
pub mod article_nav;
pub mod article_view;
pub mod cite_panel;
pub mod keyword_chips;
pub mod lang_toggle;
pub mod search_box;
pub mod site_header;
pub mod text;
