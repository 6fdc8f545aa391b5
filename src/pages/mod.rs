//! One module per kind of page.

pub mod article;
pub mod home;
pub mod issue;
pub mod issue_list;
pub mod keyword;
pub mod keyword_index;
pub mod load_error;
pub mod not_found;
pub mod search;
