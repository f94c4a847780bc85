//! Fuzz the marks-file reader, re-anchoring and export. See `fuzz/run`.
fn main() {
    afl::fuzz!(|data: &[u8]| baogao_fuzz::marks_file(data));
}
