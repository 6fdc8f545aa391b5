//! One module per kind of page.

pub mod article;
pub mod home;
pub mod keyword;
pub mod load_error;
pub mod not_found;
