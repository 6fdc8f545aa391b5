//! Widgets the pages are built from.

pub mod article_nav;
pub mod article_view;
pub mod keyword_chips;
pub mod lang_toggle;
pub mod site_header;
pub mod text;
