//! Pure rules of the policy: the registry, validation, the working-day calendar and deadlines,
//! filing and the lifecycle, the publishing workflow and its audit chain, content screening,
//! supervision (the inactivity ladder, party building, training, incidents, due actions).
//! Nothing here touches SQLite or egui, so every rule is testable on its own.

pub mod audit;
pub mod audit_trust;
pub mod auth;
pub mod calendar;
pub mod filing;
pub mod identity;
pub mod lifecycle;
pub mod permissions;
pub mod platform;
pub mod post;
pub mod publish_time;
pub mod registry;
pub mod screening;
pub mod settings;
pub mod signing;
pub mod supervision;
pub mod text_diff;
pub mod todo;
pub mod unit;
pub mod validation;
pub mod workflow;
