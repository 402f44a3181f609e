//! Pure rules of the policy: the registry's types, validation, and (later) deadlines, workflow
//! and screening. Nothing here touches SQLite or egui, so every rule is testable on its own.

pub mod calendar;
pub mod filing;
pub mod lifecycle;
pub mod platform;
pub mod registry;
pub mod screening;
pub mod unit;
pub mod validation;
