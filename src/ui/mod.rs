//! Rendering: draws the browser from the app state, never changing it.

pub mod wrap;
