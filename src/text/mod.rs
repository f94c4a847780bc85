//! Text shaping shared by every layer that lays text out: Chinese line breaking
//! ([`wrap`]), which the app uses to place the cursor and the renderer to draw.

pub mod wrap;

/// Pinyin spellings of Chinese names, for finding them without an input method.
pub mod pinyin;

/// Escaping text from reports before it is printed to a terminal.
pub mod escape;
