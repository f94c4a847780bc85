//! Fuzz figure extraction on arbitrary text. See `fuzz/run`.
fn main() {
    afl::fuzz!(|data: &[u8]| baogao_fuzz::figures_text(data));
}
