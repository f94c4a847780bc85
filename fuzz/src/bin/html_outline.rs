//! Fuzz the html_outline target on arbitrary bytes. See `fuzz/run`.
fn main() {
    afl::fuzz!(|data: &[u8]| baogao_fuzz::html_outline(data));
}
