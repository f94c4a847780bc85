//! Loading real reports: encodings, formats (.docx, .html), cleaning, outlines and metadata of
//! the real corpus in `tests/data/corpus`, and bad input that must be reported without losing the rest.

#[path = "../common/run.rs"]
mod run;

mod bad_input;
mod cli;
mod docx_headings;
mod encodings;
mod formats;
mod formats_cli;
mod former_places;
mod html_headings;
mod reading;
mod real_reports;
mod reports;
mod residue;
mod sections;
mod wrap;
